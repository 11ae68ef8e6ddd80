package org.letterarchive.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quoted text pointed at the exact fields' aliases; everything else of a query left as it was written. */
class QuotedTextTest {

    @Test
    void quotedTextWithoutAFieldSearchesEveryExactField() {
        assertEquals("exact:\"human rights\"", QuotedText.exact("\"human rights\""));
        assertEquals("migrants exact:\"asylum seekers\"~3^2 -exact:\"x\"",
                QuotedText.exact("migrants \"asylum seekers\"~3^2 -\"x\""));
    }

    @Test
    void quotedTextInTitleOrTextSearchesThatExactField() {
        assertEquals("title_exact:\"open letter\" AND +text_exact:\"a b\"",
                QuotedText.exact("title:\"open letter\" AND +text:\"a b\""));
        assertEquals("text:(text_exact:\"human right\" OR privacy) title:(x title_exact:\"y z\")",
                QuotedText.exact("text:(\"human right\" OR privacy) title:(x \"y z\")"));
        assertEquals("(a OR exact:\"b c\") AND text:((text_exact:\"d\"))",
                QuotedText.exact("(a OR \"b c\") AND text:((\"d\"))"));
        assertEquals("title_exact:\"open letter\" text: (text_exact:\"a\")",
                QuotedText.exact("title: \"open letter\" text: (\"a\")"), "spaces after the colon");
    }

    @Test
    void namesAndEverythingElseStayAsWritten() {
        for (String q : new String[] {"signer:\"centro prodh\"", "recipient:(\"a b\" c)", "migra* asilo~ /rech?t/",
                "signer:(\"x y\") AND title:letter", "a\\\"b c", "text:\"esc\\\"aped\" rest"}) {
            String expected = q.replace("text:\"esc", "text_exact:\"esc");
            assertEquals(expected, QuotedText.exact(q), q);
        }
        assertEquals("exact:\"unclosed", QuotedText.exact("\"unclosed"));
    }
}
