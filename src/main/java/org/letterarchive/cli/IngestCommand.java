package org.letterarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.letterarchive.Archive;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.ingest.IngestPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `letters ingest PATH...`: stores, analyses and indexes files and folders, through the same pipeline
 * and limits as an upload (format policy, isolated parser processes); a ZIP is ingested entry by entry.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files and folders (recursively) into the archive, then commit. "
                + "Files are parsed in separate parser processes with the same limits as uploads, unless --trusted.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    IngestOptions ingest;

    @Option(names = "--trusted", description = "parse in this process (faster; only for files you trust)")
    boolean trusted;

    @Option(names = "--restore", description = "bring back letters that were deleted, when their files are ingested again")
    boolean restore;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("no such file or folder: " + p);
                return 2;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
            }
        }
        int created = 0;
        int duplicates = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        long bytes = 0;
        long t0 = System.nanoTime();
        IngestLimits limits = ingest.limits();
        ParserBackend parser;
        if (trusted) {
            parser = new TrustedParser(limits);
        } else {
            IsolatedParser isolated = new IsolatedParser(limits, Math.max(1, ingest.parsers));
            isolated.prestart();
            parser = isolated;
        }
        try (Archive archive = Archive.open(store.corpusDir(), store.indexDir(), limits, parser);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(files.size())
                     .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                     .continuousUpdate().build()) {
            // scanned pages read with OCR move the bar too: each file's pages are added to the total when known
            archive.ingest().onPages((done, total) -> {
                if (done == 0) {
                    bar.maxHint(bar.getMax() + total);
                    bar.setExtraMessage("reading " + total + " scanned page(s)");
                } else {
                    bar.step();
                    bar.setExtraMessage("page " + done + "/" + total);
                }
            });
            if (!archive.ingest().ocrAvailable()) {
                System.err.println("OCR: Tesseract is not installed, so scans will not be read");
            }
            for (Path f : files) {
                // the pipeline admits the size before the file is read
                IngestPipeline.Incoming in;
                try {
                    in = new IngestPipeline.Incoming(f.getFileName().toString(), Files.size(f), () -> Files.readAllBytes(f));
                } catch (IOException e) {
                    failures.put(f.toString(), "cannot read: " + e.getMessage());
                    bar.step();
                    continue;
                }
                for (IngestPipeline.Result r : archive.ingest().ingest(List.of(in), restore, false)) {
                    String where = r.archive() != null ? f + "!" + r.name() : f.toString();
                    if (r.error() != null) failures.put(where, r.error().getMessage());
                    else if (r.created()) created++;
                    else duplicates++;
                }
                bytes += in.size();
                bar.setExtraMessage("");
                bar.step();
            }
            archive.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Ingested %d new letter(s), %d already present, %d failed — %d file(s), %.1f MB in %.1f s.%n",
                created, duplicates, failures.size(), files.size(), bytes / 1e6, secs);
        failures.forEach((f, why) -> System.out.println("  failed: " + f + ": " + why));
        return failures.isEmpty() ? 0 : 1;
    }
}
