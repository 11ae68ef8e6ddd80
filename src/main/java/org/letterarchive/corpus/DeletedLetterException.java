package org.letterarchive.corpus;

/**
 * Refusal to bring back a letter that was deleted on purpose: the same bytes arrived again without an
 * explicit request to restore them.
 */
public class DeletedLetterException extends RuntimeException {
    private final Tombstone tombstone;

    public DeletedLetterException(Tombstone tombstone) {
        super("letter " + tombstone.id() + " was deleted" + (tombstone.deletedAt() == null ? "" : " at " + tombstone.deletedAt())
                + "; upload it again with restore=true to bring it back");
        this.tombstone = tombstone;
    }

    public Tombstone tombstone() {
        return tombstone;
    }
}
