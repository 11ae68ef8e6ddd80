package org.letterarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.letterarchive.Archive;
import org.letterarchive.letter.Letter;
import org.letterarchive.search.EmbeddedSearch;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;
import org.letterarchive.solr.SolrSearch;

/**
 * {@code bench search --backend solr}: the search bench's query mix through both {@link SearchBackend}s, the
 * embedded index (the baseline) and a SolrCloud collection holding the same letters, in one run. The letters are
 * the search bench's (its index in {@code WORK/index}, built or reused); the collection gets the same
 * {@code Letter} records with the same organization keys and family fields through {@link SolrSearch#index} (the archive's own
 * mapping), filled when it does not hold exactly those letters. The SolrCloud is the local MiniSolrCloudCluster of
 * {@code src/test/solr-cluster} (2 nodes, embedded ZooKeeper, in a JVM of its own) unless {@code --solr} names one.
 *
 * <p>Both answer the same {@code SearchRequest}s at the seam the web API calls; every total must agree before
 * anything is timed. Rounds alternate which side goes first; the figures are medians of the rounds.
 */
public final class SolrCloudBenchmark {

    /**
     * @param zkHost     an existing SolrCloud's ZooKeeper (null: start the local cluster)
     * @param shards     shards of the collection made here
     * @param replicas   replicas of each shard
     * @param clusterHeapMb heap of the local cluster's JVM
     * @param home       the installation (for the local cluster's launcher)
     */
    public record Options(SearchBenchmark.Options search, String zkHost, int shards, int replicas, int clusterHeapMb, Path home) {
        public Options {
            if (shards < 1 || replicas < 1) throw new IllegalArgumentException("--shards and --replicas must be 1 or more");
            if (clusterHeapMb < 256) throw new IllegalArgumentException("--cluster-heap must be 256 MB or more");
        }
    }

