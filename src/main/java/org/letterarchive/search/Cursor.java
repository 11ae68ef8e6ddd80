package org.letterarchive.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The opaque {@code searchAfter} cursor: the sort position of the last hit of a page. Valid for the same
 * query and sort; after the index changes, paging continues from the same sort position.
 */
final class Cursor {

    private static final String VERSION = "c1";

    private Cursor() {}

    static String encode(SearchRequest.SortOrder sort, ScoreDoc last) {
        StringBuilder sb = new StringBuilder(VERSION).append('|').append(sort.name()).append('|').append(last.doc)
                .append('|').append(Float.floatToIntBits(last.score));
        if (last instanceof FieldDoc fd) {
            for (Object v : fd.fields) sb.append('|').append(((Number) v).longValue());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; a SearchException when it is malformed or made for another sort. */
    static ScoreDoc decode(String cursor, SearchRequest.SortOrder sort, Sort luceneSort) {
        int sortFields = luceneSort == null ? 0 : luceneSort.getSort().length;
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw new SearchException("'searchAfter' is not a cursor returned by this API (as 'next')");
        }
        if (parts.length < 4 || !VERSION.equals(parts[0])) {
            throw new SearchException("'searchAfter' is not a cursor returned by this API (as 'next')");
        }
        if (!parts[1].equals(sort.name())) {
            throw new SearchException("'searchAfter' was made for sort=" + parts[1] + ", not sort=" + sort.name());
        }
        try {
            int doc = Integer.parseInt(parts[2]);
            float score = Float.intBitsToFloat(Integer.parseInt(parts[3]));
            if (sortFields == 0) {
                if (parts.length != 4) throw new NumberFormatException();
                return new ScoreDoc(doc, score);
            }
            if (parts.length != 4 + sortFields) throw new NumberFormatException();
            Object[] fields = new Object[sortFields];
            for (int i = 0; i < sortFields; i++) {
                long v = Long.parseLong(parts[4 + i]);
                fields[i] = luceneSort.getSort()[i].getType() == SortField.Type.INT ? (Object) Math.toIntExact(v) : (Object) v;
            }
            return new FieldDoc(doc, score, fields);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SearchException("'searchAfter' is not a cursor returned by this API (as 'next')");
        }
    }
}
