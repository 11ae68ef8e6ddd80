package org.letterarchive.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchService;
import org.letterarchive.web.WebApp;

/**
 * Search latency on an index of N generated letters: a seeded query mix through {@link SearchService}
 * in-process, the same searches as bare Lucene ({@link LuceneBaseline}) in the same run, and the same
 * searches over HTTP through the real server with a fixed number of concurrent connections. Also the
 * index's size on disk, the time to open it and the heap it holds.
 *
 * <p>The index is built from generated Letter records straight through the archive's index
 * ({@code LetterIndex.upsert}, organizations learned as on ingest, one commit), skipping Tika and the
 * corpus, so that large indexes build fast.
 */
public final class SearchBenchmark {

    /**
     * What to run.
     *
     * @param workDir     where the index is built; reused when it already holds an index of the same
     *                    letters and seed (see {@code bench.json} there)
     * @param connections concurrent HTTP connections; 0 skips the HTTP run
     * @param forceMerge  merge the index down to one segment before measuring
     */
    public record Options(int letters, int queries, int rounds, int warmupRounds, long seed, int threads,
                          int connections, int httpRequests, Path workDir, boolean forceMerge, SearchRequest.Answer answer) {
        public Options(int letters, int queries, int rounds, int warmupRounds, long seed, int threads,
                       int connections, int httpRequests, Path workDir, boolean forceMerge) {
            this(letters, queries, rounds, warmupRounds, seed, threads, connections, httpRequests, workDir, forceMerge, null);
        }

        public Options {
            if (answer == null) answer = SearchRequest.Answer.FULL;
            if (letters < 1) throw new IllegalArgumentException("--letters must be 1 or more");
            if (queries < 1) throw new IllegalArgumentException("--queries must be 1 or more");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be 1 or more");
            if (threads < 1) throw new IllegalArgumentException("--threads must be 1 or more");
            if (connections < 0 || httpRequests < 0) throw new IllegalArgumentException("HTTP settings must not be negative");
        }
    }

    /** What the build left in the work folder. */
    public record BuildInfo(int letters, long seed, long rawTextBytes, double buildSeconds) {}

