package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.letter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.OrganizationRegistry;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Signer;

/**
 * One folding for organization keys and the index: names with ø, ß, æ, Ł, ı, œ, þ get the key the index's
 * words are, so a signer found by any spelling is the one its facet shows, and typed text finds both.
 */
class FoldingAgreementTest {

    /** Name as written → the same name in plain Latin letters, as someone without the keyboard types it. */
    static final Map<String, String> NAMES = new TreeMap<>(Map.of(
            "Føreningen Ærø", "Foreningen Aero",
            "Straßenkinder Hilfswerk", "Strassenkinder Hilfswerk",
            "Łódź Human Rights Foundation", "Lodz Human Rights Foundation",
            "Kırıkkale Kadın Kooperatifi", "Kirikkale Kadin Kooperatifi",
            "Œuvre de Þingvellir", "Oeuvre de Thingvellir",
            "Ærlig Handel Danmark", "Aerlig Handel Danmark"));

    @TempDir
    Path dir;

    static List<String> tokens(Analyzer analyzer, String field, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void aNameFoldsToItsKeyAsTheIndexFoldsItsWords() throws Exception {
        Analyzer analyzer = new IndexSchema().analyzer();
        for (var e : NAMES.entrySet()) {
            String key = Organization.keyOf(e.getKey());
            assertEquals(String.join(" ", tokens(analyzer, IndexSchema.SIGNER_TEXT, e.getKey())), key, e.getKey());
            assertEquals(key, Organization.keyOf(e.getValue()), "one key for both spellings of " + e.getKey());
            assertTrue(key.chars().allMatch(c -> c < 128), key);
            // a wildcard or prefix term is folded the same way
            assertEquals(key.split(" ")[0], analyzer.normalize(IndexSchema.TEXT, e.getKey().split(" ")[0]).utf8ToString());
        }
        assertEquals("strasse", Organization.keyOf("STRAẞE"));
        assertEquals("istanbul", Organization.keyOf("İstanbul"));
    }

    @Test
    void eitherSpellingFindsTheSignerItsFacetShows() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            List<Letter> letters = new ArrayList<>();
            int day = 1;
            for (String name : NAMES.keySet()) {
                letters.add(letter("en", "text/plain", "Letter of " + name, LocalDate.of(2020, 1, day++), List.of(),
                        List.of(Signer.organization(name)), 1, "We write about the river. Signed: " + name));
            }
            List<String> ids = SearchFixture.store(archive, letters.toArray(Letter[]::new));
            SearchService search = archive.search();
            List<String> facetValues = search.search(SearchRequest.of("")).facets().get("signer").stream()
                    .map(SearchResult.FacetValue::value).sorted().toList();
            assertEquals(NAMES.keySet().stream().map(Organization::keyOf).sorted().toList(), facetValues);
            int i = 0;
            for (var e : NAMES.entrySet()) {
                String id = ids.get(i++);
                for (String spelling : List.of(e.getKey(), e.getValue())) {
                    // the facet filter by the key of either spelling
                    assertEquals(List.of(id), hitIds(search.search(SearchRequest.of("").withFilter("signer", Organization.keyOf(spelling)))), spelling);
                    // the full text by either spelling, as a phrase
                    assertEquals(List.of(id), hitIds(search.search(SearchRequest.of("\"" + spelling + "\""))), spelling);
                }
                // the facet's value list filtered by what a user types, in plain letters
                String typed = e.getValue().split(" ")[0].toLowerCase();
                assertTrue(search.facets().list("signer", typed, FacetLister.Order.name, 10, null).values().stream()
                        .anyMatch(v -> v.value().equals(Organization.keyOf(e.getKey()))), typed);
            }
        }
    }

    private static List<String> hitIds(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void anOrganizationTableOfTheEarlierFoldingIsFoldedAgain() throws Exception {
        Corpus corpus = Corpus.open(dir.resolve("corpus"));
        // keys as the earlier folding wrote them: ø, æ and ß kept
        Files.writeString(corpus.file(OrganizationRegistry.FILE), """
                {"names": {"føreningen ærø": "Føreningen Ærø", "straßenkinder hilfswerk": "Straßenkinder Hilfswerk"},
                 "aliases": {"fæ": "føreningen ærø"},
                 "separate": ["sk"]}
                """, StandardCharsets.UTF_8);
        OrganizationRegistry r = OrganizationRegistry.load(corpus);
        assertEquals("foreningen aero", r.keyOf(Signer.organization("Foreningen Aero")));
        assertEquals("Føreningen Ærø", r.label("foreningen aero"));
        assertEquals("foreningen aero", r.canonical("fae"), "the alias follows its organization");
        assertEquals("foreningen aero", r.keyOf(Signer.organization("FÆ")));
        assertEquals("Straßenkinder Hilfswerk", r.label(Organization.keyOf("Straßenkinder Hilfswerk")));
        r.save();
        String saved = Files.readString(corpus.file(OrganizationRegistry.FILE), StandardCharsets.UTF_8);
        assertTrue(saved.contains("\"fae\"") && !saved.contains("\"føreningen ærø\""), saved);
    }

    @Test
    void anOrganizationTableOfTheEarlierLegalFormsIsFoldedAgain() throws Exception {
        Corpus corpus = Corpus.open(dir.resolve("corpus"));
        // keys as the earlier, shorter list of legal forms wrote them: ISO 20275's "AB" and "SARL" kept
        Files.writeString(corpus.file(OrganizationRegistry.FILE), """
                {"names": {"nordlys digital ab": "Nordlys Digital AB", "atelier libre sarl": "Atelier Libre SARL",
                           "media commons": "Media Commons"},
                 "aliases": {"nd": "nordlys digital ab", "atelier libre sarl": "media commons"},
                 "separate": ["al"]}
                """, StandardCharsets.UTF_8);
        OrganizationRegistry r = OrganizationRegistry.load(corpus);
        assertEquals("nordlys digital", r.keyOf(Signer.organization("Nordlys Digital AB")));
        assertEquals("nordlys digital", r.keyOf(Signer.organization("Nordlys Digital")));
        assertEquals("Nordlys Digital AB", r.label("nordlys digital"));
        assertEquals("nordlys digital", r.keyOf(Signer.organization("ND")), "the acronym follows its organization");
        // a curator's merge of the old key still applies to the letters' keys as they are made today
        assertEquals("media commons", r.keyOf(Signer.organization("Atelier Libre S.A.R.L.")));
        assertEquals("media commons", r.keyOf(Signer.organization("Atelier Libre")));
        r.split(java.util.List.of("atelier libre"));
        assertEquals("atelier libre", r.keyOf(Signer.organization("Atelier Libre SARL")), "and so does a split of it");
    }
}
