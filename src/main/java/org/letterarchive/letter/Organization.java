package org.letterarchive.letter;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An organization as one entity across the archive: a canonical key, the name shown for it, and the
 * other names (acronyms, spellings) that stand for it.
 */
public record Organization(String key, String name, String acronym, List<String> aliases) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * Legal forms that do not change which organization is meant: the ISO 20275 abbreviations
     * ({@link OrganisationWords}), folded and written without spaces ("A.C.", "A. C." and "AC" alike), less those
     * that are words of a name rather than abbreviations: a kind of organisation ("Association", "Fund",
     * "Society": "Wildlife Trust" and "Wildlife Fund" are two organizations) or a form's name written out in part
     * ("Unlimited", "District", "Partnership").
     */
    private static final Set<String> LEGAL_FORMS;
    /** the most words a folded legal form has ("s e n c r l") */
    private static final int LEGAL_FORM_WORDS;

    static {
        OrganisationWords lists = OrganisationWords.get();
        Set<String> words = new HashSet<>();
        for (String t : lists.organisationTypes()) words.add(compact(t));
        Set<String> forms = new HashSet<>();
        int most = 1;
        for (String a : lists.legalFormsWrittenOut()) words.add(compact(a));
        for (String a : lists.legalFormAbbreviations()) {
            String c = compact(a.replace("&", " and "));
            if (c.isEmpty() || words.contains(c)) continue;
            forms.add(c);
            most = Math.max(most, NON_WORD.split(Folding.fold(a).strip()).length);
        }
        LEGAL_FORMS = Set.copyOf(forms);
        LEGAL_FORM_WORDS = most;
    }

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
        return withoutLegalForms(s.replaceFirst("^the\\s+", ""));
    }

    /**
     * A key made by an earlier folding or an earlier list of legal forms, folded again: what {@link #keyOf} gives
     * the same name today (keys are already lower case, without punctuation or a leading 'the').
     */
    public static String refold(String key) {
        if (key == null) return "";
        return withoutLegalForms(NON_WORD.matcher(Folding.fold(key)).replaceAll(" ").trim());
    }

    /** The folded name without the legal forms that end it; never without its first word. */
    private static String withoutLegalForms(String folded) {
        String[] words = folded.split(" ");
        int end = words.length;
        boolean cut = true;
        while (cut && end > 1) {
            cut = false;
            for (int n = Math.min(LEGAL_FORM_WORDS, end - 1); n >= 1 && !cut; n--) {
                if (LEGAL_FORMS.contains(String.join("", Arrays.copyOfRange(words, end - n, end)))) {
                    end -= n;
                    cut = true;
                }
            }
        }
        return end == words.length ? folded : String.join(" ", Arrays.copyOf(words, end));
    }

    private static String compact(String s) {
        return NON_WORD.matcher(Folding.fold(s)).replaceAll("");
    }
}
