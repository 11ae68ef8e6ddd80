package org.letterarchive.search;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers one searcher has given, by request: an archive is read far more than it is written, and the same
 * searches come back (a result list paged back and forth, a facet value ticked and unticked, a popular search).
 * It lives as long as its searcher ({@link org.letterarchive.index.LetterSearcher#derived}), so a letter
 * added, corrected or deleted is seen by the next search as soon as the index is refreshed; the organizations'
 * display names are part of the key, as a curator's rename may change them without a refresh.
 *
 * <p>It holds at most {@code capacity} answers and about {@code maxBytes} of heap (an answer with a thousand values
 * in each facet is a hundred times one with ten); the least recently used answers go first. By default the heap is
 * 5 % of the JVM's maximum heap: 512 answers of the size the web UI asks for fit in 5 % of 1 GB, while 512 answers
 * of a thousand values per facet (some 200 KB each) do not. {@code -Dletters.answers.mb=N} sets it. (At 1 % of
 * 1 GB, {@code bench peer} at 100k letters answered 1.98× Solr's requests per second instead of 6.8×, for 2 MB
 * less live heap.)
 */
final class AnswerCache {

    /** A request, with the version of the organization names its answer shows. */
    record Key(SearchRequest request, long names) {}

    private record Kept(SearchResult answer, long bytes) {}

    private final Map<Key, Kept> answers; // in access order: the least recently used first
    private final int capacity;
    private final long maxBytes;
    private long bytes;

    /** The heap answers may take by default: {@code -Dletters.answers.mb}, else 5 % of the maximum heap. */
    static long defaultMaxBytes() {
        long mb = Long.getLong("letters.answers.mb", -1);
        return mb >= 0 ? mb << 20 : Runtime.getRuntime().maxMemory() / 20;
    }

    AnswerCache(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.answers = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, true);
    }

    synchronized SearchResult get(Key key) {
        Kept k = answers.get(key);
        return k == null ? null : k.answer();
    }

    synchronized void put(Key key, SearchResult answer) {
        long size = estimate(answer);
        if (size > maxBytes) return; // kept, it would push out every other answer
        Kept old = answers.put(key, new Kept(answer, size));
        if (old != null) bytes -= old.bytes();
        bytes += size;
        var leastRecent = answers.values().iterator();
        while (answers.size() > capacity || bytes > maxBytes) {
            bytes -= leastRecent.next().bytes();
            leastRecent.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    // ---- how much heap an answer takes, about (64-bit JVM, compressed references) ----

    private static final int HEADER = 16, REFERENCE = 4, ENTRY = 32;

    /** An estimate of the heap an answer holds: its strings, lists, maps, records and boxed numbers. */
    static long estimate(Object o) {
        if (o == null) return 0;
        if (o instanceof String s) return 40 + s.length() + (s.chars().allMatch(c -> c < 256) ? 0 : s.length());
        if (o instanceof Number || o instanceof Boolean) return HEADER + 8;
        if (o instanceof Collection<?> c) {
            long n = HEADER + 16 + (long) c.size() * REFERENCE;
            for (Object x : c) n += estimate(x);
            return n;
        }
        if (o instanceof Map<?, ?> m) {
            long n = HEADER + 32 + (long) m.size() * (ENTRY + REFERENCE);
            for (Map.Entry<?, ?> e : m.entrySet()) n += estimate(e.getKey()) + estimate(e.getValue());
            return n;
        }
        if (o.getClass().isRecord()) {
            RecordComponent[] parts = o.getClass().getRecordComponents();
            long n = HEADER + (long) parts.length * 8;
            for (RecordComponent p : parts) {
                if (p.getType().isPrimitive()) continue;
                try {
                    n += estimate(p.getAccessor().invoke(o));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("a search answer is plain records", e);
                }
            }
            return n;
        }
        return HEADER + 16;
    }
}
