package org.letterarchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.letterarchive.Archive;
import picocli.CommandLine.Option;

/** The --corpus and --index options every command that touches the archive shares. */
final class StoreOptions {

    @Option(names = "--corpus", paramLabel = "DIR", description = "corpus folder (default: corpus/ of the installation)")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: index/ of the installation)")
    Path index;

    static Path home() {
        String home = System.getProperty("letters.home");
        return Path.of(home == null ? "." : home);
    }

    Path corpusDir() {
        return corpus != null ? corpus : home().resolve("corpus");
    }

    Path indexDir() {
        return index != null ? index : home().resolve("index");
    }

    Archive open() throws IOException {
        return Archive.open(corpusDir(), indexDir());
    }
}
