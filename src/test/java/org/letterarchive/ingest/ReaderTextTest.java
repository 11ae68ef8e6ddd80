package org.letterarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;
import org.letterarchive.extract.ParsedDocument;

/** The reader's text of a letter: its prose alone. */
class ReaderTextTest {

    private static String md(String text) {
        return ReaderText.of(new ParsedDocument(text, "text/x-web-markdown", Map.of(), false, List.of()), "letter.md");
    }

    @Test
    void yamlFrontMatterLinkTargetsAndTemplateCodeAreDropped() {
        String text = md("---\ntitle: An open letter\nexcerpt: \"small print\"\nurl: /2017/11/06/an-open-letter/\n---\n"
                + "# An open letter\n\nWe ask the [Minister](https://example.org/minister) to act.\n\n"
                + "{{< gallery src=\"https://example.org/x.png\" >}}\n\n![a photo](https://example.org/p.jpg)\n\n- Access Now\n- Amnesty International\n");
        assertEquals("An open letter\n\nWe ask the Minister to act.\n\nAccess Now\nAmnesty International", text);
    }

    @Test
    void templateCodeIsDroppedAsTheExpressionDropsIt() {
        String[] pieces = {"{", "}", "{{", "}}", "%", "{%", "%}", "<", "?", ">", "<?", "?>", "php", "=", "x", " ", "\n", "é"};
        Random random = new Random(5);
        int changed = 0;
        for (int round = 0; round < 20000; round++) {
            String text = RandomTexts.of(random, random.nextInt(12), pieces);
            String expected = TEMPLATE.matcher(text).replaceAll("");
            assertEquals(expected, ReaderText.withoutTemplateCode(text), text);
            if (!expected.equals(text)) changed++;
        }
        assertTrue(changed > 1000, "texts with template code are tried: " + changed);
    }

    /** What the reader's text drops as template code, as an expression (the specification). */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}|<\\?(?:php|=).*?(?:\\?>|\\z)", Pattern.DOTALL);

    @Test
    void tomlAndPelicanHeadersAreDropped() {
        assertEquals("Dear Minister,", md("+++\ntitle = \"x\"\ndate = 2020-01-01\n+++\nDear Minister,\n"));
        assertEquals("Dear Minister,", md("Title: A letter\nDate: 2020-01-01\nSlug: a-letter\n\nDear Minister,\n"));
        // a letter that opens with an addressee line keeps it
        assertTrue(md("To: the Minister\n\nDear Minister,\n").startsWith("To: the Minister"));
    }

    @Test
    void otherFormatsKeepTheirText() {
        String pdf = "Page one\n\n[1] https://example.org";
        assertEquals(pdf, ReaderText.of(new ParsedDocument(pdf, "application/pdf", Map.of(), false, List.of()), "a.pdf"));
        String html = ReaderText.of(new ParsedDocument("<?php echo $x; ?>Dear friends,", "text/html", Map.of(), false, List.of()), "a.php");
        assertFalse(html.contains("php"), html);
    }
}