    /** The figures of one run. */
    public record Report(int letters, int queries, int rounds, boolean reused, double buildSeconds, long indexBytes,
                         long rawTextBytes, double openMs, long heapAfterOpenBytes, long indexHeapBytes,
                         Latency service, Latency lucene, Latency serviceCpu, Latency luceneCpu, Latency http,
                         int connections, long totalHits,
                         Map<String, Long> hitsByKind, int segments, String answer,
                         Map<String, Latency> serviceByKind, Map<String, Latency> luceneByKind) {
        public double ratioP50() {
            return service.p50Ms() / lucene.p50Ms();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "search");
            m.put("letters", letters);
            m.put("queries", queries);
            m.put("rounds", rounds);
            m.put("answer", answer);
            m.put("service", withCpu(service, serviceCpu));
            m.put("lucene", withCpu(lucene, luceneCpu));
            m.put("ratio_p50", Latency.round(ratioP50()));
            m.put("ratio_cpu_p50", Latency.round(serviceCpu.p50Ms() / luceneCpu.p50Ms()));
            if (http != null) {
                Map<String, Object> h = http.toJson();
                h.put("connections", connections);
                m.put("http", h);
            }
            m.put("segments", segments);
            m.put("index_bytes", indexBytes);
            m.put("raw_text_bytes", rawTextBytes);
            m.put("index_bytes_per_letter", Math.round((double) indexBytes / letters));
            m.put("index_to_text", Latency.round((double) indexBytes / rawTextBytes));
            m.put("open_ms", Latency.round(openMs));
            m.put("heap_after_open_mb", Latency.round(heapAfterOpenBytes / 1048576.0));
            m.put("heap_index_mb", Latency.round(indexHeapBytes / 1048576.0));
            m.put("build_s", Latency.round(buildSeconds));
            m.put("index_reused", reused);
            m.put("total_hits", totalHits);
            Map<String, Object> kinds = new LinkedHashMap<>();
            serviceByKind.forEach((kind, l) -> kinds.put(kind, Map.of("service", l.toJson(), "lucene", luceneByKind.get(kind).toJson())));
            m.put("by_kind", kinds);
            m.put("search_threads", LetterIndex.defaultSearchThreads());
            m.put("note", "latencies are wall clock on a shared machine; cpu_* is the CPU time of the searching thread and of "
                    + "the search pool's threads it shares its work with");
            m.put("build", "generated Letter records indexed directly (LetterIndex.upsert + one commit), no Tika, no corpus");
            return m;
        }
    }

    private static Map<String, Object> withCpu(Latency wall, Latency cpu) {
        Map<String, Object> m = wall.toJson();
        m.put("cpu_p50_ms", Latency.round(cpu.p50Ms()));
        m.put("cpu_p99_ms", Latency.round(cpu.p99Ms()));
        m.put("qps_per_cpu_s", Latency.round(cpu.qps()));
        return m;
    }

    private static final String BUILD_INFO = "bench.json";

    private final Options options;
    private final PrintStream log;

    public SearchBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Report run() throws IOException, InterruptedException {
        CorpusGenerator gen = new CorpusGenerator(options.seed());
        Path corpusDir = options.workDir().resolve("corpus");
        Path indexDir = options.workDir().resolve("index");
        BuildInfo info = existing();
        boolean reused = info != null;
        if (reused) {
            log.printf("search bench: reusing the index of %d letters in %s%n", info.letters(), indexDir);
        } else {
            info = build(gen, corpusDir, indexDir);
        }
        if (options.forceMerge()) forceMerge(indexDir);
        long indexBytes = BenchFiles.sizeOf(indexDir);
        int segments;
        try (FSDirectory d = FSDirectory.open(indexDir)) {
            segments = SegmentInfos.readLatestCommit(d).size();
        }
        log.printf("  index: %d segment(s)%n", segments);

        // the index alone first: its open time and the heap it holds (the archive also loads Tika and models)
        long heapBefore = heapAfterGc();
        long t0 = System.nanoTime();
        double openMs;
        long indexHeap;
        try (LetterIndex index = LetterIndex.open(indexDir)) {
            int count = index.count();
            openMs = (System.nanoTime() - t0) / 1e6;
            indexHeap = heapAfterGc() - heapBefore;
            if (count != options.letters()) {
                throw new IllegalStateException("the index holds " + count + " letters, expected " + options.letters());
            }
        }
        BenchFiles.runEverySearch();
        try (Archive archive = Archive.open(corpusDir, indexDir)) {
            long heapAfter = heapAfterGc();
            log.printf("  index opened in %.0f ms, holding %.0f MB of heap after GC; whole process after opening the archive: %.0f MB%n",
                    openMs, indexHeap / 1048576.0, heapAfter / 1048576.0);

            List<QueryMix.BenchQuery> mix = QueryMix.build(gen, options.letters(), options.queries(), options.seed(),
                    archive.store().organizations()::keyOf).stream()
                    .map(q -> new QueryMix.BenchQuery(q.kind(), q.request().withAnswer(options.answer()))).toList();
            SearchService service = archive.search();
            try (LuceneBaseline lucene = new LuceneBaseline(indexDir, archive.store().index().schema())) {
                Map<String, Long> byKind = new LinkedHashMap<>();
                long totalHits = 0;
                for (QueryMix.BenchQuery q : mix) {
                    long s = service.search(q.request()).total();
                    long l = lucene.search(q.request());
                    if (s != l) {
                        throw new IllegalStateException("service and Lucene disagree on " + q.kind() + " " + q.request()
                                + ": " + s + " vs " + l);
                    }
                    byKind.merge(q.kind(), s, Long::sum);
                    totalHits += s;
                }
                log.printf("  %d queries, service and Lucene agree on every count (%d hits in all)%n", mix.size(), totalHits);

                Searcher viaService = service::search;
                Searcher viaLucene = lucene::search;
                String servicePool = LetterIndex.SEARCH_THREAD, lucenePool = LuceneBaseline.SEARCH_THREAD;
                for (int r = 0; r < options.warmupRounds(); r++) {
                    time(viaService, mix, servicePool);
                    time(viaLucene, mix, lucenePool);
                }
                List<Round> svc = new ArrayList<>();
                List<Round> luc = new ArrayList<>();
                for (int r = 0; r < options.rounds(); r++) {
                    // alternate which goes first, so that drifting load falls on both alike
                    if (r % 2 == 0) {
                        svc.add(time(viaService, mix, servicePool));
                        luc.add(time(viaLucene, mix, lucenePool));
                    } else {
                        luc.add(time(viaLucene, mix, lucenePool));
                        svc.add(time(viaService, mix, servicePool));
                    }
                    log.printf("  round %d: service p50 %.2f ms p99 %.2f ms (cpu p50 %.2f) | lucene p50 %.2f ms p99 %.2f ms (cpu p50 %.2f)%n",
                            r + 1, svc.get(r).wall().p50Ms(), svc.get(r).wall().p99Ms(), svc.get(r).cpu().p50Ms(),
                            luc.get(r).wall().p50Ms(), luc.get(r).wall().p99Ms(), luc.get(r).cpu().p50Ms());
                }
                Latency http = options.connections() > 0 ? http(archive, mix) : null;
                return new Report(options.letters(), mix.size(), options.rounds(), reused, info.buildSeconds(), indexBytes,
                        info.rawTextBytes(), openMs, heapAfter, indexHeap,
                        Latency.median(svc.stream().map(Round::wall).toList()), Latency.median(luc.stream().map(Round::wall).toList()),
                        Latency.median(svc.stream().map(Round::cpu).toList()), Latency.median(luc.stream().map(Round::cpu).toList()),
                        http, options.connections(), totalHits, byKind, segments,
                        options.answer() == SearchRequest.Answer.FULL ? "full" : "facets=" + options.answer().facetsParam()
                                + "&snippets=" + options.answer().snippets(), byKind(svc), byKind(luc));
            }
        }
    }

    /** Merges the index down to one segment, with a bare IndexWriter on the closed index. */
    private void forceMerge(Path indexDir) throws IOException {
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(indexDir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new IndexSchema().analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.forceMerge(1);
            w.commit();
        }
        log.printf("  merged to one segment in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The index of the options' letters in {@code workDir/index} (with its corpus folder), built unless the folder
     * already holds it; {@code bench peer} shares it.
     */
    BuildInfo ensureIndex() throws IOException, InterruptedException {
        BuildInfo info = existing();
        if (info != null) {
            log.printf("reusing the archive's index of %d letters in %s%n", info.letters(), options.workDir().resolve("index"));
            return info;
        }
        return build(new CorpusGenerator(options.seed()), options.workDir().resolve("corpus"), options.workDir().resolve("index"));
    }

    private BuildInfo existing() throws IOException {
        Path file = options.workDir().resolve(BUILD_INFO);
        if (!Files.exists(file)) return null;
        BuildInfo info = Json.mapper().readValue(file.toFile(), BuildInfo.class);
        return info.letters() == options.letters() && info.seed() == options.seed() ? info : null;
    }

    private BuildInfo build(CorpusGenerator gen, Path corpusDir, Path indexDir) throws IOException, InterruptedException {
        Files.deleteIfExists(options.workDir().resolve(BUILD_INFO));
        BenchFiles.deleteTree(corpusDir);
        BenchFiles.deleteTree(indexDir);
        int n = options.letters();
        log.printf("search bench: indexing %d generated letters on %d thread(s) (Letter records straight into the index, no Tika)%n",
                n, options.threads());
        AtomicLong raw = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long t0;
        BenchFiles.runEverySearch();
        try (Archive archive = Archive.open(corpusDir, indexDir)) {
            t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            int step = Math.max(1000, n / 10);
            for (int t = 0; t < options.threads(); t++) {
                long start = t0;
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        CorpusGenerator.GeneratedLetter g = gen.letter(i);
                        Letter letter = g.truth();
                        raw.addAndGet(g.text().getBytes(StandardCharsets.UTF_8).length);
                        archive.store().organizations().learn(letter);
                        archive.store().index().upsert(letter, archive.store().organizations()::keyOf);
                        int d = done.incrementAndGet();
                        if (d % step == 0) {
                            log.printf("  %d letters indexed (%.0f s)%n", d, (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            Workers.await(workers);
            archive.commit();
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        log.printf("  built in %.1f s (%.0f letters/s), committed and closed%n", secs, n / secs);
        BuildInfo info = new BuildInfo(n, options.seed(), raw.get(), secs);
        Json.mapper().writeValue(options.workDir().resolve(BUILD_INFO).toFile(), info);
        return info;
    }

    /** One timed pass over the mix: wall-clock latencies, and the CPU time the searching thread and its pool used. */
    record Round(Latency wall, Latency cpu, Map<String, Latency> byKind) {}

    /** Per kind of search, the median over rounds of its wall-clock latencies. */
    private static Map<String, Latency> byKind(List<Round> rounds) {
        Map<String, Latency> out = new LinkedHashMap<>();
        for (String kind : rounds.get(0).byKind().keySet()) {
            out.put(kind, Latency.median(rounds.stream().map(r -> r.byKind().get(kind)).toList()));
        }
        return out;
    }

    /** Runs one search of the mix. */
    @FunctionalInterface
    interface Searcher {
        void search(SearchRequest request) throws IOException;
    }

    /**
     * @param pool the name prefix of the threads the searches share their work with: their CPU time counts with
     *             the searching thread's
     */
    private static Round time(Searcher searcher, List<QueryMix.BenchQuery> mix, String pool) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] helpers = threadsNamed(threads, pool);
        long[] nanos = new long[mix.size()];
        long[] cpu = new long[mix.size()];
        long start = System.nanoTime();
        long cpuStart = cpuTime(threads, helpers);
        for (int i = 0; i < nanos.length; i++) {
            long c = cpuTime(threads, helpers);
            long t = System.nanoTime();
            searcher.search(mix.get(i).request());
            nanos[i] = System.nanoTime() - t;
            cpu[i] = cpuTime(threads, helpers) - c;
        }
        long wall = System.nanoTime() - start;
        Map<String, List<Long>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < nanos.length; i++) kinds.computeIfAbsent(mix.get(i).kind(), k -> new ArrayList<>()).add(nanos[i]);
        Map<String, Latency> byKind = new LinkedHashMap<>();
        kinds.forEach((kind, ns) -> byKind.put(kind,
                Latency.of(ns.stream().mapToLong(Long::longValue).toArray(), ns.stream().mapToLong(Long::longValue).sum())));
        return new Round(Latency.of(nanos, wall), Latency.of(cpu, cpuTime(threads, helpers) - cpuStart), byKind);
    }

    /** The ids of the live threads whose name begins with {@code prefix} (a pool's, started by the warm-up). */
    private static long[] threadsNamed(ThreadMXBean threads, String prefix) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds(), 0))
                .filter(t -> t != null && t.getThreadName().startsWith(prefix)).mapToLong(ThreadInfo::getThreadId).toArray();
    }

    /** The CPU time of the calling thread and of these threads. */
    private static long cpuTime(ThreadMXBean threads, long[] helpers) {
        long sum = threads.getCurrentThreadCpuTime();
        for (long id : helpers) sum += Math.max(0, threads.getThreadCpuTime(id));
        return sum;
    }

    /** The mix over HTTP: the real server on a free port, N connections each sending requests in turn. */
    private Latency http(Archive archive, List<QueryMix.BenchQuery> mix) throws InterruptedException, IOException {
        Javalin app = WebApp.create(archive, null).start(0);
        ExecutorService clients = Executors.newFixedThreadPool(options.connections());
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<URI> uris = mix.stream().map(q -> uri(app.port(), q.request())).toList();
            httpRound(client, clients, uris, uris.size());
            int perRound = Math.max(options.httpRequests(), options.connections());
            List<Latency> rounds = new ArrayList<>();
            for (int r = 0; r < Math.min(3, options.rounds()); r++) {
                rounds.add(httpRound(client, clients, uris, perRound));
                log.printf("  http round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n", r + 1, rounds.get(r).qps(),
                        rounds.get(r).p50Ms(), rounds.get(r).p99Ms());
            }
            return Latency.median(rounds);
        } finally {
            clients.shutdownNow();
            app.stop();
        }
    }

    private Latency httpRound(HttpClient client, ExecutorService clients, List<URI> uris, int total)
            throws InterruptedException, IOException {
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < options.connections(); c++) {
            workers.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    HttpRequest req = HttpRequest.newBuilder(uris.get(i % uris.size())).GET().build();
                    long t = System.nanoTime();
                    HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t;
                    if (resp.statusCode() != 200) {
                        throw new IOException("HTTP " + resp.statusCode() + " for " + req.uri() + ": "
                                + new String(resp.body(), StandardCharsets.UTF_8));
                    }
                }
                return null;
            }));
        }
        Workers.await(workers);
        return Latency.of(nanos, System.nanoTime() - start);
    }

    static URI uri(int port, SearchRequest r) {
        StringBuilder q = new StringBuilder("http://localhost:").append(port).append("/api/search?q=").append(enc(r.query()));
        r.filters().forEach((dim, values) -> values.forEach(v -> q.append('&').append(enc(dim)).append('=').append(enc(v))));
        if (r.signerMatch() == SearchRequest.SignerMatch.all) q.append("&signerMatch=all");
        if (r.from() != null) q.append("&from=").append(r.from());
        if (r.to() != null) q.append("&to=").append(r.to());
        q.append("&size=").append(r.size());
        if (!r.highlight()) q.append("&highlight=false");
        if (r.answer() != SearchRequest.Answer.FULL) {
            q.append("&facets=").append(enc(r.answer().facetsParam())).append("&snippets=").append(r.answer().snippets());
        }
        return URI.create(q.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
