package org.letterarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.letterarchive.Archive;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Timing harness (not a test): median latency of a faceted, highlighted search over the shared letters, and
 * of a facet prefix lookup over a synthetic archive with tens of thousands of organizations.
 *
 * <pre>
 *   mvn -q -B test-compile
 *   java -cp target/test-classes:target/classes:$(cat target/runtime.classpath) \
 *       org.letterarchive.search.SearchLatency [SYNTHETIC_LETTERS]
 * </pre>
 */
public final class SearchLatency {

    private SearchLatency() {}

    public static void main(String[] args) throws Exception {
        Path letters = Path.of("..", "shared", "letters");
        if (!Files.isDirectory(letters)) {
            System.err.println("no shared letters at " + letters.toAbsolutePath());
            System.exit(1);
        }
        Path tmp = Files.createTempDirectory("search-latency");
        try (Archive archive = Archive.open(tmp.resolve("corpus"), tmp.resolve("index"))) {
            try (var files = Files.list(letters)) {
                for (Path f : files.sorted().toList()) {
                    try {
                        archive.ingestWithoutCommit(Files.readAllBytes(f), f.getFileName().toString());
                    } catch (Exception e) {
                        System.err.println("skipped " + f.getFileName() + ": " + e.getMessage());
                    }
                }
            }
            archive.commit();
            SearchService search = archive.search();
            String top = search.search(SearchRequest.of("")).facets().get("language").get(0).value();
            List<SearchRequest> queries = List.of(
                    SearchRequest.of("human rights"),
                    SearchRequest.of("\"freedom of expression\" OR derechos"),
                    SearchRequest.of("encrypt* privacy").withFilter("language", top),
                    SearchRequest.of("gobierno~ OR government"),
                    new SearchRequest("rights", Map.of(), SearchRequest.SignerMatch.any, LocalDate.of(2015, 1, 1),
                            LocalDate.of(2025, 12, 31), SearchRequest.SortOrder.newest, 1, 20, true));
            System.out.printf("shared letters: %d indexed%n", archive.store().index().count());
            report("faceted+highlighted search (shared letters)", () -> {
                long hits = 0;
                for (SearchRequest q : queries) hits += search.search(q).total();
                return hits;
            }, queries.size());
            report("same searches, no snippets (shared letters)", () -> {
                long hits = 0;
                for (SearchRequest q : queries) {
                    hits += search.search(new SearchRequest(q.query(), q.filters(), q.signerMatch(), q.from(), q.to(),
                            q.sort(), 1, 20, false)).total();
                }
                return hits;
            }, queries.size());
        }

        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        if (synthetic == 0) return;
        // index only (no corpus): a big archive's index, with organization keys as labels
        try (LetterIndex index = LetterIndex.open(new ByteBuffersDirectory())) {
            Random rnd = new Random(42);
            String[] stems = {"Centro", "Red", "Fundación", "Human", "Amnesty", "Access", "Colectivo", "Observatorio", "Digital", "Alianza"};
            for (int i = 0; i < synthetic; i++) {
                List<Signer> signers = new ArrayList<>();
                int n = 1 + rnd.nextInt(12);
                for (int s = 0; s < n; s++) {
                    signers.add(Signer.organization(stems[rnd.nextInt(stems.length)] + " " + Integer.toString(rnd.nextInt(40_000), 36) + " Org"));
                }
                Letter l = new Letter(LetterId.of(("synthetic " + i).getBytes(StandardCharsets.UTF_8)), "l" + i + ".txt",
                        "text/plain", rnd.nextBoolean() ? "en" : "es", "Letter " + i,
                        LocalDate.of(2000 + rnd.nextInt(25), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)), "text",
                        List.of(Recipient.of("Recipient " + rnd.nextInt(500), null)), signers, n,
                        "letter number " + i + " about rights and derechos " + stems[rnd.nextInt(stems.length)], List.of());
                index.upsert(l, s -> Organization.keyOf(s.organizationName()));
            }
            index.commit();
            SearchService search = new SearchService(index, key -> key);
            System.out.printf("synthetic: %d letters%n", index.count());
            FacetLister facets = search.facets();
            System.out.printf("synthetic: %d signer organizations%n",
                    facets.list("signer", null, FacetLister.Order.count, 1, null).matching());
            report("facet prefix lookup, all letters (synthetic)",
                    () -> (long) facets.list("signer", "Cen", FacetLister.Order.count, 20, null).matching(), 1);
            SearchRequest es = SearchRequest.of("rights").withFilter("language", "es");
            report("facet prefix lookup, filtered (synthetic)",
                    () -> (long) facets.list("signer", "fund", FacetLister.Order.name, 20, es).matching(), 1);
            report("faceted+highlighted search (synthetic)",
                    () -> search.search(SearchRequest.of("rights derechos").withFilter("language", "en")).total(), 1);
        }
    }

    private static void report(String what, Supplier<Long> run, int perRound) {
        for (int i = 0; i < 20; i++) run.get(); // warm-up
        int rounds = 60;
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t0) / 1e6 / perRound;
        }
        Arrays.sort(ms);
        System.out.printf("%s: median %.2f ms, p90 %.2f ms, max %.2f ms (%d rounds)%n", what, ms[rounds / 2],
                ms[(int) (rounds * 0.9)], ms[rounds - 1], rounds);
    }
}
