package org.letterarchive.letter;

import java.util.List;

/**
 * How sure the letter analysis is of what it found in one letter: a confidence (0-1) for the title,
 * the date, the recipients and the signers (the least sure of each list), and the doubts that put the
 * letter on the review queue ("no signer found in a letter that reads like a sign-on letter", "3
 * signers uncertain"). A curator's correction clears the doubts.
 *
 * @param title      confidence in the title; 0 when none was found
 * @param date       confidence in the date; 0 when none was found
 * @param recipients the least confidence among the recipients; null when there are none
 * @param signers    the least confidence among the signers; null when there are none
 * @param doubts     why the letter needs review; empty when it does not
 */
public record Assessment(double title, double date, Double recipients, Double signers, List<String> doubts) {

    public Assessment {
        doubts = doubts == null ? List.of() : List.copyOf(doubts);
    }

    public boolean needsReview() {
        return !doubts.isEmpty();
    }

    /** The same confidences with the doubts settled by a curator. */
    public Assessment settled() {
        return new Assessment(title, date, recipients, signers, List.of());
    }
}
