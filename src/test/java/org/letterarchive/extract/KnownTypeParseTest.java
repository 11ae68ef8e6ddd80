package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.letterarchive.TestLetters;
import org.letterarchive.bench.CorpusGenerator;
import org.letterarchive.bench.LetterRenderer;

/**
 * A binary document (PDF, DOCX, ODT, RTF) parsed with the type {@link FormatPolicy} found in it, not detected again,
 * reads exactly as one Tika detects again: text, type, metadata, warnings.
 */
class KnownTypeParseTest {

    private final TrustedParser parser = new TrustedParser(IngestLimits.defaults());
    private final FormatPolicy policy = new FormatPolicy();

    @Test
    void theSharedLettersAndGeneratedFormatsReadTheSameWithTheirDetectedType() throws Exception {
        List<Object[]> documents = new ArrayList<>(); // name, bytes
        try (Stream<Path> files = Files.list(TestLetters.shared().resolve("letters"))) {
            for (Path f : files.sorted().toList()) documents.add(new Object[] {f.getFileName().toString(), Files.readAllBytes(f)});
        }
        CorpusGenerator gen = new CorpusGenerator(3);
        for (int i = 0; i < 6; i++) {
            for (LetterRenderer.Format format : new LetterRenderer.Format[] {LetterRenderer.Format.pdf, LetterRenderer.Format.docx,
                    LetterRenderer.Format.html}) {
                CorpusGenerator.GeneratedLetter l = gen.letter(i);
                documents.add(new Object[] {LetterRenderer.fileName(l, format), LetterRenderer.render(l, format)});
            }
        }
        int compared = 0;
        for (Object[] d : documents) {
            String name = (String) d[0];
            byte[] bytes = (byte[]) d[1];
            FormatPolicy.Verdict verdict;
            try {
                verdict = policy.check(bytes, name);
            } catch (ExtractionException refused) {
                continue;
            }
            if (!verdict.family().bySignature()) continue; // text and HTML are detected again, with their name
            ParsedDocument detected = parser.parse(bytes, name);
            ParsedDocument known = parser.parse(bytes, name, verdict);
            assertEquals(detected.text(), known.text(), name);
            assertEquals(detected.mediaType(), known.mediaType(), name);
            assertEquals(detected.metadata(), known.metadata(), name);
            assertEquals(detected.warnings(), known.warnings(), name);
            assertEquals(detected.truncated(), known.truncated(), name);
            compared++;
        }
        assertTrue(compared >= 20, compared + " PDF and DOCX documents compared");
    }
}
