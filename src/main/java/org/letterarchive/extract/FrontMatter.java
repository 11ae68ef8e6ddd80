package org.letterarchive.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML front matter at the start of a Markdown (or Jekyll HTML) file: the flat "key: value" pairs
 * between two "---" lines. Lists and nested maps are skipped; quotes around values are removed.
 *
 * @param fields   the scalar fields, in file order
 * @param bodyStart offset in the text where the body begins (0 when there is no front matter)
 */
public record FrontMatter(Map<String, String> fields, int bodyStart) {

    public static final FrontMatter NONE = new FrontMatter(Map.of(), 0);
    /** prefix of front-matter fields kept in a document's metadata */
    public static final String METADATA_PREFIX = "front-matter:";

    private static final Pattern BLOCK = Pattern.compile("\\A\\uFEFF?\\s*---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    /** the same block after an HTML reading folded its lines into one */
    private static final Pattern FOLDED = Pattern.compile("\\A\\s*---\\s+(\\w[^\\n]*?)\\s+---(?:\\s|\\z)");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z_][\\w-]*):[ \\t]*(.*)$");

    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    public String get(String key) {
        return fields.get(key);
    }

    /** The front matter at the start of text, or NONE. */
    public static FrontMatter read(String text) {
        if (text == null) return NONE;
        Matcher m = BLOCK.matcher(text);
        if (m.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            String[] rows = m.group(1).split("\\r?\\n");
            for (int i = 0; i < rows.length; i++) {
                Matcher f = FIELD.matcher(rows[i]);
                if (!f.matches()) continue;
                String value = f.group(2).strip();
                // a quoted value may run on over the next lines, folded into one by spaces
                if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'') && !closes(value)) {
                    StringBuilder folded = new StringBuilder(value);
                    int j = i + 1;
                    while (j < rows.length && !closes(folded.toString())) folded.append(' ').append(rows[j++].strip());
                    if (closes(folded.toString())) {
                        value = folded.toString();
                        i = j - 1;
                    }
                }
                value = unquote(value);
                if (!value.isEmpty()) fields.putIfAbsent(f.group(1), value);
            }
            return new FrontMatter(fields, m.end());
        }
        Matcher folded = FOLDED.matcher(text);
        if (folded.find()) return new FrontMatter(Map.of(), folded.end());
        return NONE;
    }

    /** A quoted value that ends with its closing quote. */
    private static boolean closes(String v) {
        char q = v.charAt(0);
        if (v.length() < 2) return false;
        if (q == '\'') return v.substring(1).replace("''", "").endsWith("'");
        return v.endsWith("\"") && v.charAt(v.length() - 2) != '\\';
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1).replace("''", "'").replace("\\\"", "\"");
        }
        return v;
    }
}
