package org.letterarchive.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter as the archive knows it: what the analysis found in one stored document, with any human
 * corrections applied.
 *
 * @param id          content-addressed id: SHA-256 of the original bytes, lower-case hex
 * @param file        the file name the document arrived with (metadata only, never a path)
 * @param format      the detected media type, e.g. "application/pdf"
 * @param language    ISO 639-1 code, e.g. "en"; null when unknown
 * @param title       the letter's heading or the document's title; null when none
 * @param date        the letter's own date; null when none
 * @param dateSource  where the date came from: text, front-matter, file-metadata; null when no date
 * @param recipients  the addressees, in document order
 * @param signers     the signers, in document order
 * @param signerCount number of signers, including those only counted ("and 40 others")
 * @param text        the full extracted text
 * @param warnings    what went wrong but did not stop the analysis (text cut at a limit, a damaged part)
 * @param assessment  how sure the analysis is of each part, and why it doubts; null for a letter analysed
 *                    before assessments were kept
 * @param ocr         that the text was read from scans with OCR, with the mean confidence; null when the
 *                    document had a text layer
 */
public record Letter(String id, String file, String format, String language, String title,
                     LocalDate date, String dateSource, List<Recipient> recipients,
                     List<Signer> signers, int signerCount, String text, List<String> warnings, Assessment assessment, Ocr ocr) {

    public Letter(String id, String file, String format, String language, String title, LocalDate date, String dateSource,
                  List<Recipient> recipients, List<Signer> signers, int signerCount, String text, List<String> warnings,
                  Assessment assessment) {
        this(id, file, format, language, title, date, dateSource, recipients, signers, signerCount, text, warnings, assessment, null);
    }

    public Letter(String id, String file, String format, String language, String title, LocalDate date, String dateSource,
                  List<Recipient> recipients, List<Signer> signers, int signerCount, String text, List<String> warnings) {
        this(id, file, format, language, title, date, dateSource, recipients, signers, signerCount, text, warnings, null, null);
    }

    public Letter {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        signers = signers == null ? List.of() : List.copyOf(signers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (signerCount < signers.size()) signerCount = signers.size();
        if (text == null) text = "";
    }

    public Letter withId(String newId) {
        return new Letter(newId, file, format, language, title, date, dateSource, recipients, signers,
                signerCount, text, warnings, assessment, ocr);
    }

    /** The same letter with another full text (the reader's prose of the document). */
    public Letter withText(String newText) {
        return new Letter(id, file, format, language, title, date, dateSource, recipients, signers,
                signerCount, newText, warnings, assessment, ocr);
    }

    /** The same letter with another assessment (a curator's correction settles the analysis's doubts). */
    public Letter withAssessment(Assessment a) {
        return new Letter(id, file, format, language, title, date, dateSource, recipients, signers,
                signerCount, text, warnings, a, ocr);
    }

    /** The same letter, marked as read from scans with OCR (null: not). */
    public Letter withOcr(Ocr o) {
        return new Letter(id, file, format, language, title, date, dateSource, recipients, signers,
                signerCount, text, warnings, assessment, o);
    }

    /** True when the analysis doubts a part of this letter and no curator has settled it. */
    public boolean needsReview() {
        return assessment != null && assessment.needsReview();
    }
}
