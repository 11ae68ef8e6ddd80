package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Passages are scored exactly as Lucene scores them, so the snippets chosen are Lucene's. */
class PassageScoringTest {

    @Test
    void scoresAsLucenesPassageScorer() {
        Random random = new Random(11);
        PassageScorer lucene = new PassageScorer();
        PassageScoring ours = new PassageScoring();
        String[] words = {"rights", "migrants", "asylum", "right", "derechos", "ñandú", "r"};
        for (int round = 0; round < 5000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(20_000);
            p.setStartOffset(start);
            p.setEndOffset(start + 40 * 31 + random.nextInt(200));
            int at = start;
            int matches = random.nextInt(40);
            int distinct = 1 + random.nextInt(words.length);
            for (int i = 0; i < matches; i++) {
                at += 1 + random.nextInt(30);
                String w = words[random.nextInt(distinct)];
                // a term's frequency in the letter is the same at each of its matches
                p.addMatch(at, at + w.length(), new BytesRef(w), 1 + Math.abs(w.hashCode() % 50));
            }
            int contentLength = p.getEndOffset() + random.nextInt(100_000);
            assertEquals(lucene.score(p, contentLength), ours.score(p, contentLength), 0f, p.toString());
        }
    }
}
