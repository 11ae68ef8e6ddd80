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
 * Writes a generated corpus to a folder: one file per letter ({@code letter-0000001.txt}, or .pdf/.docx/
 * .html for the rendered share) and {@code letters.jsonl}, the analysis each file should yield (text
 * left out), one JSON line per letter in order.
 */
public final class CorpusWriter {

    public static final String TRUTH_FILE = "letters.jsonl";
    private static final int CHUNK = 5_000;

    /** Number of files and bytes written. */
    public record Written(int files, long bytes) {}

    private CorpusWriter() {}

    public static Written write(CorpusGenerator gen, int letters, boolean formats, Path out) throws IOException {
        return write(gen, letters, formats, out, false);
    }

    /**
     * With {@code families}, the corpus has letter families ({@link CorpusGenerator#familyLetter}) and each line of
     * {@code letters.jsonl} adds {@code family} (the file of the family's earliest letter) and {@code relation}.
     */
    public static Written write(CorpusGenerator gen, int letters, boolean formats, Path out, boolean families) throws IOException {
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
                        CorpusGenerator.GeneratedLetter g = families ? gen.familyLetter(i) : gen.letter(i);
                        LetterRenderer.Format f = LetterRenderer.formatOf(i, formats);
                        byte[] data = LetterRenderer.render(g, f);
                        String name = LetterRenderer.fileName(g, f);
                        try {
                            Files.write(out.resolve(name), data);
                            Letter t = g.truth();
                            Letter line = new Letter(LetterId.of(data), name, f.mediaType, t.language(), t.title(), t.date(),
                                    t.dateSource(), t.recipients(), t.signers(), t.signerCount(), null, t.warnings());
                            var node = Json.mapper().valueToTree(line);
                            if (families) {
                                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("family", g.family());
                                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("relation", g.relation());
                            }
                            lines[i - base] = Json.mapper().writeValueAsString(node);
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
