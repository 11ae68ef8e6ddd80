package org.letterarchive.letter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An organization as one entity across the archive: a canonical key, the name shown for it, and the
 * other names (acronyms, spellings) that stand for it.
 */
public record Organization(String key, String name, String acronym, List<String> aliases) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal-form suffixes that do not change which organization is meant. */
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?:\\s+(?:a\\s?c|s\\s?c|i\\s?a\\s?p|inc|incorporated|ltd|limited|llc|gmbh|e\\s?v|asbl|aisbl|ong|corp|co|sa|s\\s?a|s\\s?l|pty(?:\\s?ltd)?|plc|cic|ngo))+$");

    public Organization {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * The canonical key of an organization name: case, accents and letters like ø, ß, æ, ł folded as the index
     * folds words ({@link Folding}), punctuation, '&amp;' vs 'and', a leading 'the' and legal suffixes (A.C.,
     * Inc., Ltd.) folded away. Two spellings of one name share a key.
     */
    public static String keyOf(String name) {
        if (name == null) return "";
        String s = Folding.fold(name).replace("&", " and ");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        s = s.replaceFirst("^the\\s+", "");
        String stripped = LEGAL_SUFFIX.matcher(s).replaceAll("").trim();
        return stripped.isEmpty() ? s : stripped;
    }

    /**
     * A key made by an earlier folding, folded again: what {@link #keyOf} gives the same name today (keys are
     * already lower case, without punctuation, a leading 'the' or legal suffixes).
     */
    public static String refold(String key) {
        if (key == null) return "";
        return NON_WORD.matcher(Folding.fold(key)).replaceAll(" ").trim();
    }
}
