package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;

/**
 * Why a letter matches a search: which fields and terms of the query it contains (per-field term checks
 * on the rewritten query, so wildcards and fuzzy terms show the words they matched), whether each facet
 * filter and the date range let it through, and Lucene's score.
 */
public final class MatchExplainer {

    private final LetterIndex index;

    MatchExplainer(LetterIndex index) {
        this.index = index;
    }

    /** The {@code match} object of a letter under a search; empty when the letter is not indexed. */
    public Optional<Map<String, Object>> explain(String id, SearchRequest request) {
        // scoring rewrite: wildcards and fuzzy terms become plain term queries that can be checked one by one
        RequestQuery rq = new RequestQuery(request, index.schema().analyzer(), index.schema().facetsConfig(),
                MultiTermQuery.SCORING_BOOLEAN_REWRITE);
        try {
            LetterSearcher searcher = index.acquire();
            try {
                rq.checkExpansion(searcher);
                TopDocs found = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
                if (found.scoreDocs.length == 0) return Optional.empty();
                int doc = found.scoreDocs[0].doc;
                Query only = new TermQuery(new Term(IndexSchema.ID, id));

                Map<String, Object> m = new LinkedHashMap<>();
                m.put("query", request.query());
                m.put("matches", has(searcher, only, rq.drillDown()));
                Explanation ex = searcher.explain(rq.text, doc);
                m.put("textMatches", ex.isMatch());
                m.put("score", ex.isMatch() ? ex.getValue().floatValue() : null);
                m.put("fields", fieldMatches(searcher, only, searcher.rewrite(rq.text)));
                Map<String, Object> filters = new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> f : request.filters().entrySet()) {
                    List<String> present = new ArrayList<>();
                    for (String v : f.getValue()) {
                        if (has(searcher, only, rq.facetTerm(f.getKey(), v))) present.add(v);
                    }
                    boolean all = f.getKey().equals(IndexSchema.F_SIGNER) && request.signerMatch() == SearchRequest.SignerMatch.all;
                    filters.put(f.getKey(), Map.of("has", present, "passes",
                            all ? present.size() == f.getValue().size() : !present.isEmpty()));
                }
                if (request.from() != null || request.to() != null) {
                    long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
                    long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
                    filters.put("date", Map.of("passes", has(searcher, only, LongPoint.newRangeQuery(IndexSchema.DATE, lo, hi))));
                }
                m.put("filters", filters);
                return Optional.of(m);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("query too complex to explain: its wildcards match too many words", e);
        }
    }

    /** Per user field, the query's words and phrases the letter contains ("text" also via its stemmed copy). */
    private static Map<String, List<String>> fieldMatches(IndexSearcher searcher, Query only, Query rewritten) throws IOException {
        Map<Query, String[]> leaves = new LinkedHashMap<>(); // leaf → {field, shown term}
        rewritten.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (terms.length == 0) return;
                String shown;
                if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) {
                    shown = "\"" + java.util.Arrays.stream(terms).map(Term::text).collect(Collectors.joining(" ")) + "\"";
                } else if (terms.length == 1) {
                    shown = terms[0].text();
                } else {
                    shown = java.util.Arrays.stream(terms).map(Term::text).collect(Collectors.joining("|"));
                }
                if (query instanceof TermQuery || query instanceof PhraseQuery || query instanceof MultiPhraseQuery) {
                    leaves.put(query, new String[] {terms[0].field(), shown});
                } else {
                    for (Term t : terms) leaves.put(new TermQuery(t), new String[] {t.field(), t.text()});
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        Map<String, Set<String>> byField = new LinkedHashMap<>();
        for (Map.Entry<Query, String[]> leaf : leaves.entrySet()) {
            if (!has(searcher, only, leaf.getKey())) continue;
            String field = leaf.getValue()[0];
            String shown = leaf.getValue()[1];
            String user = field.endsWith(".stem") ? field.substring(0, field.length() - 5) : field;
            if (field.endsWith(".stem")) shown = shown + " (stemmed)";
            byField.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(shown);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byField.forEach((f, terms) -> out.put(f, List.copyOf(terms)));
        return out;
    }

    private static boolean has(IndexSearcher searcher, Query only, Query q) throws IOException {
        return searcher.count(new BooleanQuery.Builder()
                .add(only, BooleanClause.Occur.FILTER)
                .add(q, BooleanClause.Occur.FILTER).build()) > 0;
    }
}
