package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** Searches asked again are answered from the searcher's kept answers, never with what the index no longer says. */
class AnswerCacheTest {

    private static Letter letter(int n, String signer) {
        byte[] bytes = ("letter " + n).getBytes(StandardCharsets.UTF_8);
        return new Letter(LetterId.of(bytes), "l" + n + ".txt", "text/plain", "en", "Letter " + n, LocalDate.of(2020, 1, 1 + n), "text",
                List.of(Recipient.of("The Water Board", null)), List.of(Signer.organization(signer)), 1,
                "We ask the water board to keep the river clean, letter " + n + ".", List.of());
    }

    @Test
    void theSameSearchIsAnsweredAgainWithoutRunningItUntilTheIndexChanges() throws Exception {
        try (LetterIndex index = LetterIndex.open(new ByteBuffersDirectory())) {
            index.upsert(letter(1, "River Friends"), s -> Organization.keyOf(s.organizationName()));
            index.commit();
            Map<String, String> names = new HashMap<>();
            AtomicLong version = new AtomicLong();
            SearchService search = new SearchService(index, k -> names.getOrDefault(k, k), version::get, 8);
            SearchRequest river = SearchRequest.of("river");

            SearchResult first = search.search(river);
            assertEquals(1, first.total());
            assertSame(first, search.search(river), "asked again: the kept answer");
            assertNotSame(first, search.search(SearchRequest.of("water")), "another search is run");

            // a letter added and committed: the next search sees it
            index.upsert(letter(2, "Clean Water Trust"), s -> Organization.keyOf(s.organizationName()));
            index.commit();
            SearchResult after = search.search(river);
            assertEquals(2, after.total());

            // a display name changed without a change to the index: the answer shows the new name
            String key = Organization.keyOf("River Friends");
            names.put(key, "Friends of the River");
            version.incrementAndGet();
            SearchResult renamed = search.search(river);
            assertEquals("Friends of the River", renamed.facets().get("signer").stream()
                    .filter(v -> v.value().equals(key)).findFirst().orElseThrow().label());
        }
    }

    @Test
    void keepsNoAnswersWhenAskedToKeepNone() throws Exception {
        try (LetterIndex index = LetterIndex.open(new ByteBuffersDirectory())) {
            index.upsert(letter(1, "River Friends"), s -> Organization.keyOf(s.organizationName()));
            index.commit();
            SearchService search = new SearchService(index, k -> k, () -> 0, 0);
            SearchRequest river = SearchRequest.of("river");
            assertNotSame(search.search(river), search.search(river));
        }
    }

    @Test
    void forgetsTheLeastRecentlyUsedAnswerWhenFull() {
        AnswerCache cache = new AnswerCache(2, 1 << 20);
        SearchResult r = new SearchResult(0, 1, 20, List.of(), Map.of(), List.of(), "year", 0, null);
        AnswerCache.Key a = new AnswerCache.Key(SearchRequest.of("a"), 0), b = new AnswerCache.Key(SearchRequest.of("b"), 0),
                c = new AnswerCache.Key(SearchRequest.of("c"), 0);
        cache.put(a, r);
        cache.put(b, r);
        cache.get(a);
        cache.put(c, r);
        assertEquals(2, cache.size());
        assertSame(r, cache.get(a));
        assertEquals(null, cache.get(b));
    }

    private static SearchResult answerWithFacetValues(int values) {
        List<SearchResult.FacetValue> list = new java.util.ArrayList<>();
        for (int i = 0; i < values; i++) list.add(new SearchResult.FacetValue("organization " + i, "Organization " + i, i));
        return new SearchResult(values, 1, 20, List.of(), Map.of("signer", list), List.of(), "year", 0, null);
    }

    @Test
    void keepsAnswersWithinItsHeapLeastRecentlyUsedGoingFirst() {
        SearchResult small = answerWithFacetValues(10), large = answerWithFacetValues(1000);
        long smallBytes = AnswerCache.estimate(small), largeBytes = AnswerCache.estimate(large);
        // 1,000 values of two strings of 16 and 17 characters each: at least 100 bytes a value
        assertTrue(largeBytes > 100_000 && largeBytes > 50 * smallBytes, smallBytes + " / " + largeBytes);

        AnswerCache cache = new AnswerCache(512, largeBytes + 3 * smallBytes);
        AnswerCache.Key[] keys = new AnswerCache.Key[5];
        for (int i = 0; i < keys.length; i++) keys[i] = new AnswerCache.Key(SearchRequest.of("q" + i), 0);
        for (int i = 0; i < 4; i++) cache.put(keys[i], small);
        assertEquals(4, cache.size());
        cache.get(keys[0]); // used again: the least recently used is now keys[1]
        cache.put(keys[4], large);
        assertSame(large, cache.get(keys[4]));
        assertSame(small, cache.get(keys[0]));
        assertEquals(null, cache.get(keys[1]), "the least recently used answer made room");
        assertTrue(cache.bytes() <= largeBytes + 3 * smallBytes, () -> cache.bytes() + " bytes kept");
        assertEquals(cache.size() == 4 ? largeBytes + 3 * smallBytes : largeBytes + 2 * smallBytes, cache.bytes());

        AnswerCache tiny = new AnswerCache(512, smallBytes);
        tiny.put(keys[0], large);
        assertEquals(0, tiny.size(), "an answer larger than the whole cache is not kept");
    }
}
