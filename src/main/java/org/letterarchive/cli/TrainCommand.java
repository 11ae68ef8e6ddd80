package org.letterarchive.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.Annotations;
import org.letterarchive.extract.Annotations.Annotated;
import org.letterarchive.extract.DocumentParser;
import org.letterarchive.extract.Evaluation;
import org.letterarchive.extract.LineLabeller;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.LineLabeller.TaggedLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `letters train`: trains the line model on hand-annotated letters and writes it where the build takes
 * it from, with a record of what it was trained on; `--evaluate` prints the scores in-sample and
 * leave-one-publisher-out.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the letter analysis's line model on annotated letters (letters/, letters.gold.jsonl, letters.sources.tsv).")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared", description = "folder of annotated letters (default: ${DEFAULT-VALUE}); "
            + "repeat to train on several, e.g. with a folder written by `letters export-annotations --data DIR`")
    List<Path> data;

    @Option(names = "--out", defaultValue = "src/main/resources/org/letterarchive/extract/" + LineLabeller.RESOURCE,
            description = "where the model is written (default: ${DEFAULT-VALUE}); a .json record goes beside it")
    Path out;

    @Option(names = "--evaluate", description = "also score in-sample and leave-one-publisher-out, and print the line confusion")
    boolean evaluate;

    @Option(names = "--per-letter", description = "with --evaluate, one line per letter (leave-one-publisher-out)")
    boolean perLetter;

    @Option(names = "--predictions", description = "with --evaluate, write the leave-one-publisher-out analysis of each letter "
            + "to this file as JSON Lines (the `extract --json` form), for the scorer")
    Path predictions;

    @Option(names = "--show", description = "print each line of these letters with its annotated tag and the tag a model trained without the letter's publisher gives")
    List<String> show;

    @Override
    public Integer call() throws Exception {
        PrintStream o = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Path d : data) {
            if (!Files.isRegularFile(d.resolve("letters.gold.jsonl"))) {
                System.err.println("No annotations at " + d.resolve("letters.gold.jsonl") + " (give --data DIR)");
                return 2;
            }
        }
        List<Annotated> letters = new java.util.ArrayList<>();
        DocumentParser parser = new DocumentParser();
        for (Path d : data) letters.addAll(Annotations.read(d, parser));
        List<TaggedLetter> tagged = letters.stream().map(Annotations::tag).toList();
        if (show != null) {
            for (String name : show) {
                int k = 0;
                while (k < letters.size() && !letters.get(k).file().startsWith(name)) k++;
                if (k == letters.size()) continue;
                String publisher = letters.get(k).publisher();
                List<TaggedLetter> training = new java.util.ArrayList<>();
                for (int i = 0; i < letters.size(); i++) if (!letters.get(i).publisher().equals(publisher)) training.add(tagged.get(i));
                LineLabeller.Labelled l = LineLabeller.train(training).label(tagged.get(k).lines());
                for (int i = 0; i < l.tags().length; i++) {
                    o.printf("%-9s %-9s %.2f | %s%n", tagged.get(k).tags()[i], l.tags()[i], l.confidence()[i], tagged.get(k).lines().get(i).raw());
                }
            }
            return 0;
        }
        long start = System.nanoTime();
        LineLabeller model = LineLabeller.train(tagged);
        Files.createDirectories(out.toAbsolutePath().getParent());
        model.save(out);
        Map<String, Long> tags = new LinkedHashMap<>();
        for (Tag t : Tag.values()) tags.put(t.name(), 0L);
        for (TaggedLetter l : tagged) for (Tag t : l.tags()) tags.merge(t.name(), 1L, Long::sum);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("model", out.getFileName().toString());
        record.put("trained", Instant.now().toString());
        record.put("letters", letters.size());
        record.put("publishers", new TreeSet<>(letters.stream().map(Annotated::publisher).toList()).size());
        record.put("lineTags", tags);
        record.put("files", letters.stream().map(Annotated::file).sorted().toList());
        Path recordFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".json");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(recordFile.toFile(), record);
        o.printf("Trained on %d letters from %d publishers (%d lines) in %.1f s; wrote %s%n", letters.size(), record.get("publishers"),
                tagged.stream().mapToInt(l -> l.tags().length).sum(), (System.nanoTime() - start) / 1e9, out);
        if (evaluate) {
            Evaluation.Scores in = Evaluation.inSample(letters);
            Evaluation.Scores held = Evaluation.leaveOnePublisherOut(letters);
            o.print(Evaluation.table(in, held));
            o.println("line tags, leave-one-publisher-out:");
            o.print(Evaluation.confusion(held));
            if (perLetter) held.perLetter.forEach((f, s) -> o.println(f + ": " + s));
            if (predictions != null) {
                List<String> rows = new java.util.ArrayList<>();
                for (org.letterarchive.letter.Letter l : held.letters.values()) rows.add(Json.mapper().writeValueAsString(ExtractCommand.view(l)));
                Files.write(predictions, rows, StandardCharsets.UTF_8);
            }
        }
        return 0;
    }
}
