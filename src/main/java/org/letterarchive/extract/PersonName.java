package org.letterarchive.extract;

import java.util.Set;

/**
 * The shape of a person's name, defined once for signers and recipients: after any honorific, two to five
 * words, each capitalised or a name particle ("de", "van", "bin") and at least two capitalised, no digit or
 * {@code & @ : /}, and no word naming a kind of organisation.
 *
 * <p>Names written in capitals ("JANE DOE") are the one choice left to the caller ({@link AllCaps}): in a
 * signer list a line in capitals is far more often an organisation or an acronym than a person, while an
 * addressee is often set in capitals in a letter's heading ("HON. JANE DOE").
 */
final class PersonName {

    /** Whether words of three or more capitals without a dot ("DOE", not "J.R." or "DC") can be part of a name. */
    enum AllCaps { REJECT, ACCEPT }

    /** the characters no name holds but digits: {@code [\\d&@:/]} without the digits */
    private static final String NOT_IN_NAME = "&@:/";
    private static final Set<String> NAME_PARTICLES = Set.of("de", "del", "la", "las", "los", "da", "das", "do", "dos", "van", "von", "der",
            "den", "le", "y", "e", "bin", "al", "el", "di");

    private PersonName() {}

    /** True when the text reads as a person's name, words in capitals not counted as one's (see the class comment). */
    static boolean shaped(String s) {
        return shaped(s, AllCaps.REJECT);
    }

    /** True when the text reads as a person's name (see the class comment). */
    static boolean shaped(String s, AllCaps allCaps) {
        String rest = afterHonorific(s.strip());
        String t = rest == null ? s.strip() : rest;
        // a line of many words (a paragraph) is no name: counted, not split
        int words = words(t, 6);
        if (words < 2 || words > 5) return false;
        // the words' shapes first, the vocabulary last: each test only says no, so the cheapest go first
        int caps = 0;
        // the words between runs of whitespace (a stripped text opens and closes with none)
        for (int start = 0, end; start < t.length(); start = end) {
            end = start;
            while (end < t.length() && !splits(t.charAt(end))) end++;
            String x = t.substring(start, end);
            while (end < t.length() && splits(t.charAt(end))) end++;
            if (Character.isUpperCase(x.codePointAt(0))) caps++;
            else if (!NAME_PARTICLES.contains(x)) return false;
            if (allCaps == AllCaps.REJECT && x.length() > 2 && x.equals(x.toUpperCase()) && !x.contains(".")) return false;
            if (brandCapital(x)) return false;
        }
        return caps >= 2 && !hasCharacterOfNoName(t) && !Vocabulary.get().hasOrganisationTypeWord(t);
    }

    /**
     * Whether a word is written as a brand is, not as a name: a capital inside it after three small letters or more
     * ("ActionAid", "OpenMedia"), or capitals following a small letter ("TiSA"). A name's inner capital follows a short
     * prefix ("McDonald", "MacArthur", "DeShawn") or a hyphen or apostrophe ("Smith-Jones", "O'Brien").
     */
    static boolean brandCapital(String word) {
        int lowerRun = 0;
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                lowerRun++;
            } else if (Character.isUpperCase(c)) {
                if (lowerRun >= 3) return true;
                if (lowerRun > 0 && i + 1 < word.length() && Character.isUpperCase(word.charAt(i + 1))) return true;
                lowerRun = 0;
            } else {
                // a hyphen or an apostrophe opens a name's next part
                lowerRun = -word.length();
            }
        }
        return false;
    }

    /** Whether the text holds an ASCII digit or one of {@link #NOT_IN_NAME}, as {@code [\\d&@:/]} finds them. */
    static boolean hasCharacterOfNoName(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c >= '0' && c <= '9') || NOT_IN_NAME.indexOf(c) >= 0) return true;
        }
        return false;
    }

    /**
     * How many words the runs of {@code \s} split a stripped text into, counted up to {@code most}: one more than its
     * runs of whitespace (an empty text is one empty word).
     */
    static int words(String t, int most) {
        int n = 1;
        for (int i = 0; i < t.length() && n < most; i++) {
            if (splits(t.charAt(i)) && (i == 0 || !splits(t.charAt(i - 1)))) n++;
        }
        return n;
    }

    /** The characters of {@code \s}: space, tab, line and page breaks. */
    private static boolean splits(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What follows an honorific opening the text ("Dr. Jane Doe" gives "Jane Doe"); null when none opens it. */
    static String afterHonorific(String s) {
        int space = s.indexOf(' ');
        if (space <= 0) return null;
        String first = s.substring(0, space);
        if (first.endsWith(".")) first = first.substring(0, first.length() - 1);
        return Vocabulary.get().isHonorific(first) ? s.substring(space + 1).strip() : null;
    }
}
