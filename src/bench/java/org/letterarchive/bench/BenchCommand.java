package org.letterarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.letterarchive.corpus.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `letters bench generate|ingest|search|orgs|analysis`: a generated corpus, throughput and latency against bare
 * Lucene, and the letter analysis's scores and CPU time on letters of every shape. It lives in the bench source set
 * (src/bench/java), outside the product's jar; {@code org.letterarchive.cli.Main} adds it when it is on the class path.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on a generated corpus: generate letters, measure ingest, search and the letter analysis.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Ingest.class, BenchCommand.Search.class,
                BenchCommand.Organizations.class, BenchCommand.AnalysisBench.class, BenchCommand.FamiliesBench.class,
                BenchCommand.FacetCount.class, BenchCommand.Peer.class, BenchCommand.OcrLoad.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write generated letters of every signer-list and addressee shape (en/es/pt/fr/de; text, Markdown, HTML) "
                    + "and letters.jsonl, what each should yield, in the form of the hand annotations.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "1000", description = "number of letters (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--seed", defaultValue = "42", description = "seed; the same seed gives the same corpus (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write to")
        Path out;

        @Option(names = "--formats", description = "render about 30%% of the plain-text letters as PDF, DOCX and HTML")
        boolean formats;

        @Option(names = "--classic", description = "the corpus the ingest and search benches use: English and Spanish plain text, "
                + "one signer a line after a closing, a To: block")
        boolean classic;
        @Option(names = "--families", description = "letter families: versions, translations, re-sends and campaigns, with family and relation in letters.jsonl")
        boolean families;

        @Override
        public Integer call() throws IOException {
            if (letters < 1) return fail("--letters must be 1 or more");
            if (Files.exists(out) && !Files.isDirectory(out)) return fail(out + " is not a folder");
            long t0 = System.nanoTime();
            CorpusWriter.Written w = CorpusWriter.write(new CorpusGenerator(seed), letters, formats, !classic && !families, out, families);
            System.out.printf("Wrote %d letters (%.1f MB) to %s in %.1f s; expected analyses in %s.%n", w.files(),
                    w.bytes() / 1e6, out, (System.nanoTime() - t0) / 1e9, out.resolve(CorpusWriter.TRUTH_FILE));
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest throughput of the full pipeline against a bare Lucene IndexWriter, on a generated corpus.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "2000", description = "letters per round (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--threads", defaultValue = "2", description = "ingest threads (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds; medians are reported (default"
                + " ${DEFAULT-VALUE}: after a warm-up round the first rounds still run a quarter slower than the later ones)")
        int rounds;

        @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--warmup", paramLabel = "N", description = "letters put through every stage first, untimed, so that"
                + " the rounds run compiled code (default: all of them, one untimed round)")
        Integer warmup;

        @Option(names = "--formats", description = "about 30%% of the letters as PDF, DOCX and HTML")
        boolean formats;

        @Option(names = "--pdf", description = "every letter as a PDF")
        boolean pdf;

        @Option(names = "--isolated", description = "also time the pipeline parsing in separate processes, as the server does")
        boolean isolated;

        @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (default: a temporary folder, removed after)")
        Path work;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            if (pdf && formats) return fail("--pdf and --formats: choose one");
            try (Scratch scratch = Scratch.of(work, "letters-bench-ingest")) {
                Path dir = scratch.dir();
                IngestBenchmark.Report r = new IngestBenchmark(
                        new IngestBenchmark.Options(letters, threads, seed, formats, pdf, isolated, rounds,
                                warmup == null ? letters : warmup, dir), System.err).run();
                PrintStream out = System.out;
                out.printf("%nIngest of %d generated letters (%.1f MB%s), %d thread(s), median of %d round(s):%n", r.letters(),
                        r.bytes() / 1e6, pdf ? ", PDF" : formats ? ", ~30% PDF/DOCX/HTML" : ", plain text", r.threads(), r.rounds());
                out.printf("  %-50s %10s %8s %12s%n", "", "letters/s", "MB/s", "CPU ms/ltr");
                row(out, "pipeline (Tika, analysis, corpus, index, commit)", r.pipeline());
                row(out, "  stage: check, Tika and analysis alone, " + r.threads() + " thr", r.extractOnly());
                row(out, "  stage: corpus writes + one flush, 1 thread", r.corpusOnly());
                row(out, "  stage: index upserts alone + commit, 1 thread", r.indexOnly());
                row(out, "bare Lucene IndexWriter, same texts + analyzer", r.lucene());
                row(out, "bare Tika AutoDetectParser, same files, " + r.threads() + " thr", r.tika());
                if (r.isolated() != null) row(out, "pipeline, parsing in " + r.threads() + " child processes", r.isolated());
                out.printf("  ratio pipeline / Lucene: %.3f; pipeline / Tika: %.2f%s; %d letters indexed, %d failed; the pipeline's final "
                        + "commit took %.2f s%n", r.ratio(), r.tikaRatio(),
                        r.isolated() == null ? "" : String.format(" (child processes: %.2f; their CPU is not counted)",
                                r.isolated().lettersPerS() / r.tika().lettersPerS()),
                        r.indexed(), r.failed(), r.commitSeconds());
                out.println("  (pipeline = Archive.ingestWithoutCommit per letter, one commit at the end, as `letters ingest`;");
                out.println("   corpus writes and index upserts run in parallel; the commit forces the corpus files in one batch)");
                output.print(out, r.toJson());
                return r.failed() == 0 ? 0 : 1;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }

        private static void row(PrintStream out, String name, IngestBenchmark.Throughput t) {
            out.printf("  %-50s %10.0f %8.2f %12.2f%n", name, t.lettersPerS(), t.mbPerS(), t.cpuMsPerLetter());
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search latency on an index of N generated letters: the search service, bare Lucene, and HTTP.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "100000", description = "letters in the index (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--queries", paramLabel = "Q", defaultValue = "200", description = "searches in the mix (default ${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds over the mix; medians are reported (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--warmup", defaultValue = "8", description = "warm-up rounds over the mix, untimed, on both sides: "
                + "with 2, the p50 still fell by a quarter from the first measured round to the fifth (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--seed", defaultValue = "42", description = "corpus and query seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "threads building the index (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--connections", defaultValue = "8", description = "concurrent HTTP connections; 0 skips HTTP (default ${DEFAULT-VALUE})")
        int connections;

        @Option(names = "--http-requests", defaultValue = "2000", description = "HTTP requests per round (default ${DEFAULT-VALUE})")
        int httpRequests;

        @Option(names = "--work", paramLabel = "DIR", description = "folder for the index, kept and reused by later runs with the same --letters/--seed (default: a temporary folder, removed after)")
        Path work;

        @Option(names = "--force-merge", description = "merge the index to one segment before measuring")
        boolean forceMerge;

        @Option(names = "--facets", paramLabel = "SPEC", description = "ask every search for these facets only, as the API's "
                + "facets parameter (e.g. signer:10,recipient:10,year:10,language:10); default: the full answer")
        String facets;

        @Option(names = "--snippets", paramLabel = "N", description = "snippets per hit asked for (default: 3, the full answer's)")
        String snippets;

        @Option(names = "--backend", defaultValue = "embedded", paramLabel = "embedded|solr",
                description = "embedded: the search service against bare Lucene and HTTP; solr: the same mix through the "
                        + "embedded index and a SolrCloud collection of the same letters, side by side (default ${DEFAULT-VALUE})")
        String backend;

        @Option(names = "--solr", paramLabel = "ZK_HOST[/chroot]", description = "with --backend solr: an existing SolrCloud "
                + "(default: a local MiniSolrCloudCluster of 2 nodes, started by src/test/solr-cluster/run)")
        String solr;

        @Option(names = "--shards", defaultValue = "2", description = "with --backend solr: shards of the collection (default ${DEFAULT-VALUE})")
        int shards;

        @Option(names = "--replicas", defaultValue = "2", description = "with --backend solr: replicas of each shard (default ${DEFAULT-VALUE})")
        int replicas;

        @Option(names = "--cluster-heap", paramLabel = "MB", defaultValue = "2048",
                description = "with --backend solr: heap of the local cluster's JVM (default ${DEFAULT-VALUE})")
        int clusterHeapMb;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            if (warmup < 0) return fail("--warmup must not be negative");
            if (!backend.equals("embedded") && !backend.equals("solr")) return fail("--backend is embedded or solr");
            try (Scratch scratch = Scratch.of(work, "letters-bench-search")) {
                Path dir = scratch.dir();
                Files.createDirectories(dir);
                if (backend.equals("solr")) return backends(dir);
                SearchBenchmark.Report r = new SearchBenchmark(new SearchBenchmark.Options(letters, queries, rounds, warmup,
                        seed, threads, connections, httpRequests, dir, forceMerge,
                        facets == null && snippets == null ? null : org.letterarchive.search.SearchRequest.Answer.parse(facets, snippets)),
                        System.err).run();
                PrintStream out = System.out;
                out.printf("%nSearch over %d generated letters (index built from Letter records, no Tika%s), %d queries "
                        + "(word, phrase, facet, signers=all, date range; highlight on), median of %d round(s):%n",
                        r.letters(), r.reused() ? ", reused" : String.format(", built in %.0f s", r.buildSeconds()),
                        r.queries(), r.rounds());
                out.printf("  %-26s %8s %8s %8s %9s%n", "", "p50 ms", "p95 ms", "p99 ms", "qps");
                row(out, "SearchService in-process", r.service());
                row(out, "bare Lucene", r.lucene());
                row(out, "  CPU time: SearchService", r.serviceCpu());
                row(out, "  CPU time: bare Lucene", r.luceneCpu());
                if (r.http() != null) row(out, "HTTP, " + r.connections() + " connections", r.http());
                out.printf("  ratio p50 service / Lucene: %.2f (wall), %.2f (CPU)%n", r.ratioP50(), r.serviceCpu().p50Ms() / r.luceneCpu().p50Ms());
                out.println("  (CPU rows: the CPU time of the searching thread and of the search threads it shares its work with; "
                        + "qps there = searches per CPU-second of one core)");
                r.serviceByKind().forEach((kind, l) -> out.printf("  %-12s service p50 %6.2f p99 %7.2f ms | Lucene p50 %6.2f p99 %7.2f ms%n",
                        kind, l.p50Ms(), l.p99Ms(), r.luceneByKind().get(kind).p50Ms(), r.luceneByKind().get(kind).p99Ms()));
                out.printf("  index: %d segment(s)%n", r.segments());
                out.printf("  index %.1f MB on disk (%d B/letter, %.2f× the raw text of %.1f MB); index opened in %.0f ms, "
                        + "holding %.0f MB of heap; whole process after opening the archive + GC: %.0f MB%n", r.indexBytes() / 1e6,
                        r.indexBytes() / r.letters(), (double) r.indexBytes() / r.rawTextBytes(), r.rawTextBytes() / 1e6, r.openMs(),
                        r.indexHeapBytes() / 1048576.0, r.heapAfterOpenBytes() / 1048576.0);
                out.printf("  hits by kind: %s%n", r.hitsByKind());
                out.printf("  answer asked for: %s%n", r.answer());
                output.print(out, r.toJson());
                return 0;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }

        private static void row(PrintStream out, String name, Latency l) {
            out.printf("  %-26s %8.2f %8.2f %8.2f %9.1f%n", name, l.p50Ms(), l.p95Ms(), l.p99Ms(), l.qps());
        }

        /** --backend solr: the embedded index and SolrCloud on the same letters and searches. */
        private int backends(Path dir) throws Exception {
            Path home = Path.of(System.getProperty("letters.home", ".")).toAbsolutePath().normalize();
            SolrCloudBenchmark.Report r = new SolrCloudBenchmark(new SolrCloudBenchmark.Options(
                    new SearchBenchmark.Options(letters, queries, rounds, warmup, seed, threads, 0, 0, dir, forceMerge,
                            facets == null && snippets == null ? null : org.letterarchive.search.SearchRequest.Answer.parse(facets, snippets)),
                    solr, shards, replicas, clusterHeapMb, home), System.err).run();
            PrintStream out = System.out;
            out.printf("%nSearch over %d generated letters, embedded index against SolrCloud (%s, %d shard(s) x %d replica(s)%s), "
                    + "%d queries, one client, median of %d round(s); answer: %s%n", r.letters(),
                    r.local() ? "local MiniSolrCloudCluster, 2 nodes" : r.zkHost(), r.shards(), r.replicas(),
                    r.filled() ? String.format(", filled in %.0f s", r.fillSeconds()) : ", reused", r.queries(), r.rounds(), r.answer());
            out.printf("  %-26s %8s %8s %8s %9s%n", "", "p50 ms", "p95 ms", "p99 ms", "qps");
            row(out, "embedded (baseline)", r.embedded());
            row(out, "SolrCloud", r.solr());
            out.printf("  ratio SolrCloud / embedded: p50 %.2f, p99 %.2f, qps %.2f%n", r.ratioP50(), r.ratioP99(), r.ratioQps());
            out.printf("  p50 ms by kind, embedded: %s%n", r.p50ByKindEmbedded());
            out.printf("  p50 ms by kind, SolrCloud: %s%n", r.p50ByKindSolr());
            out.printf("  every total agrees (%d hits in all); searches whose facet counts or histogram differ: %d%n",
                    r.totalHits(), r.facetDifferences());
            output.print(out, r.toJson());
            return 0;
        }
    }

    @Command(name = "orgs", mixinStandardHelpOptions = true,
            description = "Organization profile and co-signer network latency on an index of N generated letters, against a signer search.")
    static final class Organizations implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "100000", description = "letters in the index (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--organizations", paramLabel = "K", defaultValue = "100", description = "the K organizations with most letters are measured (default ${DEFAULT-VALUE})")
        int organizations;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds; medians are reported (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "threads building the index (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--work", paramLabel = "DIR", description = "folder for the index, shared with 'bench search' (default: a temporary folder, removed after)")
        Path work;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = Scratch.of(work, "letters-bench-orgs")) {
                Path dir = scratch.dir();
                Files.createDirectories(dir);
                var r = OrganizationBenchmark.run(dir, letters, seed, threads, organizations, rounds, System.err);
                PrintStream out = System.out;
                out.printf("%nOrganizations over %d generated letters (%d organizations; the biggest has %d letters), "
                        + "the %d with most letters, median of %d round(s):%n", r.letters(), r.organizations(), r.biggestLetters(),
                        organizations, rounds);
                out.printf("  %-40s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "p99 ms");
                orow(out, "signer search (baseline)", r.search());
                orow(out, "profile", r.profile());
                orow(out, "neighbourhood network (min 2, 50)", r.network());
                orow(out, "network of the search (200 nodes)", r.searchNetwork());
                out.printf("  ratio p50 profile / search: %.2f; network / search: %.2f%n", r.profile().p50Ms() / r.search().p50Ms(),
                        r.network().p50Ms() / r.search().p50Ms());
                out.printf("  profile of the biggest organization: %.1f ms (median of 5)%n", r.profileOfBiggestMs());
                output.print(out, r.toJson());
                return 0;
            }
        }

        private static void orow(PrintStream out, String name, Latency l) {
            out.printf("  %-40s %8.2f %8.2f %8.2f%n", name, l.p50Ms(), l.p95Ms(), l.p99Ms());
        }
    }

    @Command(name = "analysis", mixinStandardHelpOptions = true,
            description = "The letter analysis on generated letters of every shape: signer/recipient F1, date and title accuracy "
                    + "per shape and overall, and its CPU time per letter (Tika not counted) against a baseline.")
    static final class AnalysisBench implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "300", description = "letters (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--dir", paramLabel = "D", description = "folder of letters and letters.jsonl (as written by "
                + "'bench generate'); generated there when it holds none; the analysis's findings are written to D/analysis.jsonl "
                + "(default: a temporary folder, removed after)")
        Path dir;

        @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--rounds", defaultValue = "5", description = "timed rounds over all letters (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--warmup", defaultValue = "20", description = "untimed rounds over all letters before the timed ones, "
                + "so that the JIT has compiled the analysis as in a long-running ingest (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--formats", description = "when generating, about 30%% of the plain-text letters as PDF, DOCX and HTML")
        boolean formats;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = Scratch.of(dir, "letters-bench-analysis")) {
                Path d = scratch.dir();
                Files.createDirectories(d);
                var r = new AnalysisBenchmark(
                        new AnalysisBenchmark.Options(letters, seed, d, rounds, warmup, formats), System.err).run();
                AnalysisBenchmark.print(r, System.out);
                output.print(System.out, r.toJson());
                return 0;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "families", mixinStandardHelpOptions = true,
            description = "Letter families on a generated corpus with families: ingest with detection off and on, precision and recall per relation.")
    static final class FamiliesBench implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "20000", description = "letters (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "ingest threads (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--rounds", defaultValue = "1", description = "rounds of ingest with detection off and on, each into new archives, "
                + "off first in odd rounds and on first in even ones; speeds and ratio are medians over them (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "3000", description = "letters ingested first, untimed, "
                + "with detection off and then on, so that neither timed side runs while the code is being compiled "
                + "(default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (default: a temporary folder, removed after)")
        Path work;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = Scratch.of(work, "letters-bench-families")) {
                Path dir = scratch.dir();
                Files.createDirectories(dir);
                System.out.println(Json.mapper().writeValueAsString(
                        org.letterarchive.bench.FamilyBenchmark.run(dir, letters, seed, threads, rounds, warmup, System.err)));
                return 0;
            }
        }
    }

    @Command(name = "facets", mixinStandardHelpOptions = true,
            description = "Facet counting of the signer and recipient dimensions: taxonomy facets against SortedSetDocValues facets, "
                    + "on one side index of N generated letters holding both.")
    static final class FacetCount implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "10000", description = "letters (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = Scratch.of(null, "letters-bench-facets")) {
                Path dir = scratch.dir();
                var r = FacetCountBenchmark.run(dir, letters, seed, rounds, System.err);
                System.out.printf("%nFacet counts of signer + recipient (top 10 each) over %d letters in %d segment(s), %d word searches, "
                        + "CPU ms per count, median of %d round(s):%n", r.letters(), r.segments(), r.queries(), rounds);
                System.out.printf("  SortedSetDocValues (a field per dimension): %.3f ms per search, %.2f ms over every letter; state built in %.0f ms%n",
                        r.ssdvMedianMs(), r.ssdvAllMs(), r.ssdvStateMs());
                System.out.printf("  taxonomy (FastTaxonomyFacetCounts):          %.3f ms per search, %.2f ms over every letter; reader opened in %.0f ms%n",
                        r.taxonomyMedianMs(), r.taxonomyAllMs(), r.taxonomyOpenMs());
                System.out.printf("  ratio taxonomy / doc values: %.2f per search, %.2f over every letter%n",
                        r.taxonomyMedianMs() / r.ssdvMedianMs(), r.taxonomyAllMs() / r.ssdvAllMs());
                System.out.println(Json.mapper().writeValueAsString(r.toJson()));
                return 0;
            }
        }
    }

    @Command(name = "ocr-load", mixinStandardHelpOptions = true,
            description = "Search latency while a scan is read with OCR (the server's OCR parser process, nice 10, one Tesseract thread) "
                    + "against no OCR, rounds alternating, in the same run: medians of p50/p99 and their ratios, OCR pages per second.")
    static final class OcrLoad implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "10000", description = "letters in the index (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--queries", paramLabel = "Q", defaultValue = "400", description = "searches in the mix, one pass per phase (default ${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--rounds", defaultValue = "7", description = "rounds, each an idle and an OCR phase; medians are reported (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--warmup", defaultValue = "2", description = "warm-up passes (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--pages", defaultValue = "2", description = "pages of the scan read again and again (default ${DEFAULT-VALUE})")
        int pages;

        @Option(names = "--seed", defaultValue = "42", description = "corpus and query seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "threads building the index (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--work", paramLabel = "DIR", description = "folder for the index, shared with 'bench search' (default: a temporary folder, removed after)")
        Path work;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = Scratch.of(work, "letters-bench-ocr")) {
                Path dir = scratch.dir();
                Files.createDirectories(dir);
                var r = OcrLoadBenchmark.run(dir, letters, queries, rounds, warmup, seed, threads, pages, System.err);
                PrintStream out = System.out;
                out.printf("%nSearch while OCR runs: %d generated letters, %d searches per phase in a row, median of %d round(s), "
                        + "a %d-page scan read by one OCR parser process:%n", r.letters(), r.queries(), r.rounds(), r.scanPages());
                out.printf("  %-20s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "p99 ms");
                out.printf("  %-20s %8.2f %8.2f %8.2f%n", "idle", r.idle().p50Ms(), r.idle().p95Ms(), r.idle().p99Ms());
                out.printf("  %-20s %8.2f %8.2f %8.2f%n", "OCR running", r.ocr().p50Ms(), r.ocr().p95Ms(), r.ocr().p99Ms());
                out.printf("  ratio OCR / idle: p50 %.2f, p99 %.2f (target p99 <= 2)%n", r.ratioP50(), r.ratioP99());
                out.printf("  p99 per round: idle %s, OCR %s%n", r.idleP99s(), r.ocrP99s());
                out.printf("  OCR: %d pages in %.1f s of reading (%.3f pages/s, first pass and rendering included)%n", r.pagesRead(), r.ocrSeconds(),
                        r.pagesPerSecond());
                output.print(out, r.toJson());
                return 0;
            }
        }
    }

    @Command(name = "peer", mixinStandardHelpOptions = true,
            description = "The archive against Solr 9.10.1 over HTTP on the same N generated letters and the same seeded mix of "
                    + "7 kinds of search, each server in its own JVM with the same heap, rounds alternating: per-kind p50/p99/qps "
                    + "and ratios, index sizes, live heaps, and hit counts compared search by search.")
    static final class Peer implements Callable<Integer> {
        @Option(names = "--letters", paramLabel = "N", defaultValue = "20000", description = "letters (default ${DEFAULT-VALUE})")
        int letters;

        @Option(names = "--queries", paramLabel = "Q", defaultValue = "210", description = "searches in the mix (default ${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--rounds", defaultValue = "3", description = "measured rounds; medians are reported (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--connections", defaultValue = "2", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
        int connections;

        @Option(names = "--requests", defaultValue = "1000", description = "requests of the whole mix per round and side (default ${DEFAULT-VALUE})")
        int requests;

        @Option(names = "--per-kind", defaultValue = "150", description = "requests of each kind alone per round and side (default ${DEFAULT-VALUE})")
        int perKind;

        @Option(names = "--heap", paramLabel = "MB", defaultValue = "1024", description = "heap of each server (default ${DEFAULT-VALUE})")
        int heapMb;

        @Option(names = "--full", description = "also time the archive's full default answer (9 facets at 50, histogram, 3 snippets)")
        boolean full;

        @Option(names = "--solr-caches", defaultValue = "on", paramLabel = "on|off",
                description = "Solr's filter, query result and document caches: on (the _default configset's) or off (default ${DEFAULT-VALUE})")
        String solrCaches;

        @Option(names = "--seed", defaultValue = "42", description = "corpus and query seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "threads building the indexes (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--work", paramLabel = "DIR", description = "folder for both indexes, kept and reused by later runs with "
                + "the same --letters/--seed (default: a temporary folder, removed after)")
        Path work;

        @Mixin
        JsonOutput output;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            if (!solrCaches.equals("on") && !solrCaches.equals("off")) return fail("--solr-caches is on or off");
            try (Scratch scratch = Scratch.of(work, "letters-bench-peer")) {
                Path dir = scratch.dir();
                Path home = Path.of(System.getProperty("letters.home", ".")).toAbsolutePath().normalize();
                Map<String, Object> r = new PeerBenchmark(new PeerBenchmark.Options(letters, queries, rounds, seed, threads,
                        connections, requests, perKind, heapMb, full, solrCaches.equals("on"), dir, home), System.err).run();
                PrintStream out = System.out;
                Map<String, Object> sides = (Map<String, Object>) r.get("sides");
                Map<String, Object> solr = (Map<String, Object>) sides.get("Solr");
                out.printf("%nArchive against Solr 9.10.1, %d generated letters, %d searches, %d HTTP clients, both -Xmx%dm, "
                        + "median of %d round(s); Solr's caches %s; asked of both: %s%n", letters, queries, connections, heapMb, rounds,
                        solrCaches, r.get("answer"));
                out.printf("  %-14s %-22s %8s %8s %9s %10s %10s%n", "kind", "side", "p50 ms", "p99 ms", "req/s", "qps ratio", "p50 ratio");
                List<String> kinds = new java.util.ArrayList<>(PeerQueryMix.KINDS);
                kinds.add("whole mix");
                for (String kind : kinds) {
                    Map<String, Object> s = fig(solr, kind);
                    for (Map.Entry<String, Object> side : sides.entrySet()) {
                        Map<String, Object> f = fig((Map<String, Object>) side.getValue(), kind);
                        out.printf("  %-14s %-22s %8.2f %8.2f %9.1f %10s %10s%n", kind, side.getKey(), num(f, "p50_ms"), num(f, "p99_ms"),
                                num(f, "qps"), side.getKey().equals("Solr") ? "" : String.format("%.2f", num(f, "qps") / num(s, "qps")),
                                side.getKey().equals("Solr") ? "" : String.format("%.2f", num(f, "p50_ms") / num(s, "p50_ms")));
                    }
                }
                sides.forEach((name, v) -> out.printf("  mean response: %s %.1f KB%n", name,
                        ((Number) ((Map<String, Object>) v).get("mean_response_bytes")).doubleValue() / 1024));
                Map<String, Object> sizes = (Map<String, Object>) r.get("sizes");
                double raw = ((Number) sizes.get("raw_text_bytes")).doubleValue();
                out.printf("  index: archive %.1f MB (%.2f× raw text), Solr %.1f MB (%.2f×)%n",
                        ((Number) sizes.get("archive_index_bytes")).doubleValue() / 1e6, ((Number) sizes.get("archive_index_bytes")).doubleValue() / raw,
                        ((Number) sizes.get("solr_index_bytes")).doubleValue() / 1e6, ((Number) sizes.get("solr_index_bytes")).doubleValue() / raw);
                out.printf("  memory after the load (live heap after a full GC, RSS): %s%n", r.get("memory"));
                out.printf("  hit counts: %s%n", ((Map<String, Object>) r.get("hit_counts")).get("by_kind"));
                out.printf("  load average after: %s%n", r.get("load_after"));
                output.print(out, r);
                return 0;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> fig(Map<String, Object> side, String kind) {
            return kind.equals("whole mix") ? (Map<String, Object>) side.get("mix")
                    : (Map<String, Object>) ((Map<String, Object>) side.get("by_kind")).get(kind);
        }

        private static double num(Map<String, Object> m, String key) {
            return ((Number) m.get(key)).doubleValue();
        }
    }

    static int fail(String message) {
        System.err.println("error: " + message);
        return 2;
    }

    /** --json: the figures as one JSON line last, for scripts. */
    static final class JsonOutput {
        @Option(names = "--json", description = "print the figures as one JSON line last")
        boolean json;

        void print(PrintStream out, Object figures) throws IOException {
            if (json) out.println(Json.mapper().writeValueAsString(figures));
        }
    }

    /** The folder a bench works in: the one given (--work), kept after; else a temporary one, removed after. */
    record Scratch(Path dir, boolean temporary) implements AutoCloseable {
        static Scratch of(Path given, String prefix) throws IOException {
            return given != null ? new Scratch(given, false) : new Scratch(Files.createTempDirectory(prefix), true);
        }

        @Override
        public void close() {
            if (temporary) deleteQuietly(dir);
        }
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
