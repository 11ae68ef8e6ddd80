package org.letterarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.Annotations.Annotated;
import org.letterarchive.extract.DocumentParser;
import org.letterarchive.extract.Evaluation;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.LetterExtractor;
import org.letterarchive.extract.ParsedDocument;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;

/**
 * The letter analysis on generated letters of every shape ({@link LetterShapes}): how well it reads them
 * (signer and recipient F1, date and title accuracy, per shape and overall, with the scorer's rules:
 * {@link Evaluation}) and what it costs (CPU time of {@link LetterExtractor#analyze} per letter, Tika parsing
 * left out: each file is parsed once, then the parsed documents are analysed in repeated rounds), against a
 * baseline measured in the same run over the same texts (split into lines, one regex pass over each line).
 */
public final class AnalysisBenchmark {

    /** What to run: N letters of the seed (or the letters already in {@code dir}), {@code rounds} timed rounds. */
    public record Options(int letters, long seed, Path dir, int rounds, int warmup, boolean formats) {
        public Options {
            if (letters < 1) throw new IllegalArgumentException("--letters must be 1 or more");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be 1 or more");
            if (warmup < 1) throw new IllegalArgumentException("--warmup must be 1 or more");
        }
    }

    /** Scores of a group of letters (one shape, one language, ...). */
    public record Group(String dimension, String value, int letters, Evaluation.Scores scores) {}

    /** CPU time per letter (µs), the median and p90 over letters of each letter's median over rounds. */
    public record Cpu(double medianUs, double p90Us, double medianPer6KbUs, double p90Per6KbUs) {}

    public record Report(int letters, boolean generated, int failed, List<Group> groups, Evaluation.Scores overall,
                         Cpu analysis, Cpu baseline, int rounds, int warmup, double averageTextBytes) {
        public double ratio() {
            return analysis.medianPer6KbUs() / baseline.medianPer6KbUs();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("bench", "analysis");
            j.put("letters", letters);
            j.put("failed", failed);
            j.put("overall", scores(overall));
            Map<String, Map<String, Object>> by = new LinkedHashMap<>();
            for (Group g : groups) by.computeIfAbsent(g.dimension(), k -> new LinkedHashMap<>()).put(g.value(), scores(g.scores()));
            j.put("by", by);
            j.put("cpu_analysis_us", cpu(analysis));
            j.put("cpu_baseline_us", cpu(baseline));
            j.put("ratio_per_6kb_median", Latency.round(ratio()));
            j.put("rounds", rounds);
            j.put("warmup_rounds", warmup);
            j.put("average_text_bytes", Math.round(averageTextBytes));
            j.put("baseline", "the same parsed texts split into lines, one regex pass over each line");
            return j;
        }

        private static Map<String, Object> scores(Evaluation.Scores s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signer_f1", Latency.round(s.signerF1()));
            m.put("signers", s.signers.clone());
            m.put("recipient_f1", Latency.round(s.recipientF1()));
            m.put("recipients", s.recipients.clone());
            m.put("date", Latency.round(s.dateAccuracy()));
            m.put("title", Latency.round(s.titleAccuracy()));
            m.put("language", Latency.round(s.languageAccuracy()));
            return m;
        }

        private static Map<String, Object> cpu(Cpu c) {
            return Map.of("median", Latency.round(c.medianUs()), "p90", Latency.round(c.p90Us()),
                    "median_per_6kb", Latency.round(c.medianPer6KbUs()), "p90_per_6kb", Latency.round(c.p90Per6KbUs()));
        }
    }

    /** The grouping dimensions of the report, each a field of the truth lines. */
    static final List<String> DIMENSIONS = List.of("signer_shape", "addressee_shape", "front_matter", "date_style", "language", "format");

