package org.letterarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchService;

/**
 * The archive against Solr 9.10.1 on the same letters and the same searches, in one run ({@code bench peer}).
 *
 * <p>The archive's index is the search bench's (generated {@code Letter} records through {@code LetterIndex.upsert},
 * in {@code WORK/index}); Solr gets the same records with the same organization keys as JSON documents over HTTP
 * ({@code WORK/solr}). Each runs in its own JVM with the same heap: Solr through {@code SolrPeerServer}
 * (src/bench/solr, its own class path built by Maven into target/solr-peer), the archive as {@code letters serve}.
 * This JVM is only the client: N connections send the seeded mix of {@link PeerQueryMix} in rounds that alternate
 * which side goes first; each round runs the whole mix, then each kind alone (its own p50/p99/qps). Before timing,
 * every search's hit count is compared; after, each server's live heap (after a full GC, {@code jcmd}) and RSS.
 */
public final class PeerBenchmark {

    public record Options(int letters, int queries, int rounds, long seed, int threads, int connections,
                          int requests, int perKind, int heapMb, boolean full, boolean solrCaches, Path workDir, Path home) {
        public Options {
            if (letters < 1 || queries < PeerQueryMix.KINDS.size() || rounds < 1 || connections < 1 || requests < 1
                    || perKind < 1 || heapMb < 64) {
                throw new IllegalArgumentException("letters, queries (at least one per kind), rounds, connections and requests must be positive");
            }
        }
    }

    /** One side of the comparison: a server and how a search of the mix is asked of it. */
    record Side(String name, Function<PeerQueryMix.PeerQuery, URI> uri, Function<byte[], Long> total) {}

    /** The figures of one side: the whole mix, each kind alone, the mean response size. */
    record Figures(Latency mix, Map<String, Latency> byKind, double meanResponseBytes) {}

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Options options;
    private final PrintStream log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public PeerBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Map<String, Object> run() throws Exception {
        Path work = options.workDir();
        Files.createDirectories(work);
        Path logs = Files.createDirectories(work.resolve("logs"));
        SearchBenchmark.BuildInfo info = new SearchBenchmark(new SearchBenchmark.Options(options.letters(), 1, 1, 0,
                options.seed(), options.threads(), 0, 0, work, false), log).ensureIndex();
        Path indexDir = work.resolve("index");
        Path corpusDir = work.resolve("corpus");

        CorpusGenerator gen = new CorpusGenerator(options.seed());
        SearchRequest.Answer same = SearchRequest.Answer.parse("signer:10,recipient:10,year:10,language:10", "1");
        List<PeerQueryMix.PeerQuery> mix;
        Path solrHome = work.resolve("solr");
        boolean solrReused = solrReady(solrHome);
        Process solr = null;
        try {
            int solrPort;
            // the archive is open here only to read its organization keys (the query mix, Solr's documents);
            // it is closed before its server starts, which opens the same index
            try (Archive archive = Archive.open(corpusDir, indexDir)) {
                Function<Signer, String> keyOf = archive.store().organizations()::keyOf;
                mix = PeerQueryMix.build(gen, options.letters(), options.queries(), options.seed(), keyOf, same);
                if (!solrReused) writeSolrHome(solrHome);
                writeSolrConfig(solrHome);
                solr = startSolr(solrHome, logs);
                solrPort = solrPort(solr, logs.resolve("solr.out"));
                if (!solrReused) loadSolr(solrPort, gen, keyOf, solrHome);
            }
            return measure(solr, solrPort, mix, info, indexDir, corpusDir, solrHome, solrReused, logs);
        } finally {
            stop(solr, true);
        }
    }

    // ---- the servers ----

    private Path solrPeerDir() {
        return options.home().resolve("target/solr-peer");
    }

