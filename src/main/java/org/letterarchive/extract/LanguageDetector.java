package org.letterarchive.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The language of a letter's body as an ISO 639-1 code. Most letters are settled cheaply by counting
 * the function words of English, Spanish, Portuguese, French and German in a sample of the text: a language
 * whose own words make up a good share of the words, far ahead of the others, wins. Otherwise one
 * OpenNLP detector (its model loads once, shared; not thread-safe, so calls take turns) decides.
 */
public final class LanguageDetector {

    /** enough words to tell languages apart; more only costs time */
    private static final int SAMPLE = 1_000;
    /** the function-word sample: words are cheap to count */
    private static final int WORD_SAMPLE = 3_000;
    /** a decision by function words needs this many hits, this share of all words, and this lead over the next language */
    private static final int MIN_HITS = 25;
    private static final double MIN_SHARE = 0.12;
    /** function words of neighbouring languages (Italian, Catalan, Galician, Dutch): their presence leaves the choice to OpenNLP */
    private static final java.util.Set<String> NEIGHBOURS = java.util.Set.of(
            "il", "di", "che", "della", "gli", "sono", "anche", "questo", "nel", "alla", "per", "non",
            "amb", "els", "dels", "aquest", "aquesta", "però", "més", "unha", "coa", "polo", "pola", "xa", "tamén",
            "het", "een", "wij", "niet", "voor", "zijn", "ook", "naar", "wordt", "onze", "deze");
    private static final int LEAD = 4;
    private static final String[] LANGUAGES = {"en", "es", "pt", "fr", "de"};
    /** words frequent in one of the five languages and rare in the other four */
    private static final Map<String, Integer> FUNCTION_WORDS = new HashMap<>();

    static {
        String[][] words = {
            {"the", "and", "of", "to", "is", "that", "for", "we", "are", "with", "this", "be", "our", "by", "it", "have", "from", "will", "which", "their", "you", "its", "has", "was", "these"},
            {"el", "los", "las", "y", "del", "por", "con", "una", "es", "su", "sus", "al", "como", "más", "lo", "pero", "está", "este", "esta", "nuestra", "nuestro", "sobre", "también", "ha", "han"},
            {"os", "e", "em", "na", "do", "da", "dos", "das", "com", "uma", "não", "ao", "pelo", "pela", "são", "é", "um", "seu", "sua", "nós", "mais", "também", "foi", "às", "nas", "nos", "pelos", "pelas"},
            {"le", "les", "et", "des", "du", "dans", "une", "est", "sur", "pas", "nous", "vous", "au", "aux", "ce", "qui", "leur", "ont", "sont", "il", "cette", "avec", "ces", "été", "être"},
            {"der", "die", "und", "nicht", "mit", "ist", "sich", "auf", "für", "wir", "von", "zu", "dem", "eine", "ein", "auch", "wird", "werden", "sind", "bei", "zur", "zum", "durch", "über", "unsere"},
        };
        for (int lang = 0; lang < words.length; lang++) {
            for (String w : words[lang]) {
                if (FUNCTION_WORDS.putIfAbsent(w, lang) != null) throw new IllegalStateException("function word in two languages: " + w);
            }
        }
    }
    /** each function word's language, and each neighbouring language's function word (not also a listed language's) as {@code LANGUAGES.length}: one look-up a word */
    private static final StringTable WORD_LANGUAGES = wordLanguages();

    private static StringTable wordLanguages() {
        Map<String, Integer> all = new HashMap<>(FUNCTION_WORDS);
        for (String w : NEIGHBOURS) all.putIfAbsent(w, LANGUAGES.length);
        return new StringTable(all);
    }

    /** the length of the longest function word of any language, neighbours included */
    private static final int LONGEST_WORD = java.util.stream.Stream.concat(FUNCTION_WORDS.keySet().stream(), NEIGHBOURS.stream())
            .mapToInt(String::length).max().orElse(0);
    /** how much of a text's head {@link #detect} reads: the function-word sample, and the detector's within it */
    public static final int READ = Math.max(SAMPLE, WORD_SAMPLE);
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(new Locale(iso).getISO3Language(), iso);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code for this language
            }
        }
    }

    private final OpenNLPDetector detector = new OpenNLPDetector();

    /** ISO 639-1 code of the text's language, or null when unknown. */
    public String detect(String text) {
        if (text == null || text.isBlank()) return null;
        String byWords = byFunctionWords(text);
        if (byWords != null) return byWords;
        java.util.List<LanguageResult> results;
        synchronized (detector) {
            detector.reset();
            detector.addText(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
            results = detector.detectAll();
        }
        // the best guess, even when the detector is not sure of it: short letters are still letters
        if (results.isEmpty() || results.get(0).getLanguage() == null || results.get(0).getLanguage().isEmpty()) return null;
        return toIso1(results.get(0).getLanguage());
    }

    /** The language whose function words clearly dominate the start of the text, or null when none does. */
    static String byFunctionWords(String text) {
        int[] counts = counts(text);
        int[] hits = java.util.Arrays.copyOf(counts, LANGUAGES.length);
        int neighbours = counts[LANGUAGES.length];
        int words = counts[LANGUAGES.length + 1];
        int best = 0, second = -1;
        for (int k = 1; k < hits.length; k++) {
            if (hits[k] > hits[best]) {
                second = best;
                best = k;
            } else if (second < 0 || hits[k] > hits[second]) {
                second = k;
            }
        }
        int runnerUp = second < 0 ? 0 : hits[second];
        if (hits[best] >= MIN_HITS && hits[best] >= MIN_SHARE * words && hits[best] >= LEAD * Math.max(1, runnerUp)
                && hits[best] >= LEAD * neighbours) {
            return LANGUAGES[best];
        }
        return null;
    }

    /** Function-word hits per language (en, es, pt, fr, de), then those of neighbouring languages, then the number of words. */
    static int[] counts(String text) {
        int[] hits = new int[LANGUAGES.length + 2];
        int words = 0;
        int end = Math.min(text.length(), WORD_SAMPLE);
        // a word longer than every listed word is counted, never looked up
        char[] word = new char[LONGEST_WORD + 1];
        int length = 0;
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            // ASCII letters without the Unicode tables
            boolean letter = c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
            if (letter) {
                if (length < word.length) word[length] = c < 0x80 ? (char) (c | 0x20) : Character.toLowerCase(c);
                length++;
                continue;
            }
            if (length > 0) {
                words++;
                if (length <= LONGEST_WORD) {
                    int lang = WORD_LANGUAGES.get(word, length, -1);
                    if (lang >= 0) hits[lang]++;
                }
                length = 0;
            }
        }
        hits[LANGUAGES.length + 1] = words;
        return hits;
    }

    /** eng → en, spa → es; two-letter codes pass through. */
    public static String toIso1(String code) {
        if (code == null) return null;
        String c = code.toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        if (dash > 0) c = c.substring(0, dash);
        if (c.length() == 2) return c;
        return ISO3_TO_ISO1.getOrDefault(c, c);
    }
}
