package org.letterarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written with the archive's codec is read back by the codec's name alone (as a restarted archive reads
 * it), every stored letter exactly as written, and its stored letters take less room than with Lucene's default;
 * the family keys' Bloom filters let about one absent key in a hundred through, at no more bits than that needs.
 */
class LetterCodecTest {

    @TempDir
    Path dir;

    private static final String[] WORDS = {"we", "the", "undersigned", "organizations", "urge", "government", "to",
            "protect", "human", "rights", "defenders", "derechos", "humanos", "personas", "migrantes", "México",
            "Straße", "Ærø", "łódź", "民主", "a", "of", "and", "in", "letter", "asylum", "seekers", "border"};

    private static String letter(Random rnd) {
        StringBuilder b = new StringBuilder();
        int words = 200 + rnd.nextInt(900);
        for (int i = 0; i < words; i++) b.append(WORDS[rnd.nextInt(WORDS.length)]).append(i % 17 == 16 ? ".\n" : " ");
        return b.toString();
    }

    private long storedBytes(Path index, Codec codec, int letters) throws Exception {
        Random rnd = new Random(7);
        try (FSDirectory d = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setCodec(codec).setUseCompoundFile(false))) {
            for (int i = 0; i < letters; i++) {
                Document doc = new Document();
                doc.add(new StringField(IndexSchema.ID, "l" + i, Field.Store.YES));
                doc.add(new StoredField(IndexSchema.TEXT, letter(rnd)));
                doc.add(new StoredField(IndexSchema.SUMMARY, ("{\"id\":\"l" + i + "\",\"title\":\"Letter " + i + "\"}").getBytes()));
                w.addDocument(doc);
            }
            w.forceMerge(1);
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(p -> p.toString().endsWith(".fdt")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void lettersAreReadBackByTheCodecsNameExactlyAsWrittenAndTakeLessRoom() throws Exception {
        int letters = 2000;
        long archive = storedBytes(dir.resolve("archive"), new IndexSchema().codec(), letters);
        long lucene = storedBytes(dir.resolve("lucene"), new Lucene912Codec(), letters);
        assertTrue(archive < 0.9 * lucene, "stored letters: " + archive + " bytes against Lucene's " + lucene);

        try (FSDirectory d = FSDirectory.open(dir.resolve("archive")); DirectoryReader r = DirectoryReader.open(d)) {
            assertEquals(LetterCodec.NAME, SegmentInfos.readLatestCommit(d).info(0).info.getCodec().getName());
            StoredFields stored = r.storedFields();
            Random rnd = new Random(7);
            for (int i = 0; i < letters; i++) {
                Document doc = stored.document(i);
                assertEquals("l" + i, doc.get(IndexSchema.ID));
                assertEquals(letter(rnd), doc.get(IndexSchema.TEXT), "letter " + i);
                assertEquals("{\"id\":\"l" + i + "\",\"title\":\"Letter " + i + "\"}",
                        doc.getBinaryValue(IndexSchema.SUMMARY).utf8ToString());
            }
        }
    }

    private static BytesRef key(long k) {
        byte[] b = new byte[Long.BYTES];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (k >>> (56 - 8 * i));
        return new BytesRef(b);
    }

    @Test
    void familyKeyFiltersLetAboutOneAbsentKeyInAHundredThroughAtFewBitsPerKey() throws Exception {
        // segments of several sizes, full of keys (every letter with all its keys) and half full
        for (int letters : new int[] {7_000, 27_572, 100_000}) {
            for (int keysPerLetter : new int[] {IndexSchema.KEYS_PER_LETTER, 9}) {
                Random rnd = new Random(letters + keysPerLetter);
                int keys = letters * keysPerLetter;
                FuzzySet set = LetterCodec.KeysBloomFilter.forLetters(letters);
                long[] held = new long[1000];
                for (int i = 0; i < keys; i++) {
                    long k = rnd.nextLong();
                    if (i < held.length) held[i] = k;
                    set.addValue(key(k));
                }
                FuzzySet folded = new LetterCodec.KeysBloomFilter().downsize(null, set);
                if (folded == null) folded = set;
                for (long k : held) assertEquals(FuzzySet.ContainsResult.MAYBE, folded.contains(key(k)), "a held key is never refused");
                int through = 0, probes = 200_000;
                for (int i = 0; i < probes; i++) if (folded.contains(key(rnd.nextLong())) == FuzzySet.ContainsResult.MAYBE) through++;
                double bitsPerKey = folded.ramBytesUsed() * 8.0 / keys;
                String what = letters + " letters, " + keysPerLetter + " keys each: " + String.format("%.1f", bitsPerKey)
                        + " bits per key, " + through + " of " + probes + " absent keys let through";
                assertTrue(through <= 0.02 * probes, what);
                assertTrue(bitsPerKey <= (keysPerLetter == IndexSchema.KEYS_PER_LETTER ? 11 : 20), what);
            }
        }
    }
}
