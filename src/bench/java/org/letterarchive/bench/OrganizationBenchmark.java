package org.letterarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.letterarchive.Archive;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchRequest;

/**
 * Latency of organization profiles and co-signer networks on an index of generated letters (built as the
 * search bench builds it, and reused from its work folder), with a plain signer-filtered search of the same
 * organizations as the baseline measured in the same run.
 */
public final class OrganizationBenchmark {

    public record Report(int letters, int organizations, long biggestLetters, Latency search, Latency profile,
                         Latency network, Latency searchNetwork, double profileOfBiggestMs) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("letters", letters);
            m.put("organizations", organizations);
            m.put("biggestLetters", biggestLetters);
            m.put("search", search.toJson());
            m.put("profile", profile.toJson());
            m.put("network", network.toJson());
            m.put("searchNetwork", searchNetwork.toJson());
            m.put("profileOfBiggestMs", profileOfBiggestMs);
            return m;
        }
    }

    private OrganizationBenchmark() {}

    /**
     * @param orgs the most-lettered organizations to measure (each is one sample per round)
     */
    public static Report run(Path workDir, int letters, long seed, int threads, int orgs, int rounds, PrintStream log)
            throws IOException, InterruptedException {
        // builds the index (or reuses the one in workDir) exactly as the search bench does
        new SearchBenchmark(new SearchBenchmark.Options(letters, 10, 1, 0, seed, threads, 0, 0, workDir, false), log).run();
        BenchFiles.runEverySearch();
        try (Archive archive = Archive.open(workDir.resolve("corpus"), workDir.resolve("index"))) {
            OrganizationService service = archive.organizationService();
            List<Map.Entry<String, Long>> all = new ArrayList<>(service.letterCounts().entrySet());
            all.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            List<String> keys = all.stream().limit(orgs).map(Map.Entry::getKey).toList();
            log.printf("organization bench: %d organizations; the %d measured have %d to %d letters%n", all.size(), keys.size(),
                    all.get(Math.min(orgs, all.size()) - 1).getValue(), all.get(0).getValue());
            Consumer<String> search = k -> archive.search().search(SearchRequest.of("").withFilter("signer", k));
            Consumer<String> profile = k -> service.profile(k, 20, 10).orElseThrow();
            Consumer<String> network = k -> service.neighbourhood(k, 2, null, null, 50).orElseThrow();
            Consumer<String> searchNetwork = k -> service.ofSearch(SearchRequest.of("").withFilter("signer", k), 200);
            for (int w = 0; w < 2; w++) {
                time(search, keys);
                time(profile, keys);
                time(network, keys);
                time(searchNetwork, keys);
            }
            List<Latency> s = new ArrayList<>(), p = new ArrayList<>(), n = new ArrayList<>(), sn = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                s.add(time(search, keys));
                p.add(time(profile, keys));
                n.add(time(network, keys));
                sn.add(time(searchNetwork, keys));
                log.printf("  round %d: search p50 %.2f | profile p50 %.2f p99 %.2f | network p50 %.2f p99 %.2f | search network p50 %.2f p99 %.2f ms%n",
                        r + 1, s.get(r).p50Ms(), p.get(r).p50Ms(), p.get(r).p99Ms(), n.get(r).p50Ms(), n.get(r).p99Ms(),
                        sn.get(r).p50Ms(), sn.get(r).p99Ms());
            }
            long[] biggest = new long[5];
            for (int i = 0; i < biggest.length; i++) {
                long t0 = System.nanoTime();
                profile.accept(keys.get(0));
                biggest[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(biggest);
            return new Report(letters, all.size(), all.get(0).getValue(), Latency.median(s), Latency.median(p),
                    Latency.median(n), Latency.median(sn), biggest[biggest.length / 2] / 1e6);
        }
    }

    private static Latency time(Consumer<String> work, List<String> keys) {
        long[] nanos = new long[keys.size()];
        long wall = System.nanoTime();
        for (int i = 0; i < keys.size(); i++) {
            long t0 = System.nanoTime();
            work.accept(keys.get(i));
            nanos[i] = System.nanoTime() - t0;
        }
        return Latency.of(nanos, System.nanoTime() - wall);
    }
}
