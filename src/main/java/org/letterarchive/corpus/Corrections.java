package org.letterarchive.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Corrections a curator made to a letter. Each non-null part replaces what the analysis found; they are
 * kept in the sidecar, so they survive reindexing and re-analysis. Any corrections, even with no part
 * set (a curator marked the letter reviewed as it is), settle the analysis's doubts: the letter leaves the
 * review queue, and stays off it after a re-analysis.
 */
public record Corrections(String title, LocalDate date, List<Recipient> recipients, List<Signer> signers,
                          Instant editedAt, String editedBy) {

    /** A curator's word that the letter is right as it stands: no part changed. */
    public static Corrections reviewed(Instant at, String by) {
        return new Corrections(null, null, null, null, at, by);
    }

    /** True when no part is corrected (the letter was only marked reviewed). */
    public boolean changesNothing() {
        return title == null && date == null && recipients == null && signers == null;
    }

    public Letter applyTo(Letter l) {
        List<Signer> s = signers != null ? signers : l.signers();
        int count = signers != null ? signers.size() : l.signerCount();
        return new Letter(l.id(), l.file(), l.format(), l.language(),
                title != null ? title : l.title(),
                date != null ? date : l.date(),
                date != null ? "human" : l.dateSource(),
                recipients != null ? recipients : l.recipients(),
                s, count, l.text(), l.warnings(),
                l.assessment() == null ? null : l.assessment().settled()).withOcr(l.ocr());
    }

    /** These corrections with the non-null parts of {@code newer} laid over them. */
    public Corrections merge(Corrections newer) {
        return new Corrections(
                newer.title != null ? newer.title : title,
                newer.date != null ? newer.date : date,
                newer.recipients != null ? newer.recipients : recipients,
                newer.signers != null ? newer.signers : signers,
                newer.editedAt, newer.editedBy);
    }
}
