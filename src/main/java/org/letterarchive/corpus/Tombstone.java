package org.letterarchive.corpus;

import java.time.Instant;

/** What remains of a deleted letter: enough to say what it was and that it was deleted on purpose. */
public record Tombstone(String id, String originalName, String title, Instant deletedAt, String reason) {}
