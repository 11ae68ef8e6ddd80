package org.letterarchive.extract;

import java.util.List;
import java.util.Map;

/**
 * What the parser read from one document, before any letter analysis: plain data, so it can cross a
 * process boundary as JSON.
 *
 * @param text      the extracted plain text
 * @param mediaType the detected media type
 * @param metadata  the parser's metadata (title, dates, author, ...), each name with its values
 * @param truncated true when the text was cut at the write limit
 * @param warnings  problems met while parsing that did not stop it
 */
public record ParsedDocument(String text, String mediaType, Map<String, List<String>> metadata,
                             boolean truncated, List<String> warnings) {
    public ParsedDocument {
        text = text == null ? "" : text;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The first value of a metadata name, or null. */
    public String first(String name) {
        List<String> values = metadata.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
