package org.letterarchive.family;

import java.time.temporal.ChronoUnit;

/**
 * When two letters are of one family, and how a member relates to the family's earliest letter.
 *
 * <ul>
 *   <li><b>near duplicate</b>: one body holds most of the other's word 4-shingles (containment), so a letter
 *       re-sent with a longer signer list, updated in a paragraph or copied with small edits is found;</li>
 *   <li><b>translation</b>: another language, a strongly overlapping signer set, dates within
 *       {@value #TRANSLATION_DAYS} days, and the same structure (paragraph count, the numbers of the body).</li>
 * </ul>
 */
public final class Rules {

    /** Shared shingles over the smaller body's, from which two letters are near duplicates. */
    public static final double CONTAINMENT = 0.75;
    /** Body containment and signer overlap from which a member is the same letter again. */
    static final double SAME_TEXT = 0.98;
    /** Signer overlap (Jaccard) below which a near duplicate is a copy by other signers, not a version. */
    static final double COPY_SIGNERS = 0.3;
    public static final int CAMPAIGN_MIN = 10;
    static final int TRANSLATION_DAYS = 42;

    private Rules() {}

    /** How {@code a} is tied to {@code b} when they are of one family; null when they are not. */
    static Families.Link link(Fingerprint a, Fingerprint b) {
        if (nearDuplicate(a, b)) return Families.Link.version;
        if (translation(a, b)) return Families.Link.translation;
        return null;
    }

    static boolean nearDuplicate(Fingerprint a, Fingerprint b) {
        if (Math.min(a.bodySize(), b.bodySize()) < Families.MIN_SHINGLES) return false;
        if (!a.sameLanguage(b)) return false;
        return a.containment(b) >= CONTAINMENT;
    }

    static boolean translation(Fingerprint a, Fingerprint b) {
        if (a.language == null || b.language == null || a.language.equals(b.language)) return false;
        if ((a.date == null) != (b.date == null)) return false;
        if (a.date != null && Math.abs(ChronoUnit.DAYS.between(a.date, b.date)) > TRANSLATION_DAYS) return false;
        int shared = a.sharedSigners(b);
        int smaller = Math.min(a.signers.size(), b.signers.size());
        if (smaller == 0 || (double) shared / smaller < 0.7) return false;
        // paragraph counts alike, and the body's numbers alike; the fewer signers shared, the closer
        int pa = a.paragraphs.size(), pb = b.paragraphs.size();
        if (pa == 0 || pb == 0) return false;
        double numbers = numberOverlap(a, b);
        if (shared >= 10 && a.signerJaccard(b) >= 0.8) {
            // a large coalition signing alike within weeks: notes or an introduction may be added in one language
            return (double) Math.min(pa, pb) / Math.max(pa, pb) >= 0.5 || numbers >= 0.3;
        }
        if (Math.abs(pa - pb) > Math.max(1, Math.max(pa, pb) / 4)) return false;
        // bodies of like length (a translation runs about as long as its original)
        double length = (double) Math.min(a.bodySize(), b.bodySize()) / Math.max(1, Math.max(a.bodySize(), b.bodySize()));
        if (length < 0.6) return false;
        if (shared < 3) {
            // one or two signers in common say little: paragraph counts within one (a paragraph split or joined in
            // translation), bodies of like length, and the body's numbers (years, counts, sums) mostly the same
            return Math.abs(pa - pb) <= 1 && length >= 0.75 && sharedNumbers(a, b) >= 2 && numbers >= 0.5;
        }
        return numbers >= 0.3;
    }

    static int sharedNumbers(Fingerprint a, Fingerprint b) {
        int shared = 0;
        for (String n : a.numbers) if (b.numbers.contains(n)) shared++;
        return shared;
    }

    static double numberOverlap(Fingerprint a, Fingerprint b) {
        if (a.numbers.isEmpty() && b.numbers.isEmpty()) return 1;
        int shared = sharedNumbers(a, b);
        return (double) shared / (a.numbers.size() + b.numbers.size() - shared);
    }

    /** The relation of a member to its family's earliest letter. */
    static Families.Link relation(Fingerprint member, Fingerprint root) {
        if (!member.sameLanguage(root)) return Families.Link.translation;
        double signers = member.signerJaccard(root);
        if (member.containment(root) >= SAME_TEXT && member.jaccard(root) >= SAME_TEXT && signers >= 0.999) {
            return Families.Link.same;
        }
        if (signers < COPY_SIGNERS) return Families.Link.copy;
        return Families.Link.version;
    }
}
