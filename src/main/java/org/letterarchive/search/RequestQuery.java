package org.letterarchive.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.index.IndexSchema;

/**
 * The Lucene queries of one {@link SearchRequest}: the parsed text, the base query (text, date range, and
 * the signer filter when {@code signerMatch=all}), and drill-down queries over the facet filters.
 */
final class RequestQuery {

    /** Most index terms one wildcard, prefix or regular expression may expand to. */
    static final int MAX_EXPANSION = 500;

    final SearchRequest request;
    final Query text;
    final Query base;
    /** Whether the text holds a phrase (a query that reads where its words stand). */
    final boolean phrase;
    private final FacetsConfig facets;

    RequestQuery(SearchRequest request, Analyzer analyzer, FacetsConfig facets) {
        this(request, analyzer, facets, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    RequestQuery(SearchRequest request, Analyzer analyzer, FacetsConfig facets, MultiTermQuery.RewriteMethod rewrite) {
        this.request = request;
        this.facets = facets;
        for (String dim : request.filters().keySet()) {
            if (!isFacet(dim)) throw new SearchException("unknown facet '" + dim + "'");
        }
        this.text = LetterQueryParser.parse(request.query(), analyzer, rewrite);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (request.from() != null || request.to() != null) {
            if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
                throw new SearchException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
            }
            long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
            long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(IndexSchema.DATE, lo, hi), BooleanClause.Occur.FILTER);
        }
        if (request.signerMatch() == SearchRequest.SignerMatch.all) {
            for (String key : request.filter(IndexSchema.F_SIGNER)) {
                b.add(facetTerm(IndexSchema.F_SIGNER, key), BooleanClause.Occur.FILTER);
            }
        }
        this.base = b.build();
        this.phrase = holdsPhrase(text);
    }

    private static boolean holdsPhrase(Query q) {
        boolean[] found = {false};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) found[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    /** The query with every facet filter: OR within a facet, AND across facets. */
    DrillDownQuery drillDown() {
        return drillDown(null);
    }

    /** The query with every facet filter except {@code exceptDim}'s (its drill-sideways counts). */
    DrillDownQuery drillDown(String exceptDim) {
        DrillDownQuery ddq = new DrillDownQuery(facets, base);
        request.filters().forEach((dim, values) -> {
            if (dim.equals(exceptDim) || !drillsDown(dim)) return;
            for (String v : values) ddq.add(dim, v); // repeated add: OR within the facet
        });
        return ddq;
    }

    /** Whether the drill-down query filters on any facet value (drill sideways then counts the other values). */
    boolean drillsDown() {
        return request.filters().entrySet().stream().anyMatch(e -> !e.getValue().isEmpty() && drillsDown(e.getKey()));
    }

    /** Signers that must all have signed are the base query's filters, not a drill-down. */
    private boolean drillsDown(String dim) {
        return !(dim.equals(IndexSchema.F_SIGNER) && request.signerMatch() == SearchRequest.SignerMatch.all);
    }

    Query facetTerm(String dim, String value) {
        return new TermQuery(DrillDownQuery.term(facets.getDimConfig(dim).indexFieldName, dim, value));
    }

    /**
     * Refuses a query whose wildcards, prefixes or regular expressions expand to more than
     * {@link #MAX_EXPANSION} index terms, naming the term and the limit.
     */
    void checkExpansion(IndexSearcher searcher) throws IOException {
        List<MultiTermQuery> multi = new java.util.ArrayList<>();
        text.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query query) {
                if (query instanceof MultiTermQuery mtq && !(query instanceof FuzzyQuery)) multi.add(mtq);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        for (MultiTermQuery mtq : multi) {
            Set<BytesRef> seen = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(mtq.getField());
                if (terms == null) continue;
                TermsEnum te = mtq.getTermsEnum(terms);
                BytesRef t;
                while ((t = te.next()) != null) {
                    if (seen.add(BytesRef.deepCopyOf(t)) && seen.size() > MAX_EXPANSION) {
                        throw new SearchException("'" + mtq.toString(mtq.getField()) + "' matches more than "
                                + MAX_EXPANSION + " different words (the wildcard expansion limit): make it longer");
                    }
                }
            }
        }
    }

    static boolean isFacet(String dim) {
        for (String f : IndexSchema.FACETS) if (f.equals(dim)) return true;
        return false;
    }
}
