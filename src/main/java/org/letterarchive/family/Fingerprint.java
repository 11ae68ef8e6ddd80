package org.letterarchive.family;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * What family detection compares of a letter: its body (the text without heading, salutation and signature
 * block) as a set of hashed word 4-shingles with a MinHash signature over them, its signers as a set of
 * folded names, its paragraphs, the numbers of its body, its language and date.
 *
 * <p>The body is found with what the letter analysis gives: lines that hold a signer name are dropped, and so
 * is every line from the start of the signature block (the first signer line after which signer lines make up
 * at least half of the lines); of the rest, only prose lines (six words or more, not a salutation) are kept.
 */
public final class Fingerprint {

    static final int SHINGLE = 4;
    /** MinHash functions over the body shingles, read as {@link #BANDS} bands of {@link #ROWS}. */
    static final int BANDS = 16;
    static final int ROWS = 4;
    /** MinHash functions over the signer names, read as {@link #SIGNER_BANDS} bands of 2. */
    static final int SIGNER_BANDS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,]*\\d|\\d");
    private static final Pattern SALUTATION = Pattern.compile(
            "(?i)^(dear|to whom|estimad[oa]s?|señor|señora|sr\\.|sra\\.|prezad|caro|cara|querid[oa]s?|chers?|madame|monsieur|sehr geehrte|liebe)\\b.*");
    private static final long[] SEEDS = seeds(BANDS * ROWS + SIGNER_BANDS * 2);

    final String id;
    final String language;
    final LocalDate date;
    /** Sorted distinct shingle hashes of the body. */
    final long[] shingles;
    final int[] minhash;
    final Set<String> signers;
    /** The body's paragraphs, as written (for diffs), and folded (for comparison). */
    final List<String> paragraphs;
    final List<String> foldedParagraphs;
    final Set<String> numbers;

    private Fingerprint(String id, String language, LocalDate date, long[] shingles, Set<String> signers,
                        List<String> paragraphs, Set<String> numbers) {
        this.id = id;
        this.language = language;
        this.date = date;
        this.shingles = shingles;
        this.minhash = minhash(shingles);
        this.signers = signers;
        this.paragraphs = paragraphs;
        this.foldedParagraphs = paragraphs.stream().map(p -> String.join(" ", words(p))).toList();
        this.numbers = numbers;
    }

    public static Fingerprint of(Letter l) {
        return of(l.id(), l.text(), l.signers().stream().map(Signer::name).toList(), l.language(), l.date());
    }

    public static Fingerprint of(String id, String text, List<String> signerNames, String language, LocalDate date) {
        Set<String> signers = new LinkedHashSet<>();
        List<String> needles = new ArrayList<>();
        for (String n : signerNames) {
            String f = fold(n);
            if (!f.isBlank()) signers.add(f);
            if (f.length() >= 4) needles.add(f);
        }
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        boolean[] signerLine = new boolean[lines.length];
        String[] folded = new String[lines.length];
        int nonEmpty = 0;
        for (int i = 0; i < lines.length; i++) {
            folded[i] = fold(lines[i]);
            if (!folded[i].isBlank()) nonEmpty++;
            for (String n : needles) {
                if (folded[i].length() < n.length() * 4 + 40 && folded[i].contains(n)) {
                    signerLine[i] = true;
                    break;
                }
            }
        }
        int cut = lines.length;
        int signersAfter = 0;
        for (int i = 0; i < lines.length; i++) if (signerLine[i]) signersAfter++;
        int seen = 0;
        for (int i = 0; i < lines.length && signersAfter > 0; i++) {
            if (!folded[i].isBlank()) seen++;
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
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            String line = lines[i].strip();
            boolean prose = !line.isEmpty() && !signerLine[i] && words(line).size() >= 6
                    && !(SALUTATION.matcher(line).matches() && line.length() < 120);
            if (prose) {
                if (para.length() > 0) para.append(' ');
                para.append(line);
            } else if (para.length() > 0) {
                paragraphs.add(para.toString());
                para.setLength(0);
            }
        }
        if (para.length() > 0) paragraphs.add(para.toString());

        List<String> words = new ArrayList<>();
        Set<String> numbers = new TreeSet<>();
        for (String p : paragraphs) {
            words.addAll(words(p));
            Matcher m = NUMBER.matcher(p);
            while (m.find()) numbers.add(m.group().replaceAll("[.,]", ""));
        }
        long[] sh = new long[Math.max(0, words.size() - SHINGLE + 1)];
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < SHINGLE; k++) h = mix(h ^ words.get(i + k).hashCode());
            sh[i] = h;
        }
        long[] distinct = Arrays.stream(sh).sorted().distinct().toArray();
        return new Fingerprint(id, language, date, distinct, signers, paragraphs, numbers);
    }

    // ---------- comparisons ----------

    /** Shared body shingles over the smaller body's: 1 when one body holds the other. */
    double containment(Fingerprint o) {
        int min = Math.min(shingles.length, o.shingles.length);
        return min == 0 ? 0 : (double) shared(shingles, o.shingles) / min;
    }

    /** Shared body shingles over all shingles of both. */
    double jaccard(Fingerprint o) {
        int s = shared(shingles, o.shingles);
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

    int bodySize() {
        return shingles.length;
    }

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
    List<String> nearKeys() {
        List<String> keys = new ArrayList<>();
        if (shingles.length < Families.MIN_SHINGLES) return keys;
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) h = mix(h * 31 + minhash[b * ROWS + r]);
            keys.add(Long.toHexString(h));
        }
        return keys;
    }

    /**
     * The signer set's MinHash band keys with the letter's month: letters sharing one signed mostly alike in
     * that month. {@code month} shifts the month (-1, 0, 1) for lookups, so letters weeks apart meet.
     */
    List<String> translationKeys(int shift) {
        List<String> keys = new ArrayList<>();
        if (signers.isEmpty()) return keys;
        String month = date == null ? "undated" : date.withDayOfMonth(1).plusMonths(shift).toString().substring(0, 7);
        if (date == null && shift != 0) return keys;
        long[] sig = new long[SIGNER_BANDS * 2];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : signers) {
            long base = mix(s.hashCode() * 0x9E3779B97F4A7C15L + s.length());
            for (int k = 0; k < sig.length; k++) sig[k] = Math.min(sig[k], mix(base ^ SEEDS[BANDS * ROWS + k]));
        }
        Set<String> out = new LinkedHashSet<>();
        for (int b = 0; b < SIGNER_BANDS; b++) out.add(Long.toHexString(mix(sig[2 * b] * 31 + sig[2 * b + 1])) + "@" + month);
        keys.addAll(out);
        return keys;
    }

    private static int[] minhash(long[] shingles) {
        int[] sig = new int[BANDS * ROWS];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long s : shingles) {
            for (int k = 0; k < sig.length; k++) {
                int h = (int) (mix(s ^ SEEDS[k]) >>> 33);
                if (h < sig[k]) sig[k] = h;
            }
        }
        return sig;
    }

    // ---------- text helpers ----------

    static String fold(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(fold(s));
        while (m.find()) out.add(m.group());
        return out;
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
