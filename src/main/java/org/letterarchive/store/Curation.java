package org.letterarchive.store;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.letterarchive.corpus.Corrections;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.corpus.Tombstone;

/** Curators' changes: corrections laid over a letter's analysis, deletes, and organization merges and splits. */
public final class Curation {

    private final LetterStore store;

    public Curation(LetterStore store) {
        this.store = store;
    }

    /**
     * Applies corrections to a letter (laid over earlier ones), durably, and reindexes it. Returns the
     * updated record, or empty when there is no such letter.
     */
    public Optional<StoredLetter> correct(String id, Corrections corrections) throws IOException {
        return store.exclusive(() -> {
            Optional<StoredLetter> found = store.get(id);
            if (found.isEmpty()) return Optional.empty();
            StoredLetter stored = found.get();
            Corrections merged = stored.corrections() == null ? corrections : stored.corrections().merge(corrections);
            StoredLetter updated = stored.withCorrections(merged);
            store.replace(updated);
            return Optional.of(updated);
        });
    }

    /**
     * Marks a letter reviewed as it stands: its doubts are settled (it leaves the review queue) and its
     * corrections, if any, are kept. Empty when there is no such letter.
     */
    public Optional<StoredLetter> markReviewed(String id, String by) throws IOException {
        return correct(id, Corrections.reviewed(java.time.Instant.now(), by == null || by.isBlank() ? "curator" : by.strip()));
    }

    /** Deletes a letter, leaving a tombstone; empty when there was no such letter. */
    public Optional<Tombstone> delete(String id, String reason) throws IOException {
        return store.delete(id, reason) ? store.tombstone(id) : Optional.empty();
    }

    /** Merges organizations into one and reindexes their letters; returns how many. */
    public int merge(Collection<String> keys, String into, String displayName) throws IOException {
        return store.mergeOrganizations(keys, into, displayName);
    }

    /** Splits organizations apart and reindexes their letters; returns how many. */
    public int split(Collection<String> keys) throws IOException {
        return store.splitOrganizations(keys);
    }

    /** Splits a letter out of its family; kept as a correction, also after a rebuild. Returns letters reindexed. */
    public int splitFamily(String id) throws IOException {
        return store.splitFamily(id);
    }

    /** Joins the families of two letters; kept as a correction, also after a rebuild. Returns letters reindexed. */
    public int joinFamilies(String a, String b) throws IOException {
        return store.joinFamilies(a, b);
    }

    /** The canonical key a merged key now stands for, and its display name. */
    public String canonical(String key) {
        return store.canonicalOrganization(key);
    }

    public String label(String key) {
        return store.organizationLabel(key);
    }
}
