package org.letterarchive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.letterarchive.extract.TextLines.Line;
import org.tribuo.Example;
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
    /** the model's weights, with which the lines are tagged and their tags' probabilities read */
    private final LineChain chain;

    private LineLabeller(CRFModel model) {
        this.model = model;
        this.chain = LineChain.of(model);
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

    /**
     * The tag of each line. Where copied addressees close the letter ("cc:" and the lines under it), the lines above
     * them are tagged again as a letter of their own: the signature block is the end of a letter, and the model reads
     * it best where nothing follows it; the copy block keeps the tags read over the whole letter.
     */
    public Labelled label(List<Line> lines) {
        LineFeatures.Shapes shapes = new LineFeatures.Shapes(lines);
        Labelled whole = labelAll(lines, shapes);
        int copies = copiesAtEnd(lines);
        if (copies <= 0) return whole;
        Labelled head = labelAll(lines.subList(0, copies), shapes);
        Tag[] tags = whole.tags().clone();
        double[] confidence = whole.confidence().clone();
        System.arraycopy(head.tags(), 0, tags, 0, copies);
        System.arraycopy(head.confidence(), 0, confidence, 0, copies);
        return new Labelled(tags, confidence);
    }

    /** the most lines a copy block closing a letter holds */
    private static final int COPY_BLOCK = 12;

    /**
     * The first line of a block of copied addressees that closes the letter ("cc:" over a few short lines), or -1:
     * its header or first line opens it, and no line of it is a paragraph.
     */
    static int copiesAtEnd(List<Line> lines) {
        for (int i = lines.size() - 1; i > 0 && i >= lines.size() - COPY_BLOCK; i--) {
            String s = lines.get(i).clean();
            if (s.length() > 200) return -1;
            if (RecipientFinder.opensCopies(s)) return i;
        }
        return -1;
    }

    /** The tags of the lines, the first of those whose shapes were read. */
    private Labelled labelAll(List<Line> lines, LineFeatures.Shapes shapes) {
        Tag[] tags = new Tag[lines.size()];
        double[] confidence = new double[lines.size()];
        if (lines.isEmpty()) return new Labelled(tags, confidence);
        double[][] scores = chain.scores(shapes.features(lines.size()));
        System.arraycopy(chain.best(scores), 0, tags, 0, tags.length);
        Arrays.fill(confidence, 1.0);
        // the probability of each tagged line's tag, by belief propagation over windows of the chain
        Windows windows = new Windows(scores);
        for (int i = 0; i < tags.length; i++) if (tags[i] != Tag.OTHER) confidence[i] = windows.probability(i, tags[i]);
        // each line's list marker, read once for the decoding steps below
        int[] marks = shapes.marks(lines.size());
        alikeInLists(marks, windows, tags, confidence);
        tablesUnderClosing(lines, marks, tags, confidence);
        tableHeaders(lines, marks, tags);
        namesParagraphs(lines, tags, confidence);
        headings(lines, marks, tags);
        alikeInBlocks(lines, marks, windows, tags, confidence);
        entriesByBlocks(lines, tags);
        paragraphEntries(lines, tags);
        officesUnderNames(lines, tags);
        return new Labelled(tags, confidence);
    }

    /**
     * An office under a person's name ("JANE ROE" / "Governor of the Example Province", "Ana Pérez" / "Ministra de X"),
     * both read as signers, is the person's title: a detail of the entry above, not an entry of its own. Only where the
     * letter writes two such pairs or more, so that one organisation named for an office is left alone.
     */
    static void officesUnderNames(List<Line> lines, Tag[] tags) {
        List<Integer> offices = new ArrayList<>();
        for (int i = 1; i < tags.length; i++) {
            if (tags[i] != Tag.SIGNER || tags[i - 1] != Tag.SIGNER) continue;
            String s = lines.get(i).clean(), above = lines.get(i - 1).clean();
            if (s.length() > 120 || !Character.isUpperCase(s.codePointAt(0))) continue;
            List<String> words = List.of(Splits.whitespace(s.strip()));
            int office = Vocabulary.get().officeWords(words);
            if (office == 0 || !PersonName.shaped(above, PersonName.AllCaps.ACCEPT)) continue;
            // an office and a person after it ("Senator Jane Roe") is an entry; the office of a place or body ("Governor of X") is not
            if (office < words.size() && Character.isUpperCase(words.get(office).codePointAt(0))) continue;
            offices.add(i);
        }
        if (offices.size() < 2) return;
        for (int i : offices) tags[i] = Tag.DETAIL;
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
            // one block alone: a person's name over the person's details ("Jane Doe" / "President" / "Example Fund")
            boolean single = blocks.size() == 1 && shaped == 1 && onePersonsBlock(lines, blocks.get(0)[0], blocks.get(0)[1]);
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

    /**
     * Headings over groups of signers ("ORGANIZATIONS", "Local associations:", "Regional" over numbered entries)
     * are no signers: a line tagged as opening an entry, followed by an entry, that has no entry's shape (see
     * {@link #headingShape}). An entry the model left as a person's detail under such a heading opens an entry.
     */
    private static void headings(List<Line> lines, int[] marks, Tag[] tags) {
        for (int i = 0; i + 1 < tags.length; i++) {
            if (tags[i] != Tag.SIGNER || !(entryTag(tags[i + 1]) || tags[i + 1] == Tag.SIGNERS)) continue;
            // a person's name over the person's details is no heading
            boolean detailBelow = tags[i + 1] == Tag.DETAIL || tags[i + 1] == Tag.CONTINUED;
            if (detailBelow && PersonName.shaped(lines.get(i).clean())) continue;
            // a heading opens a group: it follows no entry, or a block of entries with no blank line between them
            boolean opensGroup = i == 0 || !(entryTag(tags[i - 1]) || tags[i - 1] == Tag.SIGNERS) || !lines.get(i - 1).gapBefore();
            if (!headingShape(lines.get(i), marks[i], lines.get(i + 1), detailBelow ? marks[i] : marks[i + 1], opensGroup)) continue;
            tags[i] = Tag.OTHER;
            if (tags[i + 1] == Tag.DETAIL || tags[i + 1] == Tag.CONTINUED) tags[i + 1] = Tag.SIGNER;
        }
    }

    /** a heading in capitals: this many letters at least, or two words */
    private static final int CAPITALS_HEADING = 7;

    /**
     * True when a line over an entry is a heading rather than an entry of its own: it announces what follows (it ends
     * in a colon); or the entry under it carries a list marker (a number, a bullet, a table's cells) that it lacks;
     * or, opening a group (after a blank line, and after no entry or a block of entries with no blank line between
     * them: entries each in a paragraph of its own are read alike), it is set in capitals, a word of seven letters or more or several words with no digit or
     * bracket and no person's name, over an entry that is not; or it names a kind of signer in the plural and nothing else, in three words
     * at most ("Local Associations", "Asociaciones locales").
     */
    static boolean headingShape(Line line, int mark, Line next, int nextMark, boolean opensGroup) {
        String s = line.clean().strip();
        if (s.endsWith(":")) return true;
        // a list marker kept in the clean text (a bullet typed in an HTML paragraph) marks the line as much as one in its source
        boolean marked = mark == LineFeatures.BULLETED || mark == LineFeatures.NUMBERED || mark == LineFeatures.CELLS || LIST_MARK.matcher(s).lookingAt();
        boolean nextMarked = nextMark == LineFeatures.BULLETED || nextMark == LineFeatures.NUMBERED || nextMark == LineFeatures.CELLS
                || LIST_MARK.matcher(next.clean().strip()).lookingAt();
        if (nextMarked && !marked) return true;
        if (marked || !opensGroup || !line.gapBefore() || s.indexOf('(') >= 0 || DIGIT.matcher(s).find()) return false;
        int words = SignerParser.words(s);
        // a person's name in capitals over the person's position ("JANE DOE" / "Governor of Example") is no heading
        if (capitals(s) && !capitals(next.clean()) && (words >= 2 || s.length() >= CAPITALS_HEADING)
                && !PersonName.shaped(s, PersonName.AllCaps.ACCEPT)) return true;
        return words <= 3 && Vocabulary.get().namesKindsOnly(s);
    }

    /** a bullet or a number opening a line's text */
    private static final java.util.regex.Pattern LIST_MARK = java.util.regex.Pattern.compile("(?:[-*•·▪◦–+]|\\d{1,4}[.)])\\s");

    /** Every letter a capital, four letters at least. */
    private static boolean capitals(String s) {
        int letters = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isLetter(c)) continue;
            if (!Character.isUpperCase(c)) return false;
            letters++;
        }
        return letters >= 4;
    }

    /** the least probability of opening an entry for which the lines of a block of entries are read as entries */
    private static final double BLOCK_ENTRY = 0.1;

    /**
     * The lines of a block of entries (written alike: the same list marker, no blank line between) left as other text
     * above or below a line tagged as one are entries too where the model gives them some chance of being one: a list
     * of signers is read alike from its first line to its last. Lines not written as names, lines that announce the
     * list (a colon), close the letter (a comma), head copied addressees or are headings are left as they are, and so
     * are tables (their first row is often a header).
     */
    private static void alikeInBlocks(List<Line> lines, int[] marks, Windows windows, Tag[] tags, double[] confidence) {
        for (int k : blockEntryCandidates(lines, marks, tags)) {
            double p = windows.probability(k, Tag.SIGNER);
            if (p < BLOCK_ENTRY) continue;
            tags[k] = Tag.SIGNER;
            confidence[k] = p;
        }
    }

    /** The lines left as other text in blocks of entries, in order (see {@link #alikeInBlocks}). */
    static List<Integer> blockEntryCandidates(List<Line> lines, int[] marks, Tag[] tags) {
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
        for (int i = 0; i < tags.length; i++) {
            // a table's rows are read by its own rules, its header being no entry
            int mark = entryMark(lines, marks, i);
            if (tags[i] != Tag.SIGNER || mark == LineFeatures.NOT_LISTED || mark == LineFeatures.CELLS) continue;
            // the lines above it in its block
            for (int k = i - 1; k >= 0 && !lines.get(k + 1).gapBefore() && tags[k] == Tag.OTHER && entryMark(lines, marks, k) == mark; k--) {
                if (!entryLike(lines, marks, k, i)) break;
                candidates.add(k);
            }
            // and below it
            for (int k = i + 1; k < tags.length && !lines.get(k).gapBefore() && tags[k] == Tag.OTHER && entryMark(lines, marks, k) == mark; k++) {
                if (!entryLike(lines, marks, k, i)) break;
                candidates.add(k);
            }
        }
        return new ArrayList<>(candidates);
    }

    /** the longest line that is read as an entry with no list marker */
    private static final int SHORT_ENTRY = 120;

    /** A line's list marker as the entries of a block are compared: a short line with none is unmarked, full stops in it ("Inc.") notwithstanding. */
    private static int entryMark(List<Line> lines, int[] marks, int i) {
        return marks[i] == LineFeatures.NOT_LISTED && lines.get(i).clean().length() <= SHORT_ENTRY ? LineFeatures.UNMARKED : marks[i];
    }

    /** a number opening a line, as a footnote's does ("3 Example v. Example, 12 F.3d 45") */
    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("^\\d+\\s");

    /**
     * A line that may be an entry like the entry at i: written as a name, announcing nothing (a colon), closing nothing
     * (a comma), no heading, and opening with a number only where that entry does (a footnote under a list is no entry).
     */
    private static boolean entryLike(List<Line> lines, int[] marks, int k, int i) {
        String s = lines.get(k).clean();
        if (LEADING_NUMBER.matcher(s).find() != LEADING_NUMBER.matcher(lines.get(i).clean()).find()) return false;
        return !(s.endsWith(":") || s.endsWith(",") || !nameLike(s) || RecipientFinder.opensCopies(s) || Salutation.isGreeting(s)
                || (k + 1 < lines.size() && headingShape(lines.get(k), marks[k], lines.get(k + 1), marks[k + 1], true)));
    }

    /**
     * Written as a name: after any list marker it opens with a capital or a digit, and fewer than a third of its words
     * of four letters or more are in lower case ("Alliance para Example Rights of the Valley (AERV)"), as a heading of
     * running text seldom is ("The force of the example").
     */
    static boolean nameLike(String s) {
        String t = LIST_MARK.matcher(s.strip()).replaceFirst("");
        // past any other mark opening it ("● Example Fund")
        int start = 0;
        while (start < t.length() && !Character.isLetterOrDigit(t.charAt(start)) && "\"“«'(".indexOf(t.charAt(start)) < 0) start++;
        t = t.substring(start);
        if (t.isEmpty() || !(Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) return false;
        int longWords = 0, lowerCase = 0;
        for (String w : Splits.whitespace(t)) {
            int k = 0;
            while (k < w.length() && !Character.isLetterOrDigit(w.charAt(k))) k++;
            String word = w.substring(k);
            if (word.length() < 4) continue;
            longWords++;
            if (word.chars().allMatch(Character::isLetter) && Character.isLowerCase(word.codePointAt(0))) lowerCase++;
        }
        return lowerCase * 3 < longWords || lowerCase == 0;
    }

    /**
     * A paragraph of its own that is a whole entry, a person's name and what follows it ("Jane Doe, Professor, Example
     * University"), opens an entry, though the model took it for the details of the entry above: details follow a name
     * in its own block, and a name that is no office opens none.
     */
    private static void paragraphEntries(List<Line> lines, Tag[] tags) {
        for (int i = 1; i < tags.length; i++) {
            if ((tags[i] != Tag.DETAIL && tags[i] != Tag.CONTINUED) || !lines.get(i).gapBefore()) continue;
            List<String> parts = SignerParser.splitOutsideBrackets(lines.get(i).clean());
            String first = parts.get(0);
            if (parts.size() >= 2 && PersonName.shaped(first) && !Vocabulary.get().opensWithOffice(first)) {
                tags[i] = Tag.SIGNER;
            }
        }
    }

    /**
     * True when a block that opens with a person's name holds that person's details under it, not more people: no
     * line under the name reads as a name, but a position right under it (an office of the general list, or two words
     * at most) where a line that is no name closes the block ("Jane Doe" / "Executive Director" / "Example Fund":
     * name, position, organisation).
     */
    static boolean onePersonsBlock(List<Line> lines, int start, int end) {
        boolean closedByOrganisation = end - start >= 2 && !PersonName.shaped(lines.get(end).clean());
        for (int k = start + 1; k <= end; k++) {
            if (k == start + 1 && closedByOrganisation && position(lines.get(k).clean())) continue;
            if (PersonName.shaped(lines.get(k).clean())) return false;
        }
        return true;
    }

    /** A position held, as written under a name: it opens with an office ("Chair of the Board"), or is two words at most. */
    private static boolean position(String s) {
        return SignerParser.words(s) <= 2 || Vocabulary.get().opensWithOffice(s);
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
            // "Supporting organisations: A, B and C.": a label with the list on its line
            String listed = !proseAfter && !announced ? SignerEntries.listAfterLabel(s) : null;
            boolean names = namesList(s) || (announced && !proseAfter && SignerEntries.andList(s))
                    || (listed != null && (SignerEntries.andList(listed) || namesList(listed)));
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
        /** each line's score for each label */
        private final double[][] scores;
        private final Map<Integer, double[][]> read = new java.util.HashMap<>();

        Windows(double[][] scores) {
            this.scores = scores;
        }

        double probability(int line, Tag tag) {
            // the first line is as sure as the constrained pass made it: that pass leaves the chain's first line unconstrained
            if (line == 0) return 1.0;
            int start = line / WINDOW * WINDOW;
            int from = Math.max(0, start - MARGIN);
            double[][] window = read.computeIfAbsent(start, s -> chain.marginals(scores, from, Math.min(scores.length, s + WINDOW + MARGIN)));
            double p = window[line - from][tag.ordinal()];
            return Math.max(0, Math.min(1, p));
        }
    }

    /**
     * A table that ends the letter right under its closing line ("Sincerely," / "Signed:" / "Signed") is its signature block:
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
        // a short line over it: a closing ("Sincerely,", "Signed", "Veuillez agréer ... considération."), not a paragraph
        if (closing.length() > CLOSING) return;
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
        Vocabulary v = Vocabulary.get();
        for (int c = 0; c < first.length; c++) {
            if (DIGIT.matcher(first[c]).find()) continue;
            // a column of numbers, or of places, under a cell that is neither: the cell names the column
            boolean digitsBelow = true, placesBelow = !v.isPlace(first[c].strip());
            for (int i = start + 1; i <= end && (digitsBelow || placesBelow); i++) {
                String[] cells = lines.get(i).clean().split("\\|");
                digitsBelow &= c < cells.length && DIGIT.matcher(cells[c]).find();
                placesBelow &= c < cells.length && v.isPlace(cells[c].strip());
            }
            if (digitsBelow || placesBelow) return true;
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

    /** A line's features as Tribuo reads them: each name once, in order, worth one. */
    static Example<Label> example(List<String> names, Label label) {
        // the names in order, each once, given as names and values: no feature made only to be copied
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || !sorted[i].equals(sorted[n - 1])) sorted[n++] = sorted[i];
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new ListExample<>(label, n == sorted.length ? sorted : Arrays.copyOf(sorted, n), ones);
    }

    /** A letter's lines with the tag of each, for training. */
    public record TaggedLetter(String name, String publisher, List<Line> lines, Tag[] tags) {}
}
