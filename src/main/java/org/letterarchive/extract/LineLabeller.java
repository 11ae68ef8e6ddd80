package org.letterarchive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.letterarchive.extract.TextLines.Line;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.impl.ListExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

/**
 * Labels every line of a letter (title, date, addressee, signer, ...) with a linear-chain CRF
 * (Tribuo's {@link CRFTrainer}) over {@link LineFeatures}, trained on hand-annotated letters. The
 * trained model ships as a resource ({@value #RESOURCE}); {@code ./letters train} makes it anew.
 * Thread-safe once built.
 */
public final class LineLabeller {

    /** What a line is. */
    public enum Tag {
        /** anything else: body text, headings, footers, contact details */
        OTHER,
        TITLE,
        DATE,
        /** a line naming an addressee, or the office of one */
        ADDRESSEE,
        /** a line that opens one signer's entry */
        SIGNER,
        /** a line naming several signers (a comma-separated paragraph) */
        SIGNERS,
        /** a line that goes on with the entry above (a wrapped name) */
        CONTINUED,
        /** a person's title, position or organisation under their name */
        DETAIL
    }

    /** The tags of a letter's lines, each with the model's confidence in it (0-1; 1 for lines tagged OTHER). */
    public record Labelled(Tag[] tags, double[] confidence) {}

    public static final String RESOURCE = "line-model.tribuo";
    private static final int EPOCHS = 12;
    private static final double LEARNING_RATE = 0.1;
    private static final long SEED = 20_261_130L;
    /** a word is a feature when letters of this many publishers have it */
    private static final int MIN_PUBLISHERS = 3;
    /** lines whose confidences are computed together, and the context on each side of them */
    private static final int WINDOW = 120;
    private static final int MARGIN = 20;
    /** a run of list items this long is read alike */
    private static final int MIN_LIST = 6;
    /** the least probability of opening a signer's entry for which a line in such a run is read as one */
    private static final double LIST_ITEM = 0.1;
    /** a table of signers: how many lines may follow it, how long the closing line over it may be, the confidence of its rows */
    private static final int AFTER_TABLE = 3;
    private static final int CLOSING = 60;
    private static final double TABLE_ROW = 0.5;
    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");
    /** how sure a paragraph of names read by its grammar alone is: enough to keep, low enough to be reviewed */
    private static final double NAMES_PARAGRAPH = 0.55;

    private final CRFModel model;
    /**
     * The same model, reporting the marginal probability of every tag of every line (Tribuo's MULTIPLY confidence):
     * one pass of belief propagation over a window gives the confidence of all its lines, where the probability of
     * each line's tag by constrained belief propagation took a pass per line.
     */
    private final CRFModel marginals;

    private LineLabeller(CRFModel model) {
        this.model = model;
        this.marginals = (CRFModel) SequenceModel.deserialize(model.serialize());
        this.marginals.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
    }

