package org.letterarchive.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The letters a search has already found (the hits its facets were counted on), as a filter: a second pass over
 * the same search reads them instead of matching the search's filters (a date range, signers who must all have
 * signed) again. It matches only in the reader it was found in.
 */
final class FoundLetters extends Query {

    private final IndexReader reader;
    /** The hits of each segment, by its position among the reader's leaves; null where none were collected. */
    private final FacetsCollector.MatchingDocs[] byLeaf;

    FoundLetters(IndexReader reader, FacetsCollector found) {
        this.reader = reader;
        this.byLeaf = new FacetsCollector.MatchingDocs[reader.leaves().size()];
        for (FacetsCollector.MatchingDocs md : found.getMatchingDocs()) {
            if (ReaderUtil.getTopLevelContext(md.context).reader() != reader) {
                throw new IllegalArgumentException("hits of another reader than the one searched");
            }
            byLeaf[md.context.ord] = md;
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        if (searcher.getIndexReader() != reader) throw new IllegalArgumentException("found in another reader than the one searched");
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                FacetsCollector.MatchingDocs md = byLeaf[context.ord];
                if (md == null || md.totalHits == 0) return null;
                DocIdSetIterator hits = md.bits.iterator();
                return hits == null ? null : new ConstantScoreScorer(this, score(), scoreMode, hits);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false; // one search's hits, asked for once
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "FoundLetters";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
