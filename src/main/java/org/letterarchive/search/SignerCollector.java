package org.letterarchive.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.index.IndexSchema;

/**
 * Visits every matching letter with the chosen organizations (given as keys, numbered by their position)
 * that signed it. Each segment looks the keys up once in its signer doc values; a letter's signers are then
 * ordinals compared with that small table, never strings.
 */
abstract class SignerCollector extends SimpleCollector {

    private final String field;
    private final BytesRef[] terms;
    private SortedSetDocValues dv;
    private long[] segOrds; // sorted ordinals of the chosen keys in this segment
    private int[] segIndex; // the key number of each
    private final int[] found;
    protected LeafReaderContext leaf;

    SignerCollector(FacetsConfig config, List<String> keys) {
        this.field = config.getDimConfig(IndexSchema.F_SIGNER).indexFieldName;
        this.terms = new BytesRef[keys.size()];
        for (int i = 0; i < keys.size(); i++) terms[i] = new BytesRef(FacetsConfig.pathToString(IndexSchema.F_SIGNER, new String[] {keys.get(i)}));
        this.found = new int[keys.size()];
    }

    /** Called for each matching letter with the numbers of the chosen keys that signed it ({@code n} of them). */
    protected abstract void letter(int doc, int[] keys, int n) throws IOException;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        leaf = context;
        dv = context.reader().getSortedSetDocValues(field);
        if (dv == null) return;
        long[][] pairs = new long[terms.length][];
        int m = 0;
        for (int i = 0; i < terms.length; i++) {
            long ord = dv.lookupTerm(terms[i]);
            if (ord >= 0) pairs[m++] = new long[] {ord, i};
        }
        java.util.Arrays.sort(pairs, 0, m, (a, b) -> Long.compare(a[0], b[0]));
        segOrds = new long[m];
        segIndex = new int[m];
        for (int i = 0; i < m; i++) {
            segOrds[i] = pairs[i][0];
            segIndex[i] = (int) pairs[i][1];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        int n = 0;
        if (dv != null && segOrds.length > 0 && dv.advanceExact(doc)) {
            for (int i = 0, c = dv.docValueCount(); i < c; i++) {
                int at = java.util.Arrays.binarySearch(segOrds, dv.nextOrd());
                if (at >= 0) found[n++] = segIndex[at];
            }
        }
        letter(doc, found, n);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
