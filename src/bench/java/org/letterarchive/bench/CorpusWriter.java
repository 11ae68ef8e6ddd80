package org.letterarchive.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.letterarchive.corpus.Json;

/**
 * Writes a generated corpus to a folder: one file per letter ({@code letter-0000001.txt}, or .md/.pdf/.docx/
 * .html) and {@code letters.jsonl}, the analysis each file should yield in the form of the hand annotations
 * (file, date, title, recipients, signers, language; with shapes, also each letter's signer and addressee
 * shape), one JSON line per letter in order.
 */
public final class CorpusWriter {

    public static final String TRUTH_FILE = "letters.jsonl";
    private static final int CHUNK = 5_000;

    /** Number of files and bytes written. */
    public record Written(int files, long bytes) {}

    private CorpusWriter() {}

    /** The classic corpus (one signer a line after a closing, a To: block; English and Spanish plain text). */
    public static Written write(CorpusGenerator gen, int letters, boolean formats, Path out) throws IOException {
        return write(gen, letters, formats, false, out);
    }

    /**
     * With {@code shapes}, letter {@code i} is {@link LetterShapes#letter(int)}: every shape of signer list and
     * addressee block, plain text, Markdown and HTML; {@code formats} then renders about 30 % of the plain-text
     * ones as PDF, DOCX and HTML.
     */
    public static Written write(CorpusGenerator gen, int letters, boolean formats, boolean shapes, Path out) throws IOException {
        LetterShapes shaped = shapes ? new LetterShapes(gen) : null;
        Files.createDirectories(out);
        long bytes = 0;
        try (BufferedWriter truth = Files.newBufferedWriter(out.resolve(TRUTH_FILE), StandardCharsets.UTF_8)) {
            for (int from = 0; from < letters; from += CHUNK) {
                int to = Math.min(letters, from + CHUNK);
                String[] lines = new String[to - from];
                long[] sizes = new long[to - from];
                int base = from;
                try {
                    IntStream.range(from, to).parallel().forEach(i -> {
                        LetterShapes.Shaped s = shaped == null ? null : shaped.letter(i);
                        CorpusGenerator.GeneratedLetter g = s == null ? gen.letter(i) : s.letter();
                        byte[] data;
                        String name;
                        if (g.fileName().endsWith(".txt")) {
                            LetterRenderer.Format f = LetterRenderer.formatOf(i, formats);
                            data = LetterRenderer.render(g, f);
                            name = LetterRenderer.fileName(g, f);
                        } else {
                            data = g.bytes();
                            name = g.fileName();
                        }
                        try {
                            Files.write(out.resolve(name), data);
                            lines[i - base] = Json.mapper().writeValueAsString(LetterShapes.gold(name, g.truth(), s));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        sizes[i - base] = data.length;
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                for (int k = 0; k < lines.length; k++) {
                    truth.write(lines[k]);
                    truth.newLine();
                    bytes += sizes[k];
                }
            }
        }
        return new Written(letters, bytes);
    }
}
