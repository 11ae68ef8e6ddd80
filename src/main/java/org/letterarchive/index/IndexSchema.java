package org.letterarchive.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.corpus.Json;
import org.letterarchive.letter.Folding;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** The index's field schema, in one place: names, analysis, facets, and Letter → Document. */
public final class IndexSchema {

    /**
     * Version of the fields and analysis below. An index committed with another version is emptied on open
     * and rebuilt from the corpus; raise it whenever documents would be indexed differently.
     */
    public static final int VERSION = 16; // 16: family signer and anchor keys by periods of weeks (15: body keys by one-permutation MinHash)

    // identity and stored data
    public static final String ID = "id";
    public static final String SUMMARY = "summary";
    // full text
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String SIGNER_TEXT = "signer";
    public static final String RECIPIENT_TEXT = "recipient";
    // light-stemmed copies of title and text (not stored): "migrants" finds "migrantes"; exact scores higher
    public static final String TITLE_STEM = "title.stem";
    public static final String TEXT_STEM = "text.stem";
    // every signer name, stored only (exports list all signers, the summary only the first few)
    public static final String SIGNER_NAMES = "signerNames";
    // numbers for ranges and sorting
    public static final String DATE = "date";               // epoch day, LongPoint + doc values; absent when undated
    public static final String SIGNER_COUNT = "signerCount"; // IntPoint + doc values
    // facet dimensions
    public static final String F_SIGNER = "signer";
    public static final String F_SIGNER_KIND = "signerKind";
    public static final String F_RECIPIENT = "recipient";
    public static final String F_RECIPIENT_ROLE = "recipientRole";
    public static final String F_YEAR = "year";
    public static final String F_MONTH = "month";           // YYYY-MM, for drilling into a year
    public static final String F_LANGUAGE = "language";
    public static final String F_FORMAT = "format";
    public static final String F_SIGNER_RANGE = "signers";
    /**
     * What each organization was written as in a letter, one doc value per detail:
     * {@code kind \u001F key \u001F value} with kind {@code n} (spelling), {@code a} (acronym), {@code l}
     * (location) or {@code p} (a person who signed for it). Not a facet: counted per organization by
     * {@code search.OrganizationService}.
     */
    public static final String ORG_DETAIL = "orgDetail";
    // the review queue: letters whose analysis has unsettled doubts
    public static final String REVIEW = "review";                 // StringField "yes" on letters that need review
    public static final String REVIEW_LEAST = "reviewLeast";      // the least confidence of the letter, doc values
    public static final String ASSESSMENT = "assessment";         // the assessment as JSON, stored
    // letter families (org.letterarchive.family): the family id is the id of its earliest letter
    public static final String FAMILY_ID = "familyId";              // stored, indexed
    public static final String FAMILY_KEY = "familyKey";            // 64-bit hash of the family id, doc values (collapse)
    public static final String FAMILY_RELATION = "familyRelation";  // stored, indexed: earliest, same, version, translation, campaign copy
    /** The relations a family's members are counted by (a collapsed hit's "+3 versions, 1 translation"). */
    public static final List<String> FAMILY_RELATIONS_COUNTED = List.of("same", "version", "translation", "campaign copy");
    public static final String FAMILY_LINK = "familyLink";          // stored: how detection tied it (Families.Link)
    public static final String FAMILY_MEMBER = "familyMember";      // "1" in a family of two or more
    public static final String FAMILY_NEAR = "familyNear";          // body MinHash band keys
    public static final String FAMILY_TRANSLATION = "familyTranslation"; // signer-set band keys with the period of weeks
    public static final String FAMILY_CARD = "familyCard";          // binary doc values: what detection reads of a candidate
    public static final String F_FAMILY = "family";                 // facet: single, versions, translations, campaign
    public static final String[] FACETS = {F_SIGNER, F_SIGNER_KIND, F_RECIPIENT, F_RECIPIENT_ROLE, F_YEAR,
            F_MONTH, F_LANGUAGE, F_FORMAT, F_SIGNER_RANGE, F_FAMILY};

