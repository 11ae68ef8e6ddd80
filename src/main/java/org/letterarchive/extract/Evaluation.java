package org.letterarchive.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.letterarchive.extract.Annotations.Annotated;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.LineLabeller.TaggedLetter;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * The analysis scored against hand annotations, with the rules of the project's scorer: folded names
 * matched one-to-one, micro-averaged F1, exact dates, titles by 80% word overlap, languages by code.
 * Two ways: in-sample (the model trained on every letter) and leave-one-publisher-out (for each
 * publisher, a model trained without its letters scores them; counts pooled).
 */
public final class Evaluation {

    /** Counts over a set of letters. */
    public static final class Scores {
        public final int[] signers = new int[3];      // matched, gold, predicted
        public final int[] recipients = new int[3];
        public final int[] dates = new int[2];        // right, gold
        public final int[] titles = new int[2];
        public final int[] languages = new int[2];
        /** gold tag (row) against predicted tag (column), over every line */
        public final long[][] confusion = new long[Tag.values().length][Tag.values().length];
        /** per letter: signers matched/gold/predicted, recipients the same, date and title right */
        public final Map<String, String> perLetter = new TreeMap<>();
        /** each letter as the analysis read it, by file name */
        public final Map<String, Letter> letters = new TreeMap<>();

        public double signerF1() { return f1(signers); }
        public double signerPrecision() { return signers[2] == 0 ? 0 : (double) signers[0] / signers[2]; }
        public double signerRecall() { return signers[1] == 0 ? 0 : (double) signers[0] / signers[1]; }
        public double recipientF1() { return f1(recipients); }
        public double dateAccuracy() { return ratio(dates); }
        public double titleAccuracy() { return ratio(titles); }
        public double languageAccuracy() { return ratio(languages); }
    }

    private Evaluation() {}

    /** Every letter analysed by a model trained on all of them. */
    public static Scores inSample(List<Annotated> letters) {
        List<TaggedLetter> tagged = letters.stream().map(Annotations::tag).toList();
        LineLabeller model = LineLabeller.train(tagged);
        LetterAnalyzer analyzer = new LetterAnalyzer(model);
        Scores scores = new Scores();
        for (int i = 0; i < letters.size(); i++) score(letters.get(i), tagged.get(i), model, analyzer, scores);
        return scores;
    }

    /** Each publisher's letters analysed by a model trained on the other publishers' letters. */
    public static Scores leaveOnePublisherOut(List<Annotated> letters) {
        List<TaggedLetter> tagged = letters.stream().map(Annotations::tag).toList();
        Map<String, List<Integer>> byPublisher = new LinkedHashMap<>();
        for (int i = 0; i < letters.size(); i++) byPublisher.computeIfAbsent(letters.get(i).publisher(), k -> new ArrayList<>()).add(i);
        Scores scores = new Scores();
        for (Map.Entry<String, List<Integer>> p : byPublisher.entrySet()) {
            List<TaggedLetter> training = new ArrayList<>();
            for (int i = 0; i < letters.size(); i++) if (!p.getValue().contains(i)) training.add(tagged.get(i));
            LineLabeller model = LineLabeller.train(training);
            LetterAnalyzer analyzer = new LetterAnalyzer(model);
            for (int i : p.getValue()) score(letters.get(i), tagged.get(i), model, analyzer, scores);
        }
        return scores;
    }

    /** Scores the shipped analysis (or any) on letters, without training. */
    public static Scores with(List<Annotated> letters, Function<Annotated, Letter> analysis) {
        Scores scores = new Scores();
        for (Annotated a : letters) scoreLetter(a, analysis.apply(a), scores);
        return scores;
    }

    private static void score(Annotated a, TaggedLetter gold, LineLabeller model, LetterAnalyzer analyzer, Scores scores) {
        Letter letter = analyzer.analyze(a.doc(), a.file(), a.file());
        scoreLetter(a, letter, scores);
        Tag[] predicted = model.label(gold.lines()).tags();
        for (int i = 0; i < Math.min(predicted.length, gold.tags().length); i++) scores.confusion[gold.tags()[i].ordinal()][predicted[i].ordinal()]++;
    }

