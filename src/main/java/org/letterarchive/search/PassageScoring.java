package org.letterarchive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scoring (BM25 over the passage, {@link PassageScorer}'s defaults), the same scores computed
 * without a hash of byte blocks per passage: Lucene's score makes a {@code BytesRefHash} (with its 32 KB block) for
 * every passage it weighs, to tell the passage's distinct terms apart. A passage holds a few matches, so its terms
 * are told apart by comparing them, in the order first met, and summed in that order as Lucene does.
 */
final class PassageScoring extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] freqsInPassage = new int[matches];
        int[] distinctFreqsInDoc = new int[matches];
        int n = 0;
        for (int i = 0; i < matches; i++) {
            int t = 0;
            while (t < n && !distinct[t].bytesEquals(terms[i])) t++;
            if (t == n) {
                distinct[n] = terms[i];
                distinctFreqsInDoc[n] = freqsInDoc[i];
                n++;
            }
            freqsInPassage[t]++;
        }
        double score = 0;
        for (int t = 0; t < n; t++) score += tf(freqsInPassage[t], passage.getLength()) * weight(contentLength, distinctFreqsInDoc[t]);
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
