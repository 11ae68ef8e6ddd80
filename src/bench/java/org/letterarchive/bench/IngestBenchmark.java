package org.letterarchive.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.FormatPolicy;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.IsolatedParser;
import org.letterarchive.extract.LetterExtractor;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Organization;

/**
 * Ingest throughput of the full pipeline (Tika parse, letter analysis, durable corpus write, index,
 * one commit at the end — what {@code letters ingest} does) next to the same texts added straight to a
 * bare Lucene IndexWriter with the same analyzer, and the same files parsed by bare Tika, in the same run.
 */
public final class IngestBenchmark {

    /** What to run. */
    /**
     * @param pdf      every letter as a PDF (instead of plain text, or the mix of {@code formats})
     * @param isolated also time the pipeline parsing in separate processes, as the server and {@code letters ingest}
     *                 (without {@code --trusted}) parse
     * @param warmup   letters put through every stage first, untimed, so that the measured rounds run compiled code
     *                 (a warm-up of 300 left the first of three rounds of 2,000 letters a third slower than the third)
     */
    public record Options(int letters, int threads, long seed, boolean formats, boolean pdf, boolean isolated, int rounds,
                          int warmup, Path workDir) {
        public Options {
            if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative");
            if (letters < 1) throw new IllegalArgumentException("--letters must be 1 or more");
            if (threads < 1) throw new IllegalArgumentException("--threads must be 1 or more");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be 1 or more");
        }
    }

