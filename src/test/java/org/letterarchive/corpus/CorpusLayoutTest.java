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
}
