package org.letterarchive.extract;

import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Plain text of an HTML page by its blocks rather than its source lines: white space inside a block
 * is folded to single spaces, each block (paragraph, heading, list item, line break, table row) ends
 * a line, and table cells are joined with " | " so that a row reads as one line.
 */
final class BlockTextHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3",
            "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "section", "article",
            "header", "footer", "hr", "center", "form", "tbody", "thead", "body");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");

    private final StringBuilder out = new StringBuilder();
    private final int limit;
    private boolean pendingSpace;
    private boolean cellOpen;
    private int skipping;
    private boolean truncated;
    private final java.util.List<String> headings = new java.util.ArrayList<>();
    private int headingStart = -1;

    BlockTextHandler(int limit) {
        this.limit = limit;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name) || PageChrome.ELEMENTS.contains(name)) skipping++;
        else if (name.equals("h1") || name.equals("h2")) {
            newline();
            headingStart = out.length();
        } else if (CELLS.contains(name)) {
            if (cellOpen && !atLineStart()) append(" | ");
            cellOpen = true;
            pendingSpace = false;
        } else if (BLOCKS.contains(name)) newline();
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name) || PageChrome.ELEMENTS.contains(name)) skipping = Math.max(0, skipping - 1);
        else if ((name.equals("h1") || name.equals("h2")) && headingStart >= 0) {
            String h = out.substring(Math.min(headingStart, out.length())).strip();
            if (!h.isEmpty() && headings.size() < 20) headings.add(h);
            headingStart = -1;
            newline();
        } else if (name.equals("tr")) {
            cellOpen = false;
            newline();
        } else if (BLOCKS.contains(name)) newline();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipping > 0) return;
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (Character.isWhitespace(c) || c == '\u00a0') {
                pendingSpace = true;
            } else {
                if (pendingSpace && !atLineStart() && !endsWith(" | ")) append(" ");
                pendingSpace = false;
                append(String.valueOf(c));
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // Tika's XHTML writer marks the end of a line-ending element (a <br/> among them) this way
        if (skipping == 0 && new String(ch, start, length).indexOf('\n') >= 0) newline();
        else pendingSpace = true;
    }

    private void newline() {
        pendingSpace = false;
        if (!atLineStart()) append("\n");
    }

    private boolean atLineStart() {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private boolean endsWith(String s) {
        int n = out.length();
        return n >= s.length() && out.substring(n - s.length()).equals(s);
    }

    private void append(String s) {
        if (out.length() + s.length() > limit) {
            truncated = true;
            return;
        }
        out.append(s);
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n == null ? "" : n.toLowerCase(Locale.ROOT);
    }

    java.util.List<String> headings() {
        return headings;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
