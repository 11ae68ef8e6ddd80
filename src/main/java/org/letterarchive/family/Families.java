package org.letterarchive.family;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;

/**
 * Letter families: re-sends, versions, translations and campaign copies of one letter, found when a letter
 * is indexed and kept in the index (each letter's family id, its relation to the family's earliest letter,
 * and the family's kinds). Curators' splits and joins are kept in the corpus ({@value #CORRECTIONS}) and
 * applied again whenever the families are rebuilt.
 *
 * <p>Detection: the letter's body MinHash band keys and its signer-set keys (with its period of weeks) are looked up in
 * the index (a near-real-time reader of the writer, refreshed when the writer has written out its letters, plus the
 * letters admitted since); each candidate is confirmed on the shingles themselves ({@link Rules}).
 *
 * <p>Detection and the family state are read and changed under this object's monitor. The store takes a letter's
 * fingerprint and {@link #read reads} the indexed letters it will be compared with before detection, and indexes
 * the letters after it, outside the monitor.
 */
public final class Families {

    public static final String CORRECTIONS = "family-corrections.json";
    static final int MIN_SHINGLES = 12;
    /** Letters pending from which detection's reader is refreshed once the writer has written most of them out. */
    static final int REFRESH_EVERY = 2000;
    /** Letters pending from which detection's reader is refreshed however many the writer still holds. */
    static final int REFRESH_AT_MOST = 10_000;
    static final int MAX_CANDIDATES = 8;
    /** Candidates taken of one family in a look-up: a campaign of hundreds is one candidate family. */
    static final int PER_FAMILY = 2;

    /** How a member is tied to its family's earliest letter, as detection found it. */
    public enum Link { earliest, same, version, translation, copy }

    /** One family of two or more letters. */
    static final class Family {
        String root;
        final Map<String, Member> members = new LinkedHashMap<>();
        List<String> kinds = List.of();
        boolean campaign;
        /** Members linked as copies. */
        int copies;
    }

    /** A family member as detection keeps it in memory; its language code is shared (a few codes, many members). */
    record Member(String id, LocalDate date, String language, Link link) {
        Member {
            if (language != null) language = language.intern();
        }
    }

    /** Letters by date, undated last: a family's earliest letter is the first by date, then by id. */
    private static final Comparator<LocalDate> BY_DATE = Comparator.nullsLast(Comparator.naturalOrder());

    /** Curators' corrections: letters split out of their family, and pairs joined into one. */
    public record Corrections(List<String> split, List<List<String>> join) {
        public Corrections {
            split = split == null ? new ArrayList<>() : new ArrayList<>(split);
            join = join == null ? new ArrayList<>() : new ArrayList<>(join);
        }
    }

