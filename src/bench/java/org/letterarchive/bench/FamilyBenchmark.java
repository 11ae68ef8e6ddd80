package org.letterarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.letterarchive.Archive;
import org.letterarchive.family.Families;

/**
 * Letter families on a generated corpus with families ({@link CorpusGenerator#familyLetter}): the same letters
 * ingested twice in one run, with family detection off and on (ingest speed ratio), then precision and recall
 * of the families per relation against the generator's truth, and the detection time per letter.
 *
 * <p>Per relation r: <b>recall</b> = of the letters whose true relation is r, the share placed in the family
 * of their true earliest letter; <b>precision</b> = of the letters detected in a family of two or more with
 * relation r, the share whose detected earliest letter is truly of their family.
 */
public final class FamilyBenchmark {

    private FamilyBenchmark() {}

    /**
     * Ingests the letters {@code rounds} times with detection off and on, each into a new archive, alternating which
     * goes first (off in odd rounds, on in even ones); each side is timed on its ingest and commit alone. The speeds are
     * the medians over the rounds, the ratio the median of each round's on/off, and precision and recall those of the
     * last round.
     */
    public static Map<String, Object> run(Path work, int letters, long seed, int threads, int rounds, int warmup, PrintStream log)
            throws Exception {
        CorpusGenerator gen = new CorpusGenerator(seed);
        List<CorpusGenerator.GeneratedLetter> corpus = new ArrayList<>(letters);
        for (int i = 0; i < letters; i++) corpus.add(gen.familyLetter(i));
        Map<String, Object> quality = new LinkedHashMap<>();
        String before = System.getProperty("letters.families");
        List<Double> offs = new ArrayList<>(), ons = new ArrayList<>(), ratios = new ArrayList<>();
        List<Double> cpuOffs = new ArrayList<>(), cpuOns = new ArrayList<>(), cpuRatios = new ArrayList<>();
        long indexOff = 0, indexOn = 0;
        try {
            // untimed: the first letters, each side once, so that the JIT has compiled both before either is timed
            List<CorpusGenerator.GeneratedLetter> first = corpus.subList(0, Math.min(warmup, corpus.size()));
            for (String side : warmup > 0 ? List.of("off", "on") : List.<String>of()) {
                log.printf("warm-up: %d letters, detection %s%n", first.size(), side);
                System.setProperty("letters.families", side);
                ingest(work.resolve("warmup"), first, threads, null, null);
                BenchFiles.deleteTree(work.resolve("warmup"));
            }
            for (int r = 1; r <= rounds; r++) {
                // alternating which side goes first, so that whatever the first run leaves (garbage, a busier disk)
                // falls on both alike
                Side leading = r % 2 == 1 ? Side.OFF : Side.ON;
                Side[] order = {leading, leading == Side.OFF ? Side.ON : Side.OFF};
                double off = 0, on = 0, cpuOff = 0, cpuOn = 0;
                for (Side side : order) {
                    log.printf("round %d of %d: detection %s%n", r, rounds, side.property);
                    System.setProperty("letters.families", side.property);
                    Path dir = work.resolve(side.property);
                    Map<String, String> idOf = side == Side.ON ? new HashMap<>() : null;
                    double secs, cpu;
                    // timed alike on both sides: the ingest and its commit, not opening or closing the archive
                    try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
                        double cpu0 = IngestBenchmark.processCpuSeconds();
                        secs = ingest(archive, corpus, threads, idOf, log);
                        cpu = IngestBenchmark.processCpuSeconds() - cpu0;
                        if (side == Side.ON && r == rounds) {
                            Families f = archive.store().families();
                            quality.put("detection_ms_per_letter", round(f.meanDetectionMillis()));
                            quality.put("lookup_ms_per_letter", round(f.meanReadMillis()));
                            quality.put("detection_reader_refreshes", f.refreshes());
                            quality.put("members_indexed_again", f.membersChanged());
                            quality.put("families_detected", f.familyCount());
                            quality.putAll(score(corpus, idOf, f));
                        }
                    }
                    if (side == Side.OFF) {
                        off = secs;
                        cpuOff = cpu;
                        indexOff = BenchFiles.sizeOf(dir.resolve("index"));
                    } else {
                        on = secs;
                        cpuOn = cpu;
                        indexOn = BenchFiles.sizeOf(dir.resolve("index"));
                    }
                    BenchFiles.deleteTree(dir);
                }
                cpuOffs.add(cpuOff * 1000 / letters);
                cpuOns.add(cpuOn * 1000 / letters);
                cpuRatios.add(cpuOn / cpuOff);
                offs.add(letters / off);
                ons.add(letters / on);
                ratios.add(on / off);
            }
        } finally {
            if (before == null) System.clearProperty("letters.families");
            else System.setProperty("letters.families", before);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "families");
        out.put("letters", letters);
        out.put("rounds", rounds);
        out.put("warmup_letters", warmup);
        out.put("ingest_off_letters_per_s", round(median(offs)));
        out.put("ingest_on_letters_per_s", round(median(ons)));
        out.put("ingest_ratio_on_over_off", round(median(ratios)));
        out.put("ratios_per_round", ratios.stream().map(FamilyBenchmark::round).toList());
        // CPU of the whole process (ingest threads, merges, collection) per letter: steadier than the wall clock
        out.put("cpu_ms_per_letter_off", round(median(cpuOffs)));
        out.put("cpu_ms_per_letter_on", round(median(cpuOns)));
        out.put("cpu_ratio_on_over_off", round(median(cpuRatios)));
        out.put("cpu_ratios_per_round", cpuRatios.stream().map(FamilyBenchmark::round).toList());
        out.put("index_bytes_per_letter_off", indexOff / letters);
        out.put("index_bytes_per_letter_on", indexOn / letters);
        out.putAll(quality);
        return out;
    }

    private static double median(List<Double> values) {
        return Latency.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double ingest(Path dir, List<CorpusGenerator.GeneratedLetter> corpus, int threads, Map<String, String> idOf,
                                 PrintStream log) throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            return ingest(archive, corpus, threads, idOf, log);
        }
    }

    /** Seconds to ingest every letter on N threads and commit once. */
    private static double ingest(Archive archive, List<CorpusGenerator.GeneratedLetter> corpus, int threads, Map<String, String> idOf,
                                 PrintStream log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < corpus.size()) {
                        CorpusGenerator.GeneratedLetter g = corpus.get(i);
                        var r = archive.ingestWithoutCommit(g.bytes(), g.fileName());
                        if (idOf != null) synchronized (idOf) {
                            idOf.put(g.fileName(), r.stored().id());
                        }
                        if (i % 5000 == 0 && log != null) log.printf("  %d letters%n", i);
                    }
                    return null;
                }));
            }
            Workers.await(futures);
            archive.commit();
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static Map<String, Object> score(List<CorpusGenerator.GeneratedLetter> corpus, Map<String, String> idOf, Families f) {
        Map<String, String> trueFamilyOfId = new HashMap<>();
        for (CorpusGenerator.GeneratedLetter g : corpus) trueFamilyOfId.put(idOf.get(g.fileName()), g.family());
        Map<String, int[]> recall = new LinkedHashMap<>(), precision = new LinkedHashMap<>();
        for (CorpusGenerator.GeneratedLetter g : corpus) {
            String id = idOf.get(g.fileName());
            String rel = g.relation();
            if (!rel.equals("earliest")) {
                int[] r = recall.computeIfAbsent(rel, k -> new int[2]);
                r[1]++;
                if (f.familyOf(id).equals(f.familyOf(idOf.get(g.family())))) r[0]++;
            }
            String predicted = f.relation(id);
            if (!predicted.equals("earliest")) {
                int[] p = precision.computeIfAbsent(predicted, k -> new int[2]);
                p[1]++;
                if (g.family().equals(trueFamilyOfId.get(f.familyOf(id)))) p[0]++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String rel : List.of("same", "version", "translation", "campaign copy")) {
            Map<String, Object> m = new LinkedHashMap<>();
            int[] r = recall.getOrDefault(rel, new int[2]), p = precision.getOrDefault(rel, new int[2]);
            m.put("true", r[1]);
            m.put("recall", r[1] == 0 ? null : round((double) r[0] / r[1]));
            m.put("detected", p[1]);
            m.put("precision", p[1] == 0 ? null : round((double) p[0] / p[1]));
            out.put(rel, m);
        }
        // family-level: letters in the right family, whatever the relation named
        int[] any = new int[2];
        recall.values().forEach(r -> { any[0] += r[0]; any[1] += r[1]; });
        int[] anyP = new int[2];
        precision.values().forEach(p -> { anyP[0] += p[0]; anyP[1] += p[1]; });
        out.put("all_members", Map.of("recall", any[1] == 0 ? 0 : round((double) any[0] / any[1]),
                "precision", anyP[1] == 0 ? 0 : round((double) anyP[0] / anyP[1])));
        return out;
    }

    private enum Side {
        OFF("off"), ON("on");

        final String property;

        Side(String property) {
            this.property = property;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
