package org.letterarchive.extract;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * HTML pages kept inside PHP templates: Tika reads them as plain source text, tags and all. This takes
 * the PHP blocks out so that what is left can be parsed as the HTML it is.
 */
final class PhpTemplate {

    private static final Pattern PHP_BLOCK = Pattern.compile("(?s)<\\?php.*?(?:\\?>|\\z)");
    private static final Pattern SHEBANG = Pattern.compile("\\A#![^\\n]*\\n");
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(?:html|body|div|p|h[1-6]|table|br|a)\\b");
    /** how far into the file to look for PHP and HTML */
    private static final int SNIFF = 4096;

    private PhpTemplate() {}

    /** The HTML inside a PHP template, or null when the bytes are not one. */
    static byte[] htmlOf(byte[] bytes, String fileName) {
        boolean phpName = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.php\\d?");
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1);
        if (!phpName && !head.contains("<?php")) return null;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("<?php") && !phpName) return null;
        String html = PHP_BLOCK.matcher(SHEBANG.matcher(text).replaceFirst("")).replaceAll(" ");
        if (!HTML_TAG.matcher(html).find()) return null;
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String htmlName(String fileName) {
        return (fileName == null ? "document" : fileName) + ".html";
    }
}
