package org.letterarchive.letter;

/**
 * One signer of a letter, as written in its signature block.
 *
 * @param name        the organization or person, minus a trailing acronym, location or descriptor
 * @param kind        organization or person
 * @param acronym     the acronym the text gives, e.g. "WOLA" from "(WOLA)"; null when none
 * @param location    the place the text gives, e.g. "Chiapas, México"; null when none
 * @param affiliation for a person, the organization they belong to; null otherwise
 * @param title       for a person, a title or position ("Professor"); null when none
 * @param raw         the full line as written where it differs from name; null otherwise
 */
public record Signer(String name, Kind kind, String acronym, String location,
                     String affiliation, String title, String raw) {

    /** Lower-case constants so that they read as they are written in JSON. */
    public enum Kind { organization, person }

    public Signer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a signer needs a name");
        if (kind == null) kind = Kind.organization;
    }

    public static Signer organization(String name) {
        return new Signer(name, Kind.organization, null, null, null, null, null);
    }

    public static Signer person(String name, String affiliation) {
        return new Signer(name, Kind.person, null, null, affiliation, null, null);
    }

    public boolean isOrganization() {
        return kind == Kind.organization;
    }

    /** The organization this signer stands for in facets: itself, or a person's affiliation. */
    public String organizationName() {
        return isOrganization() ? name : affiliation;
    }
}
