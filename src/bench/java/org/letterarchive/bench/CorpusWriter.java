package org.letterarchive.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.letterarchive.corpus.Json;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;

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
        return write(gen, letters, formats, false, out, false);
    }

    /** Every shape of signer list and addressee block (see the method below), without families. */
    public static Written write(CorpusGenerator gen, int letters, boolean formats, boolean shapes, Path out) throws IOException {
        return write(gen, letters, formats, shapes, out, false);
    }

    /**
     * With {@code shapes}, letter {@code i} is {@link LetterShapes#letter(int)}: every shape of signer list and
     * addressee block, plain text, Markdown and HTML; {@code formats} then renders about 30 % of the plain-text
     * ones as PDF, DOCX and HTML. With {@code families} (and no shapes), the corpus has letter families
     * ({@link CorpusGenerator#familyLetter}) and each line of {@code letters.jsonl} adds {@code family} (the file of
     * the family's earliest letter) and {@code relation}.
     */
    public static Written write(CorpusGenerator gen, int letters, boolean formats, boolean shapes, Path out, boolean families)
            throws IOException {
        LetterShapes shaped = shapes && !families ? new LetterShapes(gen) : null;
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
                        CorpusGenerator.GeneratedLetter g = s != null ? s.letter() : families ? gen.familyLetter(i) : gen.letter(i);
                        byte[] data;
                        String name;
                        LetterRenderer.Format f = null;
                        if (g.fileName().endsWith(".txt")) {
                            f = LetterRenderer.formatOf(i, formats);
                            data = LetterRenderer.render(g, f);
                            name = LetterRenderer.fileName(g, f);
                        } else {
                            data = g.bytes();
                            name = g.fileName();
                        }
                        try {
                            Files.write(out.resolve(name), data);
                            if (families) {
                                Letter t = g.truth();
                                Letter line = new Letter(LetterId.of(data), name, f == null ? null : f.mediaType, t.language(), t.title(), t.date(),
                                        t.dateSource(), t.recipients(), t.signers(), t.signerCount(), null, t.warnings());
                                var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(line);
                                node.put("family", g.family());
                                node.put("relation", g.relation());
                                lines[i - base] = Json.mapper().writeValueAsString(node);
                            } else {
                                lines[i - base] = Json.mapper().writeValueAsString(LetterShapes.gold(name, g.truth(), s));
                            }
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
