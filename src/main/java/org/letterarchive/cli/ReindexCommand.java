package org.letterarchive.cli;

import java.util.concurrent.Callable;
import org.letterarchive.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `letters reindex`: rebuilds the index from the corpus alone. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the index from the corpus alone.")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        try (Archive archive = store.open()) {
            int n = archive.reindex();
            System.out.printf("Reindexed %d letter(s) in %.1f s.%n", n, (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }
}
