package org.letterarchive.solr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Quoted text of a query sent to the SolrCloud collection, pointed at the exact fields only, as the archive's own
 * query language does (quoted text is not stemmed; the stemmed copies keep no positions and could not run a phrase).
 * A quoted part gets the field alias of its user field: {@code "a b"} → {@code exact:"a b"},
 * {@code title:"a b"} → {@code title_exact:"a b"}, {@code text:("a b" c)} → {@code text:(text_exact:"a b" c)};
 * names ({@code signer:}, {@code recipient:}) are never stemmed and stay as they are. The aliases are the
 * collection's ({@code solrconfig.xml}: {@code f.exact.qf}, {@code f.title_exact.qf}, {@code f.text_exact.qf}).
 * Everything else of the query is copied unchanged; the archive's parser has already checked it.
 */
final class QuotedText {

    /** The alias quoted text takes in each user field; absent: the field searches exact words already. */
    private static final Map<String, String> EXACT = Map.of("", "exact", "title", "title_exact", "text", "text_exact");

    private QuotedText() {}

    static String exact(String query) {
        StringBuilder out = new StringBuilder(query.length() + 16);
        Deque<String> groups = new ArrayDeque<>(); // the user field of each open parenthesis ("" for none)
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < query.length()) {
                out.append(c).append(query.charAt(i + 1));
                i += 2;
            } else if (c == '(') {
                Prefix field = fieldBefore(out);
                groups.push(field != null ? field.name() : groups.isEmpty() ? "" : groups.peek());
                out.append(c);
                i++;
            } else if (c == ')') {
                if (!groups.isEmpty()) groups.pop();
                out.append(c);
                i++;
            } else if (c == '"') {
                Prefix field = fieldBefore(out);
                if (field != null) {
                    String alias = EXACT.get(field.name());
                    if (alias != null) {
                        out.setLength(field.start());
                        out.append(alias).append(':');
                    }
                } else {
                    String alias = EXACT.get(groups.isEmpty() ? "" : groups.peek());
                    if (alias != null) out.append(alias).append(':');
                }
                int end = closingQuote(query, i + 1);
                out.append(query, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A field written as {@code name:} (spaces may follow the colon), and where it starts in the output. */
    private record Prefix(String name, int start) {}

    /** The field written right before the current position; null when there is none. */
    private static Prefix fieldBefore(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        if (end == 0 || out.charAt(end - 1) != ':') return null;
        int start = end - 1;
        while (start > 0 && isFieldChar(out.charAt(start - 1))) start--;
        if (start == end - 1) return null;
        if (start > 0 && out.charAt(start - 1) == '\\') return null;
        return new Prefix(out.substring(start, end - 1), start);
    }

    private static boolean isFieldChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** The index just past the quote that closes the one before {@code from} (or the end of the query). */
    private static int closingQuote(String query, int from) {
        for (int i = from; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i + 1;
        }
        return query.length();
    }
}
