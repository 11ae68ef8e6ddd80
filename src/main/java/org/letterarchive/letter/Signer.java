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
 * @param capacity    how a person signs: on behalf of their organisation, or in a personal capacity (the
 *                    affiliation given for identification only); null for an organisation
 * @param confidence  the analysis's confidence in this signer, 0-1; null when not measured (a curator's entry)
 */
public record Signer(String name, Kind kind, String acronym, String location,
                     String affiliation, String title, String raw, Capacity capacity, Double confidence) {

    /** Lower-case constants so that they read as they are written in JSON. */
    public enum Kind { organization, person }

    /** How a person signs: for their organisation, or for themselves with an affiliation given for identification. */
    public enum Capacity { on_behalf, personal }

    public Signer(String name, Kind kind, String acronym, String location, String affiliation, String title, String raw) {
        this(name, kind, acronym, location, affiliation, title, raw, null, null);
    }

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

    /**
     * The organization this signer stands for in facets: itself, or the organisation a person signs on
     * behalf of; a person signing in a personal capacity stands for no organisation.
     */
    public String organizationName() {
        if (isOrganization()) return name;
        return capacity == Capacity.personal ? null : affiliation;
    }

    public Signer withConfidence(Double c) {
        return new Signer(name, kind, acronym, location, affiliation, title, raw, capacity, c);
    }

    public Signer withCapacity(Capacity c) {
        return new Signer(name, kind, acronym, location, affiliation, title, raw, c, confidence);
    }

    public Signer withTitle(String t) {
        return new Signer(name, kind, acronym, location, affiliation, t, raw, capacity, confidence);
    }

    public Signer withAffiliation(String a) {
        return new Signer(name, kind, acronym, location, a, title, raw, capacity, confidence);
    }
}