    /** The figures of one run. */
    public record Report(int letters, int queries, int rounds, int shards, int replicas, String zkHost, boolean local,
                         double fillSeconds, boolean filled, Latency embedded, Latency solr, long totalHits,
                         int facetDifferences, Map<String, Double> p50ByKindEmbedded, Map<String, Double> p50ByKindSolr,
                         String answer) {
        public double ratioP50() {
            return solr.p50Ms() / embedded.p50Ms();
        }

        public double ratioP99() {
            return solr.p99Ms() / embedded.p99Ms();
        }

        public double ratioQps() {
            return solr.qps() / embedded.qps();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "search-backends");
            m.put("letters", letters);
            m.put("queries", queries);
            m.put("rounds", rounds);
            m.put("answer", answer);
            m.put("embedded", embedded.toJson());
            m.put("solrcloud", solr.toJson());
            m.put("ratio_p50_solr_to_embedded", Latency.round(ratioP50()));
            m.put("ratio_p99_solr_to_embedded", Latency.round(ratioP99()));
            m.put("ratio_qps_solr_to_embedded", Latency.round(ratioQps()));
            m.put("p50_ms_by_kind_embedded", p50ByKindEmbedded);
            m.put("p50_ms_by_kind_solrcloud", p50ByKindSolr);
            m.put("shards", shards);
            m.put("replicas", replicas);
            m.put("cluster", local ? "local MiniSolrCloudCluster, 2 nodes" : zkHost);
            m.put("fill_s", Latency.round(fillSeconds));
            m.put("filled_this_run", filled);
            m.put("total_hits", totalHits);
            m.put("searches_with_other_facet_counts", facetDifferences);
            m.put("note", "one client thread, in-process embedded index against SolrCloud over HTTP; wall clock on a shared machine");
            return m;
        }
    }

    private final Options options;
    private final PrintStream log;

    public SolrCloudBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Report run() throws Exception {
        SearchBenchmark.Options o = options.search();
        new SearchBenchmark(o, log).ensureIndex();
        Path work = o.workDir();
        LocalSolrCloud local = null;
        try {
            String zk = options.zkHost();
            if (zk == null) {
                long t0 = System.nanoTime();
                log.printf("starting the local SolrCloud (2 nodes, -Xmx%dm) in %s%n", options.clusterHeapMb(), work.resolve("solrcloud"));
                BenchFiles.deleteTree(work.resolve("solrcloud")); // a fresh cluster: its ZooKeeper state is not kept
                local = LocalSolrCloud.start(options.home(), 2, work.resolve("solrcloud"), "-Xmx" + options.clusterHeapMb() + "m");
                zk = local.zkHost();
                log.printf("  up in %.1f s at %s%n", (System.nanoTime() - t0) / 1e9, zk);
            }
            try (Archive archive = Archive.open(work.resolve("corpus"), work.resolve("index"));
                 SolrSearch solr = SolrSearch.connect(new SolrSearch.Options(zk, "bench_" + o.letters() + "_" + o.seed(),
                         options.shards(), options.replicas()), archive.store()::organizationLabel)) {
                EmbeddedSearch embedded = new EmbeddedSearch(archive.store().index(), archive.store()::organizationLabel);
                boolean filled = false;
                double fillSeconds = 0;
                if (solr.count() != o.letters()) {
                    fillSeconds = fill(archive, solr);
                    filled = true;
                }
                if (solr.count() != embedded.count()) {
                    throw new IllegalStateException("the collection holds " + solr.count() + " letters, the index " + embedded.count());
                }
                CorpusGenerator gen = new CorpusGenerator(o.seed());
                List<QueryMix.BenchQuery> mix = QueryMix.build(gen, o.letters(), o.queries(), o.seed(),
                        archive.store().organizations()::keyOf).stream()
                        .map(q -> new QueryMix.BenchQuery(q.kind(), q.request().withAnswer(o.answer()))).toList();
                long totalHits = 0;
                int facetDifferences = 0;
                for (QueryMix.BenchQuery q : mix) {
                    SearchResult a = embedded.search(q.request());
                    SearchResult b = solr.search(q.request());
                    if (a.total() != b.total()) {
                        throw new IllegalStateException("the embedded index and SolrCloud disagree on " + q.kind() + " "
                                + q.request() + ": " + a.total() + " vs " + b.total());
                    }
                    if (!a.facets().equals(b.facets()) || !a.histogram().equals(b.histogram())) {
                        if (facetDifferences++ < 3) log.printf("  differs: %s %s: %s%n", q.kind(), q.request().query(), differences(a, b));
                    }
                    totalHits += a.total();
                }
                log.printf("  %d queries, both agree on every total (%d hits in all); facet counts or histogram differ in %d%n",
                        mix.size(), totalHits, facetDifferences);
                for (int r = 0; r < o.warmupRounds(); r++) {
                    time(embedded, mix);
                    time(solr, mix);
                }
                List<Timed> emb = new ArrayList<>();
                List<Timed> sol = new ArrayList<>();
                for (int r = 0; r < o.rounds(); r++) {
                    if (r % 2 == 0) {
                        emb.add(time(embedded, mix));
                        sol.add(time(solr, mix));
                    } else {
                        sol.add(time(solr, mix));
                        emb.add(time(embedded, mix));
                    }
                    log.printf("  round %d: embedded p50 %.2f ms p99 %.2f ms %.0f q/s | solrcloud p50 %.2f ms p99 %.2f ms %.0f q/s%n",
                            r + 1, emb.get(r).all().p50Ms(), emb.get(r).all().p99Ms(), emb.get(r).all().qps(),
                            sol.get(r).all().p50Ms(), sol.get(r).all().p99Ms(), sol.get(r).all().qps());
                }
                return new Report(o.letters(), mix.size(), o.rounds(), options.shards(), options.replicas(), zk, local != null,
                        fillSeconds, filled, Latency.median(emb.stream().map(Timed::all).toList()),
                        Latency.median(sol.stream().map(Timed::all).toList()), totalHits, facetDifferences,
                        byKind(emb), byKind(sol),
                        o.answer() == SearchRequest.Answer.FULL ? "full" : "facets=" + o.answer().facetsParam()
                                + "&snippets=" + o.answer().snippets());
            }
        } finally {
            if (local != null) local.close();
        }
    }

    /** Which facets (and the histogram) of two answers differ, with the first differing value of each. */
    static List<String> differences(SearchResult a, SearchResult b) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> dims = new java.util.TreeSet<>(a.facets().keySet());
        dims.addAll(b.facets().keySet());
        for (String dim : dims) {
            List<SearchResult.FacetValue> x = a.facets().getOrDefault(dim, List.of());
            List<SearchResult.FacetValue> y = b.facets().getOrDefault(dim, List.of());
            if (x.equals(y)) continue;
            int i = 0;
            while (i < Math.min(x.size(), y.size()) && x.get(i).equals(y.get(i))) i++;
            out.add(dim + " at " + i + ": " + (i < x.size() ? x.get(i) : "-") + " / " + (i < y.size() ? y.get(i) : "-")
                    + " (" + x.size() + " / " + y.size() + " values)");
        }
        if (!a.histogram().equals(b.histogram())) out.add("histogram " + a.histogram() + " / " + b.histogram());
        return out;
    }

    /** Sends the bench's letters to the collection: the same records and organization keys, 2 threads, one commit. */
    private double fill(Archive archive, SolrSearch solr) throws Exception {
        SearchBenchmark.Options o = options.search();
        int n = o.letters();
        log.printf("filling the collection with %d letters on %d thread(s) (SolrSearch.index, batches of 500, one commit)%n",
                n, o.threads());
        solr.deleteAll();
        CorpusGenerator gen = new CorpusGenerator(o.seed());
        var families = archive.store().families();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            int step = Math.max(1000, n / 10);
            for (int t = 0; t < o.threads(); t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        Letter letter = gen.letter(i).truth();
                        // the family fields the embedded index was given for the letter (LetterIndex.upsert)
                        solr.index(letter, archive.store().organizations()::keyOf, families == null ? null : families.fields(letter));
                        int d = done.incrementAndGet();
                        if (d % step == 0) log.printf("  %d letters sent (%.0f s)%n", d, (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            }
            Workers.await(workers);
            solr.commit();
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        log.printf("  filled and committed in %.1f s (%.0f letters/s)%n", secs, n / secs);
        return secs;
    }

    /** One timed pass over the mix: every search's wall time, and each kind's. */
    record Timed(Latency all, Map<String, Latency> kinds) {}

    private static Timed time(SearchBackend backend, List<QueryMix.BenchQuery> mix) {
        long[] nanos = new long[mix.size()];
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            backend.search(mix.get(i).request());
            nanos[i] = System.nanoTime() - t;
            byKind.computeIfAbsent(mix.get(i).kind(), k -> new ArrayList<>()).add(nanos[i]);
        }
        long wall = System.nanoTime() - start;
        Map<String, Latency> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> {
            long[] a = v.stream().mapToLong(Long::longValue).toArray();
            kinds.put(k, Latency.of(a, a.length == 0 ? 1 : java.util.Arrays.stream(a).sum()));
        });
        return new Timed(Latency.of(nanos, wall), kinds);
    }

    private static Map<String, Double> byKind(List<Timed> rounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : rounds.get(0).kinds().keySet()) {
            out.put(kind, Latency.round(Latency.median(rounds.stream().map(t -> t.kinds().get(kind)).toList()).p50Ms()));
        }
        return out;
    }
}