    /** Letters and megabytes (of input files) per second, and process CPU milliseconds per letter. */
    public record Throughput(double lettersPerS, double mbPerS, double cpuMsPerLetter) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("letters_per_s", Latency.round(lettersPerS));
            m.put("mb_per_s", Latency.round(mbPerS));
            m.put("cpu_ms_per_letter", Latency.round(cpuMsPerLetter));
            return m;
        }
    }

    /**
     * The medians over rounds.
     *
     * @param extractOnly Tika + letter analysis alone, same threads: the share of the pipeline that is parsing
     * @param corpusOnly  the corpus's writes alone (original + sidecar staged per letter, one thread), then one
     *                    flush that forces them all, as the pipeline's commit does
     * @param indexOnly   index upserts of the extracted letters alone, one thread, one commit
     * @param tika        bare Tika: the same files parsed to text by Tika's {@code AutoDetectParser}, same threads
     * @param isolated    the pipeline parsing in separate processes (their CPU is not counted), or null
     * @param commitSeconds of the pipeline's time, its final commit (corpus flush, then index commit)
     * @param indexed     letters the pipeline's index held after its commit (every round)
     */
    public record Report(int letters, int threads, long bytes, long textBytes, int rounds, Throughput pipeline,
                         Throughput extractOnly, Throughput corpusOnly, Throughput indexOnly, Throughput lucene,
                         Throughput tika, Throughput isolated, double commitSeconds, int indexed, int failed) {
        public double ratio() {
            return pipeline.lettersPerS() / lucene.lettersPerS();
        }

        /** The pipeline's letters per second against bare Tika's parsing of the same files. */
        public double tikaRatio() {
            return pipeline.lettersPerS() / tika.lettersPerS();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "ingest");
            m.put("letters", letters);
            m.put("threads", threads);
            m.put("input_mb", Latency.round(bytes / 1e6));
            m.put("pipeline", pipeline.toJson());
            m.put("extract_only", extractOnly.toJson());
            m.put("corpus_only", corpusOnly.toJson());
            m.put("index_only", indexOnly.toJson());
            m.put("lucene", lucene.toJson());
            m.put("tika_only", tika.toJson());
            if (isolated != null) m.put("pipeline_isolated", isolated.toJson());
            m.put("ratio", Latency.round(ratio()));
            m.put("ratio_tika", Latency.round(tikaRatio()));
            if (isolated != null) m.put("ratio_isolated_tika", Latency.round(isolated.lettersPerS() / tika.lettersPerS()));
            m.put("pipeline_commit_s", Latency.round(commitSeconds));
            m.put("indexed", indexed);
            m.put("failed", failed);
            m.put("mode", "ingestWithoutCommit per letter on " + threads + " threads, one commit at the end (as `letters ingest`); corpus files forced at the commit, in one batch");
            return m;
        }
    }

    /** One input document. */
    record Input(String fileName, byte[] bytes, String text) {}

    private final Options options;
    private final PrintStream log;

    public IngestBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Report run() throws IOException, InterruptedException {
        CorpusGenerator gen = new CorpusGenerator(options.seed());
        List<Input> inputs = inputs(gen, options.letters(), options.formats(), options.pdf());
        long bytes = inputs.stream().mapToLong(i -> i.bytes().length).sum();
        long textBytes = inputs.stream().mapToLong(i -> i.text().length()).sum();
        Files.createDirectories(options.workDir());

        log.printf("ingest bench: %d letters (%.1f MB), %d thread(s), %d round(s)%n", inputs.size(), bytes / 1e6,
                options.threads(), options.rounds());
        List<Input> warm = inputs.subList(0, Math.min(inputs.size(), options.warmup()));
        log.printf("  warming up on %d letters...%n", warm.size());
        pipeline(warm, round("warmup"), false);
        if (options.isolated()) pipeline(warm, round("warmup-isolated"), true);
        lucene(warm, round("warmup-lucene"));
        tikaOnly(warm);
        List<Letter> warmLetters = new ArrayList<>();
        extractOnly(warm, warmLetters);
        corpusOnly(warm, warmLetters, round("warmup-corpus"));
        indexOnly(warmLetters, round("warmup-index"));

        List<Sample> pipe = new ArrayList<>();
        List<Double> commits = new ArrayList<>();
        List<Sample> luc = new ArrayList<>();
        List<Sample> ext = new ArrayList<>();
        List<Sample> cor = new ArrayList<>();
        List<Sample> idx = new ArrayList<>();
        List<Sample> tik = new ArrayList<>();
        List<Sample> iso = new ArrayList<>();
        int indexed = -1;
        int failed = 0;
        for (int r = 0; r < options.rounds(); r++) {
            double cpu = processCpuSeconds();
            PipelineRun p = pipeline(inputs, round("pipeline-" + r), false);
            pipe.add(new Sample(p.seconds, processCpuSeconds() - cpu));
            commits.add(p.commitSeconds);
            if (indexed >= 0 && indexed != p.indexed) throw new IllegalStateException("rounds indexed different counts");
            indexed = p.indexed;
            failed = p.failed;
            cpu = processCpuSeconds();
            double secs = lucene(inputs, round("lucene-" + r));
            luc.add(new Sample(secs, processCpuSeconds() - cpu));
            List<Letter> extracted = new ArrayList<>();
            cpu = processCpuSeconds();
            secs = extractOnly(inputs, extracted);
            ext.add(new Sample(secs, processCpuSeconds() - cpu));
            cpu = processCpuSeconds();
            secs = corpusOnly(inputs, extracted, round("corpus-" + r));
            cor.add(new Sample(secs, processCpuSeconds() - cpu));
            cpu = processCpuSeconds();
            secs = indexOnly(extracted, round("index-" + r));
            idx.add(new Sample(secs, processCpuSeconds() - cpu));
            cpu = processCpuSeconds();
            secs = tikaOnly(inputs);
            tik.add(new Sample(secs, processCpuSeconds() - cpu));
            if (options.isolated()) {
                cpu = processCpuSeconds();
                PipelineRun i = pipeline(inputs, round("isolated-" + r), true);
                iso.add(new Sample(i.seconds, processCpuSeconds() - cpu));
                if (i.indexed != indexed) throw new IllegalStateException("the isolated pipeline indexed " + i.indexed + ", not " + indexed);
            }
            log.printf("  round %d: pipeline %.2f s, lucene %.2f s, tika %.2f s | stages: extraction %.2f s, corpus %.2f s, index %.2f s%n",
                    r + 1, pipe.get(r).seconds(), luc.get(r).seconds(), tik.get(r).seconds(), ext.get(r).seconds(),
                    cor.get(r).seconds(), idx.get(r).seconds());
        }
        return new Report(inputs.size(), options.threads(), bytes, textBytes, options.rounds(),
                throughput(inputs.size(), bytes, pipe), throughput(inputs.size(), bytes, ext),
                throughput(inputs.size(), bytes, cor), throughput(inputs.size(), bytes, idx),
                throughput(inputs.size(), bytes, luc), throughput(inputs.size(), bytes, tik),
                options.isolated() ? throughput(inputs.size(), bytes, iso) : null,
                Latency.median(commits.stream().mapToDouble(d -> d).toArray()), indexed, failed);
    }

    static List<Input> inputs(CorpusGenerator gen, int n, boolean formats, boolean pdf) {
        List<Input> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CorpusGenerator.GeneratedLetter l = gen.letter(i);
            LetterRenderer.Format f = pdf ? LetterRenderer.Format.pdf : LetterRenderer.formatOf(i, formats);
            out.add(new Input(LetterRenderer.fileName(l, f), LetterRenderer.render(l, f), l.text()));
        }
        return out;
    }

    private Path round(String name) throws IOException {
        Path dir = options.workDir().resolve(name);
        BenchFiles.deleteTree(dir);
        return dir;
    }

    /** Wall-clock seconds of one measured run, and the CPU seconds the whole process used meanwhile. */
    record Sample(double seconds, double cpuSeconds) {}

    /** CPU seconds the whole process has used so far (every thread: merges and collection too). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static Throughput throughput(int letters, long bytes, List<Sample> samples) {
        double s = Latency.median(samples.stream().mapToDouble(Sample::seconds).toArray());
        double cpu = Latency.median(samples.stream().mapToDouble(Sample::cpuSeconds).toArray());
        return new Throughput(letters / s, bytes / 1e6 / s, cpu * 1000 / letters);
    }

    /** @param commitSeconds of {@code seconds}, the final commit (corpus flush + index commit) */
    record PipelineRun(double seconds, double commitSeconds, int indexed, int failed) {}

    /**
     * The archive's own ingest: ingestWithoutCommit on every letter from N threads, then one commit; parsing in
     * this process, or ({@code isolated}) in as many separate processes as threads, started beforehand.
     */
    private PipelineRun pipeline(List<Input> inputs, Path dir, boolean isolated) throws IOException, InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        int indexed;
        double commitSeconds;
        IngestLimits limits = IngestLimits.defaults();
        ParserBackend parser;
        if (isolated) {
            IsolatedParser children = new IsolatedParser(limits, options.threads());
            children.prestart();
            parser = children;
        } else {
            parser = new TrustedParser(limits);
        }
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"), limits, parser)) {
            Workers.onThreads(options.threads(), inputs.size(), i -> {
                Input in = inputs.get(i);
                try {
                    archive.ingestWithoutCommit(in.bytes(), in.fileName());
                } catch (ExtractionException e) {
                    failed.incrementAndGet();
                }
            });
            long c0 = System.nanoTime();
            archive.commit();
            commitSeconds = (System.nanoTime() - c0) / 1e9;
            indexed = archive.store().index().count();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        BenchFiles.deleteTree(dir);
        return new PipelineRun(secs, commitSeconds, indexed, failed.get());
    }

    /** Bare Tika: each file parsed to text by one shared {@code AutoDetectParser}, on the same threads. */
    private double tikaOnly(List<Input> inputs) throws InterruptedException, IOException {
        AutoDetectParser tika = new AutoDetectParser();
        long t0 = System.nanoTime();
        Workers.onThreads(options.threads(), inputs.size(), i -> {
            Input in = inputs.get(i);
            BodyContentHandler text = new BodyContentHandler(-1);
            tika.parse(new ByteArrayInputStream(in.bytes()), text, new Metadata(), new ParseContext());
            if (text.toString().isBlank()) throw new IllegalStateException("Tika read no text from " + in.fileName());
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Extraction alone, as the pipeline extracts (parsing in this process): the format policy's check, Tika with the
     * type it found (a plain-text file goes straight to Tika's text parser), then the analysis, on the same threads;
     * the letters go to {@code out}, in order.
     */
    private double extractOnly(List<Input> inputs, List<Letter> out) throws InterruptedException, IOException {
        LetterExtractor extractor = new LetterExtractor();
        FormatPolicy policy = new FormatPolicy();
        ParserBackend parser = new TrustedParser(IngestLimits.defaults());
        Letter[] letters = new Letter[inputs.size()];
        long t0 = System.nanoTime();
        Workers.onThreads(options.threads(), inputs.size(), i -> {
            Input in = inputs.get(i);
            try {
                FormatPolicy.Verdict verdict = policy.check(in.bytes(), in.fileName());
                letters[i] = extractor.analyze(parser.parse(in.bytes(), in.fileName(), verdict), LetterId.of(in.bytes()),
                        in.fileName());
            } catch (ExtractionException e) {
                // counted by the pipeline run
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        for (Letter l : letters) if (l != null) out.add(l);
        return secs;
    }

    /** The corpus's writes alone, one thread: each letter staged, then one flush forcing them all. */
    private static double corpusOnly(List<Input> inputs, List<Letter> letters, Path dir) throws IOException {
        Corpus corpus = Corpus.open(dir);
        Map<String, Input> byId = new HashMap<>();
        for (Input in : inputs) byId.put(LetterId.of(in.bytes()), in);
        long t0 = System.nanoTime();
        for (Letter l : letters) {
            Input in = byId.get(l.id());
            corpus.stage(in.bytes(), in.fileName(), l, Archive.ANALYSIS_VERSION);
        }
        corpus.flush();
        double secs = (System.nanoTime() - t0) / 1e9;
        BenchFiles.deleteTree(dir);
        return secs;
    }

    /** Index upserts of the extracted letters alone, one thread, then one commit. */
    private static double indexOnly(List<Letter> letters, Path dir) throws IOException {
        long t0 = System.nanoTime();
        try (LetterIndex index = LetterIndex.open(dir)) {
            for (Letter l : letters) index.upsert(l, s -> Organization.keyOf(s.organizationName()));
            index.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        BenchFiles.deleteTree(dir);
        return secs;
    }

    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    /** The same texts straight into a bare IndexWriter with the archive's analyzer, same threads, one commit. */
    private double lucene(List<Input> inputs, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new IndexSchema().analyzer()).setRAMBufferSizeMB(64))) {
            Workers.onThreads(options.threads(), inputs.size(), i -> {
                Document doc = new Document();
                doc.add(new StringField(IndexSchema.ID, Integer.toString(i), Field.Store.YES));
                doc.add(new Field(IndexSchema.TEXT, inputs.get(i).text(), TEXT_WITH_OFFSETS));
                w.addDocument(doc);
            });
            w.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        BenchFiles.deleteTree(dir);
        return secs;
    }
}
