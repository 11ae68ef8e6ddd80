package org.letterarchive.cli;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.letterarchive.Archive;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;
import org.letterarchive.web.ApiToken;
import org.letterarchive.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `letters serve`: the API and web UI over the archive; Ctrl-C closes the index cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the archive's API and web UI. Letters in the corpus that the index lacks are indexed first. "
                + "Writes need 'Authorization: Bearer <token>': the token comes from LETTERS_TOKEN, or from the token file "
                + "(generated at first start, readable by its owner only).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    IngestOptions ingest;

    @Mixin
    SolrOptions solr;

    @Option(names = "--port", defaultValue = "7070", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only; the server speaks plain HTTP, so put a TLS proxy in front before listening on other addresses)")
    String host;

    @Option(names = "--base-url", paramLabel = "URL", description = "the archive's public address, from which exported links "
            + "are made (default: http://localhost:PORT)")
    String baseUrl;

    @Option(names = "--web", paramLabel = "DIR", description = "folder of the web UI (default: web/ of the installation)")
    Path web;

    @Option(names = "--token-file", paramLabel = "FILE", description = "where the write token is kept (default: .token in the corpus folder)")
    Path tokenFile;

    @Option(names = "--upload-queue", defaultValue = "8", paramLabel = "N",
            description = "uploads waiting for a parser before the server answers 503 (default: ${DEFAULT-VALUE})")
    int uploadQueue;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        IngestLimits limits = ingest.limits();
        IsolatedParser parser = new IsolatedParser(limits, ingest.parsers);
        // one parser process and the analysis warm up while the index opens and heals, so the first upload
        // after a start does not wait for a JVM to start; the rest of the pool starts once the server listens
        parser.prestart(1);
        org.letterarchive.solr.SolrSearch collection = solr.connect();
        Archive archive = Archive.open(store.corpusDir(), store.indexDir(), limits, parser, collection);
        archive.warmUpInBackground();
        ApiToken token = ApiToken.load(tokenFile != null ? tokenFile : store.corpusDir().resolve(".token"));
        boolean ocr = archive.ingest().ocrAvailable();
        if (ocr) WebApp.startOcrJobs(archive, IsolatedParser.forOcr(limits));
        int healed = archive.maintenance().heal();
        if (healed > 0) System.out.println("Indexed " + healed + " letter(s) from the corpus that the index lacked.");
        if (collection != null) {
            long inSolr = collection.count();
            int stored = archive.store().count();
            if (inSolr != stored) {
                // the collection is filled from the corpus (with the embedded index, which family detection reads)
                System.out.println("SolrCloud collection '" + collection.options().collection() + "' holds " + inSolr + " of "
                        + stored + " letters: filling it from the corpus...");
                archive.maintenance().reindex();
            }
        }
        Javalin app = WebApp.create(archive, web != null ? web : StoreOptions.home().resolve("web"), token,
                Math.max(1, ingest.parsers), Math.max(0, uploadQueue), baseUrl != null ? baseUrl : "http://localhost:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } finally {
                try {
                    archive.close();
                } catch (Exception e) {
                    System.err.println("closing the index failed: " + e.getMessage());
                }
                stopped.countDown();
            }
        }, "letters-shutdown"));
        app.start(host, port);
        parser.prestart();
        System.out.println("Letter Archive: " + archive.store().count() + " letters, corpus " + store.corpusDir().toAbsolutePath().normalize());
        if (collection != null) {
            System.out.println("Searches: SolrCloud collection '" + collection.options().collection() + "' at " + collection.options().zkHost()
                    + " (" + collection.count() + " letters); organizations, review and families from the embedded index");
        }
        System.out.println("Write token: from the " + token.source() + " (send it as 'Authorization: Bearer <token>')");
        System.out.printf("Limits: %s per file, %d s per parse, %d MB parser heap, %d parser(s)%n",
                IngestLimits.size(limits.maxFileBytes()), limits.parseTimeout().toSeconds(), limits.parserHeapMb(), ingest.parsers);
        if (ocr) {
            System.out.printf("OCR: scans are read with Tesseract (%s) in %d background job worker(s); up to %d pages, %d s per page%n",
                    String.join(", ", org.letterarchive.extract.ScanReader.installedLanguages()), limits.ocr().workers(),
                    limits.ocr().maxPages(), limits.ocr().pageTimeout().toSeconds());
        } else {
            System.out.println("OCR: Tesseract is not installed, so scans will not be read (images are refused, scanned PDF pages "
                    + "are skipped); install tesseract-ocr with its eng, spa, fra and por data to read them");
        }
        System.out.printf("Serving on http://%s:%d/  (ready in %.1f s; Ctrl-C to stop)%n", host, app.port(), (System.nanoTime() - t0) / 1e9);
        stopped.await();
        return 0;
    }
}
