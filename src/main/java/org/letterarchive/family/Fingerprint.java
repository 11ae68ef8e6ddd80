package org.letterarchive.family;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Folding;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * What family detection compares of a letter: its body (the text without heading, salutation and signature
 * block) as a set of hashed word 4-shingles with a MinHash signature over them, its signers as a set of
 * folded names, its paragraphs and their layout (each one's share of the body), the numbers of its body, its
 * anchors (numbers, addresses and names in the order written: what a translation keeps), its language and date.
 *
 * <p>Each line is folded once (lower case, accents dropped, one space between words); the patterns are compiled
 * once. The fingerprint needs no lock: the store takes it before detection's.
 *
 * <p>The body is found with what the letter analysis gives: lines that hold a signer name are dropped, and so
 * is every line from the start of the signature block (the first signer line after which signer lines make up
 * at least half of the lines); of the rest, only prose lines (six words or more, not a salutation) are kept.
 */
public final class Fingerprint {

    static final int SHINGLE = 4;
    /** MinHash bins over the body shingles (a power of two), read as {@link #BANDS} bands of {@link #ROWS}. */
    static final int BANDS = 16;
    static final int ROWS = 4;
    /** MinHash functions over the signer names, read as {@link #SIGNER_BANDS} bands of 2. */
    static final int SIGNER_BANDS = 8;
    /** MinHash functions over the body's anchor pairs, one key each. */
    static final int ANCHOR_KEYS = 8;

    static final int MAX_ANCHORS = 400;
    private static final Pattern SALUTATION = Pattern.compile(
            "(?i)^(dear|to whom|estimad[oa]s?|señor|señora|sr\\.|sra\\.|prezad|caro|cara|querid[oa]s?|chers?|madame|monsieur|sehr geehrte|liebe)\\b.*");
    /**
     * Seeds by place: the anchor functions' from 0, the signer functions' from {@code BANDS * ROWS}, the anchor keys'
     * after them. The body's MinHash, which took the first {@code BANDS * ROWS}, needs none since it is one hash per
     * shingle; the places are kept, so that the signer and anchor keys do not change.
     */
    private static final long[] SEEDS = seeds(BANDS * ROWS + SIGNER_BANDS * 2 + ANCHOR_KEYS);

    final String id;
    final String language;
    final LocalDate date;
    /** The body's distinct shingle hashes, in no order. */
    final long[] shingles;
    /** {@link #shingles} in ascending order, sorted when first compared. */
    private volatile long[] sorted;
    /** The MinHash band keys, taken when first asked for: a candidate read to be compared needs none. */
    private volatile List<Long> nearKeys;
    final Set<String> signers;
    /** The body's paragraphs, as written (for diffs), and folded (for comparison). */
    final List<String> paragraphs;
    final List<String> foldedParagraphs;
    /**
     * The body's numbers and anchors, and its layout: what only a translation is told by, so they are taken when
     * first asked for (most letters a letter is compared with are in its own language).
     */
    private volatile Anchors anchors;
    private volatile double[] layout;
    static final int MAX_LAYOUT = 200;

    /**
     * The body's numbers (separators dropped), and its numbers, addresses and names in the order of their first
     * use, folded (at most {@value #MAX_ANCHORS}).
     */
    private record Anchors(Set<String> numbers, String[] inOrder) {}

    private Fingerprint(String id, String language, LocalDate date, long[] shingles, Set<String> signers,
                        List<String> paragraphs, List<String> foldedParagraphs) {
        this.id = id;
        this.language = language;
        this.date = date;
        this.shingles = shingles;
        this.signers = signers;
        this.paragraphs = paragraphs;
        this.foldedParagraphs = foldedParagraphs;
    }

    Set<String> numbers() {
        return anchorsRead().numbers();
    }

    String[] anchors() {
        return anchorsRead().inOrder();
    }

    private Anchors anchorsRead() {
        Anchors a = anchors;
        if (a == null) {
            Set<String> numbers = new TreeSet<>();
            Set<String> inOrder = new LinkedHashSet<>();
            for (String p : paragraphs) anchors(p, numbers, inOrder);
            anchors = a = new Anchors(numbers, inOrder.toArray(String[]::new));
        }
        return a;
    }

    /** Each paragraph's share of the body's words, in order (the first {@value #MAX_LAYOUT}). */
    double[] layout() {
        double[] l = layout;
        if (l == null) {
            int total = 0;
            int[] counts = new int[Math.min(foldedParagraphs.size(), MAX_LAYOUT)];
            for (int i = 0; i < counts.length; i++) total += counts[i] = wordCount(foldedParagraphs.get(i));
            l = new double[counts.length];
            for (int i = 0; i < counts.length; i++) l[i] = (double) counts[i] / Math.max(1, total);
            layout = l;
        }
        return l;
    }

    /** A letter's fingerprint with its index keys already taken, as detection and indexing will ask for them. */
    public static Fingerprint keyed(Letter l) {
        Fingerprint fp = of(l);
        fp.nearKeys();
        return fp;
    }

    public static Fingerprint of(Letter l) {
        return of(l.id(), l.text(), l.signers().stream().map(Signer::name).toList(), l.language(), l.date());
    }

    public static Fingerprint of(String id, String text, List<String> signerNames, String language, LocalDate date) {
        Set<String> signers = new LinkedHashSet<>();
        Needles needles = new Needles();
        for (String n : signerNames) {
            String f = fold(n);
            if (!f.isBlank()) signers.add(f);
            if (f.length() >= Needles.HEAD) needles.add(f);
        }
        String[] lines = lines(text == null ? "" : text);
        boolean[] signerLine = new boolean[lines.length];
        // each line folded once: the signer search, the prose test and the body's words all read this
        String[] folded = new String[lines.length];
        int nonEmpty = 0;
        for (int i = 0; i < lines.length; i++) {
            folded[i] = fold(lines[i]);
            if (!folded[i].isEmpty()) nonEmpty++;
            signerLine[i] = needles.inLine(folded[i]);
        }
        int cut = lines.length;
        int signersAfter = 0;
        for (int i = 0; i < lines.length; i++) if (signerLine[i]) signersAfter++;
        int seen = 0;
        for (int i = 0; i < lines.length && signersAfter > 0; i++) {
            if (!folded[i].isEmpty()) seen++;
            if (signerLine[i]) {
                int linesAfter = nonEmpty - seen + 1;
                if (signersAfter * 2 >= linesAfter) {
                    cut = i;
                    break;
                }
                signersAfter--;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> foldedParagraphs = new ArrayList<>();
        WordHashes words = new WordHashes();
        StringBuilder para = new StringBuilder();
        StringBuilder foldedPara = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            String line = lines[i].strip();
            boolean prose = false;
            if (!line.isEmpty() && !signerLine[i]) {
                // the line's words are added, and taken back when it is not prose
                int before = words.size;
                words.addAll(folded[i]);
                int n = words.size - before;
                prose = n >= 6 && !(line.length() < 120 && SALUTATION.matcher(line).matches());
                if (!prose) words.size = before;
            }
            if (prose) {
                if (para.length() > 0) {
                    para.append(' ');
                    foldedPara.append(' ');
                }
                para.append(line);
                foldedPara.append(folded[i]);
            } else if (para.length() > 0) {
                paragraphs.add(para.toString());
                foldedParagraphs.add(foldedPara.toString());
                para.setLength(0);
                foldedPara.setLength(0);
            }
        }
        if (para.length() > 0) {
            paragraphs.add(para.toString());
            foldedParagraphs.add(foldedPara.toString());
        }

        // distinct shingles, in no order: sorted only when the letter is compared with another (sortedShingles),
        // and most letters are compared with none
        LongHashSet sh = new LongHashSet(Math.max(0, words.size - SHINGLE + 1));
        for (int i = 0; i + SHINGLE <= words.size; i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < SHINGLE; k++) h = mix(h ^ words.hashes[i + k]);
            sh.add(h);
        }
        return new Fingerprint(id, language, date, sh.toArray(), signers, paragraphs, foldedParagraphs);
    }

    /**
     * The body's numbers (separators dropped), and its anchors in the order of their first use: what a translation
     * keeps as written — numbers, web and mail addresses, and names (words capitalised within a sentence, or with
     * capitals after their first letter), folded.
     */
    private static void anchors(String paragraph, Set<String> numbers, Set<String> anchors) {
        BodyTokens m = new BodyTokens(paragraph);
        int end = 0;
        boolean sentenceStart = true;
        while (m.next()) {
            for (int i = end; i < m.start(); i++) {
                char c = paragraph.charAt(i);
                if (c == '.' || c == '!' || c == '?' || c == '\u00bf' || c == '\u00a1') sentenceStart = true;
            }
            end = m.end();
            String exact = exact(m);
            if (exact != null) {
                if (m.kind() == BodyTokens.Kind.NUMBER) numbers.add(exact);
                if (anchors.size() < MAX_ANCHORS) anchors.add(exact);
            } else {
                // a word is read in place: only a name is made a string
                int first = paragraph.codePointAt(m.start());
                boolean capital = Character.isUpperCase(first);
                boolean innerCapital = false;
                for (int i = m.start() + Character.charCount(first); i < end && !innerCapital; i++) {
                    innerCapital = Character.isUpperCase(paragraph.charAt(i));
                }
                if (((capital && !sentenceStart) || innerCapital) && anchors.size() < MAX_ANCHORS) anchors.add(fold(m.text()));
            }
            sentenceStart = false;
        }
    }

    /**
     * A number (without its separators) or an address (lower case) as written alike in every language; null for a
     * word.
     */
    private static String exact(BodyTokens m) {
        return m.kind() == BodyTokens.Kind.WORD ? null : exact(m.kind(), m.text());
    }

    private static String exact(BodyTokens.Kind kind, String text) {
        return switch (kind) {
            case ADDRESS -> text.toLowerCase(Locale.ROOT);
            case NUMBER -> withoutSeparators(text);
            case WORD -> null;
        };
    }

    /** A number without its separators ("3,500.75" → "350075"). */
    static String withoutSeparators(String number) {
        if (number.indexOf('.') < 0 && number.indexOf(',') < 0) return number;
        StringBuilder b = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != '.' && c != ',') b.append(c);
        }
        return b.toString();
    }

    /**
     * Folded signer names, looked for in a folded line that is not much longer than the name (four times and 40
     * characters): each name is filed under its first {@value #HEAD} characters, so a line is read once whatever
     * the number of signers.
     */
    private static final class Needles {
        static final int HEAD = 4;
        /** The names by their head: every place of every line is looked up. */
        private final LongObjectHashMap<List<String>> byHead = new LongObjectHashMap<>();
        private int longest;

        void add(String name) {
            long h = head(name, 0);
            List<String> named = byHead.get(h);
            if (named == null) byHead.put(h, named = new ArrayList<>(1));
            named.add(name);
            longest = Math.max(longest, name.length());
        }

        boolean inLine(String line) {
            if (line.length() >= longest * 4 + 40 || line.length() < HEAD || byHead.isEmpty()) return false;
            for (int p = 0; p + HEAD <= line.length(); p++) {
                List<String> found = byHead.get(head(line, p));
                if (found == null) continue;
                for (String n : found) if (line.length() < n.length() * 4 + 40 && line.startsWith(n, p)) return true;
            }
            return false;
        }

        /** The first {@value #HEAD} characters at {@code p}, packed in a long. */
        private static long head(String s, int p) {
            return (long) s.charAt(p) << 48 | (long) s.charAt(p + 1) << 32 | (long) s.charAt(p + 2) << 16 | s.charAt(p + 3);
        }
    }

    // ---------- comparisons ----------

    /** Shared body shingles over the smaller body's: 1 when one body holds the other. */
    double containment(Fingerprint o) {
        int min = Math.min(shingles.length, o.shingles.length);
        return min == 0 ? 0 : (double) shared(sortedShingles(), o.sortedShingles()) / min;
    }

    /** Shared body shingles over all shingles of both. */
    double jaccard(Fingerprint o) {
        int s = shared(sortedShingles(), o.sortedShingles());
        int union = shingles.length + o.shingles.length - s;
        return union == 0 ? 1 : (double) s / union;
    }

    int sharedSigners(Fingerprint o) {
        int n = 0;
        for (String s : signers) if (o.signers.contains(s)) n++;
        return n;
    }

    double signerJaccard(Fingerprint o) {
        int s = sharedSigners(o);
        int union = signers.size() + o.signers.size() - s;
        return union == 0 ? 1 : (double) s / union;
    }

    boolean sameLanguage(Fingerprint o) {
        return language == null || o.language == null || language.equals(o.language);
    }

    /** Anchors (numbers, addresses, names) both bodies hold in the same order: their longest common subsequence. */
    int anchorsInOrder(Fingerprint o) {
        String[] a = anchors(), b = o.anchors();
        if (a.length == 0 || b.length == 0) return 0;
        int[] prev = new int[b.length + 1], cur = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = a[i - 1].equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** What aligning a paragraph with two costs beyond the difference of their shares. */
    static final double JOIN_COST = 0.02;

    /**
     * How far apart the two bodies' layouts are: their paragraphs aligned in order, one with one or one with two
     * (split or joined in translation), each pairing costing the difference of the shares of the body it holds, a
     * paragraph left out its own share. 0 when the paragraphs run alike, at most 2.
     */
    double layoutDistance(Fingerprint o) {
        double[] p = layout(), q = o.layout();
        int n = p.length, m = q.length;
        double[][] d = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                double best = Double.MAX_VALUE;
                if (i > 0) best = d[i - 1][j] + p[i - 1];
                if (j > 0) best = Math.min(best, d[i][j - 1] + q[j - 1]);
                if (i > 0 && j > 0) best = Math.min(best, d[i - 1][j - 1] + Math.abs(p[i - 1] - q[j - 1]));
                if (i > 1 && j > 0) best = Math.min(best, d[i - 2][j - 1] + Math.abs(p[i - 2] + p[i - 1] - q[j - 1]) + JOIN_COST);
                if (i > 0 && j > 1) best = Math.min(best, d[i - 1][j - 2] + Math.abs(p[i - 1] - q[j - 2] - q[j - 1]) + JOIN_COST);
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    int bodySize() {
        return shingles.length;
    }

    /**
     * Filter bits per body shingle, two set for each: a shingle of another body passes the filter by chance with a
     * probability of (1 - e^-1/2)^2, about 0.15.
     */
    static final int FILTER_BITS_PER_SHINGLE = 4;

    /**
     * The body's shape as the index keeps it for detection ({@link IndexSchema.BodyShape}): its paragraphs, signers
     * and shingles counted, and a filter holding every shingle; none for a body too short to be a near duplicate.
     */
    IndexSchema.BodyShape shape() {
        byte[] filter = new byte[shingles.length < Families.MIN_SHINGLES ? 0 : (shingles.length * FILTER_BITS_PER_SHINGLE + 7) / 8];
        if (filter.length > 0) for (long sh : shingles) IndexSchema.BodyShape.add(filter, sh);
        return new IndexSchema.BodyShape(paragraphs.size(), signers.size(), shingles.length, filter);
    }

    /**
     * At most how many of this body's shingles the body of that shape shares: those its filter may hold, and no
     * more than either body has.
     */
    int mostShared(IndexSchema.BodyShape other) {
        int hits = 0;
        for (long sh : shingles) if (other.mayHold(sh)) hits++;
        return Math.min(hits, other.shingles());
    }

    /** The body's shingles in ascending order, as {@link #shared} counts them. */
    private long[] sortedShingles() {
        long[] s = sorted;
        if (s == null) {
            s = shingles.clone();
            Arrays.sort(s);
            sorted = s;
        }
        return s;
    }

    /** The values two ascending arrays of distinct values share. */
    private static int shared(long[] a, long[] b) {
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }

    // ---------- index keys ----------

    /** The body's MinHash band keys: letters sharing one are near-duplicate candidates. */
    List<Long> nearKeys() {
        List<Long> keys = nearKeys;
        if (keys == null) nearKeys = keys = bandKeys(shingles);
        return keys;
    }

    private static List<Long> bandKeys(long[] shingles) {
        if (shingles.length < Families.MIN_SHINGLES) return List.of();
        long[] minhash = minhash(shingles);
        List<Long> keys = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) h = mix(h * 31 + minhash[b * ROWS + r]);
            keys.add(h);
        }
        return List.copyOf(keys);
    }

    /**
     * The signer set's MinHash band keys with the letter's period: letters sharing one signed mostly alike in
     * those weeks. {@code shift} shifts the period (-1, 0, 1) for lookups, so letters weeks apart meet.
     */
    List<Long> translationKeys(int shift) {
        return signers.isEmpty() ? new ArrayList<>() : withPeriod(signerBands(), shift);
    }

    /** The signer set's MinHash bands (distinct), without the period: taken once, looked up for three periods. */
    private volatile List<Long> signerBands;

    private List<Long> signerBands() {
        List<Long> bands = signerBands;
        if (bands != null) return bands;
        long[] sig = new long[SIGNER_BANDS * 2];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : signers) {
            long base = hash(s);
            for (int k = 0; k < sig.length; k++) sig[k] = Math.min(sig[k], mix(base ^ SEEDS[BANDS * ROWS + k]));
        }
        Set<Long> out = new LinkedHashSet<>();
        for (int b = 0; b < SIGNER_BANDS; b++) out.add(mix(sig[2 * b] * 31 + sig[2 * b + 1]));
        return signerBands = List.copyOf(out);
    }

    /**
     * Keys of these hashes with the letter's period, shifted by {@code shift} periods; a period of its own for a
     * letter without a date, which has no other. A period is as long as a translation's dates may lie apart
     * ({@value Rules#TRANSLATION_DAYS} days), so two letters that far apart or nearer are in the same period or
     * in neighbouring ones, and a look-up in three periods finds them wherever the months end.
     */
    private List<Long> withPeriod(List<Long> hashes, int shift) {
        List<Long> keys = new ArrayList<>();
        if (date == null && shift != 0) return keys;
        long period = date == null ? UNDATED : Math.floorDiv(date.toEpochDay(), Rules.TRANSLATION_DAYS) + shift;
        for (long h : hashes) keys.add(mix(h ^ mix(period + PERIOD_SEED)));
        return keys;
    }

    private static final long PERIOD_SEED = 0x6A09E667F3BCC909L;
    private static final long UNDATED = Long.MIN_VALUE;

    /**
     * Keys of what a translation keeps exactly — the body's numbers and addresses, in the order of their first
     * use — with the letter's period: the MinHash (one key per function) of their consecutive pairs. Letters
     * sharing several wrote the same numbers in the same order in those weeks, whatever their language and whoever
     * signed. None for a body with fewer than two.
     */
    List<Long> anchorKeys(int shift) {
        return withPeriod(anchorMinHash(), shift);
    }

    /** The MinHash of the anchors' consecutive pairs, without the period: taken once, looked up for three periods. */
    private volatile List<Long> anchorMinHash;

    private List<Long> anchorMinHash() {
        List<Long> hashes = anchorMinHash;
        if (hashes != null) return hashes;
        Set<Long> pairs = new java.util.HashSet<>();
        String previous = null;
        for (String a : exactAnchors()) {
            if (previous != null) pairs.add(mix(previous.hashCode() * 0x9E3779B97F4A7C15L ^ a.hashCode()));
            previous = a;
        }
        List<Long> out = new ArrayList<>();
        if (!pairs.isEmpty()) {
            long[] sig = new long[ANCHOR_KEYS];
            Arrays.fill(sig, Long.MAX_VALUE);
            for (long p : pairs) for (int k = 0; k < sig.length; k++) sig[k] = Math.min(sig[k], mix(p ^ SEEDS[k]));
            // each function's minimum kept apart from the others', and from the signer bands
            for (int k = 0; k < sig.length; k++) out.add(mix(sig[k] ^ SEEDS[BANDS * ROWS + SIGNER_BANDS * 2 + k]));
        }
        return anchorMinHash = List.copyOf(out);
    }

    /**
     * The body's numbers (separators dropped) and addresses (lower case), distinct, in the order of their first use
     * (at most {@value #MAX_ANCHORS}): the anchors written alike in every language. Read by a scan of their own, as
     * every letter's keys need them: the names among {@link #anchors()} are folded only for the letters compared.
     */
    private Set<String> exactAnchors() {
        Set<String> out = new LinkedHashSet<>();
        for (String p : paragraphs) {
            if (out.size() >= MAX_ANCHORS) break;
            BodyTokens.exact(p, (kind, text) -> {
                if (out.size() < MAX_ANCHORS) out.add(exact(kind, text));
            });
        }
        return out;
    }

    /**
     * The body's MinHash by one-permutation hashing (Li, Owen and Zhang 2012): each shingle hash goes to one of
     * {@code BANDS * ROWS} bins by its top bits, and each bin keeps the least of the rest; an empty bin takes the
     * value of the next bin to its right that is not, with the distance mixed in (densification by rotation,
     * Shrivastava and Li 2014). Two bodies' bins agree about as often as their shingle sets overlap (their
     * Jaccard), as with one function per bin, at one hash per shingle instead of one per shingle and bin. The
     * shingle hashes are already mixed, so their bits are the permutation.
     */
    static long[] minhash(long[] shingles) {
        int bins = BANDS * ROWS;
        long[] sig = new long[bins];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            int bin = (int) (s >>> BIN_SHIFT);
            long v = s & VALUE_MASK;
            if (v < sig[bin]) sig[bin] = v;
        }
        long[] dense = sig.clone();
        for (int b = 0; b < bins; b++) {
            if (sig[b] != Long.MAX_VALUE) continue;
            for (int t = 1; t < bins; t++) {
                long v = sig[(b + t) % bins];
                if (v != Long.MAX_VALUE) {
                    dense[b] = mix(v + t * 0x9E3779B97F4A7C15L);
                    break;
                }
            }
        }
        return dense;
    }

    /** The top bits of a shingle hash choose its bin (64 bins: six bits), the rest are its value. */
    private static final int BIN_SHIFT = 64 - Integer.numberOfTrailingZeros(BANDS * ROWS);
    private static final long VALUE_MASK = -1L >>> (64 - BIN_SHIFT);

    // ---------- text helpers ----------

    /**
     * Lower case, accents and other combining marks dropped, every run of other than letters and digits one space,
     * no space at either end ({@link #foldByUnicode}). Plain ASCII skips the Unicode decomposition, and so does text
     * of Latin letters and common punctuation, read one character at a time by {@link #TABLE}.
     */
    static String fold(String s) {
        if (s == null || s.isEmpty()) return "";
        String ascii = Folding.asciiWords(s);
        if (ascii != null) return ascii;
        String table = foldByTable(s);
        return table != null ? table : foldByUnicode(s);
    }

    /**
     * The folding by the Unicode normaliser: the text decomposed (NFD), its marks dropped, letters and numbers kept,
     * lower-cased, every run of anything else one space.
     */
    static String foldByUnicode(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c)) continue;
            if (keeps(c)) {
                if (space && b.length() > 0) b.append(' ');
                space = false;
                b.appendCodePoint(c);
            } else space = true;
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean keeps(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * What {@link #foldByUnicode} makes of each character below {@value #TABLE_END} and of general punctuation
     * (U+2000-U+206F): its letters, lower-cased; "" when it is only marks (dropped); null when it is a gap. Each
     * such character decomposes alone, and none lower-cases by its neighbours (Greek, whose final sigma does, is
     * above), so the folding of a text of them is the concatenation of theirs.
     */
    private static final int TABLE_END = 0x370;
    private static final String[] TABLE = new String[TABLE_END];
    private static final String[] PUNCTUATION = new String[0x70];
    /** A character whose decomposition holds both letters and a gap: left to {@link #foldByUnicode}. */
    private static final String MIXED = "\uFFFF";

    static {
        for (int c = 0; c < TABLE_END; c++) TABLE[c] = foldOne(c);
        for (int c = 0; c < PUNCTUATION.length; c++) PUNCTUATION[c] = foldOne(0x2000 + c);
    }

    private static String foldOne(int c) {
        String n = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder();
        boolean marksOnly = true;
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int d = n.codePointAt(i);
            i += Character.charCount(d);
            if (isMark(d)) continue;
            marksOnly = false;
            if (!keeps(d)) gap = true;
            else b.appendCodePoint(d);
        }
        if (marksOnly) return "";
        if (gap) return b.length() == 0 ? null : MIXED;
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The longest folding of one character in {@link #TABLE}. */
    private static final int LONGEST = longest();

    private static int longest() {
        int n = 1;
        for (String f : TABLE) if (f != null && f != MIXED) n = Math.max(n, f.length());
        for (String f : PUNCTUATION) if (f != null && f != MIXED) n = Math.max(n, f.length());
        return n;
    }

    /** {@link #foldByUnicode} of a text of characters {@link #TABLE} holds; null for any other text. */
    static String foldByTable(String s) {
        // each character gives its folding and a space before it at most
        char[] out = new char[s.length() * (LONGEST + 1)];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String f;
            if (c < TABLE_END) f = TABLE[c];
            else if (c >= 0x2000 && c < 0x2070) f = PUNCTUATION[c - 0x2000];
            else return null;
            if (f == MIXED) return null;
            if (f == null) space = true;
            else if (!f.isEmpty()) {
                if (space && n > 0) out[n++] = ' ';
                space = false;
                for (int k = 0; k < f.length(); k++) out[n++] = f.charAt(k);
            }
        }
        return new String(out, 0, n);
    }

    /**
     * The body's words in order, each as its {@link String#hashCode()} (what a shingle is hashed from), taken
     * from the folded lines without a string per word.
     */
    private static final class WordHashes {
        int[] hashes = new int[256];
        int size;

        /** Adds the words of a folded line (one space between words). */
        void addAll(String folded) {
            int h = 0;
            boolean inWord = false;
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if (c == ' ') {
                    if (inWord) add(h);
                    h = 0;
                    inWord = false;
                } else {
                    h = 31 * h + c;
                    inWord = true;
                }
            }
            if (inWord) add(h);
        }

        private void add(int hash) {
            if (size == hashes.length) hashes = Arrays.copyOf(hashes, size * 2);
            hashes[size++] = hash;
        }
    }

    /**
     * The text's lines, as {@code text.split("\\R", -1)} gives them: split at "\r\n" and at each of \n, \u000B, \f,
     * \r, \u0085, \u2028 and \u2029, an empty last line kept.
     */
    static String[] lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out.toArray(String[]::new);
    }

    private static int wordCount(String folded) {
        if (folded.isEmpty()) return 0;
        int n = 1;
        for (int i = 0; i < folded.length(); i++) if (folded.charAt(i) == ' ') n++;
        return n;
    }

    /** A 64-bit hash of a string (its hash code and length, mixed). */
    static long hash(String s) {
        return mix(s.hashCode() * 0x9E3779B97F4A7C15L + s.length());
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds(int n) {
        long[] s = new long[n];
        long x = 0x5DEECE66DL;
        for (int i = 0; i < n; i++) s[i] = x = mix(x + 0x9E3779B97F4A7C15L);
        return s;
    }
}
