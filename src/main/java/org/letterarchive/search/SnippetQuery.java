package org.letterarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.index.IndexSchema;

/**
 * The query whose matches are marked in a hit's snippets: every positive word and phrase of the search on the
 * exact text field, whose postings carry offsets, so that snippets are cut from the postings and the letter is
 * never analysed again. A word of the stemmed copy (which keeps no offsets) becomes the exact words
 * of the index that stem to it ({@code migrant} → {@code migrants}, {@code migrantes}), found once per search
 * by a prefix walk of the text's terms. Words of other fields (title, signers, recipients) are left out: only
 * the text is highlighted. Required clauses become optional, since a letter may hold a word only in its title.
 */
final class SnippetQuery {

    /** Most exact words one stemmed word stands for. */
    static final int MAX_VARIANTS = 16;
    /** Most index terms looked at for one stemmed word. */
    private static final int MAX_SCANNED = 512;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    private SnippetQuery(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    /** The snippet query of a (rewritten) search query; a MatchNoDocsQuery when nothing is to be marked in the text. */
    static Query of(Query query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
        List<Query> leaves = new ArrayList<>();
        new SnippetQuery(searcher, analyzer).collect(query, leaves);
        if (leaves.isEmpty()) return new MatchNoDocsQuery();
        if (leaves.size() == 1) return leaves.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : new LinkedHashSet<>(leaves)) b.add(q, BooleanClause.Occur.SHOULD);
        return b.build();
    }

    private void collect(Query q, List<Query> out) throws IOException {
        if (q instanceof BooleanQuery bq) {
            for (BooleanClause c : bq.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.MUST_NOT) collect(c.getQuery(), out);
            }
        } else if (q instanceof BoostQuery b) {
            Query inner = textOnly(b.getQuery());
            if (inner != null) out.add(new BoostQuery(inner, b.getBoost()));
            else collect(b.getQuery(), out);
        } else if (q instanceof ConstantScoreQuery c) {
            collect(c.getQuery(), out);
        } else if (q instanceof DisjunctionMaxQuery d) {
            for (Query x : d.getDisjuncts()) collect(x, out);
        } else {
            Query t = textOnly(q);
            if (t != null) out.add(t);
        }
    }

    /** A leaf on the text (as it is) or its stemmed copy (as the exact words); null for any other leaf. */
    private Query textOnly(Query q) throws IOException {
        if (q instanceof TermQuery tq) {
            Term t = tq.getTerm();
            if (t.field().equals(IndexSchema.TEXT)) return tq;
            if (t.field().equals(IndexSchema.TEXT_STEM)) {
                Term[] variants = variants(t.text());
                if (variants.length == 0) return null;
                if (variants.length == 1) return new TermQuery(variants[0]);
                SynonymQuery.Builder b = new SynonymQuery.Builder(IndexSchema.TEXT);
                for (Term v : variants) b.addTerm(v);
                return b.build();
            }
            return null;
        }
        if (q instanceof SynonymQuery sq) {
            List<Term> terms = sq.getTerms();
            if (terms.isEmpty()) return null;
            if (terms.get(0).field().equals(IndexSchema.TEXT)) return sq;
            if (!terms.get(0).field().equals(IndexSchema.TEXT_STEM)) return null;
            SynonymQuery.Builder b = new SynonymQuery.Builder(IndexSchema.TEXT);
            int n = 0;
            for (Term t : terms) for (Term v : variants(t.text())) { b.addTerm(v); n++; }
            return n == 0 ? null : b.build();
        }
        // phrases (quoted text) search the exact words only: the stemmed copy keeps no positions
        if (q instanceof PhraseQuery pq) {
            Term[] terms = pq.getTerms();
            return terms.length > 0 && terms[0].field().equals(IndexSchema.TEXT) ? pq : null;
        }
        if (q instanceof MultiPhraseQuery mpq) {
            Term[][] terms = mpq.getTermArrays();
            return terms.length > 0 && terms[0].length > 0 && terms[0][0].field().equals(IndexSchema.TEXT) ? mpq : null;
        }
        if (q instanceof MultiTermQuery mtq) {
            // left unexpanded (too many words to rewrite): the highlighter expands it per hit, on the text only
            return mtq.getField().equals(IndexSchema.TEXT) ? mtq : null;
        }
        return null;
    }

    /**
     * The exact words of the text that the stemmed copy indexes as {@code stem}: the text's terms that share
     * the stem's first letters (all but its last; the light stemmers only cut or change a word's ending) and
     * stem to it.
     */
    private Term[] variants(String stem) throws IOException {
        String prefix = stem.length() > 3 ? stem.substring(0, stem.length() - 1) : stem;
        BytesRef start = new BytesRef(prefix);
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexSchema.TEXT);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            if (te.seekCeil(start) == TermsEnum.SeekStatus.END) continue;
            int scanned = 0;
            for (BytesRef t = te.term(); t != null && scanned < MAX_SCANNED; t = te.next(), scanned++) {
                if (!startsWith(t, start)) break;
                String word = t.utf8ToString();
                if (seen.add(word) && stem.equals(stemOf(word))) found.add(word);
                if (found.size() >= MAX_VARIANTS) break;
            }
            if (found.size() >= MAX_VARIANTS) break;
        }
        return found.stream().map(w -> new Term(IndexSchema.TEXT, w)).toArray(Term[]::new);
    }

    private String stemOf(String word) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT_STEM, word)) {
            CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String s = ts.incrementToken() ? a.toString() : null;
            ts.end();
            return s;
        }
    }

    private static boolean startsWith(BytesRef t, BytesRef prefix) {
        if (t.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (t.bytes[t.offset + i] != prefix.bytes[prefix.offset + i]) return false;
        }
        return true;
    }
}
