package org.letterarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The family look-up fields are written with a Bloom filter sized for every key of every letter (a filter sized
 * for one term per letter would saturate and be left out), and a key is still found exactly as without it.
 */
class FamilyKeysCodecTest {

    @Test
    void lookUpFieldsKeepTheirBloomFilterAndFindEveryKey() throws Exception {
        IndexSchema schema = new IndexSchema();
        int letters = 3000;
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(schema.analyzer()).setCodec(schema.codec()))) {
            for (int i = 0; i < letters; i++) {
                Document d = new Document();
                for (int k = 0; k < IndexSchema.KEYS_PER_LETTER; k++) {
                    d.add(new StringField(IndexSchema.FAMILY_NEAR, "n" + i + "-" + k, Field.Store.NO));
                }
                d.add(new StringField(IndexSchema.ID, "l" + i, Field.Store.YES));
                w.addDocument(d);
            }
            w.forceMerge(1);
            try (DirectoryReader r = DirectoryReader.open(w)) {
                LeafReaderContext leaf = r.leaves().get(0);
                Terms near = leaf.reader().terms(IndexSchema.FAMILY_NEAR);
                assertTrue(near.getClass().getName().contains("Bloom"), "filtered: " + near.getClass().getName());
                assertFalse(leaf.reader().terms(IndexSchema.ID).getClass().getName().contains("Bloom"));
                TermsEnum te = near.iterator();
                int found = 0;
                for (int i = 0; i < letters; i += 7) if (te.seekExact(new BytesRef("n" + i + "-3"))) found++;
                assertEquals((letters + 6) / 7, found);
                for (int i = 0; i < 500; i++) assertFalse(te.seekExact(new BytesRef("absent" + i)));
            }
        }
    }
}
