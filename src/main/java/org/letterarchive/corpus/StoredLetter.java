package org.letterarchive.corpus;

import java.time.Instant;
import org.letterarchive.letter.Letter;

/**
 * The sidecar of one stored original: what the archive knows about the file and what the analysis
 * found in it. Written as {@code <id>.json} beside the original.
 *
 * @param id              content-addressed id (SHA-256 of the bytes)
 * @param originalName    the file name the document arrived with; metadata only, never a path
 * @param storedAs        the original's file name inside the corpus
 * @param contentType     the detected media type
 * @param size            size of the original in bytes
 * @param ingestedAt      when the archive first stored it
 * @param analysisVersion version of the letter analysis that produced {@code extracted}
 * @param extracted       the letter as the analysis found it (with the full text)
 * @param corrections     human corrections, which win over the analysis; null when none
 */
public record StoredLetter(String id, String originalName, String storedAs, String contentType, long size,
                           Instant ingestedAt, int analysisVersion, Letter extracted,
                           Corrections corrections) {

    /** The letter as the archive shows it: the analysis with human corrections applied. */
    public Letter letter() {
        Letter base = extracted.withId(id);
        return corrections == null ? base : corrections.applyTo(base);
    }

    public StoredLetter withCorrections(Corrections c) {
        return new StoredLetter(id, originalName, storedAs, contentType, size, ingestedAt, analysisVersion, extracted, c);
    }

    public StoredLetter withExtracted(Letter letter, int version) {
        return new StoredLetter(id, originalName, storedAs, contentType, size, ingestedAt, version, letter, corrections);
    }
}
