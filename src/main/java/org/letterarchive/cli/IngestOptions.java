package org.letterarchive.cli;

import java.time.Duration;
import org.letterarchive.extract.IngestLimits;
import picocli.CommandLine.Option;

/** The limits and parser settings shared by `serve` and `ingest`. */
final class IngestOptions {

    @Option(names = "--max-file-mb", defaultValue = "50", paramLabel = "MB",
            description = "largest accepted document or upload (default: ${DEFAULT-VALUE} MB)")
    long maxFileMb;

    @Option(names = "--parse-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "a parse taking longer is stopped (default: ${DEFAULT-VALUE} s)")
    int parseTimeoutSeconds;

    @Option(names = "--parser-heap-mb", defaultValue = "512", paramLabel = "MB",
            description = "heap of each parser process (default: ${DEFAULT-VALUE} MB)")
    int parserHeapMb;

    @Option(names = "--parsers", defaultValue = "2", paramLabel = "N",
            description = "parser processes kept warm, and documents parsed at once (default: ${DEFAULT-VALUE})")
    int parsers;

    IngestLimits limits() {
        IngestLimits d = IngestLimits.defaults();
        return new IngestLimits(Math.max(1, maxFileMb) * IngestLimits.MB, d.maxTextChars(),
                Duration.ofSeconds(Math.max(1, parseTimeoutSeconds)), d.maxZipEntries(), d.maxZipTotalBytes(),
                Math.max(64, parserHeapMb));
    }
}