    // the exact text keeps offsets in its postings: snippets are cut from them, never from re-analysed text;
    // the stemmed copies keep words and their counts only: quoted text (phrases) searches the exact words, and a
    // stemmed match is marked in snippets through the exact words it stands for
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
    private static final FieldType STEM = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        STEM.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        STEM.freeze();
    }

    /**
     * The multi-valued dimensions of a few values (signer kinds, recipient roles, family kinds): each letter's set of
     * values is also kept as one sorted doc value ({@link #valueSetField}), so that counting a dimension reads one
     * value per letter, and each set's count is then added to its values ({@link DimensionCounts}). Only a few sets
     * occur (two signer kinds make three), where a letter's values, read one by one, cost several times more.
     */
    public static final Set<String> VALUE_SETS = Set.of(F_SIGNER_KIND, F_RECIPIENT_ROLE, F_FAMILY);

    /** The sorted doc-values field holding each letter's set of values of one of {@link #VALUE_SETS}. */
    public static String valueSetField(String dim) {
        return "$set." + dim;
    }

    /**
     * A set of facet values as its doc value: their count, then each value sorted, as Lucene writes a string (vInt
     * length, UTF-8).
     */
    static BytesRef valueSet(Set<String> labels) {
        TreeSet<String> sorted = new TreeSet<>(labels);
        int size = 5;
        for (String l : sorted) size += 5 + 3 * l.length(); // a char is at most 3 bytes of UTF-8
        byte[] buffer = new byte[size];
        ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
        try {
            out.writeVInt(sorted.size());
            for (String l : sorted) out.writeString(l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(buffer, 0, out.getPosition());
    }

    /** The values of a set written by {@link #valueSet}. */
    static List<String> readValueSet(BytesRef set) {
        ByteArrayDataInput in = new ByteArrayDataInput(set.bytes, set.offset, set.length);
        int n = in.readVInt();
        List<String> out = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) out.add(in.readString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory
        }
        return out;
    }

    private static void addValueSet(Document doc, String dim, Set<String> labels) {
        if (!labels.isEmpty()) doc.add(new SortedDocValuesField(valueSetField(dim), valueSet(labels)));
    }

    /** The doc-values field of a facet dimension: one per dimension, so a search counts only those it asks for. */
    public static String facetField(String dim) {
        return "$facet." + dim;
    }

    private final FacetsConfig facets = new FacetsConfig();
    private final Analyzer analyzer;

    public IndexSchema() {
        for (String dim : new String[] {F_SIGNER, F_SIGNER_KIND, F_RECIPIENT, F_RECIPIENT_ROLE, F_LANGUAGE, F_FORMAT, F_FAMILY}) {
            facets.setMultiValued(dim, true);
        }
        for (String dim : FACETS) facets.setIndexFieldName(dim, facetField(dim));
        Analyzer text = textAnalyzer(false);
        Analyzer stem = textAnalyzer(true);
        analyzer = new PerFieldAnalyzerWrapper(text, Map.of(ID, keywordAnalyzer(), TITLE_STEM, stem, TEXT_STEM, stem));
    }

    public FacetsConfig facetsConfig() {
        return facets;
    }

    /**
     * The analyzer for every text field: Unicode words folded as organization keys are ({@link Folding}: case,
     * accents, ø, ß, æ, ł; México = Mexico, Straße = strasse). The
     * {@code .stem} fields add a light English (plural) and Spanish stemmer; names are never stemmed.
     */
    public Analyzer analyzer() {
        return analyzer;
    }

    private static Analyzer textAnalyzer(boolean stemmed) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new FoldingFilter(source);
                if (stemmed) {
                    result = new EnglishMinimalStemFilter(result);
                    result = new SpanishLightStemFilter(result);
                }
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                // wildcard, prefix and fuzzy terms are folded like indexed words (Méxi* = mexi*)
                return new FoldingFilter(in);
            }
        };
    }

    private static Analyzer keywordAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new KeywordTokenizer());
            }
        };
    }

    /**
     * The document for a letter.
     *
     * @param signerKey the canonical organization key of a signer
     */
    public Document toDocument(Letter letter, Function<Signer, String> signerKey) {
        return toDocument(letter, signerKey, null);
    }

    /** A letter's family as the index keeps it (see {@code org.letterarchive.family.Families}). */
    public record FamilyFields(String id, String relation, String link, boolean member, List<String> kinds,
                               List<Long> nearKeys, List<Long> translationKeys, BodyShape shape) {}

    /** A family key (a 64-bit hash) as the term it is indexed and looked up by: its eight bytes, high byte first. */
    public static BytesRef familyKeyTerm(long key) {
        byte[] b = new byte[Long.BYTES];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (key >>> (56 - 8 * i));
        return new BytesRef(b);
    }

    /**
     * What family detection needs of a letter's body to rule it out as a candidate without reading its text: its
     * paragraphs, signers and word shingles counted, and a filter of its shingles (two bits set per shingle hash,
     * about four bits per shingle), which holds every shingle of the body and so bounds how many another body shares
     * with it.
     */
    public record BodyShape(int paragraphs, int signers, int shingles, byte[] filter) {
        /** Bits set in the filter for each shingle hash. */
        static final int BITS_PER_HASH = 2;

        /** The filter's two bits of a shingle hash: the multiply-shift range reductions of its two 32-bit halves. */
        public static int bit(long shingle, int bits, int which) {
            long half = which == 0 ? shingle >>> 32 : shingle & 0xFFFFFFFFL;
            return (int) ((half * bits) >>> 32);
        }

        /** Sets a shingle's bits in a filter. */
        public static void add(byte[] filter, long shingle) {
            for (int k = 0; k < BITS_PER_HASH; k++) {
                int b = bit(shingle, filter.length * 8, k);
                filter[b >>> 3] |= (byte) (1 << (b & 7));
            }
        }

        /** Whether the filter holds both bits of this shingle hash: always for a shingle of the body. */
        public boolean mayHold(long shingle) {
            int bits = filter.length * 8;
            if (bits == 0) return false;
            for (int k = 0; k < BITS_PER_HASH; k++) {
                int b = bit(shingle, bits, k);
                if ((filter[b >>> 3] & (1 << (b & 7))) == 0) return false;
            }
            return true;
        }
    }

    /**
     * Terms a letter indexes in one of the family look-up fields, at most: 16 body bands; 8 signer and 8 anchor keys
     * and its language.
     */
    static final int KEYS_PER_LETTER = 17;

    /**
     * The index's codec ({@link LetterCodec}): Bloom filters over the family look-up fields, the letters' stored data
     * compressed harder.
     */
    public Codec codec() {
        return new LetterCodec();
    }

    /**
     * What family detection reads of each letter its look-ups find, before deciding to compare it: id, family id,
     * language, date and the body's shape, kept in doc values (a stored-field read would decompress a block of
     * letters' text, and the text would then be fingerprinted).
     */
    public record FamilyCard(String id, String family, String language, LocalDate date, BodyShape shape) {

        public BytesRef bytes() {
            String lang = language == null ? "" : language;
            // three strings (a length and at most 3 bytes a character), a long and four ints as variable-length numbers
            byte[] buffer = new byte[3 * 5 + 3 * (id.length() + family.length() + lang.length()) + 10 + 4 * 5 + shape.filter().length];
            ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
            try {
                out.writeString(id);
                out.writeString(family.equals(id) ? "" : family); // most letters are their own family
                out.writeString(lang);
                out.writeZLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
                out.writeVInt(shape.paragraphs());
                out.writeVInt(shape.signers());
                out.writeVInt(shape.shingles());
                out.writeVInt(shape.filter().length);
                out.writeBytes(shape.filter(), shape.filter().length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BytesRef(buffer, 0, out.getPosition());
        }

        public static FamilyCard read(BytesRef bytes) {
            ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            try {
                String id = in.readString(), family = in.readString(), language = in.readString();
                if (family.isEmpty()) family = id;
                long day = in.readZLong();
                int paragraphs = in.readVInt(), signers = in.readVInt(), shingles = in.readVInt();
                byte[] filter = new byte[in.readVInt()];
                in.readBytes(filter, 0, filter.length);
                if (in.getPosition() != bytes.offset + bytes.length) throw new IllegalArgumentException("not a family card");
                return new FamilyCard(id, family, language.isEmpty() ? null : language,
                        day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day), new BodyShape(paragraphs, signers, shingles, filter));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a family card", e);
            }
        }
    }

    /** The document for a letter with its family's fields; {@code family} null leaves them out. */
    public Document toDocument(Letter letter, Function<Signer, String> signerKey, FamilyFields family) {
        Document doc = new Document();
        if (family != null) {
            doc.add(new StringField(FAMILY_ID, family.id(), Field.Store.YES));
            doc.add(new NumericDocValuesField(FAMILY_KEY, familyKey(family.id())));
            doc.add(new StringField(FAMILY_RELATION, family.relation(), Field.Store.YES));
            doc.add(new StoredField(FAMILY_LINK, family.link()));
            if (family.member()) doc.add(new StringField(FAMILY_MEMBER, "1", Field.Store.NO));
            family.nearKeys().forEach(k -> doc.add(new StringField(FAMILY_NEAR, familyKeyTerm(k), Field.Store.NO)));
            family.translationKeys().forEach(k -> doc.add(new StringField(FAMILY_TRANSLATION, familyKeyTerm(k), Field.Store.NO)));
            family.kinds().forEach(k -> doc.add(new SortedSetDocValuesFacetField(F_FAMILY, k)));
            addValueSet(doc, F_FAMILY, new LinkedHashSet<>(family.kinds()));
            doc.add(new BinaryDocValuesField(FAMILY_CARD,
                    new FamilyCard(letter.id(), family.id(), letter.language(), letter.date(), family.shape()).bytes()));
        }
        doc.add(new StringField(ID, letter.id(), Field.Store.YES));
        doc.add(new StoredField(SUMMARY, summary(letter)));
        if (letter.title() != null) {
            doc.add(new Field(TITLE, letter.title(), TEXT_WITH_OFFSETS));
            doc.add(new Field(TITLE_STEM, letter.title(), STEM));
        }
        doc.add(new Field(TEXT, letter.text(), TEXT_WITH_OFFSETS));
        doc.add(new Field(TEXT_STEM, letter.text(), STEM));

        if (letter.date() != null) {
            long epochDay = letter.date().toEpochDay();
            doc.add(new LongPoint(DATE, epochDay));
            doc.add(new NumericDocValuesField(DATE, epochDay));
        }
        doc.add(new IntPoint(SIGNER_COUNT, letter.signerCount()));
        doc.add(new NumericDocValuesField(SIGNER_COUNT, letter.signerCount()));

        Set<String> signerKeys = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Signer s : letter.signers()) {
            doc.add(new TextField(SIGNER_TEXT, s.name(), Field.Store.NO));
            doc.add(new StoredField(SIGNER_NAMES, s.name()));
            if (s.acronym() != null) doc.add(new TextField(SIGNER_TEXT, s.acronym(), Field.Store.NO));
            if (s.affiliation() != null) doc.add(new TextField(SIGNER_TEXT, s.affiliation(), Field.Store.NO));
            kinds.add(s.kind().name());
            String key = signerKey.apply(s);
            if (key != null && !key.isBlank()) {
                signerKeys.add(key);
                orgDetails(doc, key, s);
            }
        }
        signerKeys.forEach(k -> doc.add(new SortedSetDocValuesFacetField(F_SIGNER, k)));
        kinds.forEach(k -> doc.add(new SortedSetDocValuesFacetField(F_SIGNER_KIND, k)));
        addValueSet(doc, F_SIGNER_KIND, kinds);

        Set<String> recipients = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Recipient r : letter.recipients()) {
            doc.add(new TextField(RECIPIENT_TEXT, String.join(" ", nonNull(r.name(), r.role(), r.organization())), Field.Store.NO));
            if (r.label() != null && !r.label().isBlank()) recipients.add(r.label().strip());
            if (r.role() != null && !r.role().isBlank()) roles.add(r.role().strip());
        }
        recipients.forEach(v -> doc.add(new SortedSetDocValuesFacetField(F_RECIPIENT, v)));
        roles.forEach(v -> doc.add(new SortedSetDocValuesFacetField(F_RECIPIENT_ROLE, v)));
        addValueSet(doc, F_RECIPIENT_ROLE, roles);

        if (letter.date() != null) {
            doc.add(new SortedSetDocValuesFacetField(F_YEAR, yearOf(letter.date())));
            doc.add(new SortedSetDocValuesFacetField(F_MONTH, yearOf(letter.date()) + "-" + String.format("%02d", letter.date().getMonthValue())));
        }
        if (letter.language() != null) doc.add(new SortedSetDocValuesFacetField(F_LANGUAGE, letter.language()));
        if (letter.format() != null) doc.add(new SortedSetDocValuesFacetField(F_FORMAT, letter.format()));
        doc.add(new SortedSetDocValuesFacetField(F_SIGNER_RANGE, signerRange(letter.signerCount())));
        if (letter.needsReview()) {
            doc.add(new StringField(REVIEW, "yes", Field.Store.NO));
            doc.add(new org.apache.lucene.document.DoubleDocValuesField(REVIEW_LEAST, leastConfidence(letter.assessment())));
            try {
                doc.add(new StoredField(ASSESSMENT, Json.mapper().writeValueAsBytes(letter.assessment())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an assessment is plain data", e);
            }
        }
        return doc;
    }

    /** The least of an assessment's confidences: title, date, and those of recipients and signers where there are any. */
    public static double leastConfidence(org.letterarchive.letter.Assessment a) {
        double least = Math.min(a.title(), a.date());
        if (a.recipients() != null) least = Math.min(least, a.recipients());
        if (a.signers() != null) least = Math.min(least, a.signers());
        return least;
    }

    private static void orgDetails(Document doc, String key, Signer s) {
        if (s.isOrganization()) {
            orgDetail(doc, "n", key, s.name());
            orgDetail(doc, "a", key, s.acronym());
            orgDetail(doc, "l", key, s.location());
        } else {
            orgDetail(doc, "n", key, s.affiliation());
            orgDetail(doc, "p", key, s.name());
        }
    }

    private static void orgDetail(Document doc, String kind, String key, String value) {
        if (value == null || value.isBlank()) return;
        String v = value.strip();
        if (v.length() > 300) v = v.substring(0, 300);
        doc.add(new org.apache.lucene.document.SortedSetDocValuesField(ORG_DETAIL,
                new BytesRef(kind + '\u001F' + key + '\u001F' + v)));
    }

    /** Number of signer names kept in a hit's summary. */
    public static final int TOP_SIGNERS = 5;

    /** What a hit shows without reading the corpus, stored as JSON with the document. */
    public record Summary(String id, String title, String date, String language, String format,
                          List<Map<String, Object>> recipients, int signerCount, List<String> topSigners) {}

    public static byte[] summary(Letter l) {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (Recipient r : l.recipients()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("role", r.role());
            if (r.cc()) m.put("cc", true);
            recipients.add(m);
        }
        List<String> top = l.signers().stream().limit(TOP_SIGNERS).map(Signer::name).toList();
        Summary s = new Summary(l.id(), l.title(), l.date() == null ? null : l.date().toString(), l.language(),
                l.format(), recipients, l.signerCount(), top);
        try {
            return Json.mapper().writeValueAsBytes(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary is plain data", e);
        }
    }

    public static Summary readSummary(BytesRef bytes) throws IOException {
        return Json.mapper().readValue(bytes.bytes, bytes.offset, bytes.length, Summary.class);
    }

    /** The summary of a letter's document, read alone of its stored fields. */
    public static Summary summaryOf(StoredFields stored, int doc) throws IOException {
        return readSummary(stored.document(doc, SUMMARY_ONLY).getBinaryValue(SUMMARY));
    }

    private static final Set<String> SUMMARY_ONLY = Set.of(SUMMARY);

    /** The collapse key of a family id. */
    public static long familyKey(String familyId) {
        long h = 1125899906842597L;
        for (int i = 0; i < familyId.length(); i++) h = 31 * h + familyId.charAt(i);
        return h;
    }

    public static String yearOf(LocalDate date) {
        return String.format("%04d", date.getYear());
    }

    /** The bucket of a signer count: 0, 1, 2–10, 11–50, 51+. */
    public static String signerRange(int count) {
        if (count <= 0) return "0";
        if (count == 1) return "1";
        if (count <= 10) return "2-10";
        if (count <= 50) return "11-50";
        return "51+";
    }

    private static String[] nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }
}
