package org.letterarchive.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

class CorpusLayoutTest {

    @TempDir
    Path dir;

    private static Letter letter(String text) {
        return new Letter(null, "x.txt", "text/plain", "en", "A title", LocalDate.of(2020, 5, 1), "text",
                List.of(Recipient.of("Jane Roe", "Minister")), List.of(Signer.organization("Alianza Americas")), 1, text, List.of());
    }

    @Test
    void storesOriginalUnderItsContentIdNotTheUploadersName() throws Exception {
        Corpus corpus = Corpus.open(dir);
        byte[] bytes = "hello letter".getBytes(StandardCharsets.UTF_8);
        StoredLetter s = corpus.store(bytes, "../../etc/passwd", letter("hello letter"), 1);
        assertEquals(LetterId.of(bytes), s.id());
        assertEquals("passwd", s.originalName());
        Path original = corpus.originalPath(s);
        assertTrue(original.startsWith(dir.resolve("letters")));
        assertTrue(original.getFileName().toString().startsWith(s.id()));
        assertArrayEquals(bytes, Files.readAllBytes(original));
        assertFalse(Files.exists(dir.resolve("etc")));
    }

    @Test
    void sidecarRoundTripsTheLetter() throws Exception {
        Corpus corpus = Corpus.open(dir);
        byte[] bytes = "round trip".getBytes(StandardCharsets.UTF_8);
        StoredLetter s = corpus.store(bytes, "a.txt", letter("round trip"), 1);
        Letter back = Corpus.open(dir).get(s.id()).orElseThrow().letter();
        assertEquals(s.id(), back.id());
        assertEquals("A title", back.title());
        assertEquals(LocalDate.of(2020, 5, 1), back.date());
        assertEquals("Minister", back.recipients().get(0).role());
        assertEquals(Signer.Kind.organization, back.signers().get(0).kind());
        assertEquals("round trip", back.text());
    }

    @Test
    void sidecarIsCompactAndAPrettyPrintedOneStillLoads() throws Exception {
        Corpus corpus = Corpus.open(dir);
        byte[] bytes = "compact sidecar".getBytes(StandardCharsets.UTF_8);
        StoredLetter s = corpus.store(bytes, "c.txt", letter("compact\nsidecar"), 1);
        Path sidecar = corpus.originalPath(s).resolveSibling(s.id() + ".json");
        String written = Files.readString(sidecar);
        assertFalse(written.contains("\n"), "one line of JSON");
        // as earlier versions wrote it: pretty-printed
        Files.writeString(sidecar, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                Json.mapper().readTree(written)));
        StoredLetter back = Corpus.open(dir).get(s.id()).orElseThrow();
        assertEquals(s.letter(), back.letter());
        assertEquals("compact\nsidecar", back.letter().text());
    }

    @Test
    void sameBytesTwiceIsOneLetter() throws Exception {
        Corpus corpus = Corpus.open(dir);
        byte[] bytes = "twice".getBytes(StandardCharsets.UTF_8);
        StoredLetter first = corpus.store(bytes, "one.txt", letter("twice"), 1);
        StoredLetter second = corpus.store(bytes, "two.txt", letter("twice"), 1);
        assertEquals(first.id(), second.id());
        assertEquals("one.txt", second.originalName());
        assertEquals(List.of(first.id()), corpus.ids());
    }

    @Test
    void deleteLeavesATombstoneAndNoFiles() throws Exception {
        Corpus corpus = Corpus.open(dir);
        StoredLetter s = corpus.store("gone".getBytes(StandardCharsets.UTF_8), "g.txt", letter("gone"), 1);
        assertTrue(corpus.delete(s.id(), "test"));
        assertFalse(corpus.contains(s.id()));
        assertFalse(Files.exists(corpus.originalPath(s)));
        assertEquals("g.txt", corpus.tombstone(s.id()).orElseThrow().originalName());
        assertFalse(corpus.delete(s.id(), "again"));
    }

    @Test
    void rejectsMalformedIdsWithoutTouchingTheFileSystem() throws Exception {
        Corpus corpus = Corpus.open(dir);
        assertTrue(corpus.get("../../etc/passwd").isEmpty());
        assertFalse(corpus.contains("abc"));
    }

    @Test
    void extensionComesFromTheDetectedTypeFirst() {
        assertEquals(".pdf", Corpus.extension("letter.docx", "application/pdf"));
        assertEquals(".md", Corpus.extension("letter.md", "text/plain"));
        assertEquals(".bin", Corpus.extension("../..", "application/x-unknown"));
        assertNull(Corpus.safeName("../"));
    }

    @Test
    void stagedLettersExistOnDiskOnlyAfterTheFlush() throws Exception {
        Corpus corpus = Corpus.open(dir);
        StoredLetter a = corpus.stage("first staged".getBytes(StandardCharsets.UTF_8), "a.txt", letter("first staged"), 1);
        StoredLetter b = corpus.stage("second staged".getBytes(StandardCharsets.UTF_8), "b.txt", letter("second staged"), 1);
        // visible in this process, not yet a letter for another one
        assertTrue(corpus.isStaged(a.id()));
        assertEquals("first staged", corpus.get(a.id()).orElseThrow().letter().text());
        assertTrue(Corpus.open(dir).ids().isEmpty());
        assertEquals(a, corpus.stage("first staged".getBytes(StandardCharsets.UTF_8), "again.txt", letter("x"), 1));

        corpus.flush();
        assertFalse(corpus.isStaged(a.id()));
        Corpus reopened = Corpus.open(dir);
        assertEquals(java.util.Set.of(a.id(), b.id()), java.util.Set.copyOf(reopened.ids()));
        assertEquals("second staged", reopened.get(b.id()).orElseThrow().letter().text());
        assertEquals(0, reopened.removeTemporaryFiles());
    }

    @Test
    void aCrashBeforeTheFlushLeavesNoSidecarAndTheTemporaryFilesGoOnOpen() throws Exception {
        Corpus corpus = Corpus.open(dir);
        StoredLetter kept = corpus.store("kept".getBytes(StandardCharsets.UTF_8), "k.txt", letter("kept"), 1);
        StoredLetter lost = corpus.stage("never flushed".getBytes(StandardCharsets.UTF_8), "l.txt", letter("never flushed"), 1);
        // the process dies here: another opens the corpus as Archive.open does
        Corpus after = Corpus.open(dir);
        assertEquals(1, after.removeTemporaryFiles());
        assertEquals(List.of(kept.id()), after.ids());
        assertTrue(after.get(lost.id()).isEmpty());
        // the unflushed original may remain, but it is no letter and the same bytes store again
        StoredLetter again = after.store("never flushed".getBytes(StandardCharsets.UTF_8), "l.txt", letter("never flushed"), 1);
        assertArrayEquals("never flushed".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(after.originalPath(again)));
        assertTrue(Corpus.open(dir).contains(lost.id()));
    }

    @Test
    void aDeletedLettersTombstoneGoesOnlyWhenItsRestoreIsFlushed() throws Exception {
        Corpus corpus = Corpus.open(dir);
        byte[] bytes = "restored".getBytes(StandardCharsets.UTF_8);
        StoredLetter s = corpus.store(bytes, "r.txt", letter("restored"), 1);
        corpus.delete(s.id(), "test");
        corpus.stage(bytes, "r.txt", letter("restored"), 1);
        assertTrue(corpus.tombstone(s.id()).isPresent());
        corpus.flush();
        assertTrue(corpus.tombstone(s.id()).isEmpty());
        assertTrue(Corpus.open(dir).contains(s.id()));
    }
}
