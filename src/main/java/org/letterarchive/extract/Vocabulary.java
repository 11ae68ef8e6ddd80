package org.letterarchive.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.letterarchive.letter.Folding;
import org.letterarchive.letter.OrganisationWords;

/**
 * The analysis's vocabularies, each from a general cited source and none from the example letters:
 * legal forms from ISO 20275 and organisation types from Wikidata's types of organisation (both read by
 * {@link OrganisationWords}, which organization keys share), month names and
 * country and region names from the JDK's locale data (CLDR), honorifics from {@code honorifics.txt}, offices
 * from {@code offices.txt}.
 * Every lookup takes a word or phrase as written and folds it (case, accents, punctuation) first.
 */
public final class Vocabulary {

    /** the languages whose month and country names are read */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"),
            Locale.FRENCH, Locale.GERMAN, Locale.ITALIAN, Locale.forLanguageTag("nl"), Locale.forLanguageTag("ca"));
    /** UN M.49 region codes, named by CLDR in every language ("Latin America", "Europa", "Caribe") */
    private static final List<String> REGIONS = List.of("001", "002", "005", "009", "011", "013", "014", "015", "017", "018",
            "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151",
            "154", "155", "202", "419", "EU");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** the first character past the Latin letters folded by {@link #LATIN} */
    private static final char LATIN_END = '\u0250';
    /** what each character from U+0080 to U+024F folds to by {@link #foldUnicode}'s first steps (decomposed, marks dropped, lower case) */
    private static final String[] LATIN = new String[LATIN_END - 0x80];
    /** the length of the longest folding in {@link #LATIN} */
    private static final int LATIN_LONGEST;

    static {
        int longest = 1;
        for (char c = 0x80; c < LATIN_END; c++) {
            LATIN[c - 0x80] = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
            longest = Math.max(longest, LATIN[c - 0x80].length());
        }
        LATIN_LONGEST = longest;
    }

    private static final Vocabulary INSTANCE = new Vocabulary();

    private final Map<String, Integer> months = new HashMap<>();
    private final Set<String> monthWords = new HashSet<>();
    private final Set<String> placeCodes = new HashSet<>();
    /** the months, legal forms and legal forms' words, each with the bits of what it is */
    private final StringTable wordKinds;
    /**
     * the lists, folded, as looked up: tables in a few compact arrays (a hash set follows a pointer to a node per
     * look-up), each looking up the folding of an ASCII text without making it; officeOpeningSet holds the first
     * word of every office
     */
    private final FoldedSet legalFormSet, legalFormWordSet, honorificSet, officeSet, officeOpeningSet, organisationTypeSet,
            placeSet, languageNameSet;

    private Vocabulary() {
        OrganisationWords lists = OrganisationWords.get();
        Set<String> legalForms = new HashSet<>(), legalFormWords = new HashSet<>(), honorifics = new HashSet<>(),
                offices = new HashSet<>(), officeOpenings = new HashSet<>(), organisationTypes = new HashSet<>(),
                places = new HashSet<>(), languageNames = new HashSet<>();
        for (String a : lists.legalFormAbbreviations()) legalForms.add(fold(a));
        for (String w : lists.legalFormWords()) legalFormWords.add(fold(w));
        legalForms.remove("");
        legalFormWords.remove("");
        for (String line : resource("honorifics.txt")) honorifics.add(fold(line));
        for (String line : resource("offices.txt")) offices.add(fold(line));
        for (String office : offices) officeOpenings.add(firstWord(office));
        for (String line : lists.organisationTypes()) organisationTypes.add(fold(line));
        for (Locale l : LANGUAGES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(l);
            String[] full = symbols.getMonths();
            String[] abbreviated = symbols.getShortMonths();
            for (int m = 0; m < 12; m++) {
                monthWords.add(full[m].toLowerCase(l));
                if (abbreviated[m].length() >= 3) monthWords.add(abbreviated[m].toLowerCase(l).replace(".", ""));
                months.putIfAbsent(fold(full[m]), m + 1);
                String a = fold(abbreviated[m]);
                if (a.length() >= 3) months.putIfAbsent(a, m + 1);
                // the three-letter form, as written in most languages' abbreviated dates ("Sep", "Okt")
                if (fold(full[m]).length() > 3) months.putIfAbsent(fold(full[m]).substring(0, 3), m + 1);
            }
            for (String code : Locale.getISOCountries()) addPlace(places, new Locale.Builder().setRegion(code).build().getDisplayCountry(l));
            for (String code : REGIONS) addPlace(places, new Locale.Builder().setRegion(code).build().getDisplayCountry(l));
        }
        // the names of languages, in the read languages and in their own ("English", "Français", "Español"): a page's language menu
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.forLanguageTag(code);
            languageNames.add(fold(language.getDisplayLanguage(language)));
            for (Locale l : LANGUAGES) languageNames.add(fold(language.getDisplayLanguage(l)));
        }
        languageNames.remove("");
        Map<String, Integer> kinds = new HashMap<>();
        for (String m : months.keySet()) kinds.merge(m, MONTH, (a, b) -> a | b);
        for (String f : legalForms) kinds.merge(f, LEGAL_FORM, (a, b) -> a | b);
        for (String w : legalFormWords) kinds.merge(w, LEGAL_FORM_WORD, (a, b) -> a | b);
        wordKinds = new StringTable(kinds);
        legalFormSet = new FoldedSet(legalForms);
        legalFormWordSet = new FoldedSet(legalFormWords);
        honorificSet = new FoldedSet(honorifics);
        officeSet = new FoldedSet(offices);
        officeOpeningSet = new FoldedSet(officeOpenings);
        organisationTypeSet = new FoldedSet(organisationTypes);
        placeSet = new FoldedSet(places);
        languageNameSet = new FoldedSet(languageNames);
        for (String code : Locale.getISOCountries()) {
            placeCodes.add(code);
            try {
                placeCodes.add(new Locale("", code).getISO3Country());
            } catch (RuntimeException e) {
                // a region with no three-letter code
            }
        }
    }

    /** A set of folded texts ({@link #fold}), as a table. */
    private static final class FoldedSet {
        private final StringTable table;

        FoldedSet(Set<String> folded) {
            Map<String, Integer> entries = new HashMap<>();
            for (String k : folded) entries.put(k, 1);
            table = new StringTable(entries);
        }

        /** Whether the set holds a text already folded. */
        boolean has(String folded) {
            return table.get(folded, 0) != 0;
        }

        /** Whether the set holds the folding of the text: {@code has(fold(text))}. */
        boolean hasFoldingOf(String text) {
            return folded(table, text, 0) != 0;
        }
    }

    private static void addPlace(Set<String> places, String name) {
        String k = fold(name);
        if (k.isEmpty()) return;
        places.add(k);
        // "Bolivia, Plurinational State of", "Congo (DRC)": the name before its qualifier too
        int cut = name.indexOf(',') > 0 ? name.indexOf(',') : name.indexOf('(');
        if (cut > 0) places.add(fold(name.substring(0, cut)));
    }

    public static Vocabulary get() {
        return INSTANCE;
    }

    /** An abbreviated legal form: "A.C.", "Inc", "e.V.", "Ltda." */
    public boolean isLegalForm(String s) {
        return legalFormSet.hasFoldingOf(s);
    }

    /** A word of a legal form's name: "foundation", "asociación", "cooperative", "stiftung". */
    public boolean isLegalFormWord(String word) {
        return legalFormWordSet.hasFoldingOf(word);
    }

    /** What a word folded by {@link #fold} is, as bits: a month ({@link #month}), a legal form, a word of a legal form's name. */
    static final int MONTH = 1, LEGAL_FORM = 2, LEGAL_FORM_WORD = 4;

    /** Which of {@link #MONTH}, {@link #LEGAL_FORM} and {@link #LEGAL_FORM_WORD} a word already folded by {@link #fold} is, in one look-up. */
    int foldedKinds(String folded) {
        return wordKinds.get(folded, 0);
    }

    /** As {@code foldedKinds(fold(word))}, without making the folded string where the word is ASCII (most words of a letter are). */
    int wordKinds(String word) {
        return folded(wordKinds, word, 0);
    }

    /**
     * The table's number for the folding of a text ({@link #fold}), or {@code absent}: a text of ASCII characters is
     * looked up by the hash and text of its folding, read off the text, without making the folded string.
     */
    private static int folded(StringTable table, String text, int absent) {
        // null folds as the empty text does
        if (text == null) text = "";
        int hash = 0;
        boolean gap = false, written = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) return table.get(fold(text), absent);
            if (!asciiAlnum(c)) {
                gap = true;
                continue;
            }
            if (gap && written) hash = 31 * hash + ' ';
            gap = false;
            written = true;
            hash = 31 * hash + asciiLower(c);
        }
        return table.get(hash, text, Vocabulary::foldsAsciiTo, absent);
    }

    /** Whether {@link Folding#asciiWords} folds the ASCII text to the key, read side by side. */
    static boolean foldsAsciiTo(String key, String ascii) {
        int j = 0;
        boolean gap = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!asciiAlnum(c)) {
                gap = true;
                continue;
            }
            if (gap && j > 0 && (j >= key.length() || key.charAt(j++) != ' ')) return false;
            gap = false;
            if (j >= key.length() || key.charAt(j++) != asciiLower(c)) return false;
        }
        return j == key.length();
    }

    private static boolean asciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * True when any word of the text names a kind of organisation by the general list of organisation types
     * ("Foundation", "Asociación"), not counting the words of the legal forms' full names: those hold
     * surnames too ("Morales" of "personas morales").
     */
    public boolean hasOrganisationTypeWord(String text) {
        for (String w : fold(text).split(" ")) if (!w.isEmpty() && organisationTypeSet.has(w)) return true;
        return false;
    }

    /**
     * True when the text names kinds of organisation in the plural and holds no name: one word at least is a plural
     * of the general list of organisation types ("organizations" of "organization", "organizaciones" of
     * "organización"), no word is a singular one, and every other word is capitalised ("Local Associations").
     */
    public boolean namesKindsOnly(String text) {
        boolean plural = false;
        for (String raw : Splits.whitespace(text.strip())) {
            String w = fold(raw);
            if (w.isEmpty()) continue;
            boolean isPlural = (w.endsWith("s") && organisationTypeSet.has(w.substring(0, w.length() - 1)))
                    || (w.endsWith("es") && organisationTypeSet.has(w.substring(0, w.length() - 2)));
            if (isPlural) {
                plural = true;
            } else if (organisationTypeSet.has(w) || !Character.isUpperCase(raw.codePointAt(0))) {
                return false;
            }
        }
        return plural;
    }

    /** True when any word of the text names a kind of organisation. */
    public boolean hasOrganisationWord(String text) {
        for (String w : fold(text).split(" ")) if (!w.isEmpty() && (organisationTypeSet.has(w) || legalFormWordSet.has(w))) return true;
        return false;
    }

    /** An honorific or style written before a name: "Dr.", "Hon.", "Sra.", "Exmo." */
    public boolean isHonorific(String word) {
        return honorificSet.hasFoldingOf(word);
    }

    /** A public or organisational office: "Minister", "Chief Justice", "Senadora", "Bürgermeister". */
    public boolean isOffice(String phrase) {
        return officeSet.hasFoldingOf(phrase);
    }

    /**
     * How many of the leading words name an office, with up to two capitalised words qualifying it
     * ("Deputy Chief Justice", "Acting High Commissioner", "Councilwoman"); 0 when they name none.
     */
    public int officeWords(List<String> words) {
        return officeWords(words, 2);
    }

    /** True when the text opens with an office ("Governor of X", "Deputy Minister"): see {@link #officeWords(List)}. */
    public boolean opensWithOffice(String text) {
        return officeWords(List.of(Splits.whitespace(text.strip()))) > 0;
    }

    /** As {@link #officeWords(List)}, with at most this many qualifying words before the office. */
    public int officeWords(List<String> words, int qualifiers) {
        for (int q = 0; q <= qualifiers && q < words.size(); q++) {
            if (q > 0 && !Character.isUpperCase(words.get(q - 1).codePointAt(0))) return 0;
            // the words from q on fold to a text that opens with the first folded word of word q (where it has one):
            // none of them is an office unless an office opens with that word
            String opening = fold(words.get(q));
            if (!opening.isEmpty() && !officeOpeningSet.has(firstWord(opening))) continue;
            for (int len = Math.min(4, words.size() - q); len >= 1; len--) {
                if (officeSet.hasFoldingOf(String.join(" ", words.subList(q, q + len)))) return q + len;
            }
        }
        return 0;
    }

    /** The first word of a folded text (whose words are apart by single spaces). */
    private static String firstWord(String folded) {
        int space = folded.indexOf(' ');
        return space < 0 ? folded : folded.substring(0, space);
    }

    /** A country or world region, in any of the read languages, or an ISO 3166 code written in capitals ("MX", "USA"). */
    public boolean isPlace(String s) {
        if (s == null || s.length() > 60) return false;
        String t = s.strip();
        return placeSet.hasFoldingOf(t) || (t.length() <= 3 && placeCodes.contains(t));
    }

    /** True when every word of the text (two or more) is the name of a language: "English Français Español", a page's language menu. */
    public boolean namesLanguagesOnly(String s) {
        String[] w = fold(s).split(" ");
        if (w.length < 2) return false;
        for (String x : w) if (!languageNameSet.has(x)) return false;
        return true;
    }

    /** The month a name or abbreviation means (1-12), or 0. */
    public int month(String word) {
        return months.getOrDefault(fold(word), 0);
    }

    /** Every month name and abbreviation read, lower-case, as written and folded ("août", "aout", "sept"). */
    public Set<String> monthNames() {
        Set<String> all = new HashSet<>(monthWords);
        all.addAll(months.keySet());
        return all;
    }

    /** Case, accents and punctuation folded away: "Asociación Civil" and "asociacion civil" are one. */
    public static String fold(String s) {
        if (s == null) return "";
        String ascii = Folding.asciiWords(s);
        if (ascii != null) return ascii;
        String latin = foldLatin(s, false);
        return latin != null ? latin : foldUnicode(s);
    }

    /** The folding by the Unicode normaliser: compatibility decomposition, marks dropped, lower case, runs of other than letters and digits one space. */
    static String foldUnicode(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKD);
        t = MARKS.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_ALNUM.matcher(t).replaceAll(" ").strip();
    }

    /**
     * The folding of a text of Latin letters (accented or not), digits, punctuation and combining accents, one
     * character at a time by {@link #LATIN}, as {@link #foldUnicode} folds it (each such character decomposes alone,
     * and none lower-cases by its neighbours); null for any other text. With {@code scorer}, as the scorer folds
     * ({@link Annotations#fold} but for a leading "the"): '_' is kept as a letter and '&' is read "and".
     */
    static String foldLatin(String s, boolean scorer) {
        // written into an array as long as the folding can be: each character of a character's folding (or of "and"
        // for '&') gives two at most, itself and a space before it
        char[] out = new char[s.length() * 2 * Math.max(LATIN_LONGEST, "and".length())];
        int length = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String folded;
            if (c < 0x80) folded = null;
            else if (c < LATIN_END) folded = LATIN[c - 0x80];
            else if (c >= '\u0300' && c <= '\u036F') continue; // a combining accent: dropped, as the marks are
            else return null;
            int n = folded == null ? 1 : folded.length();
            for (int k = 0; k < n; k++) {
                char d = folded == null ? c : folded.charAt(k);
                if (scorer && d == '&') {
                    if (length > 0) out[length++] = ' ';
                    out[length++] = 'a';
                    out[length++] = 'n';
                    out[length++] = 'd';
                    gap = true;
                    continue;
                }
                boolean alnum = d < 0x80 ? (d >= 'a' && d <= 'z') || (d >= '0' && d <= '9') || (d >= 'A' && d <= 'Z') || (scorer && d == '_')
                        : Character.isLetterOrDigit(d) || Character.getType(d) == Character.LETTER_NUMBER || Character.getType(d) == Character.OTHER_NUMBER;
                if (!alnum) {
                    gap = true;
                    continue;
                }
                if (gap && length > 0) out[length++] = ' ';
                gap = false;
                out[length++] = d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d;
            }
        }
        return new String(out, 0, length);
    }

    private static List<String> resource(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
