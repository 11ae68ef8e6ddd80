package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.letterarchive.extract.Annotations.Annotated;

/**
 * The analysis measured on the annotated letters in ../shared with the scorer's rules, in two columns:
 * in-sample (the line model trained on every letter) and leave-one-publisher-out (each publisher's
 * letters analysed by a model trained without them). The floors apply to the second column only: it
 * is what a letter from a publisher the model has never seen gets. They sit a little under what was
 * measured on the 61 letters of 26 publishers (leave-one-publisher-out: signer F1 0.962, recipient F1
 * 0.865, date 0.982, title 0.895, language 1.0; in-sample 0.967, 0.850, 0.982, 0.912, 1.0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionQualityTest {

    private Evaluation.Scores inSample;
    private Evaluation.Scores heldOut;

    @BeforeAll
    void score() throws Exception {
        List<Annotated> letters = Annotations.read(SharedLetters.dir(), new DocumentParser());
        inSample = Evaluation.inSample(letters);
        heldOut = Evaluation.leaveOnePublisherOut(letters);
        System.out.print("extraction quality on " + letters.size() + " letters\n" + Evaluation.table(inSample, heldOut));
    }

    @Test
    void signerF1OnUnseenPublishers() {
        assertTrue(heldOut.signerF1() >= 0.96, "signer F1, leave-one-publisher-out " + heldOut.signerF1());
    }

    @Test
    void recipientF1OnUnseenPublishers() {
        assertTrue(heldOut.recipientF1() >= 0.85, "recipient F1, leave-one-publisher-out " + heldOut.recipientF1());
    }

    @Test
    void dateAccuracyOnUnseenPublishers() {
        assertTrue(heldOut.dateAccuracy() >= 0.97, "date accuracy, leave-one-publisher-out " + heldOut.dateAccuracy());
    }

    @Test
    void titleAccuracyOnUnseenPublishers() {
        assertTrue(heldOut.titleAccuracy() >= 0.87, "title accuracy, leave-one-publisher-out " + heldOut.titleAccuracy());
    }

    @Test
    void everyLanguageIsRightOnUnseenPublishers() {
        assertEquals(heldOut.languages[1], heldOut.languages[0], "languages right, leave-one-publisher-out");
    }
}
