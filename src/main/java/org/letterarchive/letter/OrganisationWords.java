package org.letterarchive.letter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The archive's one list of legal forms and its one list of kinds of organisation, read once, as written:
 * legal forms from ISO 20275 (GLEIF's Entity Legal Forms code list, {@code legal-forms.txt}: each local
 * abbreviation, "A.C.", "e.V.", "Inc.", marking those the list gives only as words of the form's own name written
 * out, "Unlimited", "District", and each word of four letters or more of a local name, "asociación",
 * "stiftung"), kinds of organisation from Wikidata's types of organisation ({@code organisation-types.txt}:
 * "association", "coalition", "fundación"). The letter analysis ({@code extract.Vocabulary}) and organization
 * keys ({@link Organization#keyOf}) both read them here. Immutable.
 */
public final class OrganisationWords {

    private static final OrganisationWords LISTS = new OrganisationWords();

    private final Set<String> legalFormAbbreviations;
    private final Set<String> writtenOut;
    private final Set<String> legalFormWords;
    private final Set<String> organisationTypes;

    private OrganisationWords() {
        Set<String> abbreviations = new HashSet<>(), spelt = new HashSet<>(), words = new HashSet<>();
        for (String line : resource("legal-forms.txt")) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            String value = line.substring(tab + 1).strip();
            if (value.isEmpty()) continue;
            String tag = line.substring(0, tab);
            if (tag.equals("word")) {
                words.add(value);
            } else {
                abbreviations.add(value);
                if (tag.equals("spelt")) spelt.add(value);
            }
        }
        legalFormAbbreviations = Set.copyOf(abbreviations);
        writtenOut = Set.copyOf(spelt);
        legalFormWords = Set.copyOf(words);
        organisationTypes = Set.copyOf(resource("organisation-types.txt"));
    }

    public static OrganisationWords get() {
        return LISTS;
    }

    /** ISO 20275 local abbreviations of legal forms, as the list writes them: "A.C.", "GmbH", "Pty Ltd". */
    public Set<String> legalFormAbbreviations() {
        return legalFormAbbreviations;
    }

    /**
     * The entries of {@link #legalFormAbbreviations} that the list gives, for every form listing them, only as
     * words of that form's own name ("Unlimited" for "Unlimited Company", "District", "Partnership"): a name
     * written out in part rather than an abbreviation.
     */
    public Set<String> legalFormsWrittenOut() {
        return writtenOut;
    }

    /** Words of ISO 20275 local legal-form names, lower case: "asociación", "foundation", "stiftung". */
    public Set<String> legalFormWords() {
        return legalFormWords;
    }

    /** Labels of kinds of organisation, as the list writes them: "association", "coalition", "red". */
    public Set<String> organisationTypes() {
        return organisationTypes;
    }

    private static List<String> resource(String name) {
        try (InputStream in = OrganisationWords.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