    /** Builds Solr's class path and the launcher (src/bench/solr/pom.xml) unless target/solr-peer holds them. */
    private void ensureSolrBuilt() throws IOException, InterruptedException {
        Path cp = solrPeerDir().resolve("solr.classpath");
        Path launcher = solrPeerDir().resolve("build/classes/org/letterarchive/bench/solr/SolrPeerServer.class");
        if (Files.exists(cp) && Files.exists(launcher)) return;
        log.println("building Solr's class path (mvn -f src/bench/solr/pom.xml compile)...");
        Process p = new ProcessBuilder("mvn", "-q", "-B", "-f", options.home().resolve("src/bench/solr/pom.xml").toString(), "compile")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IOException("building Solr's class path failed");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private Process startSolr(Path home, Path logs) throws IOException, InterruptedException {
        ensureSolrBuilt();
        String cp = solrPeerDir().resolve("build/classes") + ":" + Files.readString(solrPeerDir().resolve("solr.classpath")).strip();
        log.printf("starting Solr 9.10.1 (-Xmx%dm) on %s%n", options.heapMb(), home);
        return new ProcessBuilder(java(), "-Xms" + options.heapMb() + "m", "-Xmx" + options.heapMb() + "m", "-cp", cp,
                "org.letterarchive.bench.solr.SolrPeerServer", home.toString())
                .redirectOutput(logs.resolve("solr.out").toFile()).redirectError(logs.resolve("solr.err").toFile()).start();
    }

    private int solrPort(Process solr, Path out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!solr.isAlive()) throw new IOException("Solr ended at start (exit " + solr.exitValue() + "); see " + out.resolveSibling("solr.err"));
            if (Files.exists(out)) {
                for (String line : Files.readAllLines(out)) {
                    if (line.startsWith("SOLR-PEER-PORT ")) return Integer.parseInt(line.substring(15).strip());
                }
            }
            Thread.sleep(200);
        }
        throw new IOException("Solr did not start within 180 s");
    }

    private Process startArchive(Path corpusDir, Path indexDir, int port, Path logs) throws IOException {
        Path target = options.home().resolve("target");
        String cp = target.resolve("bench-classes") + ":" + target.resolve("classes") + ":"
                + Files.readString(target.resolve("runtime.classpath")).strip();
        log.printf("starting the archive (its web app, -Xmx%dm) on port %d%n", options.heapMb(), port);
        // like with like: with Solr's caches off, the archive keeps no answers either
        return new ProcessBuilder(java(), "-Xms" + options.heapMb() + "m", "-Xmx" + options.heapMb() + "m", "-cp", cp,
                "-Dletters.home=" + options.home(), "-Dletters.answers=" + (options.solrCaches() ? SearchService.DEFAULT_ANSWERS : 0),
                "org.letterarchive.bench.ArchivePeerServer", corpusDir.toString(),
                indexDir.toString(), Integer.toString(port))
                .redirectOutput(logs.resolve("archive.out").toFile()).redirectError(logs.resolve("archive.err").toFile()).start();
    }

    private void awaitArchive(Process p, int port) throws IOException, InterruptedException {
        URI probe = URI.create("http://localhost:" + port + "/api/search?q=&size=1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("the archive ended at start (exit " + p.exitValue() + ")");
            try {
                if (client.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the archive did not answer within 180 s");
    }

    private static void stop(Process p, boolean closeInput) throws InterruptedException {
        if (p == null || !p.isAlive()) return;
        List<ProcessHandle> children = p.descendants().toList();
        try {
            if (closeInput) p.getOutputStream().close();
        } catch (IOException ignored) {
            // destroyed below
        }
        if (!closeInput) p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) c.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- Solr's copy of the letters ----

    private boolean solrReady(Path home) throws IOException {
        Path f = home.resolve("bench.json");
        if (!Files.exists(f)) return false;
        JsonNode n = Json.mapper().readTree(f.toFile());
        return n.path("letters").asInt() == options.letters() && n.path("seed").asLong() == options.seed()
                && n.path("configset").asText().equals(configsetDigest());
    }

    private String configsetDigest() throws IOException {
        Path conf = options.home().resolve("src/bench/solr/configset/letters/conf");
        return Integer.toHexString((Files.readString(conf.resolve("schema.xml")) + Files.readString(conf.resolve("solrconfig.xml"))).hashCode());
    }

    private void writeSolrHome(Path home) throws IOException {
        BenchFiles.deleteTree(home);
        Path core = Files.createDirectories(home.resolve("letters/conf"));
        Files.writeString(home.resolve("solr.xml"), "<solr></solr>\n");
        Files.writeString(home.resolve("letters/core.properties"), "name=letters\n");
        Path conf = options.home().resolve("src/bench/solr/configset/letters/conf");
        try (var files = Files.list(conf)) {
            for (Path f : files.toList()) Files.copy(f, core.resolve(f.getFileName()));
        }
    }

    /**
     * The configset's solrconfig.xml into the core, as it is or (caches off) without its filter, query result and
     * document caches: a cache Solr's configuration does not name is not made. The index stays as it is.
     */
    private void writeSolrConfig(Path home) throws IOException {
        String config = Files.readString(options.home().resolve("src/bench/solr/configset/letters/conf/solrconfig.xml"));
        if (!options.solrCaches()) {
            config = config.replaceAll("(?m)^\\s*<(filterCache|queryResultCache|documentCache) [^>]*/>\\s*$\\n", "");
            if (config.contains("<filterCache") || config.contains("<queryResultCache") || config.contains("<documentCache")) {
                throw new IllegalStateException("solrconfig.xml: could not take its caches out");
            }
        }
        Files.writeString(home.resolve("letters/conf/solrconfig.xml"), config);
    }

    /** The letters as Solr documents, in batches over HTTP on the bench's threads, one commit. */
    private void loadSolr(int port, CorpusGenerator gen, Function<Signer, String> keyOf, Path home) throws Exception {
        int n = options.letters();
        URI update = URI.create("http://localhost:" + port + "/solr/letters/update?wt=json");
        log.printf("loading %d letters into Solr (JSON documents, batches of 500, %d thread(s))%n", n, options.threads());
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(pool.submit(() -> {
                    int start;
                    while ((start = next.getAndAdd(500)) < n) {
                        List<Map<String, Object>> docs = new ArrayList<>();
                        for (int i = start; i < Math.min(n, start + 500); i++) docs.add(solrDoc(gen.letter(i).truth(), keyOf));
                        post(update, Json.mapper().writeValueAsBytes(docs));
                        long d = done.addAndGet(docs.size());
                        if (d % 10_000 < 500) log.printf("  %d letters sent (%.0f s)%n", d, (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            }
            Workers.await(workers);
        } finally {
            pool.shutdownNow();
        }
        post(URI.create("http://localhost:" + port + "/solr/letters/update?commit=true&wt=json"), "[]".getBytes(StandardCharsets.UTF_8));
        double secs = (System.nanoTime() - t0) / 1e9;
        log.printf("  Solr loaded and committed in %.1f s (%.0f letters/s)%n", secs, n / secs);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("letters", n);
        b.put("seed", options.seed());
        b.put("configset", configsetDigest());
        b.put("load_s", secs);
        Json.mapper().writeValue(home.resolve("bench.json").toFile(), b);
    }

    private void post(URI uri, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("Solr update: HTTP " + r.statusCode() + ": " + r.body());
    }

    /** A letter as the configset's schema has it: the archive's fields, facet values and summary. */
    static Map<String, Object> solrDoc(Letter l, Function<Signer, String> keyOf) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", l.id());
        d.put("summary", Json.mapper().writeValueAsString(summary(l)));
        if (l.title() != null) d.put("title", l.title());
        d.put("text", l.text());
        List<String> signerText = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        for (Signer s : l.signers()) {
            signerText.add(s.name());
            names.add(s.name());
            if (s.acronym() != null) signerText.add(s.acronym());
            if (s.affiliation() != null) signerText.add(s.affiliation());
            kinds.add(s.kind().name());
            String k = keyOf.apply(s);
            if (k != null && !k.isBlank()) keys.add(k);
        }
        d.put("signer_text", signerText);
        d.put("signerNames", names);
        d.put("signer", List.copyOf(keys));
        d.put("signerKind", List.copyOf(kinds));
        List<String> recipientText = new ArrayList<>();
        java.util.Set<String> recipients = new java.util.LinkedHashSet<>();
        java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        for (Recipient r : l.recipients()) {
            recipientText.add(String.join(" ", java.util.stream.Stream.of(r.name(), r.role(), r.organization())
                    .filter(p -> p != null && !p.isBlank()).toList()));
            if (r.label() != null && !r.label().isBlank()) recipients.add(r.label().strip());
            if (r.role() != null && !r.role().isBlank()) roles.add(r.role().strip());
        }
        d.put("recipient_text", recipientText);
        d.put("recipient", List.copyOf(recipients));
        d.put("recipientRole", List.copyOf(roles));
        if (l.date() != null) {
            d.put("date", l.date() + "T00:00:00Z");
            d.put("year", IndexSchema.yearOf(l.date()));
            d.put("month", IndexSchema.yearOf(l.date()) + "-" + String.format("%02d", l.date().getMonthValue()));
        }
        d.put("signerCount", l.signerCount());
        if (l.language() != null) d.put("language", l.language());
        if (l.format() != null) d.put("format", l.format());
        d.put("signers", IndexSchema.signerRange(l.signerCount()));
        return d;
    }

    private static IndexSchema.Summary summary(Letter l) {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (Recipient r : l.recipients()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("role", r.role());
            if (r.cc()) m.put("cc", true);
            recipients.add(m);
        }
        return new IndexSchema.Summary(l.id(), l.title(), l.date() == null ? null : l.date().toString(), l.language(),
                l.format(), recipients, l.signerCount(),
                l.signers().stream().limit(IndexSchema.TOP_SIGNERS).map(Signer::name).toList());
    }

    // ---- measuring ----

    private Map<String, Object> measure(Process solr, int solrPort, List<PeerQueryMix.PeerQuery> mix,
                                        SearchBenchmark.BuildInfo info, Path indexDir, Path corpusDir, Path solrHome,
                                        boolean solrReused, Path logs) throws Exception {
        int archivePort = freePort();
        Process archive = startArchive(corpusDir, indexDir, archivePort, logs);
        try {
            awaitArchive(archive, archivePort);
            log.println("  both servers answer");
            Side solrSide = new Side("Solr", q -> URI.create("http://localhost:" + solrPort + "/solr/letters/select?"
                    + PeerQueryMix.solrQuery(q.request())), body -> json(body).path("response").path("numFound").asLong());
            Side archiveSide = new Side("archive", q -> SearchBenchmark.uri(archivePort, q.request()),
                    body -> json(body).path("total").asLong());
            Side fullSide = new Side("archive, full answer",
                    q -> SearchBenchmark.uri(archivePort, q.request().withAnswer(SearchRequest.Answer.FULL)),
                    body -> json(body).path("total").asLong());
            List<Side> sides = new ArrayList<>(List.of(solrSide, archiveSide));
            if (options.full()) sides.add(fullSide);

            Map<String, Object> agreement = compareCounts(mix, solrSide, archiveSide);

            ExecutorService clients = Executors.newFixedThreadPool(options.connections());
            Map<String, List<Figures>> rounds = new LinkedHashMap<>();
            for (Side s : sides) rounds.put(s.name(), new ArrayList<>());
            try {
                for (Side s : sides) round(clients, s, mix); // warm-up: one round each, not counted
                for (int r = 0; r < options.rounds(); r++) {
                    List<Side> order = new ArrayList<>(sides);
                    if (r % 2 == 1) java.util.Collections.reverse(order);
                    for (Side s : order) {
                        Figures f = round(clients, s, mix);
                        rounds.get(s.name()).add(f);
                        log.printf("  round %d, %-22s %7.1f req/s, p50 %6.2f ms, p99 %7.2f ms (load %.1f)%n", r + 1, s.name(),
                                f.mix().qps(), f.mix().p50Ms(), f.mix().p99Ms(), load());
                    }
                }
            } finally {
                clients.shutdownNow();
            }

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "peer");
            out.put("letters", options.letters());
            out.put("queries", mix.size());
            out.put("rounds", options.rounds());
            out.put("connections", options.connections());
            out.put("requests_per_round", options.requests());
            out.put("requests_per_kind", options.perKind());
            out.put("heap_mb", options.heapMb());
            out.put("solr_caches", options.solrCaches() ? "on (the _default configset's)" : "off");
            out.put("archive_answers_kept", options.solrCaches() ? SearchService.DEFAULT_ANSWERS : 0);
            out.put("answer", "facets=" + mix.get(0).request().answer().facetsParam() + "&snippets=" + mix.get(0).request().answer().snippets());
            Map<String, Object> sidesOut = new LinkedHashMap<>();
            for (Side s : sides) sidesOut.put(s.name(), figures(rounds.get(s.name())));
            out.put("sides", sidesOut);
            out.put("hit_counts", agreement);
            Map<String, Object> mem = new LinkedHashMap<>();
            mem.put("Solr", memory(solr.pid(), false));
            mem.put("archive", memory(archive.pid(), true));
            out.put("memory", mem);
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("archive_index_bytes", BenchFiles.sizeOf(indexDir));
            sizes.put("solr_index_bytes", BenchFiles.sizeOf(solrHome.resolve("letters/data/index")));
            sizes.put("raw_text_bytes", info.rawTextBytes());
            out.put("sizes", sizes);
            out.put("archive_build_s", info.buildSeconds());
            out.put("solr_reused", solrReused);
            out.put("load_after", load());
            return out;
        } finally {
            stop(archive, true);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8), e);
        }
    }

    /** Every search once on both sides: hit counts per kind, and the searches that differ. */
    private Map<String, Object> compareCounts(List<PeerQueryMix.PeerQuery> mix, Side solr, Side archive) throws Exception {
        Map<String, int[]> perKind = new LinkedHashMap<>(); // equal, differ
        List<Map<String, Object>> differ = new ArrayList<>();
        long solrTotal = 0;
        long archiveTotal = 0;
        for (PeerQueryMix.PeerQuery q : mix) {
            long s = solr.total().apply(get(solr.uri().apply(q)));
            long a = archive.total().apply(get(archive.uri().apply(q)));
            solrTotal += s;
            archiveTotal += a;
            int[] c = perKind.computeIfAbsent(q.kind(), k -> new int[2]);
            if (s == a) {
                c[0]++;
            } else {
                c[1]++;
                if (differ.size() < 20) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("kind", q.kind());
                    d.put("query", q.request().query());
                    d.put("filters", q.request().filters());
                    d.put("archive", a);
                    d.put("solr", s);
                    differ.add(d);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> kinds = new LinkedHashMap<>();
        perKind.forEach((k, c) -> kinds.put(k, Map.of("equal", c[0], "differ", c[1])));
        out.put("by_kind", kinds);
        out.put("archive_hits", archiveTotal);
        out.put("solr_hits", solrTotal);
        out.put("differences", differ);
        int differing = perKind.values().stream().mapToInt(c -> c[1]).sum();
        log.printf("  hit counts: %d of %d searches agree (archive %d hits, Solr %d)%n", mix.size() - differing, mix.size(),
                archiveTotal, solrTotal);
        differ.forEach(d -> log.println("    differs: " + d));
        return out;
    }

    private byte[] get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + uri + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** One round on one side: the whole mix (options.requests requests), then each kind alone (options.perKind each). */
    private Figures round(ExecutorService clients, Side side, List<PeerQueryMix.PeerQuery> mix) throws Exception {
        List<URI> all = mix.stream().map(side.uri()).toList();
        AtomicLong bytes = new AtomicLong();
        Latency whole = load(clients, all, options.requests(), bytes);
        Map<String, Latency> byKind = new LinkedHashMap<>();
        for (String kind : PeerQueryMix.KINDS) {
            List<URI> uris = mix.stream().filter(q -> q.kind().equals(kind)).map(side.uri()).toList();
            byKind.put(kind, load(clients, uris, options.perKind(), new AtomicLong()));
        }
        return new Figures(whole, byKind, (double) bytes.get() / options.requests());
    }

    private Latency load(ExecutorService clients, List<URI> uris, int total, AtomicLong bytes) throws Exception {
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
                        throw new IOException("HTTP " + resp.statusCode() + " for " + req.uri());
                    }
                    bytes.addAndGet(resp.body().length);
                }
                return null;
            }));
        }
        Workers.await(workers);
        return Latency.of(nanos, System.nanoTime() - start);
    }

    private static Map<String, Object> figures(List<Figures> rounds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mix", Latency.median(rounds.stream().map(Figures::mix).toList()).toJson());
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (String kind : PeerQueryMix.KINDS) {
            kinds.put(kind, Latency.median(rounds.stream().map(f -> f.byKind().get(kind)).toList()).toJson());
        }
        m.put("by_kind", kinds);
        m.put("mean_response_bytes", Math.round(Latency.median(rounds.stream().mapToDouble(Figures::meanResponseBytes).toArray())));
        return m;
    }

    /** A server's live heap after a full GC (jcmd), its RSS, and its child processes' RSS. */
    private Map<String, Object> memory(long pid, boolean children) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        Matcher u = HEAP_USED.matcher(heap);
        m.put("live_heap_mb", u.find() ? Latency.round(Long.parseLong(u.group(1)) / 1024.0) : -1);
        m.put("rss_mb", Latency.round(rssKb(pid) / 1024.0));
        if (children) {
            List<ProcessHandle> kids = ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
            m.put("child_processes", kids.size());
            m.put("child_rss_mb", Latency.round(kids.stream().mapToLong(k -> rssKb(k.pid())).sum() / 1024.0));
        }
        return m;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return 0;
    }

    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
