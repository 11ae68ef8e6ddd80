package org.letterarchive.index;

import java.util.Set;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.bloom.BloomFilterFactory;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.bloom.FuzzySet;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The index's codec: Lucene 9.12's, with two changes for an archive of letters. Registered under its own name
 * ({@code META-INF/services}), which every segment records, so an index it wrote is read back with it.
 * <ul>
 * <li><b>Bloom filters over the family look-up fields</b>: a letter's family keys are looked up in every segment
 * and are in almost none; the filter tells so without reading the terms dictionary.
 * <li><b>Stored letters compressed harder</b>: LZ4 in its high-compression mode over blocks of 24 KB, in place of
 * Lucene's fast LZ4 over 8 KB blocks with a preset dictionary. Letters of one campaign or coalition repeat each
 * other's wording, and a block of several letters holds more of it: on generated letters the stored text takes 0.28
 * of its raw size against 0.37. Reading a letter back decompresses from its block's start with LZ4's fast decoder:
 * about 5 µs more per letter read, at most a page of letters per search; deflate (Lucene's BEST_COMPRESSION) would
 * take 0.15 but cost some 100 µs per letter read.
 * </ul>
 */
public final class LetterCodec extends FilterCodec {

    /** The name segments record; a change of format needs a new name (and a new schema version). */
    public static final String NAME = "LetterArchive912";

    /** Block size of the stored fields: measured against 16, 32, 40, 60 and 120 KB (docs/benchmarks.md). */
    static final int STORED_BLOCK_BYTES = 24 * 1024;

    /** The fields family detection looks a letter's keys up in. */
    private static final Set<String> LOOKED_UP = Set.of(IndexSchema.FAMILY_NEAR, IndexSchema.FAMILY_TRANSLATION);

    private final StoredFieldsFormat stored = new Lucene90CompressingStoredFieldsFormat("LetterArchiveStoredFields",
            CompressionMode.FAST_DECOMPRESSION, STORED_BLOCK_BYTES, 512, 10);
    private final PostingsFormat plain = new Lucene912PostingsFormat();
    private final PostingsFormat bloom =
            new BloomFilteringPostingsFormat(new Lucene912PostingsFormat(), new KeysBloomFilter());
    private final PostingsFormat postings = new PerFieldPostingsFormat() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return LOOKED_UP.contains(field) ? bloom : plain;
        }
    };

    /** Public and without arguments: Lucene makes the codec by its name when it reads a segment. */
    public LetterCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return stored;
    }

    @Override
    public PostingsFormat postingsFormat() {
        return postings;
    }

    /**
     * A segment's filter for every letter's keys, about one absent key in a hundred let through: a letter looks up
     * some 60 keys in each segment, nearly all absent, and each let through costs a seek in the terms dictionary.
     * The rate asked of {@link FuzzySet} is 3 %: it sizes a set for twice the bits that rate needs and picks its hash
     * count for that size, then folds the set to half as long as half its bits stay clear. Asked for 3 %, the folded
     * filters measured 8.9–17 bits per key and let 0.1–1.5 % of absent keys through; asked for 1 %, 10–34 bits per
     * key and 0.0–0.9 % ({@code LetterCodecTest}).
     */
    static final class KeysBloomFilter extends BloomFilterFactory {
        static final float ASKED_FALSE_POSITIVES = 0.03f;

        @Override
        public FuzzySet getSetForField(SegmentWriteState state, FieldInfo info) {
            return forLetters(state.segmentInfo.maxDoc());
        }

        /** The filter of a segment of this many letters, before it is folded to the keys it holds. */
        static FuzzySet forLetters(int letters) {
            long keys = Math.max(1L, (long) letters * IndexSchema.KEYS_PER_LETTER);
            return FuzzySet.createOptimalSet((int) Math.min(Integer.MAX_VALUE, keys), ASKED_FALSE_POSITIVES);
        }

        @Override
        public boolean isSaturated(FuzzySet set, FieldInfo info) {
            return set.getSaturation() > 0.9f;
        }
    }
}
