package org.letterarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The search threads' slices: every segment in one slice, each slice with a like share of the letters. */
class SearchSlicesTest {

    @Test
    void segmentsAreDealtSoThatEachThreadGetsALikeShare() throws Exception {
        int[] sizes = {700, 50, 300, 300, 20, 260, 90, 10, 400};
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int size : sizes) {
                for (int i = 0; i < size; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", size + "-" + i, Field.Store.NO));
                    w.addDocument(d);
                }
                w.commit(); // one segment per size
            }
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                List<LeafReaderContext> leaves = reader.leaves();
                assertEquals(sizes.length, leaves.size());
                for (int n : new int[] {1, 2, 3, 12}) {
                    IndexSearcher.LeafSlice[] slices = LetterSearcher.balanced(leaves, n);
                    assertEquals(Math.min(n, leaves.size()), slices.length, n + " threads");
                    Set<LeafReaderContext> seen = new HashSet<>();
                    List<Integer> docs = new ArrayList<>();
                    for (IndexSearcher.LeafSlice s : slices) {
                        int sum = 0;
                        for (LeafReaderContext l : s.leaves) {
                            assertTrue(seen.add(l), "each segment in one slice only");
                            sum += l.reader().maxDoc();
                        }
                        docs.add(sum);
                    }
                    assertEquals(new HashSet<>(leaves), seen, "every segment is searched");
                    int largest = Arrays.stream(sizes).max().orElseThrow();
                    int spread = docs.stream().mapToInt(Integer::intValue).max().orElseThrow()
                            - docs.stream().mapToInt(Integer::intValue).min().orElseThrow();
                    assertTrue(spread <= largest, n + " threads: slices of " + docs + " differ by more than one segment");
                }
                // 2,130 letters on two threads: 1,070 and 1,060 (Lucene's default slices would give 1,960 and 170)
                IndexSearcher.LeafSlice[] two = LetterSearcher.balanced(leaves, 2);
                int first = Arrays.stream(two[0].leaves).mapToInt(l -> l.reader().maxDoc()).sum();
                assertTrue(Math.abs(2 * first - 2130) <= 20, "two like halves: " + first + " of 2130");
            }
        }
    }
}
