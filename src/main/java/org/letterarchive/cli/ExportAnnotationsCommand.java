package org.letterarchive.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.store.AnnotationExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `letters export-annotations`: the curated letters (corrected or marked reviewed) as hand annotations in the
 * format of letters.gold.jsonl, for the scorer and for training; `--data DIR` writes a whole training folder.
 * Reads the corpus alone, so it runs beside a serving archive.
 */
@Command(name = "export-annotations", mixinStandardHelpOptions = true,
        description = "Write the letters curators corrected or marked reviewed as annotations (JSON Lines, the format of letters.gold.jsonl).")
public final class ExportAnnotationsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: standard output)")
    Path out;

    @Option(names = "--all", description = "every letter, not only the curated ones (what the analysis found where no curator looked)")
    boolean all;

    @Option(names = "--data", paramLabel = "DIR", description = "write a training folder instead: DIR/letters/ (the originals), "
            + "DIR/letters.gold.jsonl and DIR/letters.sources.tsv, as `letters train --data DIR` reads it")
    Path data;

    @Override
    public Integer call() throws Exception {
        Corpus corpus = Corpus.open(store.corpusDir());
        if (data != null) return trainingFolder(corpus);
        int n;
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            n = AnnotationExport.write(corpus, all, w);
        } else {
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                n = AnnotationExport.write(corpus, all, w);
            }
        }
        System.err.println("Exported " + n + (all ? " letter(s)" : " curated letter(s)") + (out == null ? "" : " to " + out));
        return 0;
    }

    /** The originals under names of their own, their annotations and a sources table (each letter its own publisher). */
    private int trainingFolder(Corpus corpus) throws Exception {
        Path letters = data.resolve("letters");
        Files.createDirectories(letters);
        List<StoredLetter> chosen = AnnotationExport.letters(corpus, all);
        Set<String> used = new HashSet<>();
        StringBuilder gold = new StringBuilder();
        StringBuilder sources = new StringBuilder("file\tsource\n");
        for (StoredLetter s : chosen) {
            String name = safeName(AnnotationExport.fileName(s));
            if (!used.add(name)) {
                name = s.id().substring(0, 12) + "-" + name;
                used.add(name);
            }
            Files.copy(corpus.originalPath(s), letters.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            gold.append(Json.mapper().writeValueAsString(AnnotationExport.gold(s, name))).append('\n');
            sources.append(name).append('\t').append("archive:").append(s.id()).append('\n');
        }
        Files.writeString(data.resolve("letters.gold.jsonl"), gold, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("letters.sources.tsv"), sources, StandardCharsets.UTF_8);
        System.err.println("Wrote " + chosen.size() + " letter(s) with their annotations to " + data);
        return 0;
    }

    /** A file name with no folder in it and no leading dot. */
    static String safeName(String name) {
        String n = name.replaceAll("[/\\\\\\x00-\\x1f]", "_").replaceFirst("^\\.+", "_");
        return n.isBlank() ? "letter" : n;
    }
}
