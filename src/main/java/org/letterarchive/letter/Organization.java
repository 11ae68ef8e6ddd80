package org.letterarchive.letter;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organization as one entity across the archive: a canonical key, the name shown for it, and the
 * other names (acronyms, spellings) that stand for it.
 */
public record Organization(String key, String name, String acronym, List<String> aliases) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal-form suffixes that do not change which organization is meant. */
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?:\\s+(?:a\\s?c|s\\s?c|i\\s?a\\s?p|inc|incorporated|ltd|limited|llc|gmbh|e\\s?v|asbl|aisbl|ong|corp|co|sa|s\\s?a|s\\s?l|pty(?:\\s?ltd)?|plc|cic|ngo))+$");

    public Organization {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * The canonical key of an organization name: case, accents, punctuation, '&amp;' vs 'and', a leading
     * 'the' and legal suffixes (A.C., Inc., Ltd.) folded away. Two spellings of one name share a key.
     */
    public static String keyOf(String name) {
        if (name == null) return "";
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        s = s.replaceFirst("^the\\s+", "");
        String stripped = LEGAL_SUFFIX.matcher(s).replaceAll("").trim();
        return stripped.isEmpty() ? s : stripped;
    }
}