    private static final Pattern BASELINE = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]+");

    private final Options options;
    private final PrintStream log;

    public AnalysisBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Report run() throws IOException {
        Path dir = options.dir();
        boolean generated = false;
        if (!Files.exists(dir.resolve(CorpusWriter.TRUTH_FILE))) {
            log.printf("Generating %d letters of every shape into %s...%n", options.letters(), dir);
            CorpusWriter.write(new CorpusGenerator(options.seed()), options.letters(), options.formats(), true, dir);
            generated = true;
        }
        List<JsonNode> truth = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(CorpusWriter.TRUTH_FILE), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && truth.size() < options.letters()) truth.add(Json.mapper().readTree(line));
        }

        // parse once
        DocumentParser parser = new DocumentParser();
        List<String> files = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<ParsedDocument> docs = new ArrayList<>();
        int failed = 0;
        for (JsonNode t : truth) {
            String file = t.get("file").asText();
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            ParsedDocument doc;
            try {
                doc = parser.parse(bytes, file);
            } catch (ExtractionException e) {
                log.println("cannot parse " + file + ": " + e.getMessage());
                doc = new ParsedDocument("", null, null, false, null);
                failed++;
            }
            files.add(file);
            ids.add(LetterId.of(bytes));
            docs.add(doc);
        }
        log.printf("Parsed %d letters; analysing...%n", docs.size());

        LetterExtractor extractor = new LetterExtractor(parser);
        Map<String, Letter> predicted = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Letter l = analyze(extractor, docs.get(i), ids.get(i), files.get(i));
            if (l == null) failed++;
            predicted.put(files.get(i), l);
        }
        if (Files.isDirectory(dir)) writePredictions(dir.resolve("analysis.jsonl"), predicted);

        // scores, overall and per group
        List<Annotated> all = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) all.add(new Annotated(files.get(i), "", truth.get(i), docs.get(i)));
        Function<Annotated, Letter> lookup = a -> {
            Letter l = predicted.get(a.file());
            return l != null ? l : new Letter(a.file(), a.file(), null, null, null, null, null, List.of(), List.of(), 0, "", List.of());
        };
        Evaluation.Scores overall = Evaluation.with(all, lookup);
        List<Group> groups = new ArrayList<>();
        for (String dim : DIMENSIONS) {
            Map<String, List<Annotated>> by = new TreeMap<>();
            for (int i = 0; i < all.size(); i++) {
                String v = dim.equals("format") ? extension(files.get(i)) : truth.get(i).path(dim).asText("");
                if (v.isEmpty()) continue;
                by.computeIfAbsent(v, k -> new ArrayList<>()).add(all.get(i));
            }
            for (Map.Entry<String, List<Annotated>> e : by.entrySet()) {
                groups.add(new Group(dim, e.getKey(), e.getValue().size(), Evaluation.with(e.getValue(), lookup)));
            }
        }

        // CPU time: untimed warm-up rounds (the JIT compiles the hot code as a long-running ingest has), then
        // timed rounds of the analysis and the baseline over the parsed documents
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = docs.size();
        long[][] analysis = new long[n][options.rounds()];
        long[][] baseline = new long[n][options.rounds()];
        long sink = 0;
        for (int r = 0; r < options.warmup(); r++) {
            log.printf("Warm-up round %d of %d...%n", r + 1, options.warmup());
            for (int i = 0; i < n; i++) {
                analyze(extractor, docs.get(i), ids.get(i), files.get(i));
                sink += baseline(docs.get(i).text());
            }
        }
        for (int r = 0; r < options.rounds(); r++) {
            log.printf("Timing round %d of %d...%n", r + 1, options.rounds());
            for (int i = 0; i < n; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                analyze(extractor, docs.get(i), ids.get(i), files.get(i));
                long t1 = mx.getCurrentThreadCpuTime();
                sink += baseline(docs.get(i).text());
                long t2 = mx.getCurrentThreadCpuTime();
                analysis[i][r] = t1 - t0;
                baseline[i][r] = t2 - t1;
            }
        }
        if (sink == 42) log.print(""); // keeps the baseline's work alive
        double[] bytes = docs.stream().mapToDouble(d -> Math.max(1, d.text().getBytes(StandardCharsets.UTF_8).length)).toArray();
        return new Report(n, generated, failed, groups, overall, cpu(analysis, bytes), cpu(baseline, bytes), options.rounds(), options.warmup(),
                Arrays.stream(bytes).average().orElse(0));
    }

    private static Letter analyze(LetterExtractor extractor, ParsedDocument doc, String id, String file) {
        try {
            return extractor.analyze(doc, id, file);
        } catch (ExtractionException | RuntimeException e) {
            return null;
        }
    }

    /** The baseline: split the text into lines, strip each and count its capitalised words with one regex. */
    static long baseline(String text) {
        long count = 0;
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.isEmpty()) continue;
            Matcher m = BASELINE.matcher(s);
            while (m.find()) count++;
        }
        return count;
    }

    private static Cpu cpu(long[][] nanos, double[] bytes) {
        int n = nanos.length;
        double[] perLetter = new double[n];
        double[] per6Kb = new double[n];
        for (int i = 0; i < n; i++) {
            long[] r = nanos[i].clone();
            Arrays.sort(r);
            double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2.0;
            perLetter[i] = median / 1e3;
            per6Kb[i] = perLetter[i] * 6144 / bytes[i];
        }
        Arrays.sort(perLetter);
        Arrays.sort(per6Kb);
        return new Cpu(nearestRank(perLetter, 50), nearestRank(perLetter, 90), nearestRank(per6Kb, 50), nearestRank(per6Kb, 90));
    }

    private static double nearestRank(double[] sorted, double p) {
        int k = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1);
    }

    /** What the analysis found, in the annotations' form, for {@code score-extraction}. */
    private static void writePredictions(Path out, Map<String, Letter> predicted) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Letter> e : predicted.entrySet()) {
                Map<String, Object> line = e.getValue() == null ? Map.of("file", e.getKey())
                        : LetterShapes.gold(e.getKey(), e.getValue(), null);
                w.write(Json.mapper().writeValueAsString(line));
                w.newLine();
            }
        }
    }

    /** The report as text: one table per grouping, then the CPU figures. */
    public static void print(Report r, PrintStream out) {
        out.printf("%nLetter analysis on %d generated letters%s (scorer's rules: folded names one-to-one, micro F1):%n", r.letters(),
                r.failed() > 0 ? ", " + r.failed() + " failed" : "");
        String dim = null;
        for (Group g : r.groups()) {
            if (!g.dimension().equals(dim)) {
                dim = g.dimension();
                out.printf("%n  %-26s %7s %9s %15s %9s %15s %6s %6s %6s%n", "by " + dim, "letters", "signer F1", "(match/gold/fnd)",
                        "recip. F1", "(match/gold/fnd)", "date", "title", "lang");
            }
            row(out, g.value(), g.letters(), g.scores());
        }
        out.println();
        row(out, "ALL", r.letters(), r.overall());
        out.printf("%nCPU time of the analysis (LetterExtractor.analyze on parsed documents, Tika not counted), median over %d round(s) "
                + "per letter after %d warm-up round(s); average text %.1f KB:%n", r.rounds(), r.warmup(), r.averageTextBytes() / 1024);
        out.printf("  %-46s %10s %10s %14s %14s%n", "", "median µs", "p90 µs", "median µs/6KB", "p90 µs/6KB");
        cpuRow(out, "analysis", r.analysis());
        cpuRow(out, "baseline (split into lines + one regex pass)", r.baseline());
        out.printf("  ratio analysis / baseline (median per 6 KB): %.1f×%n", r.ratio());
        out.printf("  analysis per 6 KB letter: %.2f ms (median; p90 %.2f ms), %.1f× the baseline%n",
                r.analysis().medianPer6KbUs() / 1e3, r.analysis().p90Per6KbUs() / 1e3, r.ratio());
    }

    private static void row(PrintStream out, String name, int letters, Evaluation.Scores s) {
        out.printf("  %-26s %7d %9.3f %15s %9.3f %15s %6.3f %6.3f %6.3f%n", name, letters, s.signerF1(),
                s.signers[0] + "/" + s.signers[1] + "/" + s.signers[2], s.recipientF1(),
                s.recipients[0] + "/" + s.recipients[1] + "/" + s.recipients[2], s.dateAccuracy(), s.titleAccuracy(), s.languageAccuracy());
    }

    private static void cpuRow(PrintStream out, String name, Cpu c) {
        out.printf("  %-46s %10.1f %10.1f %14.1f %14.1f%n", name, c.medianUs(), c.p90Us(), c.medianPer6KbUs(), c.p90Per6KbUs());
    }
}
