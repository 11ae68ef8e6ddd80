package org.letterarchive.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.letterarchive.Archive;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;
import org.letterarchive.extract.ScanReader;
import org.letterarchive.search.SearchService;

/**
 * Search latency while a scan is read with OCR, against the same searches with no OCR running, in the same run.
 *
 * <p>The index is the search bench's (N generated letters, shared through {@code --work}). The OCR load is the
 * server's own: an OCR parser process ({@link IsolatedParser#forOcr}: its own JVM at {@code nice 10}, Tesseract
 * held to one thread) reading a scanned PDF made here from a generated letter (its text drawn on A4 pages with
 * Java2D, image-only, JPEG-compressed), again and again. Rounds alternate idle and OCR phases (which goes first
 * alternates too); an OCR phase starts once Tesseract is reading a page, an idle phase once no document is being
 * read. Each phase is one pass over the search bench's query mix, sequentially, in-process through the search
 * service. Medians over rounds, and their ratios; pages per second of the OCR while it ran.
 */
public final class OcrLoadBenchmark {

    public record Report(int letters, int queries, int rounds, int scanPages, Latency idle, Latency ocr, int pagesRead, double ocrSeconds,
                         List<Double> idleP99s, List<Double> ocrP99s) {
        public double ratioP99() {
            return ocr.p99Ms() / idle.p99Ms();
        }

        public double ratioP50() {
            return ocr.p50Ms() / idle.p50Ms();
        }

        public double pagesPerSecond() {
            return ocrSeconds == 0 ? 0 : pagesRead / ocrSeconds;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "ocr-load");
            m.put("letters", letters);
            m.put("queries", queries);
            m.put("rounds", rounds);
            m.put("scan_pages", scanPages);
            m.put("idle", idle.toJson());
            m.put("ocr", ocr.toJson());
            m.put("ratio_p50", Latency.round(ratioP50()));
            m.put("ratio_p99", Latency.round(ratioP99()));
            m.put("idle_p99_rounds", idleP99s);
            m.put("ocr_p99_rounds", ocrP99s);
            m.put("ocr_pages", pagesRead);
            m.put("ocr_pages_per_s", Latency.round(pagesPerSecond()));
            return m;
        }
    }

    private OcrLoadBenchmark() {}

    public static Report run(Path workDir, int letters, int queries, int rounds, int warmup, long seed, int threads, int scanPages, PrintStream log)
            throws IOException, InterruptedException {
        if (!ScanReader.available()) throw new IllegalStateException("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)");
        if (rounds < 1 || queries < 1 || scanPages < 1) throw new IllegalArgumentException("--rounds, --queries and --pages must be 1 or more");
        SearchBenchmark.Options options = new SearchBenchmark.Options(letters, queries, rounds, warmup, seed, threads, 0, 0, workDir, false);
        new SearchBenchmark(options, log).ensureIndex();
        CorpusGenerator gen = new CorpusGenerator(seed);
        byte[] scan = scannedPdf(gen, scanPages);
        log.printf("ocr-load bench: a scanned PDF of %d page(s), %d KB, read again and again by one OCR parser process%n", scanPages, scan.length / 1024);

        IngestLimits limits = IngestLimits.defaults();
        BenchFiles.runEverySearch();
        try (Archive archive = Archive.open(workDir.resolve("corpus"), workDir.resolve("index"));
             IsolatedParser ocrParser = IsolatedParser.forOcr(limits)) {
            List<QueryMix.BenchQuery> mix = QueryMix.build(gen, letters, queries, seed, archive.store().organizations()::keyOf);
            SearchService service = archive.search();
            OcrLoad load = new OcrLoad(ocrParser, scan);
            Thread reader = new Thread(load, "ocr-load");
            reader.setDaemon(true);
            reader.start();
            try {
                for (int r = 0; r < warmup; r++) pass(service, mix);
                List<Latency> idle = new ArrayList<>();
                List<Latency> ocr = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (int phase = 0; phase < 2; phase++) {
                        boolean withOcr = (phase == 0) == (r % 2 == 1);
                        if (withOcr) load.startReading(); else load.stopReading();
                        Latency l = pass(service, mix);
                        (withOcr ? ocr : idle).add(l);
                        if (withOcr && !load.readingPage()) log.printf("  (the OCR document ended during this phase; the next one was starting)%n");
                    }
                    log.printf("  round %d: idle p50 %.2f ms p99 %.2f ms | OCR running p50 %.2f ms p99 %.2f ms%n", r + 1,
                            idle.get(r).p50Ms(), idle.get(r).p99Ms(), ocr.get(r).p50Ms(), ocr.get(r).p99Ms());
                }
                load.stopReading();
                if (load.failure.get() != null) throw new IllegalStateException("OCR failed: " + load.failure.get());
                return new Report(letters, mix.size(), rounds, scanPages, Latency.median(idle), Latency.median(ocr), load.pages.get(),
                        load.busyNanos.get() / 1e9, idle.stream().map(l -> Latency.round(l.p99Ms())).toList(),
                        ocr.stream().map(l -> Latency.round(l.p99Ms())).toList());
            } finally {
                load.quit();
                reader.interrupt();
                reader.join(10_000);
            }
        }
    }

    private static Latency pass(SearchService service, List<QueryMix.BenchQuery> mix) throws IOException {
        long[] nanos = new long[mix.size()];
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            service.search(mix.get(i).request());
            nanos[i] = System.nanoTime() - t;
        }
        return Latency.of(nanos, System.nanoTime() - start);
    }

    /** Reads the scan with OCR, document after document, while asked to; says whether a page is being read. */
    private static final class OcrLoad implements Runnable {
        final IsolatedParser parser;
        final byte[] scan;
        final Object lock = new Object();
        boolean wanted;
        boolean inDocument;
        boolean quit;
        final AtomicBoolean pageUnderWay = new AtomicBoolean();
        final AtomicInteger pages = new AtomicInteger();
        final AtomicLong busyNanos = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();

        OcrLoad(IsolatedParser parser, byte[] scan) {
            this.parser = parser;
            this.scan = scan;
        }

        @Override
        public void run() {
            while (true) {
                synchronized (lock) {
                    while (!wanted && !quit) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (quit) return;
                    inDocument = true;
                }
                long t0 = System.nanoTime();
                try {
                    parser.parseScanned(scan, "bench-scan.pdf", (done, total) -> {
                        if (done > 0) pages.incrementAndGet();
                        pageUnderWay.set(done < total);
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    });
                } catch (ExtractionException e) {
                    failure.compareAndSet(null, e.getMessage());
                } finally {
                    busyNanos.addAndGet(System.nanoTime() - t0);
                    pageUnderWay.set(false);
                    synchronized (lock) {
                        inDocument = false;
                        lock.notifyAll();
                    }
                }
                if (failure.get() != null) {
                    synchronized (lock) {
                        quit = true;
                        lock.notifyAll();
                    }
                    return;
                }
            }
        }

        boolean readingPage() {
            return pageUnderWay.get();
        }

        /** Asks for OCR and waits until Tesseract is reading a page. */
        void startReading() throws InterruptedException {
            synchronized (lock) {
                wanted = true;
                lock.notifyAll();
                while (!pageUnderWay.get() && !quit) lock.wait(100);
            }
        }

        /** Asks for no more OCR and waits until the document being read is done. */
        void stopReading() throws InterruptedException {
            synchronized (lock) {
                wanted = false;
                while (inDocument) lock.wait(100);
            }
        }

        void quit() {
            synchronized (lock) {
                quit = true;
                wanted = false;
                lock.notifyAll();
            }
        }
    }

    /** A generated letter's text drawn on A4 pages at 200 dpi, as an image-only PDF (a scan); {@code pages} pages, the text repeated to fill them. */
    static byte[] scannedPdf(CorpusGenerator gen, int pages) throws IOException {
        int dpi = 200;
        int w = (int) (8.27 * dpi);
        int h = (int) (11.69 * dpi);
        int margin = dpi * 3 / 4;
        Font font = new Font(Font.SERIF, Font.PLAIN, Math.round(11f * dpi / 72f));
        List<String> words = new ArrayList<>();
        for (int i = 0; words.size() < 600 * pages; i++) {
            for (String para : gen.letter(i).text().split("\n")) {
                for (String word : para.split(" ")) if (!word.isBlank()) words.add(word);
                words.add("\n");
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int next = 0;
            for (int p = 0; p < pages; p++) {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.setColor(Color.BLACK);
                g.setFont(font);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                FontMetrics fm = g.getFontMetrics();
                int y = margin + fm.getAscent();
                StringBuilder line = new StringBuilder();
                while (y <= h - margin && next < words.size()) {
                    String word = words.get(next);
                    boolean full = line.length() > 0 && fm.stringWidth(line + " " + word) > w - 2 * margin;
                    if (word.equals("\n") || full) {
                        g.drawString(line.toString(), margin, y);
                        y += fm.getHeight();
                        line.setLength(0);
                        if (word.equals("\n")) next++;
                        continue;
                    }
                    if (line.length() > 0) line.append(' ');
                    line.append(word);
                    next++;
                }
                g.dispose();
                float pw = w * 72f / dpi;
                float ph = h * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(pw, ph));
                doc.addPage(page);
                var x = JPEGFactory.createFromImage(doc, img, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, pw, ph);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