    /** The model shipped with the archive. */
    public static LineLabeller shipped() {
        try (InputStream in = LineLabeller.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the line model " + RESOURCE + " is missing; run ./letters train");
            return new LineLabeller((CRFModel) SequenceModel.deserializeFromStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains a model on letters whose lines carry their tags. */
    public static LineLabeller train(List<TaggedLetter> letters) {
        // the trainer reports its loss every hundred steps; only its warnings are worth a log line
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        var provenance = new SimpleDataSourceProvenance("annotated letters (" + letters.size() + ")", new LabelFactory());
        MutableSequenceDataset<Label> data = new MutableSequenceDataset<>(provenance, new LabelFactory());
        // words as features only where several publishers use them: a closing, a heading, not one letter's names
        Map<String, java.util.Set<String>> publishersOf = new java.util.HashMap<>();
        List<List<List<String>>> features = new ArrayList<>();
        for (TaggedLetter l : letters) {
            List<List<String>> f = LineFeatures.of(l.lines());
            features.add(f);
            for (List<String> line : f) {
                for (String name : line) if (lexical(name)) publishersOf.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(l.publisher());
            }
        }
        for (int k = 0; k < letters.size(); k++) {
            TaggedLetter l = letters.get(k);
            if (l.lines().isEmpty()) continue;
            List<List<String>> kept = new ArrayList<>();
            for (List<String> line : features.get(k)) {
                kept.add(line.stream().filter(n -> !lexical(n) || publishersOf.get(n).size() >= MIN_PUBLISHERS).toList());
            }
            data.add(example(kept, l.tags()));
        }
        CRFTrainer trainer = new CRFTrainer(new AdaGrad(LEARNING_RATE, 0.1), EPOCHS, SEED);
        trainer.setShuffle(true);
        return new LineLabeller(trainer.train(data, Map.of()));
    }

    public void save(Path file) throws IOException {
        model.serializeToFile(file);
    }

    /** The tag of each line. */
    public Labelled label(List<Line> lines) {
        Tag[] tags = new Tag[lines.size()];
        double[] confidence = new double[lines.size()];
        if (lines.isEmpty()) return new Labelled(tags, confidence);
        List<Example<Label>> features = examples(LineFeatures.of(lines));
        List<Prediction<Label>> predictions = model.predict(new SequenceExample<>(features));
        for (int i = 0; i < tags.length; i++) {
            tags[i] = Tag.valueOf(predictions.get(i).getOutput().getLabel());
            confidence[i] = 1.0;
        }
        // the probability of each tagged line's tag, by belief propagation over windows of the chain
        Windows windows = new Windows(features);
        for (int i = 0; i < tags.length; i++) if (tags[i] != Tag.OTHER) confidence[i] = windows.probability(i, tags[i]);
        // each line's list marker, read once for the decoding steps below
        int[] marks = LineFeatures.listMarks(lines);
        alikeInLists(marks, windows, tags, confidence);
        tablesUnderClosing(lines, marks, tags, confidence);
        tableHeaders(lines, marks, tags);
        namesParagraphs(lines, tags, confidence);
        entriesByBlocks(lines, tags);
        return new Labelled(tags, confidence);
    }

    /**
     * Signers written as blocks of a few lines apart by blank lines ("Jane Doe" / "Director" / "Example Fund"):
     * where most blocks of a run of signer lines hold two to four lines and open with a person's name, each block
     * is one entry, its first line the name and the others its details.
     */
    private static void entriesByBlocks(List<Line> lines, Tag[] tags) {
        int n = tags.length;
        for (int i = 0; i < n; ) {
            if (!entryTag(tags[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && entryTag(tags[j + 1])) j++;
            List<int[]> blocks = new ArrayList<>();
            int start = i;
            for (int k = i + 1; k <= j + 1; k++) {
                if (k == j + 1 || lines.get(k).gapBefore()) {
                    blocks.add(new int[] {start, k - 1});
                    start = k;
                }
            }
            int shaped = 0;
            for (int[] b : blocks) {
                int size = b[1] - b[0] + 1;
                if (size >= 2 && size <= 4 && PersonName.shaped(lines.get(b[0]).clean())) shaped++;
            }
            // one block alone: a person's name over lines that are not names ("Jane Doe" / "President" / "Example Fund")
            boolean single = blocks.size() == 1 && shaped == 1 && java.util.stream.IntStream.rangeClosed(blocks.get(0)[0] + 1, blocks.get(0)[1])
                    .noneMatch(k -> PersonName.shaped(lines.get(k).clean()));
            if ((blocks.size() >= 2 && shaped * 10 >= blocks.size() * 7) || single) {
                for (int[] b : blocks) {
                    if (b[1] - b[0] + 1 > 4) continue;
                    tags[b[0]] = Tag.SIGNER;
                    // a line that goes on with the one above (a wrapped entry) stays so
                    for (int k = b[0] + 1; k <= b[1]; k++) if (tags[k] == Tag.SIGNER) tags[k] = Tag.DETAIL;
                }
            }
            i = j + 1;
        }
    }

    private static boolean entryTag(Tag t) {
        return t == Tag.SIGNER || t == Tag.DETAIL || t == Tag.CONTINUED;
    }

    /**
     * A paragraph that is a list of names separated by semicolons ("ABC - Association of X; Forum Y; ..."),
     * under a line that announces it (ending in a colon) or closing the letter, names several signers,
     * whatever the model made of it: few annotated letters write their signers so, too few to learn from.
     */
    private static void namesParagraphs(List<Line> lines, Tag[] tags, double[] confidence) {
        int n = tags.length;
        boolean proseAfter = false;
        for (int i = n - 1; i >= 0; i--) {
            String s = lines.get(i).clean();
            boolean announced = i > 0 && lines.get(i - 1).clean().endsWith(":");
            // "Signed by:" over "A, B and C.": a short list of names joined by commas and "and"
            boolean names = namesList(s) || (announced && !proseAfter && SignerEntries.andList(s));
            if ((tags[i] == Tag.OTHER || tags[i] == Tag.SIGNER) && (announced || !proseAfter) && names) {
                if (tags[i] == Tag.OTHER) confidence[i] = NAMES_PARAGRAPH;
                tags[i] = Tag.SIGNERS;
                continue;
            }
            if (s.length() >= 240 && !names) proseAfter = true;
        }
    }

    /** Four names or more between semicolons, nearly all short and capitalised. */
    static boolean namesList(String s) {
        if (s.indexOf(';') < 0) return false;
        String[] items = s.split("\\s*;\\s*");
        if (items.length < 4) return false;
        int names = 0;
        for (String it : items) {
            String t = it.strip();
            if (!t.isEmpty() && SignerParser.words(t) <= 14 && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) names++;
        }
        return names * 5 >= items.length * 4;
    }

    /**
     * The probability that a line has a tag, by belief propagation over a window of the chain around it (the
     * window of {@value #WINDOW} lines that holds it, and {@value #MARGIN} lines on each side): far lines hardly
     * change it, and a whole long letter at once would cost its square. Each window is read once, when one of its
     * lines is first asked for. The marginals equal the probabilities Tribuo's constrained belief propagation gave
     * line by line (within 1e-11), but for the first line of a letter, which that pass left unconstrained and so
     * reported as certain: it still is, so that the review queue reads the letters as before.
     */
    private final class Windows {
        private final List<Example<Label>> features;
        private final Map<Integer, List<Prediction<Label>>> read = new java.util.HashMap<>();

        Windows(List<Example<Label>> features) {
            this.features = features;
        }

        double probability(int line, Tag tag) {
            // the first line is as sure as the constrained pass made it: that pass leaves the chain's first line unconstrained
            if (line == 0) return 1.0;
            int start = line / WINDOW * WINDOW;
            int from = Math.max(0, start - MARGIN);
            List<Prediction<Label>> window = read.computeIfAbsent(start, s -> marginals.predict(
                    new SequenceExample<>(new ArrayList<>(features.subList(from, Math.min(features.size(), s + WINDOW + MARGIN))))));
            double p = window.get(line - from).getOutputScores().get(tag.name()).getScore();
            return Math.max(0, Math.min(1, p));
        }
    }

    /**
     * A table that ends the letter right under its closing line ("Sincerely," / "Signed:") is its signature block:
     * each row under the header names a signer in its first column that is not a number, whatever the model made of
     * it (tables of signers are too rare in the annotated letters to learn from).
     */
    private static void tablesUnderClosing(List<Line> lines, int[] marks, Tag[] tags, double[] confidence) {
        // the table, under which at most a few lines may follow (a note, a page's footer)
        int end = tags.length - 1;
        for (int after = 0; end >= 0 && marks[end] != LineFeatures.CELLS && after < AFTER_TABLE; after++) end--;
        if (end < 0 || marks[end] != LineFeatures.CELLS) return;
        int start = end;
        while (start - 1 >= 0 && marks[start - 1] == LineFeatures.CELLS) start--;
        if (end - start < 1 || start == 0) return;
        String closing = lines.get(start - 1).clean();
        if (closing.length() > CLOSING || !(closing.endsWith(",") || closing.endsWith(":"))) return;
        boolean header = headerRow(lines, start, end);
        if (header) tags[start] = Tag.OTHER;
        for (int i = header ? start + 1 : start; i <= end; i++) {
            if (tags[i] != Tag.OTHER) continue;
            tags[i] = Tag.SIGNER;
            confidence[i] = TABLE_ROW;
        }
    }

    /**
     * True when the first row of a table is its header: a column whose cells below all hold digits (a number, a
     * year) holds none in the first row ("N.º" over "1", "2"; "Year" over "2005", "1998").
     */
    static boolean headerRow(List<Line> lines, int start, int end) {
        if (end - start < 2) return false;
        String[] first = lines.get(start).clean().split("\\|");
        for (int c = 0; c < first.length; c++) {
            if (DIGIT.matcher(first[c]).find()) continue;
            boolean digitsBelow = true;
            for (int i = start + 1; i <= end && digitsBelow; i++) {
                String[] cells = lines.get(i).clean().split("\\|");
                digitsBelow = c < cells.length && DIGIT.matcher(cells[c]).find();
            }
            if (digitsBelow) return true;
        }
        return false;
    }

    /** The header rows of the tables in a letter are no signers, whatever the model made of them. */
    private static void tableHeaders(List<Line> lines, int[] marks, Tag[] tags) {
        for (int i = 0; i < tags.length; ) {
            if (marks[i] != LineFeatures.CELLS) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tags.length && marks[j + 1] == LineFeatures.CELLS) j++;
            if (tags[i] == Tag.SIGNER && headerRow(lines, i, j)) tags[i] = Tag.OTHER;
            i = j + 1;
        }
    }

    /**
     * The items of one list are of one kind: in a run of lines with the same list marker (bullets, numbers,
     * table rows, or short lines of no sentence) where two lines in five or more open a signer's entry, the lines left as
     * other text open one too, with the share of the run as their confidence.
     */
    private static void alikeInLists(int[] marks, Windows windows, Tag[] tags, double[] confidence) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tags.length; ) {
            int j = i;
            while (j + 1 < tags.length && marks[j + 1] == marks[i]) j++;
            int length = j - i + 1, signers = 0;
            for (int k = i; k <= j; k++) if (tags[k] == Tag.SIGNER) signers++;
            if (marks[i] != LineFeatures.NOT_LISTED && length >= MIN_LIST && signers * 5 >= length * 2) {
                for (int k = i; k <= j; k++) if (tags[k] == Tag.OTHER) candidates.add(k);
            }
            i = j + 1;
        }
        for (int k : candidates) {
            double p = windows.probability(k, Tag.SIGNER);
            if (p < LIST_ITEM) continue;
            tags[k] = Tag.SIGNER;
            confidence[k] = p;
        }
    }

    /** A feature that names a word rather than a shape. */
    private static boolean lexical(String feature) {
        int colon = feature.indexOf(':');
        String f = colon >= 0 && colon < 3 ? feature.substring(colon + 1) : feature;
        return f.startsWith("first=") || f.startsWith("last=") || f.startsWith("short=");
    }

    private static SequenceExample<Label> example(List<List<String>> features, Tag[] tags) {
        List<Example<Label>> examples = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) examples.add(example(features.get(i), new Label(tags[i].name())));
        return new SequenceExample<>(examples);
    }

    /** The lines' features as examples of no known tag, built once and shared by every window read over them. */
    private static List<Example<Label>> examples(List<List<String>> features) {
        List<Example<Label>> examples = new ArrayList<>(features.size());
        for (List<String> line : features) examples.add(example(line, LabelFactory.UNKNOWN_LABEL));
        return examples;
    }

    private static Example<Label> example(List<String> names, Label label) {
        // the names in order, each once, given as names and values: no feature made only to be copied
        String[] sorted = names.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || !sorted[i].equals(sorted[n - 1])) sorted[n++] = sorted[i];
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return new ListExample<>(label, n == sorted.length ? sorted : java.util.Arrays.copyOf(sorted, n), ones);
    }

    /** A letter's lines with the tag of each, for training. */
    public record TaggedLetter(String name, String publisher, List<Line> lines, Tag[] tags) {}
}
