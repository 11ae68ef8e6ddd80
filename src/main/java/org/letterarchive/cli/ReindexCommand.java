package org.letterarchive.cli;

import java.util.concurrent.Callable;
import org.letterarchive.Archive;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.ingest.IngestPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `letters reindex`: rebuilds the index from the corpus alone. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the index from the corpus alone; with --solr (or LETTERS_SOLR), fill the SolrCloud collection too.")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    SolrOptions solr;

    @Option(names = "--reanalyze", description = "parse every stored original again and run the current letter analysis "
            + "(human corrections are kept), then rebuild the index")
    boolean reanalyze;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (reanalyze) {
            IngestLimits limits = IngestLimits.defaults();
            try (Archive archive = Archive.open(store.corpusDir(), store.indexDir(), limits, new TrustedParser(limits), solr.connect())) {
                IngestPipeline.Reanalysis r = archive.ingest().reanalyze();
                archive.maintenance().reindex();
                System.out.printf("Re-analysed %d letter(s) with analysis version %d, %d failed, in %.1f s.%n",
                        r.analysed(), Archive.ANALYSIS_VERSION, r.failed(), (System.nanoTime() - t0) / 1e9);
                r.failures().forEach(f -> System.out.println("  kept the earlier analysis of " + f));
                return r.failed() == 0 ? 0 : 1;
            }
        }
        IngestLimits limits = IngestLimits.defaults();
        try (Archive archive = Archive.open(store.corpusDir(), store.indexDir(), limits, new TrustedParser(limits), solr.connect())) {
            int n = archive.maintenance().reindex();
            var b = archive.searchBackend();
            System.out.printf("Reindexed %d letter(s) in %.1f s%s.%n", n, (System.nanoTime() - t0) / 1e9,
                    b.name().equals("embedded") ? "" : " (the embedded index and the SolrCloud collection, which holds " + b.count() + ")");
        }
        return 0;
    }
}
