package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;

/** The query language as parsed, without an index: fields searched, folding, stemming, limits. */
class SearchQueryLanguageTest {

    private final Analyzer analyzer = new IndexSchema().analyzer();

    private Query parse(String q) {
        return LetterQueryParser.parse(q, analyzer);
    }

    private List<String> terms(Query q) {
        List<String> out = new ArrayList<>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) out.add(t.field() + ":" + t.text());
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return out;
    }

    @Test
    void aBareWordSearchesEveryFieldAndTheStemmedCopies() {
        List<String> t = terms(parse("Migrantes"));
        assertTrue(t.containsAll(List.of("title:migrantes", "title.stem:migrant", "text:migrantes", "text.stem:migrant",
                "signer:migrantes", "recipient:migrantes")), t::toString);
    }

    @Test
    void quotedTextSearchesTheExactFieldsOnly() {
        List<String> word = terms(parse("\"Migrantes\""));
        assertEquals(java.util.Set.of("title:migrantes", "text:migrantes", "signer:migrantes", "recipient:migrantes"),
                java.util.Set.copyOf(word));
        assertEquals(4, word.size());
        List<String> phrase = terms(parse("text:\"personas migrantes\"~2"));
        assertEquals(List.of("text:personas", "text:migrantes"), phrase);
        assertTrue(terms(parse("\"personas\" migrantes")).contains("text.stem:migrant"), "only the quoted part");
    }

    @Test
    void accentsAndCaseAreFoldedInWordsAndWildcards() {
        assertTrue(terms(parse("México")).contains("text:mexico"));
        assertTrue(parse("Méxi*").toString().contains("text:mexi*"), parse("Méxi*").toString());
    }

    @Test
    void fieldValuesSearchOnlyThatField() {
        List<String> t = terms(parse("signer:Centros"));
        assertEquals(List.of("signer:centros"), t, "names are neither stemmed nor spread over fields");
        List<String> text = terms(parse("text:migrants"));
        assertEquals(java.util.Set.of("text:migrants", "text.stem:migrant"), java.util.Set.copyOf(text));
    }

    @Test
    void fuzzyEditsFollowTheWordLength() {
        assertTrue(parse("asilo~").toString().contains("text:asilo~1"), parse("asilo~").toString());
        assertTrue(parse("gobierno~").toString().contains("text:gobierno~2"), parse("gobierno~").toString());
        assertTrue(parse("gobierno~1").toString().contains("text:gobierno~1"), parse("gobierno~1").toString());
    }

    @Test
    void blankIsEverything() {
        assertInstanceOf(MatchAllDocsQuery.class, parse(""));
        assertInstanceOf(MatchAllDocsQuery.class, parse("   "));
        assertInstanceOf(MatchAllDocsQuery.class, parse("*:*"));
    }

    @Test
    void limitsAreRefusedWithTheirReason() {
        assertTrue(assertThrows(SearchException.class, () -> parse("*grants")).getMessage().startsWith("leading wildcards"),
                "the limit's own message, not the parser's");
        assertTrue(assertThrows(SearchException.class, () -> parse("m?grants")).getMessage().contains("too broad"));
        assertTrue(assertThrows(SearchException.class, () -> parse("x".repeat(LetterQueryParser.MAX_QUERY_LENGTH + 1)))
                .getMessage().contains("too long"));
        String many = "w ".repeat(LetterQueryParser.MAX_CLAUSES + 1);
        assertTrue(assertThrows(SearchException.class, () -> parse(many)).getMessage().contains("limit " + LetterQueryParser.MAX_CLAUSES));
        parse("w ".repeat(LetterQueryParser.MAX_CLAUSES)); // at the limit: fine
        assertTrue(assertThrows(SearchException.class, () -> parse("ab~")).getMessage().contains("fuzzy"));
        assertTrue(assertThrows(SearchException.class, () -> parse("id:abc")).getMessage().contains("unknown field"));
        assertTrue(assertThrows(SearchException.class, () -> parse("date:[2019 TO 2020]")).getMessage().contains("from/to"));
        assertTrue(assertThrows(SearchException.class, () -> parse("(unbalanced")).getMessage().contains("cannot parse"));
    }
}
