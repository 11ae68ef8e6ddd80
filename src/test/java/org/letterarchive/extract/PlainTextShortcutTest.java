package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.letterarchive.bench.CorpusGenerator;

/** The plain-text shortcut must read a text file exactly as the auto-detecting path does. */
class PlainTextShortcutTest {

    private final DocumentParser parser = new DocumentParser();
    private final FormatPolicy policy = new FormatPolicy();

    private void assertSameAsFullPath(byte[] bytes, String name) throws Exception {
        FormatPolicy.Verdict verdict = policy.check(bytes, name);
        ParsedDocument full = parser.parse(bytes, name);
        ParsedDocument fast = "text/plain".equals(verdict.detectedType()) ? parser.parsePlainText(bytes, name) : full;
        assertEquals(full.text(), fast.text(), name);
        assertEquals(full.mediaType(), fast.mediaType(), name);
        assertEquals(full.metadata().get("Content-Type"), fast.metadata().get("Content-Type"), name);
        assertEquals(full.metadata().get("Content-Encoding"), fast.metadata().get("Content-Encoding"), name);
        assertEquals(full.truncated(), fast.truncated(), name);
        assertEquals(full.warnings(), fast.warnings(), name);
    }

    @Test
    void generatedLettersReadTheSameBothWays() throws Exception {
        CorpusGenerator gen = new CorpusGenerator(7, 500, 100);
        for (int i = 0; i < 40; i++) {
            CorpusGenerator.GeneratedLetter l = gen.letter(i);
            assertSameAsFullPath(l.bytes(), l.fileName());
        }
    }

    @Test
    void markdownLatinOneAndFrontMatterReadTheSameBothWays() throws Exception {
        String md = "---\ntitle: Carta abierta\ndate: 2021-03-04\n---\n# Carta abierta\n\nSeñora Ministra:\n\nFirman:\nRed Nacional\n";
        assertSameAsFullPath(md.getBytes(StandardCharsets.UTF_8), "carta.md");
        assertSameAsFullPath("Señora Ministra, le escribimos.\n\nFirman:\nRed\n".getBytes(StandardCharsets.ISO_8859_1), "carta.txt");
        assertSameAsFullPath("a,b,c\n1,2,3\n4,5,6\n7,8,9\n".getBytes(StandardCharsets.UTF_8), "table.txt");
    }

    @Test
    void sharedTextLettersReadTheSameBothWays() throws Exception {
        Path dir = SharedLetters.dir().resolve("letters");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> FormatPolicy.familyOfName(p.getFileName().toString()) == FormatPolicy.Family.TEXT).forEach(files::add);
        }
        assertTrue(!files.isEmpty(), "no .txt or .md letter in " + dir);
        for (Path f : files) assertSameAsFullPath(Files.readAllBytes(f), f.getFileName().toString().toLowerCase(Locale.ROOT));
    }
}
