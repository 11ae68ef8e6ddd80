package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * A search shared among threads (segments in slices, facet dimensions, snippets of the page) answers exactly
 * what the same search on one thread answers.
 */
class SearchThreadsTest {

    private static final String[] SIGNERS = {"River Friends", "Clean Water Trust", "Farmers Union", "Fishers Guild",
            "Hill Walkers", "City Cyclists", "Bird Watchers"};
    private static final String[] TOPICS = {"the river", "the lake", "the forest", "the coast", "the wetlands"};

    private static Letter letter(int n) {
        String topic = TOPICS[n % TOPICS.length];
        List<Signer> signers = List.of(Signer.organization(SIGNERS[n % SIGNERS.length]),
                Signer.organization(SIGNERS[(n * 3 + 1) % SIGNERS.length]));
        String text = "We ask the board to protect " + topic + " and to keep the river clean. Letter " + n
                + (n % 4 == 0 ? ". The clean river act must be enforced." : ". Farming near " + topic + " needs rules.");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        LocalDate date = n % 9 == 0 ? null : LocalDate.of(2010 + n % 12, 1 + n % 12, 1 + n % 28);
        return new Letter(LetterId.of(bytes), "l" + n + ".txt", "text/plain", n % 3 == 0 ? "es" : "en", "Letter " + n + " on " + topic,
                date, date == null ? null : "text", List.of(Recipient.of(n % 2 == 0 ? "The Water Board" : "The Minister", null)),
                signers, signers.size(), text, List.of());
    }

    /** 120 letters committed 40 at a time: three segments (too few for the merge policy to merge them). */
    private static LetterIndex indexed(int threads) throws Exception {
        LetterIndex index = LetterIndex.open(new ByteBuffersDirectory(), threads);
        for (int n = 0; n < 120; n++) {
            index.upsert(letter(n), s -> Organization.keyOf(s.organizationName()));
            if (n % 40 == 39) index.commit();
        }
        index.commit();
        return index;
    }

    @Test
    void aSearchSharedAmongThreadsAnswersWhatOneThreadAnswers() throws Exception {
        String farmers = Organization.keyOf("Farmers Union");
        List<SearchRequest> requests = List.of(
                SearchRequest.of("river"),
                SearchRequest.of("\"clean river\""),
                SearchRequest.of(""),
                SearchRequest.of("forest OR lake").withFilter(IndexSchema.F_SIGNER, farmers),
                SearchRequest.of("river").withFilter(IndexSchema.F_YEAR, "2015"),
                new SearchRequest("clean", Map.of(), SearchRequest.SignerMatch.any, null, null,
                        SearchRequest.SortOrder.newest, 2, 7, true),
                SearchRequest.of("river").withCollapse(true));
        try (LetterIndex one = indexed(1); LetterIndex three = indexed(3)) {
            var searcher = three.acquire();
            try {
                assertTrue(searcher.getIndexReader().leaves().size() > 1, "the index has several segments");
                assertTrue(searcher.getSlices().length > 1, "searched in several slices");
            } finally {
                three.release(searcher);
            }
            SearchService alone = new SearchService(one, k -> k, () -> 0, 0);
            SearchService shared = new SearchService(three, k -> k, () -> 0, 0);
            for (SearchRequest r : requests) {
                SearchResult expected = alone.search(r);
                SearchResult actual = shared.search(r);
                assertTrue(expected.total() == 0 || expected.facets().values().stream().anyMatch(v -> !v.isEmpty()),
                        "the answers compared carry facet values: " + r);
                assertEquals(expected, actual, "the same answer on three threads as on one: " + r);
            }
        }
    }
}
