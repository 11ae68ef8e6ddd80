package org.letterarchive.letter;

/**
 * One addressee of a letter.
 *
 * @param name         the person or group addressed ("Michael Pompeo", "Members of Congress"); null for an
 *                     office addressed as such
 * @param role         the office or role ("Secretary of State"); null when none
 * @param organization the body the recipient belongs to, when written; null otherwise
 * @param cc           true for a copied recipient
 * @param confidence   the analysis's confidence in this recipient, 0-1; null when not measured
 */
public record Recipient(String name, String role, String organization, boolean cc, Double confidence) {

    public Recipient(String name, String role, String organization, boolean cc) {
        this(name, role, organization, cc, null);
    }

    public Recipient withConfidence(Double c) {
        return new Recipient(name, role, organization, cc, c);
    }

    public Recipient {
        if ((name == null || name.isBlank()) && (role == null || role.isBlank())) {
            throw new IllegalArgumentException("a recipient needs a name or a role");
        }
    }

    public static Recipient of(String name, String role) {
        return new Recipient(name, role, null, false);
    }

    /** What a recipient facet shows: the name, or the role for an office addressed as such. */
    public String label() {
        return name != null && !name.isBlank() ? name : role;
    }
}
