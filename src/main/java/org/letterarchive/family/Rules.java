package org.letterarchive.family;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.letterarchive.index.IndexSchema;

/**
 * When two letters are of one family, and how a member relates to the family's earliest letter.
 *
 * <ul>
 *   <li><b>near duplicate</b>: one body holds most of the other's word 4-shingles (containment), so a letter
 *       re-sent with a longer signer list, updated in a paragraph or copied with small edits is found;</li>
 *   <li><b>translation</b>: another language, dates within {@value #TRANSLATION_DAYS} days, and either a strongly
 *       overlapping signer set with the same structure (paragraph count, the numbers of the body), or what a
 *       translation keeps as written — numbers, addresses and names in the same order — with the same layout and
 *       signers not contradicting it.</li>
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
    /** Signers shared from which a signer list alone tells one letter, when a body could not be read. */
    static final int COALITION = 20;

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

    /** Another language, and dates near enough (or both undated) for {@code b} to be a translation of {@code a}. */
    static boolean translationDistance(Fingerprint a, String language, LocalDate date) {
        if (a.language == null || language == null || a.language.equals(language)) return false;
        if ((a.date == null) != (date == null)) return false;
        return a.date == null || Math.abs(ChronoUnit.DAYS.between(a.date, date)) <= TRANSLATION_DAYS;
    }

    /**
     * Whether a letter of this language and date may be tied to {@code a} at all: in the same language (a near
     * duplicate), or, unless {@code otherLanguage} is asked for, in another within the days of a translation.
     */
    static boolean couldLink(Fingerprint a, String language, LocalDate date, boolean otherLanguage) {
        boolean same = a.language == null || language == null || a.language.equals(language);
        return same ? !otherLanguage : translationDistance(a, language, date);
    }

    /**
     * Whether an indexed letter of this card may be tied to {@code a}, read from its card alone: what
     * {@link #couldLink} asks, and, in the same language, a body sharing enough of {@code a}'s shingles to be a near
     * duplicate (its filter bounds how many it shares); in another, paragraphs, signers and body lengths that a
     * translation can have. Never false where {@link #link} would find them of one family.
     */
    static boolean mayLink(Fingerprint a, IndexSchema.FamilyCard card, boolean otherLanguage) {
        if (!couldLink(a, card.language(), card.date(), otherLanguage)) return false;
        IndexSchema.BodyShape b = card.shape();
        boolean same = a.language == null || card.language() == null || a.language.equals(card.language());
        if (same) {
            // only a near duplicate: containment of at least CONTAINMENT over the smaller body
            int smaller = Math.min(a.bodySize(), b.shingles());
            return smaller >= Families.MIN_SHINGLES && a.mostShared(b) >= CONTAINMENT * smaller;
        }
        // a translation: unless ten signers or more may be shared (the coalition rules), the structure rules ask for
        // paragraphs in both, bodies of like length, and paragraph counts alike
        if (Math.min(a.signers.size(), b.signers()) >= 10) return true;
        int pa = a.paragraphs.size(), pb = b.paragraphs();
        if (pa == 0 || pb == 0) return false;
        if (lengthRatio(a.bodySize(), b.shingles()) < 0.6) return false;
        return (double) Math.min(pa, pb) / Math.max(pa, pb) >= 0.5 || Math.abs(pa - pb) <= Math.max(1, Math.max(pa, pb) / 4);
    }

    /** The shorter body's length over the longer's, as {@link #translation} reads it. */
    private static double lengthRatio(int a, int b) {
        return (double) Math.min(a, b) / Math.max(1, Math.max(a, b));
    }

    static boolean translationDistance(Fingerprint a, Fingerprint b) {
        return translationDistance(a, b.language, b.date);
    }

    static boolean translation(Fingerprint a, Fingerprint b) {
        if (!translationDistance(a, b)) return false;
        int shared = a.sharedSigners(b);
        int smaller = Math.min(a.signers.size(), b.signers.size());
        if (smaller == 0 || (double) shared / smaller < 0.7) return byAnchors(a, b, shared, smaller);
        if (shared >= COALITION && a.signerJaccard(b) >= 0.9
                && Math.min(a.bodySize(), b.bodySize()) < Families.MIN_SHINGLES) {
            // a large coalition signing alike within weeks, and one body not read (too short to compare)
            return true;
        }
        // paragraph counts alike, and the body's numbers alike; the fewer signers shared, the closer
        int pa = a.paragraphs.size(), pb = b.paragraphs.size();
        if (pa == 0 || pb == 0) return false;
        if (byAnchors(a, b, shared, smaller)) return true;
        double numbers = numberOverlap(a, b);
        if (shared >= 10 && a.signerJaccard(b) >= 0.8) {
            // a large coalition signing alike within weeks: notes or an introduction may be added in one language
            return (double) Math.min(pa, pb) / Math.max(pa, pb) >= 0.5 || numbers >= 0.3;
        }
        if (Math.abs(pa - pb) > Math.max(1, Math.max(pa, pb) / 4)) return false;
        // bodies of like length (a translation runs about as long as its original)
        double length = lengthRatio(a.bodySize(), b.bodySize());
        if (length < 0.6) return false;
        if (shared < 3) {
            // one or two signers in common say little: paragraph counts within one (a paragraph split or joined in
            // translation), bodies of like length, and the body's numbers (years, counts, sums) mostly the same
            return Math.abs(pa - pb) <= 1 && length >= 0.75 && sharedNumbers(a, b) >= 2 && numbers >= 0.5;
        }
        return numbers >= 0.3;
    }

    /** Paragraph layouts this close ({@link Fingerprint#layoutDistance}) run alike. */
    static final double LAYOUT = 0.2;
    static final double CLOSE_LAYOUT = 0.15;
    /** Anchors in the same order from which two bodies of like layout tell one letter, with signers not contradicting. */
    static final int ANCHORS = 4;
    static final int ANCHORS_CLOSE_LAYOUT = 3;
    /** Anchors in the same order from which they tell one letter whoever signed. */
    static final int ANCHORS_ALONE = 8;

    /**
     * The same letter in another language told by what a translation keeps: its numbers, addresses and names in
     * the same order, and its layout (paragraphs of like shares of the body, a paragraph split or joined at
     * most). The signers must not contradict it (both lists read, none shared), unless the anchors alone are many.
     */
    static boolean byAnchors(Fingerprint a, Fingerprint b, int sharedSigners, int fewerSigners) {
        int pa = a.paragraphs.size(), pb = b.paragraphs.size();
        if (pa == 0 || pb == 0 || (double) Math.min(pa, pb) / Math.max(pa, pb) < 0.5) return false;
        double length = lengthRatio(a.bodySize(), b.bodySize());
        if (length < 0.6) return false;
        if (Math.min(a.anchors().length, b.anchors().length) < ANCHORS_CLOSE_LAYOUT) return false;
        // a translation keeps the numbers: those of one mostly the other's
        if (a.numbers().size() + b.numbers().size() >= 3 && numberOverlap(a, b) < 0.5) return false;
        double layout = a.layoutDistance(b);
        if (layout > LAYOUT) return false;
        int inOrder = a.anchorsInOrder(b);
        if (inOrder >= ANCHORS_ALONE) return true;
        if (fewerSigners > 0 && sharedSigners == 0) return false;
        return inOrder >= ANCHORS || (inOrder >= ANCHORS_CLOSE_LAYOUT && layout <= CLOSE_LAYOUT);
    }

    static int sharedNumbers(Fingerprint a, Fingerprint b) {
        int shared = 0;
        for (String n : a.numbers()) if (b.numbers().contains(n)) shared++;
        return shared;
    }

    static double numberOverlap(Fingerprint a, Fingerprint b) {
        if (a.numbers().isEmpty() && b.numbers().isEmpty()) return 1;
        int shared = sharedNumbers(a, b);
        return (double) shared / (a.numbers().size() + b.numbers().size() - shared);
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
