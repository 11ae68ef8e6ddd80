package org.letterarchive.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.letterarchive.extract.FrontMatter;
import org.letterarchive.extract.ParsedDocument;

/**
 * A letter's text as a reader sees it: its prose, without front matter, Markdown marks, link targets or
 * template code. It is what the archive stores, indexes and quotes in snippets; the analysis reads the
 * parsed text as it was, before this step.
 */
public final class ReaderText {

    private static final Parser MARKDOWN = Parser.builder().build();
    /** TOML front matter (Hugo): a block fenced by +++ at the very start. */
    private static final Pattern TOML = Pattern.compile("\\A\\uFEFF?\\s*\\+\\+\\+[ \\t]*\\r?\\n.*?\\r?\\n\\+\\+\\+[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    /** Pelican / MultiMarkdown metadata: "Key: value" lines at the very start, ended by a blank line. */
    private static final Pattern KEY_VALUE_HEADER = Pattern.compile("\\A\\uFEFF?(?:[A-Za-z][\\w -]{0,30}:[^\\n]*\\r?\\n)+\\r?\\n");
    private static final Pattern HEADER_KEY = Pattern.compile("(?im)^(?:title|date)\\s*:");
    /** Template code: Hugo/Jekyll/Liquid tags and PHP blocks. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}|<\\?(?:php|=).*?(?:\\?>|\\z)", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+");

    private ReaderText() {}

    /** The reader's text of a parsed document. */
    public static String of(ParsedDocument doc, String fileName) {
        String text = doc.text();
        if (text.isEmpty()) return text;
        String type = doc.mediaType() == null ? "" : doc.mediaType().toLowerCase(Locale.ROOT);
        boolean textual = type.startsWith("text/") || type.contains("html") || type.contains("markdown");
        if (!textual) return text;
        String body = withoutTemplateCode(withoutFrontMatter(text));
        if (isMarkdown(type, fileName)) body = prose(body);
        return BLANK_LINES.matcher(body.strip()).replaceAll("\n\n");
    }

    /**
     * The text without template code ({@link #TEMPLATE}). Each of its forms opens with "{{", "{%" or "<?": a text with
     * none of them (most letters) is not run through the expression, which tries its three forms at every character.
     */
    static String withoutTemplateCode(String text) {
        if (!text.contains("{{") && !text.contains("{%") && !text.contains("<?")) return text;
        return TEMPLATE.matcher(text).replaceAll("");
    }

    static boolean isMarkdown(String mediaType, String fileName) {
        if (mediaType.contains("markdown")) return true;
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".mdown") || n.endsWith(".mkd");
    }

    /** The text after any front matter: YAML (---), TOML (+++) or Pelican-style "Key: value" lines. */
    static String withoutFrontMatter(String text) {
        int start = FrontMatter.read(text).bodyStart();
        if (start > 0) return text.substring(start);
        Matcher toml = TOML.matcher(text);
        if (toml.find()) return text.substring(toml.end());
        Matcher header = KEY_VALUE_HEADER.matcher(text);
        if (header.find() && HEADER_KEY.matcher(header.group()).find() && header.group().lines().count() >= 2) {
            return text.substring(header.end());
        }
        return text;
    }

    /** Markdown to its prose: link text without targets, no images, no HTML tags, blocks apart. */
    static String prose(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            private void block(Node node) {
                if (out.length() > 0) out.append("\n\n");
                visitChildren(node);
            }

            @Override
            public void visit(Paragraph p) {
                if (p.getParent() instanceof ListItem && p.getPrevious() == null) visitChildren(p);
                else block(p);
            }

            @Override
            public void visit(Heading h) {
                block(h);
            }

            @Override
            public void visit(BlockQuote q) {
                visitChildren(q);
            }

            @Override
            public void visit(BulletList l) {
                visitChildren(l);
            }

            @Override
            public void visit(OrderedList l) {
                visitChildren(l);
            }

            @Override
            public void visit(ListItem item) {
                out.append(out.length() > 0 ? "\n" : "");
                visitChildren(item);
            }

            @Override
            public void visit(Text t) {
                out.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                out.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                out.append('\n');
            }

            @Override
            public void visit(HardLineBreak b) {
                out.append('\n');
            }

            @Override
            public void visit(Image image) {
                // an image's address and alt text are not the letter's prose
            }

            @Override
            public void visit(HtmlInline html) {
                // a tag alone: its text, if any, comes as Text nodes around it
            }

            @Override
            public void visit(HtmlBlock html) {
                String text = TAG.matcher(html.getLiteral()).replaceAll(" ").strip();
                if (!text.isEmpty()) out.append(out.length() > 0 ? "\n\n" : "").append(text);
            }

            @Override
            public void visit(FencedCodeBlock code) {
                out.append(out.length() > 0 ? "\n\n" : "").append(code.getLiteral().strip());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                out.append(out.length() > 0 ? "\n\n" : "").append(code.getLiteral().strip());
            }

            @Override
            public void visit(ThematicBreak b) {
                // a rule between parts: the blank line between blocks says as much
            }
        });
        return out.toString();
    }
}