    private final LetterIndex index;
    private final Function<String, Optional<Letter>> letters;
    private final Path correctionsFile;
    private final Map<String, String> familyOf = new HashMap<>();
    private final Map<String, Family> families = new HashMap<>();
    private final Pending pending = new Pending();
    /** Letters admitted whose indexing has not finished (see {@link #indexed}). */
    private final Set<String> indexing = new HashSet<>();
    private final Map<String, Fingerprint> rootCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> e) {
            return size() > 256;
        }
    };
    /**
     * Fingerprints of letters seen lately (admitted before the last refresh, or read as candidates): a letter's
     * family is mostly found among letters shortly before it, so they are not read and fingerprinted again.
     */
    private final Map<String, Fingerprint> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> e) {
            return size() > RECENT;
        }
    };
    static final int RECENT = 2048;
    private Corrections corrections;
    private final AtomicLong detections = new AtomicLong();
    private final AtomicLong detectionNanos = new AtomicLong();
    private final AtomicLong readNanos = new AtomicLong();
    /** Letters indexed again because their family's fields changed when another letter was admitted. */
    private final AtomicLong membersChanged = new AtomicLong();
    /** Each thread's look-up buffers. */
    private final ThreadLocal<DocCounts> counts = ThreadLocal.withInitial(DocCounts::new);
    private long refreshes;

    public Families(LetterIndex index, Corpus corpus, Function<String, Optional<Letter>> letters) throws IOException {
        this.index = index;
        this.letters = letters;
        this.correctionsFile = corpus.root().resolve(CORRECTIONS);
        this.corrections = Files.exists(correctionsFile)
                ? Json.mapper().readValue(correctionsFile.toFile(), Corrections.class) : new Corrections(null, null);
        load();
    }

    // ---------- reading ----------

    /** The family id of a letter: its family's earliest letter (itself when alone). */
    public synchronized String familyOf(String id) {
        return familyOf.getOrDefault(id, id);
    }

    /** The members of a letter's family, its earliest letter first, then by date and id; the letter alone when it has none. */
    public synchronized List<String> members(String id) {
        Family f = families.get(familyOf(id));
        if (f == null) return List.of(id);
        List<Member> rest = new ArrayList<>();
        for (Member m : f.members.values()) if (!m.id().equals(f.root)) rest.add(m);
        rest.sort(Comparator.comparing(Member::date, BY_DATE).thenComparing(Member::id));
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(f.root);
        for (Member m : rest) out.add(m.id());
        return out;
    }

    /** A member's relation to its family's earliest letter: earliest, same, version, translation, campaign copy. */
    public synchronized String relation(String id) {
        Family f = families.get(familyOf(id));
        if (f == null) return Link.earliest.name();
        return display(f, f.members.get(id).link());
    }

    public synchronized boolean isCampaign(String id) {
        Family f = families.get(familyOf(id));
        return f != null && f.campaign;
    }

    public synchronized List<String> kinds(String id) {
        Family f = families.get(familyOf(id));
        return f == null ? List.of("single") : f.kinds;
    }

    public Corrections corrections() {
        return corrections;
    }

    /** Letters whose family was detected, and the mean detection time per letter in milliseconds. */
    public double meanDetectionMillis() {
        long n = detections.get();
        return n == 0 ? 0 : detectionNanos.get() / 1e6 / n;
    }

    /** The mean time per letter of detection's look-ups before its lock ({@link #read}), in milliseconds. */
    public double meanReadMillis() {
        long n = detections.get();
        return n == 0 ? 0 : readNanos.get() / 1e6 / n;
    }

    public long detections() {
        return detections.get();
    }

    /** Letters to be indexed again because a letter admitted changed their family's fields. */
    public long membersChanged() {
        return membersChanged.get();
    }

    /** Times detection's reader was refreshed to see the letters pending. */
    public synchronized long refreshes() {
        return refreshes;
    }

    /** Number of families of two or more letters. */
    public synchronized int familyCount() {
        return families.size();
    }

    /** The index fields of a letter's family. */
    public IndexSchema.FamilyFields fields(Letter l) {
        Fingerprint fp = pendingPrint(l.id());
        if (fp == null) { // a letter indexed again: its fingerprint is taken outside the lock
            fp = Fingerprint.of(l);
            synchronized (this) {
                recent.put(l.id(), fp);
                rootCache.replace(l.id(), fp);
            }
        }
        List<Long> trans = translationTerms(fp);
        synchronized (this) {
            String family = familyOf(l.id());
            Family f = families.get(family);
            return new IndexSchema.FamilyFields(family, relation(l.id()), f == null ? Link.earliest.name() : f.members.get(l.id()).link().name(),
                    f != null, kinds(l.id()), fp.nearKeys(), trans, fp.shape());
        }
    }

    private synchronized Fingerprint pendingPrint(String id) {
        return pending.get(id);
    }

    public synchronized Fingerprint fingerprint(String id) {
        Fingerprint fp = pending.get(id);
        if (fp != null) return fp;
        return letters.apply(id).map(Fingerprint::of).orElse(null);
    }

    // ---------- detection ----------

    /**
     * Finds the family of a letter about to be indexed, and joins it. Returns the other letters whose family
     * fields changed (to be indexed again). The letter's fingerprint ({@link Fingerprint#keyed(Letter)}) is taken
     * beforehand, outside this object's lock; the caller says {@link #indexed} once it has indexed the letter.
     */
    public synchronized Set<String> admit(Letter l, Fingerprint fp, Prefetch read) throws IOException {
        long t0 = System.nanoTime();
        try {
            if (familyOf.containsKey(l.id())) remove(l.id());
            if (refreshDue()) refresh();
            Linking linking = new Linking(fp, this::familyOf, id -> corrections.split().contains(id), read.verdicts());
            if (!corrections.split().contains(l.id())) candidates(fp, read, linking);
            Set<String> linked = linking.linked;
            indexing.add(l.id());
            recent.remove(l.id());
            Set<String> changed = Set.of();
            if (!linked.isEmpty() && !(linked.size() == 1 && joined(families.get(linked.iterator().next()), fp))) {
                Set<String> members = new LinkedHashSet<>();
                members.add(l.id());
                for (String fam : linked) members.addAll(members(fam));
                changed = regroup(members, Map.of(l.id(), fp));
                membersChanged.addAndGet(changed.size());
            }
            // pending under the family it has joined, which bounds how many of that family each key holds
            pend(fp);
            return changed;
        } finally {
            detections.incrementAndGet();
            detectionNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /**
     * Compares a letter with the letters that may be of its family: near-duplicate candidates sharing at least
     * {@value #MIN_BANDS} body bands, then translation candidates sharing a signer key in a period around its own;
     * most shared keys first, a few of each family (a campaign of hundreds is one candidate family), none of a
     * family it is already linked to.
     */
    private void candidates(Fingerprint fp, Prefetch read, Linking linking) throws IOException {
        Set<String> seen = new HashSet<>();
        for (Lookup q : lookups(fp)) lookup(fp, q, read, linking, seen);
    }

    /**
     * The families a letter is linked to, found candidate by candidate: once a candidate links, the other letters of
     * its family are passed over (neither read nor compared), as they could link the letter to no other family.
     */
    static final class Linking {
        private final Fingerprint fp;
        private final Function<String, String> familyOf;
        private final Predicate<String> ignored;
        final Set<String> linked = new LinkedHashSet<>();
        final Verdicts verdicts;

        /**
         * What the rules said of the candidates, so that each is asked once (before detection's lock and under it):
         * whether each fingerprint compared is of the letter's family, and whether each candidate's card leaves
         * them a chance ({@link Rules#mayLink}); by the objects asked of, not their ids.
         */
        record Verdicts(Map<Fingerprint, Boolean> compared, Map<IndexedCandidate, Boolean> cards) {
            static Verdicts none() {
                return new Verdicts(new IdentityHashMap<>(), new IdentityHashMap<>());
            }

            Verdicts copy() {
                return new Verdicts(new IdentityHashMap<>(compared), new IdentityHashMap<>(cards));
            }
        }

        /**
         * {@code familyOf} gives a letter's family; letters {@code ignored} are compared with nothing; {@code before}
         * holds what the rules said before.
         */
        Linking(Fingerprint fp, Function<String, String> familyOf, Predicate<String> ignored, Verdicts before) {
            this.fp = fp;
            this.familyOf = familyOf;
            this.ignored = ignored;
            this.verdicts = before.copy();
        }

        /** Whether a candidate's card leaves the rules a chance to tie it to the letter. */
        boolean mayLink(IndexedCandidate d, boolean otherLanguage) {
            return verdicts.cards().computeIfAbsent(d, x -> Rules.mayLink(fp, x.card(), otherLanguage));
        }

        /** Whether this letter's family is already linked: there is nothing to compare it for. */
        boolean linked(String id) {
            return linked.contains(familyOf.apply(id));
        }

        /** Compares the letter with a candidate, and links the candidate's family when they are of one. */
        void compare(Fingerprint c) {
            if (ignored.test(c.id) || linked(c.id)) return;
            if (verdicts.compared().computeIfAbsent(c, x -> Rules.link(fp, x) != null)) linked.add(familyOf.apply(c.id));
        }
    }

    /**
     * The letter's look-ups, in order: near-duplicate candidates sharing at least {@value #MIN_BANDS} body bands;
     * signer keys (versions whose text changed too much for the body bands, and translations); anchor keys of
     * letters in another language.
     */
    private static List<Lookup> lookups(Fingerprint fp) {
        List<Long> trans = new ArrayList<>();
        for (int shift = -1; shift <= 1; shift++) trans.addAll(fp.translationKeys(shift));
        List<Long> anchors = new ArrayList<>();
        for (int shift = -1; shift <= 1; shift++) anchors.addAll(fp.anchorKeys(shift));
        return List.of(new Lookup(fp.nearKeys(), IndexSchema.FAMILY_NEAR, MIN_BANDS, false),
                new Lookup(trans, IndexSchema.FAMILY_TRANSLATION, 1, false),
                new Lookup(anchors, IndexSchema.FAMILY_TRANSLATION, MIN_ANCHOR_KEYS, true));
    }

    /** Letters sharing at least {@code minHits} of these keys; with {@code otherLanguage}, only letters in another language. */
    record Lookup(List<Long> keys, String field, int minHits, boolean otherLanguage) {
        boolean applies(Fingerprint fp) {
            return !keys.isEmpty() && !(otherLanguage && fp.language == null);
        }

        /**
         * The live documents holding at least {@code minHits} of the keys (each key counted as often as it is
         * listed), most keys first, then in index order; at most {@code limit}. Each key counts at most the first
         * {@code perKey} live documents holding it in each segment (the earliest indexed there). With {@code
         * otherLanguage}, letters in the fingerprint's language are passed over. Each segment's terms are walked
         * once with one enum, as a letter's keys are mostly in no segment at all (a query per key would weigh every
         * key in every segment). Counted in {@code counts}' buffers, kept for the next look-up.
         */
        List<Integer> find(IndexReader reader, Fingerprint fp, int limit, int perKey, DocCounts counts) throws IOException {
            BytesRef[] terms = new BytesRef[keys.size()];
            for (int i = 0; i < terms.length; i++) terms[i] = IndexSchema.familyKeyTerm(keys.get(i));
            // each letter found, packed as (the keys it lacks of the most there can be, its document): sorted, most
            // keys first, then in index order
            long[] found = counts.found;
            int nFound = 0;
            int[] docs = counts.postings;
            counts.readerIs(reader);
            counts.counted = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                TermsEnum te = counts.termsEnum(leaf, field);
                if (te == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum postings = null;
                // every posting of every key, one entry each
                int n = 0;
                for (BytesRef t : terms) {
                    if (!te.seekExact(t)) continue;
                    postings = te.postings(postings, PostingsEnum.NONE);
                    int counted = 0;
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && counted < perKey; d = postings.nextDoc()) {
                        if (live != null && !live.get(d)) continue;
                        if (n == docs.length) docs = Arrays.copyOf(docs, n * 2);
                        docs[n++] = d;
                        counted++;
                    }
                }
                counts.postings = docs;
                counts.counted += n;
                if (n < minHits) continue;
                // each document's number of keys, counted in a hash table (a campaign's keys have hundreds of
                // postings each: counting is linear where sorting them was not); then those with enough, in order
                int held = counts.count(docs, n, minHits);
                Arrays.sort(counts.docs, 0, held);
                PostingsEnum sameLanguage = null; // the letters in the fingerprint's language, once sought
                boolean languageSought = false;
                for (int i = 0; i < held; i++) {
                    int d = counts.docs[i];
                    if (otherLanguage) {
                        if (!languageSought) {
                            languageSought = true;
                            if (te.seekExact(IndexSchema.familyKeyTerm(languageKey(fp.language)))) sameLanguage = te.postings(null, PostingsEnum.NONE);
                        }
                        if (sameLanguage != null && sameLanguage.docID() < d) sameLanguage.advance(d);
                        if (sameLanguage != null && sameLanguage.docID() == d) continue;
                    }
                    if (nFound == found.length) counts.found = found = Arrays.copyOf(found, nFound * 2);
                    found[nFound++] = (long) (Integer.MAX_VALUE - counts.keysOf(d)) << 32 | (leaf.docBase + d);
                }
            }
            Arrays.sort(found, 0, nFound);
            List<Integer> out = new ArrayList<>(Math.min(limit, nFound));
            for (int i = 0; i < nFound && i < limit; i++) out.add((int) found[i]);
            return out;
        }
    }

    /**
     * What detection reads of the index for a letter, read before its lock: each look-up's indexed letters, for
     * the reader they were found in, the fingerprints of those it will likely compare the letter with, and what the
     * rules said of those it asked them of.
     */
    public record Prefetch(IndexReader reader, Map<Lookup, List<IndexedCandidate>> found, Map<String, Fingerprint> prints,
                           Linking.Verdicts verdicts) {
        /** The letters a look-up found, when the index is read by the reader they were found in. */
        List<IndexedCandidate> found(IndexSearcher s, Lookup q) {
            return reader == s.getIndexReader() ? found.get(q) : null;
        }
    }

    /**
     * Reads and fingerprints, before detection's lock, the indexed letters that detection will likely compare
     * this letter with (the costly part of detection: the index searched with the letter's keys, and the
     * candidates' text read and folded), for {@link #admit}. Letters detection already holds a fingerprint of
     * are passed over.
     */
    public Prefetch read(Fingerprint fp) throws IOException {
        long t0 = System.nanoTime();
        try {
            return prefetch(fp);
        } finally {
            readNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    private Prefetch prefetch(Fingerprint fp) throws IOException {
        Map<String, Fingerprint> read = new HashMap<>();
        Map<Lookup, List<IndexedCandidate>> found = new HashMap<>();
        // families as the index's cards give them: the lock's own may have changed since, so this only spares reads
        Map<String, String> cardFamily = new HashMap<>();
        Linking linking = new Linking(fp, id -> cardFamily.getOrDefault(id, id), id -> false, Linking.Verdicts.none());
        IndexSearcher s = index.acquireLatest();
        try {
            for (Lookup q : lookups(fp)) {
                if (!q.applies(fp)) continue;
                List<IndexedCandidate> top = top(s, q, fp);
                found.put(q, top);
                for (IndexedCandidate d : top) cardFamily.put(d.id(), d.family());
                Map<String, Fingerprint> known = known(top);
                take(fp, q, top, 0, new HashMap<>(), id -> false, linking, d -> {
                    Fingerprint c = known.containsKey(d.id()) ? known.get(d.id()) : read.get(d.id());
                    if (c == null) {
                        c = d.read(s);
                        read.put(d.id(), c);
                    }
                    return c;
                });
            }
            return new Prefetch(s.getIndexReader(), found, read, linking.verdicts);
        } finally {
            index.releaseLatest(s);
        }
    }

    /** The fingerprints detection holds of these letters (pending or seen lately). */
    private synchronized Map<String, Fingerprint> known(List<IndexedCandidate> candidates) {
        Map<String, Fingerprint> out = new HashMap<>();
        for (IndexedCandidate d : candidates) {
            Fingerprint fp = pending.get(d.id());
            if (fp == null && recent.containsKey(d.id())) fp = recent.get(d.id());
            if (fp != null) out.put(d.id(), fp);
        }
        return out;
    }

    /** An indexed letter a look-up found: its document, and its {@link IndexSchema.FamilyCard card}. */
    record IndexedCandidate(int doc, IndexSchema.FamilyCard card) {
        String id() {
            return card.id();
        }

        String family() {
            return card.family();
        }

        /** Its fingerprint, from its text and signers in the index. */
        Fingerprint read(IndexSearcher s) throws IOException {
            Document d = s.storedFields().document(doc, Set.of(IndexSchema.TEXT, IndexSchema.SIGNER_NAMES));
            return Fingerprint.of(card.id(), d.get(IndexSchema.TEXT), List.of(d.getValues(IndexSchema.SIGNER_NAMES)),
                    card.language(), card.date());
        }
    }

    /**
     * The indexed letters a look-up finds, most shared keys first, with their cards (read from doc values). A key
     * counts no more letters of a segment than the look-up returns (the earliest indexed): a campaign's copies hold
     * the same keys, and each copy would otherwise walk the postings of all the copies before it, though only the
     * earliest are returned. Not so for a look-up in other languages, whose letters in the letter's own language
     * are passed over after counting.
     */
    private List<IndexedCandidate> top(IndexSearcher s, Lookup q, Fingerprint fp) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        List<IndexedCandidate> out = new ArrayList<>();
        int limit = MAX_CANDIDATES * 4;
        for (int d : q.find(s.getIndexReader(), fp, limit, q.otherLanguage() ? Integer.MAX_VALUE : limit, counts.get())) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d, leaves));
            BinaryDocValues cards = leaf.reader().getBinaryDocValues(IndexSchema.FAMILY_CARD);
            if (cards == null || !cards.advanceExact(d - leaf.docBase)) {
                throw new IllegalStateException("letter document " + d + " has no family card");
            }
            out.add(new IndexedCandidate(d, IndexSchema.FamilyCard.read(cards.binaryValue())));
        }
        return out;
    }

    /** A candidate's fingerprint. */
    private interface CandidatePrint {
        Fingerprint of(IndexedCandidate d) throws IOException;
    }

    /**
     * Takes, from a look-up's indexed letters in order, those a letter is compared with, and compares them: up to
     * {@value #MAX_CANDIDATES} taken in all, two of a family, none passed over, none whose language and date rule it
     * out. Returns the number taken.
     */
    private static int take(Fingerprint fp, Lookup q, List<IndexedCandidate> found, int taken, Map<String, Integer> perFamily,
                            Predicate<String> passOver, Linking linking, CandidatePrint print)
            throws IOException {
        for (IndexedCandidate d : found) {
            if (taken >= MAX_CANDIDATES) break;
            if (d.id().equals(fp.id) || passOver.test(d.id()) || perFamily.getOrDefault(d.family(), 0) >= PER_FAMILY) continue;
            IndexSchema.FamilyCard card = d.card();
            if (!Rules.couldLink(fp, card.language(), card.date(), q.otherLanguage())) continue;
            perFamily.merge(d.family(), 1, Integer::sum);
            taken++;
            // taken, but neither read nor compared when nothing can come of it: its family is linked already, or its
            // card rules it out
            if (linking.linked(d.id()) || !linking.mayLink(d, q.otherLanguage())) continue;
            linking.compare(print.of(d));
        }
        return taken;
    }

    /** Anchor keys shared from which a letter in another language is a translation candidate. */
    static final int MIN_ANCHOR_KEYS = 2;

    /** The key a letter indexes its language under, with its translation keys. */
    static long languageKey(String language) {
        return Fingerprint.mix(language.hashCode() ^ LANGUAGE_SEED);
    }

    private static final long LANGUAGE_SEED = 0xBB67AE8584CAA73BL;

    /**
     * What a letter indexes for translation lookups: its signer-set keys and anchor keys (with its period of weeks), and its
     * language, so that a lookup passes over letters in the same language.
     */
    private static List<Long> translationTerms(Fingerprint fp) {
        List<Long> keys = new ArrayList<>(fp.translationKeys(0));
        keys.addAll(fp.anchorKeys(0));
        if (fp.language != null) keys.add(languageKey(fp.language));
        return keys;
    }

    static final int MIN_BANDS = 2;

    /**
     * Candidates of one look-up: first among letters admitted since the last refresh, then in the index; the
     * fingerprints {@link #read} before the lock are used for letters detection holds none of.
     */
    private void lookup(Fingerprint fp, Lookup q, Prefetch read, Linking linking, Set<String> seen)
            throws IOException {
        if (!q.applies(fp)) return;
        Map<String, Integer> perFamily = new HashMap<>();
        int taken = 0;
        for (String id : pending.find(q.keys(), q.minHits())) {
            if (taken >= MAX_CANDIDATES) break;
            if (id.equals(fp.id) || !seen.add(id)) continue;
            // two of a family at most: the other copies of a campaign pending are passed over before anything is read
            String family = familyOf(id);
            if (perFamily.getOrDefault(family, 0) >= PER_FAMILY) continue;
            Fingerprint c = pending.get(id);
            if (!Rules.couldLink(fp, c.language, c.date, q.otherLanguage())) continue;
            perFamily.merge(family, 1, Integer::sum);
            linking.compare(c);
            taken++;
        }
        if (taken >= MAX_CANDIDATES) return;
        IndexSearcher s = index.acquireLatest();
        try {
            List<IndexedCandidate> found = read.found(s, q);
            take(fp, q, found != null ? found : top(s, q, fp), taken, perFamily, id -> pending.contains(id) || !seen.add(id), linking, d -> {
                Fingerprint c = recent.get(d.id());
                if (c != null) return c;
                c = read.prints().get(d.id());
                if (c == null) c = d.read(s);
                recent.put(d.id(), c);
                return c;
            });
        } finally {
            index.releaseLatest(s);
        }
    }

    /**
     * Documents of one segment counted by how many of a letter's keys they hold, in an open-addressing table; and the
     * look-up's other buffers. Kept from one look-up to the next (one per thread): a campaign's keys have thousands of
     * postings, and buffers made anew for each letter were most of what detection allocated. The table is its own,
     * not a library's map: each count uses and clears only as much of it as its postings need, where a map's clear
     * wipes all it ever grew to, and a letter's look-ups count in every segment.
     */
    static final class DocCounts {
        /**
         * Each segment's terms enums of the look-up fields, kept while the segment is in the reader looked up in:
         * making an enum was a tenth of a look-up's time, in every segment holding any of a letter's keys.
         */
        private final Map<LeafReader, Map<String, TermsEnum>> enums = new IdentityHashMap<>();
        private IndexReader reader;
        int[] postings = new int[64];
        long[] found = new long[16];
        private int[] slots = new int[0]; // a document + 1; 0: empty
        private int[] hits = new int[0];
        /** After {@link #count}, the documents holding enough keys (unordered). */
        int[] docs = new int[16];
        /** The postings the last look-up counted, in all segments. */
        long counted;

        /** Looks up in this reader next: the enums of segments no longer in it are dropped. */
        void readerIs(IndexReader r) {
            if (r == reader) return;
            reader = r;
            Set<LeafReader> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (LeafReaderContext leaf : r.leaves()) current.add(leaf.reader());
            enums.keySet().retainAll(current);
        }

        /** A segment's terms enum of a field (positioned anywhere), or null when the segment has no such field. */
        TermsEnum termsEnum(LeafReaderContext leaf, String field) throws IOException {
            Map<String, TermsEnum> byField = enums.computeIfAbsent(leaf.reader(), x -> new HashMap<>(4));
            TermsEnum te = byField.get(field);
            if (te == null && !byField.containsKey(field)) {
                Terms indexed = leaf.reader().terms(field);
                te = indexed == null ? null : indexed.iterator();
                byField.put(field, te);
            }
            return te;
        }

        /** Counts each document's postings; returns how many documents hold at least {@code minHits}, in {@link #docs}. */
        int count(int[] postings, int n, int minHits) {
            int capacity = Integer.highestOneBit(Math.max(8, n) * 2 - 1) << 1;
            if (slots.length < capacity) {
                slots = new int[capacity];
                hits = new int[capacity];
            } else {
                Arrays.fill(slots, 0, capacity, 0);
            }
            mask = capacity - 1;
            shift = Integer.numberOfLeadingZeros(capacity) + 1;
            int held = 0;
            for (int i = 0; i < n; i++) {
                int d = postings[i];
                int at = slot(d);
                if (slots[at] == 0) {
                    slots[at] = d + 1;
                    hits[at] = 0;
                }
                if (++hits[at] == minHits) {
                    if (held == docs.length) docs = Arrays.copyOf(docs, held * 2);
                    docs[held++] = d;
                }
            }
            return held;
        }

        /** The number of keys a document counted holds. */
        int keysOf(int doc) {
            return hits[slot(doc)];
        }

        private int mask;
        private int shift;

        private int slot(int doc) {
            int at = (doc * 0x9E3779B9) >>> shift;
            while (slots[at] != 0 && slots[at] != doc + 1) at = (at + 1) & mask;
            return at;
        }
    }

    /** A letter admitted but not yet indexed, found by its keys until the detection's reader holds it. */
    private void pend(Fingerprint fp) {
        List<Long> keys = new ArrayList<>(fp.nearKeys());
        keys.addAll(translationTerms(fp));
        pending.add(fp, keys, familyOf(fp.id));
    }

    /**
     * The letters admitted since detection's reader was last refreshed, with their keys: each key's letters by their
     * number (the order they were first added in), so that a look-up counts keys in an array, not a map of ids (a
     * campaign's copies pending share most of their keys).
     *
     * <p>Each key holds at most {@value #PER_FAMILY} letters of one family (the family a letter joined when it was
     * admitted), the first added: a look-up takes no more of a family, and without the bound every copy of a
     * campaign pending walked the keys of all the copies before it.
     */
    static final class Pending {
        private final Map<String, Fingerprint> prints = new LinkedHashMap<>();
        private final KeyPostings byKey = new KeyPostings();
        /** How many letters of a family each key holds, by the key mixed with the family. */
        private final LongIntHashMap ofFamily = new LongIntHashMap();
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> number = new HashMap<>();
        /** Each letter's count of keys during a look-up, by its number: zero between look-ups. */
        private int[] hits = new int[0];
        private final IntArrayList touched = new IntArrayList();

        Fingerprint get(String id) {
            return prints.get(id);
        }

        boolean contains(String id) {
            return prints.containsKey(id);
        }

        int size() {
            return prints.size();
        }

        Collection<Fingerprint> prints() {
            return prints.values();
        }

        /** Adds a letter of this family (its family id) with its keys. */
        void add(Fingerprint fp, List<Long> keys, String family) {
            prints.put(fp.id, fp);
            int n = number.computeIfAbsent(fp.id, id -> {
                ids.add(id);
                return ids.size() - 1;
            });
            long of = Fingerprint.hash(family);
            for (long k : keys) if (ofFamily.addTo(Fingerprint.mix(k ^ of), 1) <= PER_FAMILY) byKey.add(k, n);
        }

        void clear() {
            prints.clear();
            ofFamily.clear();
            byKey.clear();
            ids.clear();
            number.clear();
        }

        /**
         * The letters holding at least {@code minHits} of these keys (each counted as often as listed), most keys
         * first, then in the order they were admitted (as the index's look-ups give its letters).
         */
        List<String> find(List<Long> keys, int minHits) {
            if (hits.length < ids.size()) hits = new int[Math.max(ids.size(), 2 * hits.length)];
            touched.clear();
            for (long k : keys) {
                for (int e = byKey.first(k); e != 0; e = byKey.next(e)) {
                    int letter = byKey.letter(e);
                    if (hits[letter]++ == 0) touched.add(letter);
                }
            }
            // each letter found as (the keys it lacks of the most there can be, its number): sorted, in order
            long[] found = new long[touched.size()];
            int n = 0;
            for (int i = 0; i < touched.size(); i++) {
                int letter = touched.get(i);
                if (hits[letter] >= minHits) found[n++] = (long) (Integer.MAX_VALUE - hits[letter]) << 32 | letter;
                hits[letter] = 0;
            }
            Arrays.sort(found, 0, n);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(ids.get((int) found[i]));
            return out;
        }
    }

    /**
     * The pending letters' numbers by key: each key's latest entry in a primitive map, each entry a letter's number
     * and the key's entry before it, in two int lists. Without a boxed key, a map entry and a list per key, a
     * look-up's tens of keys are a few array reads each (the pending letters hold hundreds of thousands of keys).
     */
    private static final class KeyPostings {
        /** Each key's latest entry; entries are numbered from 1 (0: none). */
        private final LongIntHashMap heads = new LongIntHashMap();
        private final IntArrayList letters = new IntArrayList();
        private final IntArrayList nexts = new IntArrayList();

        KeyPostings() {
            clear();
        }

        void add(long key, int letter) {
            letters.add(letter);
            nexts.add(heads.get(key));
            heads.put(key, letters.size() - 1);
        }

        /** The key's first entry, 0 when it has none. */
        int first(long key) {
            return heads.get(key);
        }

        int next(int entry) {
            return nexts.get(entry);
        }

        int letter(int entry) {
            return letters.get(entry);
        }

        void clear() {
            heads.clear();
            letters.clear();
            nexts.clear();
            // entry 0 stands for none
            letters.add(-1);
            nexts.add(0);
        }
    }

    /**
     * Says that a letter {@link #admit admitted} is now in the index (or failed to get there), so that the next
     * {@link #refresh} may leave it to the detection's reader. Letters are indexed outside this object's lock.
     */
    public synchronized void indexed(String id) {
        indexing.remove(id);
    }

    /**
     * Whether detection's reader is to be refreshed: once {@value #REFRESH_EVERY} letters are pending and the writer
     * has written at least three quarters of them out by itself (a new reader writes out the rest as a segment, and
     * every such small segment is merged again later), and once {@value #REFRESH_AT_MOST} are, whatever it holds.
     */
    private boolean refreshDue() {
        if (pending.size() < REFRESH_EVERY) return false;
        return pending.size() >= REFRESH_AT_MOST || index.bufferedLetters() * 4 <= pending.size();
    }

    /**
     * Makes every letter admitted and indexed so far visible to the detection's reader; letters still being
     * indexed stay pending.
     */
    public synchronized void refresh() throws IOException {
        index.refreshLatest();
        refreshes++;
        List<Fingerprint> unindexed = new ArrayList<>();
        for (Fingerprint fp : pending.prints()) {
            if (indexing.contains(fp.id)) unindexed.add(fp);
            else recent.put(fp.id, fp);
        }
        pending.clear();
        for (Fingerprint fp : unindexed) pend(fp);
    }

    /**
     * Makes these letters one family: its earliest letter, each member's relation to it, the family's kinds.
     * Returns the members whose fields changed, {@code fresh} (just admitted) aside.
     */
    private Set<String> regroup(Set<String> memberIds, Map<String, Fingerprint> fresh) {
        Map<String, Member> old = new HashMap<>();
        Map<String, String> oldRelation = new HashMap<>();
        Map<String, List<String>> oldKinds = new HashMap<>();
        Map<String, String> oldFamily = new HashMap<>();
        Map<String, Fingerprint> prints = new HashMap<>(fresh);
        for (String id : memberIds) {
            Family f = families.get(familyOf(id));
            oldFamily.put(id, familyOf(id));
            if (f != null) {
                old.put(id, f.members.get(id));
                oldRelation.put(id, display(f, f.members.get(id).link()));
                oldKinds.put(id, f.kinds);
            } else {
                oldRelation.put(id, Link.earliest.name());
                oldKinds.put(id, List.of("single"));
            }
        }
        for (String id : memberIds) {
            Family f = families.remove(familyOf(id));
            if (f != null) f.members.keySet().forEach(familyOf::remove);
        }
        // dates and languages: from fresh prints, earlier members, or the letter itself
        Map<String, LocalDate> dates = new HashMap<>();
        Map<String, String> langs = new HashMap<>();
        for (String id : memberIds) {
            Member m = old.get(id);
            if (m != null) {
                dates.put(id, m.date());
                langs.put(id, m.language());
            } else {
                Fingerprint fp = prints.computeIfAbsent(id, this::fingerprint);
                if (fp != null) {
                    dates.put(id, fp.date);
                    langs.put(id, fp.language);
                }
            }
        }
        if (memberIds.size() < 2) {
            Set<String> changed = new HashSet<>();
            for (String id : memberIds) if (!fresh.containsKey(id) && old.get(id) != null) changed.add(id);
            return changed;
        }
        String root = memberIds.stream().min(Comparator
                .comparing((String id) -> dates.get(id), BY_DATE)
                .thenComparing(id -> id)).orElseThrow();
        Family f = new Family();
        f.root = root;
        Fingerprint rootPrint = prints.containsKey(root) ? prints.get(root) : rootCache.computeIfAbsent(root, this::fingerprint);
        if (rootPrint != null) rootCache.put(root, rootPrint);
        for (String id : memberIds) {
            Link link;
            Member before = old.get(id);
            if (id.equals(root)) link = Link.earliest;
            else if (before != null && root.equals(oldFamily.get(id)) && before.link() != Link.earliest) link = before.link();
            else {
                Fingerprint fp = prints.computeIfAbsent(id, this::fingerprint);
                link = fp == null || rootPrint == null ? Link.version : Rules.relation(fp, rootPrint);
            }
            f.members.put(id, new Member(id, dates.get(id), langs.get(id), link));
            familyOf.put(id, root);
        }
        settle(f);
        families.put(root, f);
        Set<String> changed = new HashSet<>();
        for (String id : memberIds) {
            if (fresh.containsKey(id)) continue;
            if (!root.equals(oldFamily.get(id)) || !display(f, f.members.get(id).link()).equals(oldRelation.get(id))
                    || !f.kinds.equals(oldKinds.get(id))) changed.add(id);
        }
        return changed;
    }

    /**
     * Adds a letter just admitted to a family of two or more when that changes no other member's fields: the letter
     * is not earlier than the family's earliest, and neither the family's campaign status nor its kinds change.
     * The outcome is {@link #regroup}'s, without going over every member (a campaign's copies join one by one).
     * Returns whether it was added.
     */
    private boolean joined(Family f, Fingerprint fp) {
        if (f == null || f.members.containsKey(fp.id)) return false;
        Member root = f.members.get(f.root);
        int order = BY_DATE.compare(fp.date, root.date());
        if (order < 0 || (order == 0 && fp.id.compareTo(f.root) < 0)) return false;
        Fingerprint rootPrint = rootCache.computeIfAbsent(f.root, this::fingerprint);
        Link link = rootPrint == null ? Link.version : Rules.relation(fp, rootPrint);
        int copies = f.copies + (link == Link.copy ? 1 : 0);
        if ((copies + 1 >= Rules.CAMPAIGN_MIN) != f.campaign) return false;
        String kind = kind(display(f, link));
        if (kind != null && !f.kinds.contains(kind)) return false;
        f.members.put(fp.id, new Member(fp.id, fp.date, fp.language, link));
        f.copies = copies;
        familyOf.put(fp.id, f.root);
        return true;
    }

    /** The family's campaign status and kinds, from its members' links. */
    private static void settle(Family f) {
        f.copies = (int) f.members.values().stream().filter(m -> m.link() == Link.copy).count();
        f.campaign = f.copies + 1 >= Rules.CAMPAIGN_MIN;
        Set<String> kinds = new TreeSet<>();
        for (Member m : f.members.values()) {
            String kind = kind(display(f, m.link()));
            if (kind != null) kinds.add(kind);
        }
        if (f.campaign) kinds.add("campaign");
        f.kinds = List.copyOf(kinds);
    }

    /** The family kind a member's relation makes its family of (a campaign is one by its copies' count): or none. */
    private static String kind(String relation) {
        return switch (relation) {
            case "same", "version" -> "versions";
            case "translation" -> "translations";
            default -> null;
        };
    }

    static String display(Family f, Link link) {
        return switch (link) {
            case copy -> f.campaign ? "campaign copy" : "version";
            default -> link.name();
        };
    }

    // ---------- removal and curation ----------

    /** A letter leaves its family (deleted, or indexed anew); returns the members whose fields changed. */
    public synchronized Set<String> remove(String id) {
        recent.remove(id);
        Family f = families.get(familyOf(id));
        if (f == null) return Set.of();
        f.members.remove(id);
        familyOf.remove(id);
        if (f.members.isEmpty()) {
            families.remove(f.root);
            return Set.of();
        }
        Set<String> rest = new LinkedHashSet<>(f.members.keySet());
        return regroup(rest, Map.of());
    }

    /** Splits a letter out of its family, as a correction kept across rebuilds; returns the letters to index again. */
    public synchronized Set<String> split(String id) throws IOException {
        if (!corrections.split().contains(id)) corrections.split().add(id);
        corrections.join().removeIf(p -> p.contains(id));
        save();
        Set<String> changed = new LinkedHashSet<>(remove(id));
        changed.add(id);
        return changed;
    }

    /** Joins the families of two letters, as a correction kept across rebuilds; returns the letters to index again. */
    public synchronized Set<String> join(String a, String b) throws IOException {
        corrections.split().remove(a);
        corrections.split().remove(b);
        corrections.join().add(List.of(a, b));
        save();
        return applyJoin(a, b);
    }

    private Set<String> applyJoin(String a, String b) {
        if (familyOf(a).equals(familyOf(b)) && families.containsKey(familyOf(a))) return Set.of();
        Set<String> members = new LinkedHashSet<>(members(a));
        members.addAll(members(b));
        Set<String> changed = new LinkedHashSet<>(regroup(members, Map.of()));
        changed.addAll(members);
        return changed;
    }

    /** Applies every recorded join (after a rebuild); returns the letters to index again. */
    public synchronized Set<String> applyJoins(Collection<String> present) {
        Set<String> changed = new LinkedHashSet<>();
        for (List<String> pair : corrections.join()) {
            if (pair.size() == 2 && present.contains(pair.get(0)) && present.contains(pair.get(1))) {
                changed.addAll(applyJoin(pair.get(0), pair.get(1)));
            }
        }
        return changed;
    }

    /** Forgets every family (before the index is rebuilt). */
    public synchronized void clear() {
        familyOf.clear();
        families.clear();
        pending.clear();
        indexing.clear();
        rootCache.clear();
        recent.clear();
    }

    private void save() throws IOException {
        Corpus.writeDurably(correctionsFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(corrections));
    }

    // ---------- loading from the index ----------

    /** Reads the families of the letters in the index. */
    private void load() throws IOException {
        IndexSearcher s = index.acquireLatest();
        try {
            TermQuery q = new TermQuery(new Term(IndexSchema.FAMILY_MEMBER, "1"));
            for (ScoreDoc d : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                Document doc = s.storedFields().document(d.doc, Set.of(IndexSchema.ID, IndexSchema.FAMILY_ID,
                        IndexSchema.FAMILY_LINK, IndexSchema.SUMMARY));
                String id = doc.get(IndexSchema.ID);
                String fam = doc.get(IndexSchema.FAMILY_ID);
                IndexSchema.Summary sum = IndexSchema.readSummary(doc.getBinaryValue(IndexSchema.SUMMARY));
                Family f = families.computeIfAbsent(fam, k -> {
                    Family n = new Family();
                    n.root = k;
                    return n;
                });
                f.members.put(id, new Member(id, sum.date() == null ? null : LocalDate.parse(sum.date()), sum.language(),
                        Link.valueOf(doc.get(IndexSchema.FAMILY_LINK))));
                familyOf.put(id, f.root); // one string per family, not one per member read
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("the index holds a family record this version cannot read", e);
        } finally {
            index.releaseLatest(s);
        }
        families.values().forEach(Families::settle);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