    private static void scoreLetter(Annotated a, Letter letter, Scores scores) {
        scores.letters.put(a.file(), letter);
        JsonNode gold = a.gold();
        List<Set<String>> ps = new ArrayList<>();
        for (Signer s : letter.signers()) ps.add(keys(s.name(), null, s.acronym()));
        int[] before = scores.signers.clone();
        count(scores.signers, gold.get("signers"), ps);
        List<Set<String>> pr = new ArrayList<>();
        for (Recipient r : letter.recipients()) pr.add(keys(r.name(), r.role(), null));
        int[] rBefore = scores.recipients.clone();
        count(scores.recipients, gold.get("recipients"), pr);
        String goldDate = text(gold.get("date"));
        boolean dateRight = true;
        if (goldDate != null) {
            scores.dates[1]++;
            dateRight = letter.date() != null && letter.date().toString().equals(goldDate);
            if (dateRight) scores.dates[0]++;
        }
        String goldTitle = text(gold.get("title"));
        boolean titleRight = true;
        if (goldTitle != null) {
            scores.titles[1]++;
            titleRight = Annotations.jaccard(Annotations.words(goldTitle), Annotations.words(letter.title())) >= 0.8;
            if (titleRight) scores.titles[0]++;
        }
        String goldLanguage = text(gold.get("language"));
        if (goldLanguage != null) {
            scores.languages[1]++;
            if (goldLanguage.equals(letter.language())) scores.languages[0]++;
        }
        scores.perLetter.put(a.file(), String.format("signers %d/%d gold, %d found; recipients %d/%d, %d found; date %s; title %s",
                scores.signers[0] - before[0], scores.signers[1] - before[1], scores.signers[2] - before[2],
                scores.recipients[0] - rBefore[0], scores.recipients[1] - rBefore[1], scores.recipients[2] - rBefore[2],
                dateRight ? "ok" : letter.date() + " != " + goldDate, titleRight ? "ok" : "'" + letter.title() + "'"));
    }

    private static void count(int[] tally, JsonNode gold, List<Set<String>> predicted) {
        Set<Integer> used = new HashSet<>();
        int golds = 0;
        if (gold != null) {
            for (JsonNode g : gold) {
                if (g.path("duplicate_of_earlier_entry").asBoolean(false)) continue;
                golds++;
                Set<String> keys = keys(text(g.get("name")), text(g.get("role")), text(g.get("acronym")));
                for (int i = 0; i < predicted.size(); i++) {
                    if (used.contains(i)) continue;
                    Set<String> p = new HashSet<>(predicted.get(i));
                    p.retainAll(keys);
                    if (!p.isEmpty()) {
                        used.add(i);
                        tally[0]++;
                        break;
                    }
                }
            }
        }
        tally[1] += golds;
        tally[2] += predicted.size();
    }

    private static Set<String> keys(String name, String role, String acronym) {
        Set<String> keys = new HashSet<>();
        String k = Annotations.fold(name);
        if (k.isEmpty()) k = Annotations.fold(role);
        if (!k.isEmpty()) keys.add(k);
        if (acronym != null && !Annotations.fold(acronym).isEmpty()) keys.add(Annotations.fold(acronym));
        return keys;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static double f1(int[] t) {
        double p = t[2] == 0 ? 0 : (double) t[0] / t[2];
        double r = t[1] == 0 ? 0 : (double) t[0] / t[1];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static double ratio(int[] t) {
        return t[1] == 0 ? 1 : (double) t[0] / t[1];
    }

    /** Both columns side by side, one field a row. */
    public static String table(Scores inSample, Scores heldOut) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-22s %10s %18s%n", "field", "in-sample", "leave-publisher-out"));
        b.append(String.format("%-22s %10.3f %18.3f%n", "signer F1", inSample.signerF1(), heldOut.signerF1()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "signer precision", inSample.signerPrecision(), heldOut.signerPrecision()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "signer recall", inSample.signerRecall(), heldOut.signerRecall()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "recipient F1", inSample.recipientF1(), heldOut.recipientF1()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "date", inSample.dateAccuracy(), heldOut.dateAccuracy()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "title", inSample.titleAccuracy(), heldOut.titleAccuracy()));
        b.append(String.format("%-22s %10.3f %18.3f%n", "language", inSample.languageAccuracy(), heldOut.languageAccuracy()));
        return b.toString();
    }

    /** The confusion between line tags: gold rows, predicted columns. */
    public static String confusion(Scores s) {
        StringBuilder b = new StringBuilder(String.format("%-10s", "gold\\pred"));
        for (Tag t : Tag.values()) b.append(String.format("%10s", t.name()));
        b.append('\n');
        for (Tag g : Tag.values()) {
            b.append(String.format("%-10s", g.name()));
            for (Tag p : Tag.values()) b.append(String.format("%10d", s.confusion[g.ordinal()][p.ordinal()]));
            b.append('\n');
        }
        return b.toString();
    }
}
