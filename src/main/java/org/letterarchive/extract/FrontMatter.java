package org.letterarchive.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter at the start of a Markdown (or static-site HTML) file, in each dialect static-site
 * tools write: YAML between "---" lines, TOML between "+++" lines (both read by Jackson's YAML and TOML
 * readers), and Pelican / MultiMarkdown "Key: value" headers up to the first blank line. Only scalar
 * fields are kept, as text.
 *
 * @param fields    the scalar fields, in file order, keys as written
 * @param bodyStart offset in the text where the body begins (0 when there is no front matter)
 */
public record FrontMatter(Map<String, String> fields, int bodyStart) {

    public static final FrontMatter NONE = new FrontMatter(Map.of(), 0);
    /** prefix of front-matter fields kept in a document's metadata */
    public static final String METADATA_PREFIX = "front-matter:";

    private static final Pattern YAML = Pattern.compile("\\A\\uFEFF?\\s*---[ \\t]*\\r?\\n(.*?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML = Pattern.compile("\\A\\uFEFF?\\s*\\+\\+\\+[ \\t]*\\r?\\n(.*?)\\r?\\n\\+\\+\\+[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    /** Pelican / MultiMarkdown: "Title: ...", "Date: ..." lines, then a blank line */
    private static final Pattern HEADERS = Pattern.compile("\\A\\uFEFF?((?:[A-Za-z][\\w-]{0,30}:[ \\t]+\\S[^\\n]*\\r?\\n){2,30})\\r?\\n");
    /** the same block after an HTML reading folded its lines into one */
    private static final Pattern FOLDED = Pattern.compile("\\A\\s*---\\s+(\\w[^\\n]*?)\\s+---(?:\\s|\\z)");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z_][\\w-]*):[ \\t]*(.*)$");
    private static final ObjectMapper YAML_READER = new YAMLMapper();
    private static final ObjectMapper TOML_READER = new TomlMapper();

    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    public String get(String key) {
        return fields.get(key);
    }

    /** A field by name, in any case ("Title", "title"). */
    public String field(String key) {
        for (Map.Entry<String, String> e : fields.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    /**
     * The publication date field: "date", else a field whose name says the item was published or
     * created ("published", "pubDate", "createdAt"), else any field whose name holds "date".
     */
    public String dateField() {
        String d = field("date");
        if (d != null) return d;
        for (String prefix : new String[] {"publish", "pubdate", "created", "posted", "issued"}) {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).startsWith(prefix)) return e.getValue();
            }
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.contains("date") && !k.contains("update") && !k.contains("modif")) return e.getValue();
        }
        return null;
    }

    /** The front matter at the start of text, or NONE. */
    public static FrontMatter read(String text) {
        if (text == null) return NONE;
        Matcher m = YAML.matcher(text);
        if (m.find()) return new FrontMatter(parsed(YAML_READER, m.group(1)), m.end());
        m = TOML.matcher(text);
        if (m.find()) return new FrontMatter(parsed(TOML_READER, m.group(1)), m.end());
        m = HEADERS.matcher(text);
        if (m.find()) {
            Map<String, String> fields = lines(m.group(1));
            // headers are front matter only when they name what front matter names
            if (fields.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("title") || k.equalsIgnoreCase("date"))) {
                return new FrontMatter(fields, m.end());
            }
        }
        Matcher folded = FOLDED.matcher(text);
        if (folded.find()) return new FrontMatter(Map.of(), folded.end());
        return NONE;
    }

    /** The scalar fields of a YAML or TOML block; where the library refuses the block, its "key: value" lines. */
    private static Map<String, String> parsed(ObjectMapper reader, String block) {
        try {
            JsonNode root = reader.readTree(block);
            Map<String, String> fields = new LinkedHashMap<>();
            if (root != null && root.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) fields.put(e.getKey(), v.asText().strip());
                }
            }
            return fields;
        } catch (Exception e) {
            return lines(block);
        }
    }

    private static Map<String, String> lines(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String row : block.split("\\r?\\n")) {
            Matcher f = FIELD.matcher(row);
            if (!f.matches()) continue;
            String value = f.group(2).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) fields.putIfAbsent(f.group(1), value);
        }
        return fields;
    }
}
