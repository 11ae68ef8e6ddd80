package org.letterarchive.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.letterarchive.Archive;
import org.letterarchive.bench.LocalSolrCloud;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.EmbeddedSearch;
import org.letterarchive.search.Exporter;
import org.letterarchive.search.FacetLister;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchFixture;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;

/**
 * One contract for every {@link SearchBackend}: the embedded Lucene index and a SolrCloud collection (a
 * MiniSolrCloudCluster of 2 nodes, the collection in 2 shards of 2 replicas, in its own JVM) hold the shared
 * letters, written once through the archive (the collection as the embedded index's mirror), and answer the same
 * searches with the same totals, facet counts (drill-sideways too), histograms, orders, cursor pages, facet value
 * lists and export rows, and collapse searches (one hit per letter family) with the same families; each also keeps
 * the contract's own rules. Last, one node is stopped while letters are stored and searched: searches keep
 * answering and every acknowledged letter is found. The cluster is the test run's {@link SharedSolrCloud}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedSolrCloud.class)
class SearchContractTest {

    @TempDir
    static Path dir;
    static LocalSolrCloud cluster;
    static Archive archive;
    static SearchBackend embedded;
    static SolrSearch solr;
    static int stored;
    static SearchFixture.FamilyLetters families;

    @BeforeAll
    static void build(LocalSolrCloud shared) throws Exception {
        SearchFixture.sharedLetters(); // skipped with a notice without ../shared
        long t0 = System.nanoTime();
        cluster = shared;
        IngestLimits limits = IngestLimits.defaults();
        // the first connection makes the collection from the repository's configset
        SolrSearch remote = SolrSearch.connect(new SolrSearch.Options(cluster.zkHost(), "letters", 2, 2), k -> null);
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"), limits, new TrustedParser(limits), remote);
        solr = (SolrSearch) archive.searchBackend();
        embedded = new EmbeddedSearch(archive.store().index(), archive.store()::organizationLabel);
        stored = SearchFixture.ingestShared(archive);
        families = SearchFixture.stageFamilies(archive);
        archive.commit();
        stored += 3 + families.copies().size() + 1;
        // rebuilt oldest first, so both hold the letters in the same order (ties of a sort follow it)
        archive.maintenance().reindex();
        System.out.printf("contract fixture: %d letters in both indexes in %.1f s%n", stored, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void close() throws Exception {
        if (archive != null) archive.close();
    }

    static Stream<String> backends() {
        return Stream.of("embedded", "solrcloud");
    }

    static SearchBackend backend(String name) {
        return name.equals("embedded") ? embedded : solr;
    }

    private static SearchRequest req(String q, SearchRequest.SortOrder sort, int page, int size) {
        return new SearchRequest(q, Map.of(), SearchRequest.SignerMatch.any, null, null, sort, page, size, true);
    }

    /** The searches both must answer alike: words, phrases, OR, prefixes, fields, filters, ranges. */
    private static List<SearchRequest> searches() {
        SearchResult all = embedded.search(req("", SearchRequest.SortOrder.newest, 1, 10));
        List<String> signers = all.facets().get(IndexSchema.F_SIGNER).stream().map(SearchResult.FacetValue::value).limit(3).toList();
        List<String> languages = all.facets().get(IndexSchema.F_LANGUAGE).stream().map(SearchResult.FacetValue::value).toList();
        List<String> years = all.facets().get(IndexSchema.F_YEAR).stream().map(SearchResult.FacetValue::value).limit(2).toList();
        assertTrue(signers.size() >= 2 && !languages.isEmpty() && !years.isEmpty(), "the shared letters have signers, languages and years");
        List<SearchRequest> out = new ArrayList<>();
        for (String q : List.of("", "rights", "derechos", "\"human rights\"", "privacy OR privacidad", "encrypt*",
                "title:letter", "signer:amnesty", "migrants", "\"migrants\"", "\"human right\"",
                "text:(\"human right\" OR privacy)", "title:\"open letter\"", "signer:(\"human rights\")")) {
            out.add(req(q, SearchRequest.SortOrder.newest, 1, 20));
        }
        SearchRequest base = req("", SearchRequest.SortOrder.newest, 1, 20);
        out.add(base.withFilter(IndexSchema.F_LANGUAGE, languages.get(0)));
        out.add(base.withFilter(IndexSchema.F_SIGNER, signers.get(0), signers.get(1)));
        out.add(new SearchRequest("", Map.of(IndexSchema.F_SIGNER, signers.subList(0, 2)), SearchRequest.SignerMatch.all,
                null, null, SearchRequest.SortOrder.newest, 1, 20, true));
        out.add(base.withFilter(IndexSchema.F_YEAR, years.toArray(String[]::new)).withFilter(IndexSchema.F_LANGUAGE, languages.get(0)));
        out.add(base.withFilter(IndexSchema.F_YEAR, years.get(0)));
        out.add(new SearchRequest("rights", Map.of(), SearchRequest.SignerMatch.any, LocalDate.of(2015, 1, 1),
                LocalDate.of(2020, 12, 31), SearchRequest.SortOrder.oldest, 1, 20, true));
        out.add(req("", SearchRequest.SortOrder.oldest, 1, 20));
        out.add(req("", SearchRequest.SortOrder.signers, 1, 20));
        out.add(req("rights", SearchRequest.SortOrder.signers, 2, 5));
        return out;
    }

    @Test
    @Order(1)
    void sameTotalsFacetsHistogramsAndOrders() {
        for (SearchRequest r : searches()) {
            SearchResult a = embedded.search(r);
            SearchResult b = solr.search(r);
            String what = "'" + r.query() + "' " + r.filters() + " " + r.signerMatch() + " " + r.sort() + " page " + r.page();
            assertEquals(a.total(), b.total(), "total of " + what);
            assertEquals(a.facets(), b.facets(), "facet counts of " + what);
            assertEquals(a.histogram(), b.histogram(), "histogram of " + what);
            assertEquals(a.histogramUnit(), b.histogramUnit(), "histogram unit of " + what);
            assertEquals(a.undated(), b.undated(), "undated of " + what);
            assertSameOrder(r.sort(), a, b, what);
            assertEquals(a.next() == null, b.next() == null, "a next page of " + what);
        }
    }

    @Test
    @Order(2)
    void relevanceFindsTheSameLetters() throws IOException {
        for (String q : List.of("rights", "derechos OR rights", "\"human rights\"", "migra*", "asylum")) {
            SearchRequest r = req(q, SearchRequest.SortOrder.relevance, 1, 20);
            assertEquals(exportIds(embedded, r), exportIds(solr, r), "letters matching '" + q + "'");
            assertEquals(embedded.search(r).total(), solr.search(r).total());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Order(3)
    void drillSidewaysKeepsTheOtherValuesOfAChosenFacet(String name) {
        SearchBackend b = backend(name);
        SearchResult all = b.search(req("", SearchRequest.SortOrder.newest, 1, 5));
        assertEquals(stored, all.total(), name + ": every letter");
        List<SearchResult.FacetValue> languages = all.facets().get(IndexSchema.F_LANGUAGE);
        assertTrue(languages.size() >= 2, "the shared letters are in two languages at least");
        SearchResult one = b.search(req("", SearchRequest.SortOrder.newest, 1, 5).withFilter(IndexSchema.F_LANGUAGE, languages.get(0).value()));
        assertEquals(languages.get(0).count(), one.total(), name + ": the chosen language's count is its total");
        assertEquals(languages, one.facets().get(IndexSchema.F_LANGUAGE), name + ": the language facet keeps every value (drill-sideways)");
        long formats = one.facets().get(IndexSchema.F_FORMAT).stream().mapToLong(SearchResult.FacetValue::count).sum();
        assertTrue(formats >= one.total() && one.total() > 0, name + ": other facets count within the choice");
        // signerMatch=all: letters co-signed by both, within those signed by either
        List<String> two = all.facets().get(IndexSchema.F_SIGNER).stream().map(SearchResult.FacetValue::value).limit(2).toList();
        SearchResult any = b.search(req("", SearchRequest.SortOrder.newest, 1, 5).withFilter(IndexSchema.F_SIGNER, two.toArray(String[]::new)));
        SearchResult both = b.search(new SearchRequest("", Map.of(IndexSchema.F_SIGNER, two), SearchRequest.SignerMatch.all,
                null, null, null, 1, 5, true));
        assertTrue(both.total() <= any.total() && any.total() > 0, name + ": all of them within any of them");
        for (SearchResult.FacetValue v : both.facets().get(IndexSchema.F_SIGNER)) {
            if (two.contains(v.value())) assertEquals(both.total(), v.count(), name + ": each chosen organization signed every letter");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Order(4)
    void histogramHighlightsCursorAndExportAddUp(String name) throws IOException {
        SearchBackend b = backend(name);
        SearchResult r = b.search(req("rights", SearchRequest.SortOrder.relevance, 1, 10));
        assertTrue(r.total() > 0, name + ": the shared letters speak of rights");
        long dated = r.histogram().stream().mapToLong(SearchResult.FacetValue::count).sum();
        assertEquals(r.total(), dated + r.undated(), name + ": the histogram adds up");
        assertTrue(r.hits().stream().anyMatch(h -> h.snippets().stream().anyMatch(s -> s.toLowerCase().contains("<mark>right"))),
                name + ": snippets mark the word");
        assertTrue(r.hits().stream().allMatch(h -> h.snippets().size() <= SearchRequest.Answer.DEFAULT_SNIPPETS), name + ": at most 3 snippets");
        // cursor pages in order = the export in order
        List<String> walked = new ArrayList<>();
        SearchRequest page = req("", SearchRequest.SortOrder.newest, 1, 7);
        for (int i = 0; i < 100; i++) {
            SearchResult p = b.search(page);
            walked.addAll(ids(p));
            if (p.next() == null) break;
            page = new SearchRequest("", Map.of(), null, null, null, SearchRequest.SortOrder.newest, 1, 7, true, p.next());
        }
        assertEquals(new ArrayList<>(exportIds(b, req("", SearchRequest.SortOrder.newest, 1, 7))), walked, name + ": cursor pages");
        assertEquals(stored, walked.size(), name + ": every letter once");
    }

    @Test
    @Order(5)
    void sameExportRowsAndFacetValueLists() throws IOException {
        for (SearchRequest r : List.of(req("", SearchRequest.SortOrder.newest, 1, 20), req("rights", SearchRequest.SortOrder.signers, 1, 20))) {
            // the same rows, in the same order of the sort's keys (ties: see assertSameOrder)
            List<Exporter.Row> a = rows(embedded, r);
            List<Exporter.Row> b = rows(solr, r);
            assertEquals(a.size(), b.size(), "export rows of '" + r.query() + "'");
            assertEquals(new java.util.HashSet<>(a), new java.util.HashSet<>(b), "export rows of '" + r.query() + "'");
            java.util.function.Function<Exporter.Row, String> key = row -> r.sort() == SearchRequest.SortOrder.signers
                    ? row.signerCount() + "/" + row.date() : String.valueOf(row.date());
            assertEquals(a.stream().map(key).toList(), b.stream().map(key).toList(), "export order of '" + r.query() + "'");
        }
        for (String prefix : new String[] {null, "a", "Ce", "nat"}) {
            for (FacetLister.Order o : FacetLister.Order.values()) {
                SearchRequest filters = req("", null, 1, 20);
                assertEquals(embedded.facetValues(IndexSchema.F_SIGNER, prefix, o, 30, filters),
                        solr.facetValues(IndexSchema.F_SIGNER, prefix, o, 30, filters), "signers by '" + prefix + "' " + o);
            }
        }
        SearchRequest english = req("", null, 1, 20).withFilter(IndexSchema.F_LANGUAGE, "en");
        assertEquals(embedded.facetValues(IndexSchema.F_LANGUAGE, null, null, 10, english),
                solr.facetValues(IndexSchema.F_LANGUAGE, null, null, 10, english), "a facet's own filter is left out");
        assertEquals(embedded.facetValues(IndexSchema.F_RECIPIENT, "m", null, 50, english),
                solr.facetValues(IndexSchema.F_RECIPIENT, "m", null, 50, english));
    }

    @Test
    @Order(6)
    void collapseByFamilyAnswersAlike() throws IOException {
        SearchRequest all = req("", SearchRequest.SortOrder.newest, 1, 10);
        List<SearchRequest> searches = List.of(all, req("", SearchRequest.SortOrder.oldest, 2, 10),
                req("", SearchRequest.SortOrder.newest, 1, SearchRequest.MAX_SIZE),
                req("minister OR motorway OR licences", SearchRequest.SortOrder.newest, 1, 20),
                req("", SearchRequest.SortOrder.signers, 1, 20), all.withFilter(IndexSchema.F_LANGUAGE, "en"),
                all.withFilter(IndexSchema.F_FAMILY, "campaign"));
        for (SearchRequest plain : searches) {
            SearchRequest r = plain.withCollapse(true);
            SearchResult a = embedded.search(r);
            SearchResult b = solr.search(r);
            String what = "collapsed '" + r.query() + "' " + r.filters() + " " + r.sort() + " page " + r.page();
            assertEquals(a.total(), b.total(), "letters of " + what);
            assertNotNull(a.families(), what);
            assertEquals(a.families(), b.families(), "families of " + what);
            assertTrue(a.families() < a.total(), "families are fewer than letters: " + what);
            assertEquals(a.facets(), b.facets(), "facet counts of " + what);
            assertEquals(a.histogram(), b.histogram(), "histogram of " + what);
            assertEquals(a.hits().size(), b.hits().size(), "hits of " + what);
            // the same families in the same order of the sort's keys; a family whose letters tie on the keys may be
            // headed by another of them (index order in the embedded index, id in SolrCloud)
            assertEquals(keys(r.sort(), a.hits()), keys(r.sort(), b.hits()), "sort keys in order of " + what);
            assertEquals(ties(r.sort(), a.hits(), h -> (String) h.family().get("id")), ties(r.sort(), b.hits(), h -> (String) h.family().get("id")),
                    "families in order of " + what);
            assertEquals(a.next(), b.next(), "no cursor: " + what);
            // one hit per family, and each family's make-up the same (its relation is the hit's own: compared where
            // both chose the same letter, which a tie in the sort may not give)
            Map<String, Map<String, Object>> fa = familiesOf(a), fb = familiesOf(b);
            assertEquals(a.hits().size(), fa.size(), "one hit per family in " + what);
            if (r.size() == SearchRequest.MAX_SIZE) assertEquals(fa.keySet(), fb.keySet(), "the families of " + what);
            for (String id : fa.keySet()) {
                if (fb.containsKey(id)) assertEquals(withoutRelation(fa.get(id)), withoutRelation(fb.get(id)), "family " + id + " in " + what);
            }
            for (int i = 0; i < a.hits().size(); i++) {
                if (a.hits().get(i).id().equals(b.hits().get(i).id())) {
                    assertEquals(a.hits().get(i).family(), b.hits().get(i).family(), "hit " + i + " of " + what);
                }
            }
            if (!r.query().isEmpty()) { // the family heads come with their snippets, as any hit
                for (SearchResult x : List.of(a, b)) {
                    assertTrue(x.hits().stream().anyMatch(h -> h.snippets().stream().anyMatch(t -> t.contains("<mark>"))), "snippets in " + what);
                }
            }
        }
        // the campaign: 12 letters, one hit, the newest copy; the letter with a version and a translation: a family of 3
        SearchResult campaign = solr.search(req("wetland motorway", SearchRequest.SortOrder.newest, 1, 10).withCollapse(true));
        SearchResult.Hit copy = campaign.hits().stream().filter(h -> families.copies().get(0).equals(h.family().get("id"))).findFirst().orElseThrow();
        assertEquals(families.copies().get(11), copy.id(), "the newest copy heads the campaign");
        assertEquals(12, copy.family().get("size"));
        assertEquals(campaign.total() - 11, campaign.families(), "12 copies, one family");
        SearchResult radio = solr.search(req("licences OR licencias", SearchRequest.SortOrder.oldest, 1, 10).withCollapse(true));
        SearchResult.Hit first = radio.hits().stream().filter(h -> families.earliest().equals(h.family().get("id"))).findFirst().orElseThrow();
        assertEquals(families.earliest(), first.id(), "the earliest letter heads its family, oldest first");
        assertEquals("earliest", first.family().get("relation"));
        assertEquals(3, first.family().get("size"));
        assertEquals(Map.of("version", 1, "translation", 1), first.family().get("others"));
        // relevance: the same families, every one once, over all pages
        for (String q : List.of("rights", "minister")) {
            Set<String> x = collapsedFamilies(embedded, q), y = collapsedFamilies(solr, q);
            assertEquals(x, y, "families of the letters matching '" + q + "'");
            assertEquals(embedded.search(req(q, SearchRequest.SortOrder.relevance, 1, 10).withCollapse(true)).families(), (long) y.size());
        }
        // a cursor cannot page a collapsed search, on either
        String cursor = embedded.search(all).next();
        for (SearchBackend backend : List.of(embedded, solr)) {
            SearchRequest withCursor = new SearchRequest("", Map.of(), null, null, null, SearchRequest.SortOrder.newest, 1, 10, true,
                    cursor, true);
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.letterarchive.search.SearchException.class, () -> backend.search(withCursor));
            assertTrue(e.getMessage().contains("searchAfter"), e.getMessage());
        }
    }

    private static Map<String, Map<String, Object>> familiesOf(SearchResult r) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (SearchResult.Hit h : r.hits()) {
            assertNotNull(h.family(), "every archive letter has a family: " + h.id());
            assertNull(out.put((String) h.family().get("id"), h.family()), "a second hit of family " + h.family().get("id"));
        }
        return out;
    }

    private static Map<String, Object> withoutRelation(Map<String, Object> family) {
        Map<String, Object> f = new java.util.LinkedHashMap<>(family);
        f.remove("relation");
        return f;
    }

    /** The families of every collapsed page of a search by relevance, each met once. */
    private static Set<String> collapsedFamilies(SearchBackend b, String q) {
        Set<String> out = new java.util.TreeSet<>();
        for (int page = 1; page < 50; page++) {
            SearchResult r = b.search(req(q, SearchRequest.SortOrder.relevance, page, 10).withCollapse(true));
            for (SearchResult.Hit h : r.hits()) assertTrue(out.add((String) h.family().get("id")), b.name() + ": family met twice: " + h.family());
            if (r.hits().size() < 10) break;
        }
        return out;
    }

    @Test
    @Order(7)
    void aNodeStopsWhileLettersAreStoredAndSearched() throws Exception {
        long before = solr.count();
        assertEquals(before, embedded.count());
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            storeAndSearchWhileANodeStops(before, stopped);
        } finally {
            if (stopped.get()) cluster.startNode(1); // the cluster whole again for the other classes that use it
        }
    }

    private static void storeAndSearchWhileANodeStops(long before, java.util.concurrent.atomic.AtomicBoolean stopped) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        AtomicInteger searches = new AtomicInteger();
        for (int i = 0; i < 24; i++) {
            if (i == 8) { // a node goes away mid-run
                cluster.stopNode(1);
                stopped.set(true);
            }
            var letter = SearchFixture.letter("en", "text", "Fault letter " + i, LocalDate.of(2021, 1 + i % 12, 1 + i),
                    List.of(Recipient.of("Minister " + i, "Minister")), List.of(Signer.organization("Fault Watch " + i)), 1,
                    "A letter written while a node stops, number " + i + " of the fault run: unmistakable" + i + ".");
            acknowledged.addAll(SearchFixture.store(archive, letter)); // returns once both indexes committed it
            SearchResult r = solr.search(req("", SearchRequest.SortOrder.newest, 1, 5));
            assertEquals(before + acknowledged.size(), r.total(), "every acknowledged letter is searchable at once (" + i + ")");
            searches.incrementAndGet();
        }
        SearchResult found = solr.search(req("unmistakable*", SearchRequest.SortOrder.newest, 1, 100));
        assertEquals(acknowledged.size(), found.total());
        Set<String> exported = exportIds(solr, req("\"fault run\"", SearchRequest.SortOrder.newest, 1, 20));
        assertEquals(new LinkedHashSet<>(acknowledged), new LinkedHashSet<>(exported.stream().filter(acknowledged::contains).toList()));
        assertTrue(exported.containsAll(acknowledged), "nothing acknowledged is lost");
        assertEquals(24, searches.get());
        // the two indexes still agree
        SearchRequest all = req("", SearchRequest.SortOrder.newest, 1, 20);
        assertEquals(embedded.search(all).facets(), solr.search(all).facets());
    }

    /**
     * The same hits in the same order of the sort's keys; letters that tie on them come in index order in the
     * embedded index (letters indexed again, e.g. when a family changes, move to its end) and by id in SolrCloud,
     * so within a tie only the set is the same.
     */
    private static void assertSameOrder(SearchRequest.SortOrder sort, SearchResult a, SearchResult b, String what) {
        assertEquals(keys(sort, a.hits()), keys(sort, b.hits()), "sort keys in order of " + what);
        assertEquals(ties(sort, a.hits(), SearchResult.Hit::id), ties(sort, b.hits(), SearchResult.Hit::id), "hits in order of " + what);
    }

    private static List<String> keys(SearchRequest.SortOrder sort, List<SearchResult.Hit> hits) {
        return hits.stream().map(h -> sort == SearchRequest.SortOrder.signers ? h.signerCount() + "/" + h.date() : String.valueOf(h.date())).toList();
    }

    private static List<Set<String>> ties(SearchRequest.SortOrder sort, List<SearchResult.Hit> hits,
                                          java.util.function.Function<SearchResult.Hit, String> id) {
        List<Set<String>> groups = new ArrayList<>();
        String last = null;
        // a page may cut a tie: the last group is compared by its keys alone
        List<String> k = keys(sort, hits);
        for (int i = 0; i < hits.size(); i++) {
            if (!k.get(i).equals(last)) groups.add(new java.util.TreeSet<>());
            groups.get(groups.size() - 1).add(id.apply(hits.get(i)));
            last = k.get(i);
        }
        if (!groups.isEmpty()) groups.remove(groups.size() - 1);
        if (!groups.isEmpty()) groups.remove(0); // and a page after the first may begin within one
        return groups;
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private static Set<String> exportIds(SearchBackend b, SearchRequest r) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        b.export(r, Exporter.MAX_ROWS, new Exporter.Sink() {
            @Override
            public void begin(long total, int rows, boolean truncated) {
                assertFalse(truncated);
            }

            @Override
            public void row(Exporter.Row row) {
                ids.add(row.id());
            }
        });
        return ids;
    }

    private static List<Exporter.Row> rows(SearchBackend b, SearchRequest r) throws IOException {
        List<Exporter.Row> rows = new ArrayList<>();
        long[] total = new long[1];
        b.export(r, Exporter.MAX_ROWS, new Exporter.Sink() {
            @Override
            public void begin(long t, int n, boolean truncated) {
                total[0] = t;
            }

            @Override
            public void row(Exporter.Row row) {
                rows.add(row);
            }
        });
        assertEquals(total[0], rows.size());
        assertNotNull(rows);
        return rows;
    }
}
