package org.letterarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.letterarchive.index.IndexSchema;

/**
 * {@code collapse=family}: one hit per letter family, the family's best-ranked matching member, with the
 * family's members counted by relation ("+3 versions, 1 translation").
 */
final class FamilyCollapse {

    /** Hits read, at most, to fill a page of families. */
    static final int MAX_HITS = 50_000;

    interface Fetch {
        TopDocs top(int n) throws IOException;
    }

    record Page(ScoreDoc[] docs, boolean more, long families) {}

    private FamilyCollapse() {}

    static Page page(IndexSearcher searcher, FacetsCollector matching, int offset, int size, Fetch fetch, TopDocs first) throws IOException {
        int want = offset + size + 1;
        TopDocs top = first;
        int requested = want; // the first hits were asked for one page and one more
        List<ScoreDoc> heads = new ArrayList<>();
        while (true) {
            heads.clear();
            Set<Long> seen = new HashSet<>();
            for (ScoreDoc d : top.scoreDocs) {
                if (seen.add(key(searcher, d.doc))) heads.add(d);
                if (heads.size() >= want) break;
            }
            if (heads.size() >= want || top.scoreDocs.length < requested || requested >= MAX_HITS) break;
            requested = Math.min(MAX_HITS, Math.max(requested * 4, want * 8));
            top = fetch.top(requested);
        }
        int to = Math.min(heads.size(), offset + size);
        ScoreDoc[] page = offset >= to ? new ScoreDoc[0] : heads.subList(offset, to).toArray(new ScoreDoc[0]);
        return new Page(page, heads.size() > offset + size, countFamilies(matching));
    }

    /** Distinct families among every matching letter. */
    private static long countFamilies(FacetsCollector matching) throws IOException {
        Set<Long> keys = new HashSet<>();
        for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
            NumericDocValues dv = md.context.reader().getNumericDocValues(IndexSchema.FAMILY_KEY);
            DocIdSetIterator it = md.bits.iterator();
            int doc;
            long own = 0;
            while ((doc = it.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS) {
                if (dv != null && dv.advanceExact(doc)) keys.add(dv.longValue());
                else own++;
            }
            if (own > 0) keys.add(Long.MIN_VALUE + keys.size() + own); // letters indexed without families: one each
        }
        return keys.size();
    }

    private static long key(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues dv = leaf.reader().getNumericDocValues(IndexSchema.FAMILY_KEY);
        if (dv != null && dv.advanceExact(doc - leaf.docBase)) return dv.longValue();
        return -1L - doc;
    }

    /** The family of a hit: its id, the hit's relation, and the family's members by relation. */
    static Map<String, Object> family(IndexSearcher searcher, int doc) throws IOException {
        Document d = searcher.storedFields().document(doc, Set.of(IndexSchema.FAMILY_ID, IndexSchema.FAMILY_RELATION));
        String id = d.get(IndexSchema.FAMILY_ID);
        if (id == null) return null;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("relation", d.get(IndexSchema.FAMILY_RELATION));
        TermQuery inFamily = new TermQuery(new Term(IndexSchema.FAMILY_ID, id));
        int size = searcher.count(inFamily);
        f.put("size", size);
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (size > 1) {
            for (String r : IndexSchema.FAMILY_RELATIONS_COUNTED) {
                int n = searcher.count(new BooleanQuery.Builder().add(inFamily, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexSchema.FAMILY_RELATION, r)), BooleanClause.Occur.FILTER).build());
                if (n > 0) counts.put(r, n);
            }
        }
        f.put("others", counts);
        return f;
    }
}
