package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * A phrase search without ticked facet values finds its page in a pass of its own that skips letters which cannot
 * enter it; the hits, their order, scores, totals and cursors are those of drill sideways, which scores every letter
 * (here asked for by ticking every language, which filters out no letter).
 */
class TopHitsPassTest {

    private static final String[] WORDS = ("water river rights detention trial asylum mining budget protest forest "
            + "coast union farmers fishers board minister council law court press freedom expression defenders "
            + "journalists migrants border police army land indigenous health school food seeds").split(" ");
    private static final String[] COMMON = "the of and to in we ask".split(" ");
    private static final int LETTERS = 5000;

    private static LetterIndex index;
    private static SearchService service;

    @BeforeAll
    static void index() throws Exception {
        index = LetterIndex.open(new ByteBuffersDirectory(), 2);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 0; n < LETTERS; n++) {
            index.upsert(letter(n, rnd), s -> Organization.keyOf(s.organizationName()));
            if (n % 1200 == 1199) index.commit(); // several segments, searched in slices
        }
        index.commit();
        service = new SearchService(index, k -> k, () -> 0, 0, 0); // every phrase search in two passes
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    /** Letters of 20 to 400 words: common words often, topic words now and then, so scores spread. */
    private static Letter letter(int n, SplittableRandom rnd) {
        StringBuilder text = new StringBuilder();
        int words = 20 + rnd.nextInt(380);
        for (int i = 0; i < words; i++) {
            if (i > 0) text.append(' ');
            text.append(rnd.nextInt(3) == 0 ? WORDS[rnd.nextInt(WORDS.length)] : COMMON[rnd.nextInt(COMMON.length)]);
            if (rnd.nextInt(25) == 0) text.append('.');
        }
        String body = text.toString();
        List<Signer> signers = List.of(Signer.organization("Group " + rnd.nextInt(40)), Signer.organization("Group " + rnd.nextInt(40)));
        LocalDate date = rnd.nextInt(10) == 0 ? null : LocalDate.of(2000 + rnd.nextInt(25), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        byte[] bytes = (n + body).getBytes(StandardCharsets.UTF_8);
        return new Letter(LetterId.of(bytes), "l" + n + ".txt", "text/plain", n % 3 == 0 ? "es" : "en",
                "Letter " + n, date, date == null ? null : "text", List.of(Recipient.of("The Minister", null)),
                signers, signers.size(), body, List.of());
    }

    private static SearchRequest request(String query, SearchRequest.SortOrder sort, int page, String after) {
        return new SearchRequest(query, Map.of(), SearchRequest.SignerMatch.any, null, null, sort, page, 10, false, after);
    }

    /** The page after a cursor. */
    private static SearchRequest after(SearchRequest r, String cursor) {
        return new SearchRequest(r.query(), r.filters(), r.signerMatch(), r.from(), r.to(), r.sort(), 1, r.size(),
                r.highlight(), cursor);
    }

    /** The same request with every language ticked: drill sideways, and the same letters. */
    private static SearchRequest everyLanguage(SearchRequest r) {
        return r.withFilter(IndexSchema.F_LANGUAGE, "en", "es");
    }

    private static RequestQuery parsed(String query) {
        return new RequestQuery(SearchRequest.of(query), index.schema().analyzer(), index.schema().facetsConfig());
    }

    @Test
    void phrasesAreToldFromWords() {
        assertTrue(parsed("\"we ask\"").phrase);
        assertTrue(parsed("water OR \"we ask\"").phrase);
        assertTrue(parsed("title:\"letter 12\"").phrase);
        assertFalse(parsed("water rights").phrase);
        assertFalse(parsed("wat*").phrase);
        assertFalse(parsed("").phrase);
    }

    @Test
    void thePagePassSkipsLettersForACommonPhrase() throws Exception {
        LetterSearcher searcher = index.acquire();
        try {
            TopDocs top = searcher.search(parsed("\"we ask\"").drillDown(), new TopScoreDocCollectorManager(11, null, 1000));
            assertEquals(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, top.totalHits.relation,
                    "the pass counts only part of the hits: it skipped letters");
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void pagesFoundWithSkippingAreThoseOfScoringEveryLetter() {
        List<SearchRequest> firstPages = new ArrayList<>();
        String group3 = Organization.keyOf("Group 3"), group7 = Organization.keyOf("Group 7");
        for (String q : List.of("\"we ask\"", "\"the water\"", "\"to the\" OR detention", "\"in the\" migrants",
                "title:\"letter 12\"", "water", "")) {
            for (SearchRequest.SortOrder sort : SearchRequest.SortOrder.values()) {
                SearchRequest r = request(q, sort, 1, null);
                firstPages.add(r);
                // filters of the base query, which the page's pass matches again
                firstPages.add(new SearchRequest(q, Map.of(), SearchRequest.SignerMatch.any, LocalDate.of(2005, 3, 1),
                        LocalDate.of(2016, 8, 31), sort, 1, 10, false, null));
                firstPages.add(new SearchRequest(q, Map.of(), SearchRequest.SignerMatch.all, null, LocalDate.of(2020, 1, 1),
                        sort, 1, 10, false, null).withFilter(IndexSchema.F_SIGNER, group3));
            }
            firstPages.add(request(q, SearchRequest.SortOrder.relevance, 3, null));
        }
        firstPages.add(new SearchRequest("", Map.of(), SearchRequest.SignerMatch.all, null, null,
                SearchRequest.SortOrder.relevance, 1, 10, false, null).withFilter(IndexSchema.F_SIGNER, group3, group7));
        int compared = 0;
        for (SearchRequest first : firstPages) {
            SearchRequest r = first;
            SearchRequest d = everyLanguage(first);
            // three pages, each after the cursor of the one before
            for (int page = 0; page < 3 && r != null; page++) {
                SearchResult skipping = service.search(r);
                SearchResult scoringAll = service.search(d);
                assertEquals(scoringAll.total(), skipping.total(), "total: " + r);
                assertEquals(scoringAll.hits(), skipping.hits(), "the same hits in the same order, with their scores: " + r);
                assertEquals(scoringAll.next(), skipping.next(), "the same cursor: " + r);
                compared += skipping.hits().size();
                if (skipping.next() == null) break;
                r = after(r, skipping.next());
                d = after(d, scoringAll.next());
            }
        }
        assertTrue(compared > 300, "pages of hits compared: " + compared);
        SearchResult common = service.search(request("\"we ask\"", SearchRequest.SortOrder.relevance, 1, null));
        assertNotNull(common.hits().get(0).score());
        assertTrue(common.total() > LETTERS / 3, "a phrase in many letters: " + common.total());
    }
}
