package org.letterarchive.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers one searcher has given, by request: an archive is read far more than it is written, and the same
 * searches come back (a result list paged back and forth, a facet value ticked and unticked, a popular search).
 * It lives as long as its searcher ({@link org.letterarchive.index.LetterSearcher#derived}), so a letter
 * added, corrected or deleted is seen by the next search as soon as the index is refreshed; the organizations'
 * display names are part of the key, as a curator's rename may change them without a refresh.
 * The least recently used answer goes first when it is full.
 */
final class AnswerCache {

    /** A request, with the version of the organization names its answer shows. */
    record Key(SearchRequest request, long names) {}

    private final Map<Key, SearchResult> answers;

    AnswerCache(int capacity) {
        this.answers = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SearchResult> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized SearchResult get(Key key) {
        return answers.get(key);
    }

    synchronized void put(Key key, SearchResult answer) {
        answers.put(key, answer);
    }

    synchronized int size() {
        return answers.size();
    }
}
