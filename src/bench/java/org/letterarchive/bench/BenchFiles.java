package org.letterarchive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for benchmark work folders. */
final class BenchFiles {

    private BenchFiles() {}

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    /** Total size in bytes of the regular files under a folder. */
    static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file removed by a merge while walking
                }
            }).sum();
        }
    }

    /**
     * The in-process benches measure searches as they are run, not answers kept from an earlier round of the same
     * mix: the archives they open keep none, unless -Dletters.answers=N is given.
     */
    static void runEverySearch() {
        if (System.getProperty("letters.answers") == null) System.setProperty("letters.answers", "0");
    }
}
