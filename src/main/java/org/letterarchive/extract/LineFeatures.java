package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.letterarchive.extract.FeatureNames.Buckets;
import org.letterarchive.extract.FeatureNames.Prefixed;
import org.letterarchive.extract.TextLines.Line;

/**
 * General features of each line of a letter and of the lines around it, for the line labeller: length,
 * case pattern, punctuation, separators, bullets and numbering, table cells, repetition of shape with
 * the neighbours, position relative to the end of the prose, and words of the general vocabularies
 * (legal forms, honorifics, months, places). Every feature is a name; the model learns what each is
 * worth. No feature names a word or phrase of a particular letter: the only words used as such are
 * a line's first and last word, whose weights are learned from the annotations.
 */
public final class LineFeatures {

    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪◦–+>]|\\\\-)\\s*");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,4}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\\s+|^\\d{1,4}\\s*\\|");
    private static final Pattern PAREN_ACRONYM = Pattern.compile("\\((?=[^)]*\\p{Lu}[^)]*\\p{Lu})[\\p{Lu}\\p{N}&./\\- ]{2,15}\\)");
    private static final Pattern YEAR = Pattern.compile("\\b(?:1[89]|20)\\d\\d\\b");
    private static final Pattern URL = Pattern.compile("https?://|www\\.|\\.(?:org|com|net)\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.\\w");
    private static final Pattern CELL_NUMBER = Pattern.compile("\\d{1,4}[.)]?");
    private static final int[] LEN_BOUNDS = {8, 16, 32, 64, 100, 160, 300};
    private static final Buckets LEN = new Buckets("len=", LEN_BOUNDS), WORDS = new Buckets("words=", 2, 3, 4, 6, 9, 14, 25),
            SENTENCES = new Buckets("sentences=", 1, 2, 3), COMMAS = new Buckets("commas=", 1, 2, 3, 6), CELL_COUNT = new Buckets("cells=", 1, 2, 3),
            PARTS = new Buckets("parts=", 3, 4, 6), ITEMS = new Buckets("items=", 4, 6, 10, 20),
            PROSE_AFTER = new Buckets("proseAfter=", 0, 1, 2, 4), AFTER_PROSE = new Buckets("afterProse=", 1, 2, 4, 8, 16),
            BEFORE_PROSE = new Buckets("beforeProse=", 1, 2, 4, 8), BEFORE_GREETING = new Buckets("beforeGreeting=", 2, 3, 5, 9, 17),
            RUN = new Buckets("run=", 2, 3, 5, 10, 20), MARKED_RUN = new Buckets("markedRun=", 3, 5, 10, 20);
    /** how a line ends, and how many of its words are capitalised */
    private static final List<String> ENDS = List.of(".", ",", ":", ";", ")", "a", "9", "?");
    private static final List<String> CAPS = List.of("none", "all", "most", "half", "some", "zero");
    private static final Prefixed END = new Prefixed("end=", ENDS), CAPITALS = new Prefixed("caps=", CAPS),
            CAP_ITEMS = new Prefixed("capItems=", List.of("all", "most", "half", "few")), RUN_AFTER = new Prefixed("runAfter=", ENDS);
    private static final String[] POS = FeatureNames.numbered("pos=", 10), HEAD = FeatureNames.numbered("head", 3),
            TAIL = FeatureNames.numbered("tail", 3), SAME_SHAPE = FeatureNames.numbered("sameShape=", 5);
    /** the features of the lines around a line, by where they stand */
    private static final List<String> CONTEXT_NAMES = contextNames();
    private static final Prefixed PREVIOUS = new Prefixed("p:", CONTEXT_NAMES), NEXT = new Prefixed("n:", CONTEXT_NAMES),
            PREVIOUS2 = new Prefixed("p2:", CONTEXT_NAMES), NEXT2 = new Prefixed("n2:", CONTEXT_NAMES);
    /** a line that is a paragraph of prose */
    private static final int PROSE = 240;
    private static final int LONGEST = 1_000;
    /** how far down a greeting is looked for */
    private static final int GREETING_SEARCH = 150;

    private LineFeatures() {}

    /** One feature list per line. */
    public static List<List<String>> of(List<Line> lines) {
        return new Shapes(lines).features(lines.size());
    }

    /**
     * What each line of a letter looks like, read once: a line's shape is its own, whatever stands around it, so the
     * features and list marks of the letter's first lines read as a letter of their own are made from the same shapes.
     */
    static final class Shapes {
        private final List<Line> lines;
        private final Shape[] shapes;

        Shapes(List<Line> lines) {
            this.lines = lines;
            this.shapes = new Shape[lines.size()];
            for (int i = 0; i < shapes.length; i++) shapes[i] = Shape.of(lines.get(i));
        }

        /** The list marker of each of the first n lines (see {@link LineFeatures#mark}). */
        int[] marks(int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = shapes[i].mark;
            return out;
        }

        /** One feature list for each of the first n lines, as {@link LineFeatures#of} makes them for those lines alone. */
        List<List<String>> features(int n) {
            return LineFeatures.features(lines.subList(0, n), shapes);
        }
    }

    private static List<List<String>> features(List<Line> lines, Shape[] shapes) {
        int n = lines.size();
        int[] proseAfter = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) proseAfter[i] = proseAfter[i + 1] + (shapes[i].prose ? 1 : 0);
        int lastProse = -1;
        for (int i = 0; i < n; i++) if (shapes[i].prose) lastProse = i;
        int firstProse = -1;
        for (int i = 0; i < n; i++) if (shapes[i].prose) { firstProse = i; break; }
        // the greeting that opens the letter: addressees stand above it, signers far below
        int greeting = -1;
        for (int i = 0; i < Math.min(n, GREETING_SEARCH); i++) {
            if (shapes[i].greeting) {
                greeting = i;
                break;
            }
        }

        // runs of short lines that are no prose: where lists are
        int[] runStart = new int[n];
        int[] runEnd = new int[n];
        for (int i = 0; i < n; ) {
            if (!shapes[i].listy) {
                runStart[i] = i;
                runEnd[i] = i;
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && shapes[j + 1].listy) j++;
            for (int k = i; k <= j; k++) {
                runStart[k] = i;
                runEnd[k] = j;
            }
            i = j + 1;
        }
        int[] markedBefore = new int[n + 1];
        for (int i = 0; i < n; i++) markedBefore[i + 1] = markedBefore[i] + (shapes[i].marked ? 1 : 0);
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(64);
            Shape s = shapes[i];
            f.addAll(s.own);
            if (i > 0) shapes[i - 1].addContext(f, PREVIOUS);
            else f.add("p:none");
            if (i + 1 < n) shapes[i + 1].addContext(f, NEXT);
            else f.add("n:none");
            if (i > 1) shapes[i - 2].addBrief(f, PREVIOUS2);
            if (i + 2 < n) shapes[i + 2].addBrief(f, NEXT2);
            // position: in the head, in the prose, after it
            f.add(POS[Math.min(9, i * 10 / Math.max(1, n))]);
            if (i < 3) f.add(HEAD[i]);
            if (i >= n - 3) f.add(TAIL[n - 1 - i]);
            f.add(PROSE_AFTER.of(proseAfter[i + 1]));
            if (lastProse >= 0 && i > lastProse) f.add(AFTER_PROSE.of(i - lastProse));
            if (firstProse >= 0 && i < firstProse) f.add(BEFORE_PROSE.of(firstProse - i));
            if (greeting >= 0 && i < greeting) f.add(BEFORE_GREETING.of(greeting - i));
            else if (greeting >= 0 && i > greeting) f.add("afterGreeting");
            // repetition of shape: list entries look like their neighbours
            int same = 0;
            for (int d = -2; d <= 2; d++) {
                if (d == 0 || i + d < 0 || i + d >= n) continue;
                if (shapes[i + d].key.equals(s.key)) same++;
            }
            f.add(SAME_SHAPE[same]);
            if (s.listy) {
                int len = runEnd[i] - runStart[i] + 1;
                f.add(RUN.of(len));
                f.add(i == runStart[i] ? "runFirst" : i == runEnd[i] ? "runLast" : "runInside");
                if (runStart[i] > 0) f.add(RUN_AFTER.of(shapes[runStart[i] - 1].endMark));
                if (runEnd[i] >= n - 3) f.add("runToEnd");
                if (runStart[i] > 0 && shapes[runStart[i] - 1].prose) f.add("runAfterProse");
                int marked = markedBefore[runEnd[i] + 1] - markedBefore[runStart[i]];
                if (marked * 2 > len) f.add(MARKED_RUN.of(marked));
            }
            // blank lines between blocks: an entry of several lines has none inside it
            boolean gapBefore = lines.get(i).gapBefore(), gapAfter = i + 1 < n && lines.get(i + 1).gapBefore();
            f.add(gapBefore ? (gapAfter ? "gap=both" : "gap=before") : (gapAfter ? "gap=after" : "gap=none"));
            if (i > 0 && shapes[i - 1].key.equals(s.key)) f.add("sameShapePrev");
            if (i + 1 < n && shapes[i + 1].key.equals(s.key)) f.add("sameShapeNext");
            if (i > 0 && similarLength(shapes[i - 1], s)) f.add("lenLikePrev");
            if (i + 1 < n && similarLength(shapes[i + 1], s)) f.add("lenLikeNext");
            out.add(f);
        }
        return out;
    }

    /** What marks each line as a list item: {@link #UNMARKED} for a short line of no sentence, 0 for none. */
    static final int NOT_LISTED = 0, UNMARKED = 1, BULLETED = 2, NUMBERED = 3, CELLS = 4;

    /**
     * The list marker of a line, for reading a list's items alike, given whether its raw text opens with a bullet
     * and with a number.
     */
    private static int mark(Line l, boolean bullet, boolean numbered) {
        String s = l.clean();
        if (l.raw().indexOf('|') >= 0) return CELLS;
        if (bullet) return BULLETED;
        if (numbered) return NUMBERED;
        if (s.length() <= 80 && sentenceEnds(s) == 0 && !s.endsWith(":") && !url(s)
                && !(s.indexOf('@') >= 0 && EMAIL.matcher(s).find())) return UNMARKED;
        return NOT_LISTED;
    }

    private static boolean similarLength(Shape a, Shape b) {
        return a.length > 0 && b.length > 0 && Math.max(a.length, b.length) <= 2 * Math.min(a.length, b.length);
    }

    /** Every name a line's context and brief features take but its first word and short text. */
    private static List<String> contextNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (int v = 0; v <= LEN_BOUNDS[LEN_BOUNDS.length - 1]; v++) {
            String b = bucket(v, LEN_BOUNDS);
            names.add("len=" + b);
            names.add("len=" + b.substring(0, Math.min(3, b.length())));
        }
        for (String e : ENDS) names.add("end=" + e);
        for (String c : CAPS) names.add("caps=" + c);
        names.addAll(List.of("prose", "listMark", "dateLine", "cells", "parts", "personName"));
        return List.copyOf(names);
    }

    static String bucket(int v, int... bounds) {
        for (int b : bounds) if (v < b) return "<" + b;
        return ">=" + bounds[bounds.length - 1];
    }

    /** What one line looks like. */
    private static final class Shape {
        final int length;
        final boolean prose;
        boolean listy;
        boolean marked;
        boolean greeting;
        /** the line's list marker (see {@link LineFeatures#mark}) */
        int mark;
        String endMark = "";
        final String key;
        final List<String> own = new ArrayList<>(40);
        final List<String> context = new ArrayList<>(16);
        final List<String> brief = new ArrayList<>(6);

        private Shape(int length, boolean prose, String key) {
            this.length = length;
            this.prose = prose;
            this.key = key;
        }

        static Shape of(Line line) {
            // a line past this length is running text or noise; its head tells all the features need
            String s = line.clean().length() > LONGEST ? line.clean().substring(0, LONGEST) : line.clean();
            int cellCount = count(s, '|');
            if (cellCount > 0) {
                // a table row is read by its first cell that is not a number: the name column
                for (String cell : s.split("\\|")) {
                    String c = cell.strip();
                    if (!c.isEmpty() && !CELL_NUMBER.matcher(c).matches()) {
                        s = c;
                        break;
                    }
                }
            }
            String raw = line.raw();
            Vocabulary v = Vocabulary.get();
            List<String> words = words(s);
            // the letters, capitals, separators, digits and marks of the line, in one pass over it
            int letters = 0, upper = 0, commas = 0;
            boolean digit = false, paren = false, quote = false, slash = false, ampersand = false, at = false, dot = false, dash = false;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c < 0x80) {
                    // ASCII without Character's tables
                    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                        letters++;
                        if (c <= 'Z') upper++;
                    } else {
                        switch (c) {
                            case ',', ';' -> commas++;
                            case '(' -> paren = true;
                            case '"' -> quote = true;
                            case '/' -> slash = true;
                            case '&' -> ampersand = true;
                            case '@' -> at = true;
                            case '.' -> dot = true;
                            case '-' -> dash |= spacedAround(s, k);
                            default -> digit |= c >= '0' && c <= '9';
                        }
                    }
                } else if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) upper++;
                } else if (c == '“' || c == '«') {
                    quote = true;
                } else if (c == '–' || c == '—') {
                    dash |= spacedAround(s, k);
                } else {
                    digit |= Character.isDigit(c);
                }
            }
            int capWords = 0, alphaWords = 0;
            for (String w : words) {
                if (!Character.isLetter(w.charAt(0))) continue;
                alphaWords++;
                if (Character.isUpperCase(w.charAt(0))) capWords++;
            }
            int sentenceEnds = sentenceEnds(s);
            boolean prose = s.length() >= PROSE || sentenceEnds >= 2 || (words.size() > 14 && sentenceEnds >= 1);
            char last = s.charAt(s.length() - 1);
            String end = last == '.' ? "." : last == ',' ? "," : last == ':' ? ":" : last == ';' ? ";" : last == ')' ? ")"
                    : Character.isLetter(last) ? "a" : Character.isDigit(last) ? "9" : "?";
            String lenB = bucket(s.length(), LEN_BOUNDS);
            String capB = alphaWords == 0 ? "none" : capWords == alphaWords ? "all" : capWords * 5 >= alphaWords * 4 ? "most"
                    : capWords * 2 >= alphaWords ? "half" : capWords > 0 ? "some" : "zero";
            boolean allCaps = letters >= 4 && upper == letters;
            int cells = cellCount;
            boolean bullet = opensWithBullet(raw) && BULLET.matcher(raw).lookingAt();
            boolean numberedRaw = mayBeNumbered(raw) && NUMBERING.matcher(raw).lookingAt();
            boolean numbered = numberedRaw || (mayBeNumbered(s) && NUMBERING.matcher(s).lookingAt());
            String key = lenB.substring(0, 2) + capB + end + bullet + numbered + Math.min(cells, 2) + Math.min(commas, 2);
            Shape sh = new Shape(s.length(), prose, key);
            sh.listy = (!prose && s.length() < 120) || ((bullet || numbered || cells > 0) && sentenceEnds < 2);
            sh.marked = bullet || numbered || cells > 0;
            sh.mark = mark(line, bullet, numberedRaw);
            sh.endMark = end;
            sh.greeting = Salutation.isGreeting(s);
            List<String> f = sh.own;
            String lenName = LEN.of(s.length()), endName = END.of(end), capsName = CAPITALS.of(capB);
            f.add(lenName);
            f.add(WORDS.of(words.size()));
            f.add(endName);
            f.add(capsName);
            if (allCaps) f.add("allCaps");
            if (prose) f.add("prose");
            f.add(SENTENCES.of(sentenceEnds));
            f.add(COMMAS.of(commas));
            if (cells > 0) f.add(CELL_COUNT.of(cells));
            if (bullet) f.add("bullet");
            if (numbered) f.add("numbered");
            if (raw.startsWith("**") || raw.startsWith("__")) f.add("boldStart");
            if (raw.startsWith("#")) f.add("mdHeading");
            if (raw.startsWith("*") && !raw.startsWith("**") || raw.startsWith("_") && !raw.startsWith("__")) f.add("italicStart");
            if (raw.contains("<br") || raw.endsWith("\\") || raw.endsWith("  ")) f.add("lineBreakMark");
            if (paren && PAREN_ACRONYM.matcher(s).find()) f.add("parenAcronym");
            if (paren) f.add("paren");
            if (dash) f.add("dash");
            if (quote) f.add("quote");
            if (slash) f.add("slash");
            if (ampersand) f.add("ampersand");
            // a web address has a full stop or a slash
            if ((dot || slash) && url(s)) f.add("url");
            if (at && EMAIL.matcher(s).find()) f.add("email");
            // a year and a date are written in digits, four of them in a row at least (see Dates#hasYear)
            boolean fourDigits = digit && Dates.hasYear(s);
            if (fourDigits && YEAR.matcher(s).find()) f.add("year");
            if (digit) f.add("digit");
            // one reading of the dates: whether a line is a date line does not hang on reading them day first
            Dates.Found date = fourDigits ? Dates.find(s, false) : null;
            boolean dateLine = date != null && DateFinder.isDateLine(s, date);
            if (dateLine) f.add("dateLine");
            else if (date != null) f.add("hasDate");
            boolean month = false, legal = false, legalWord = false, place = false;
            // each word looked up once: a trailing dot folds away, so the word and the word without it are one
            for (int k = 0; k < words.size(); k++) {
                String w = words.get(k);
                int length = w.endsWith(".") ? w.length() - 1 : w.length();
                int kinds = v.wordKinds(w);
                if (kinds == 0) continue;
                if (!month && length >= 3 && (kinds & Vocabulary.MONTH) != 0 && Character.isLetter(w.charAt(0))) month = true;
                if (!legal && (kinds & Vocabulary.LEGAL_FORM) != 0) legal = true;
                if (!legalWord && length >= 4 && (kinds & Vocabulary.LEGAL_FORM_WORD) != 0) legalWord = true;
            }
            if (sh.greeting) f.add("greeting");
            if (RecipientFinder.addressedLine(s)) f.add("addressedTo");
            if (month) f.add("month");
            if (legal) f.add("legalForm");
            if (legalWord) f.add("legalFormWord");
            SignerParser.Outline parts = SignerParser.outlineOutsideBrackets(s);
            if (parts.count() >= 2 && v.isPlace(parts.last())) place = true;
            if (v.isPlace(s)) f.add("placeOnly");
            if (place) f.add("endsWithPlace");
            String firstWord = null, shortLine = null;
            if (!words.isEmpty()) {
                String first = words.get(0);
                if (v.isHonorific(first.endsWith(".") ? first.substring(0, first.length() - 1) : first)) f.add("honorific");
                firstWord = "first=" + Vocabulary.fold(first);
                f.add(firstWord);
                f.add("last=" + Vocabulary.fold(words.get(words.size() - 1)));
                if (words.size() <= 3) {
                    shortLine = "short=" + Vocabulary.fold(s);
                    f.add(shortLine);
                }
            }
            boolean person = PersonName.shaped(parts.first());
            if (person) f.add(parts.count() == 1 ? "personName" : "personNameFirst");
            if (parts.count() >= 2) f.add(PARTS.of(parts.count()));
            if (Character.isLowerCase(s.codePointAt(0))) f.add("lowerStart");
            // a paragraph of names: many short capitalised items between commas or semicolons
            // fewer than two separators make fewer than three items: no split needed
            String[] items = commas >= 2 ? Splits.items(s) : null;
            if (items != null && items.length >= 3) {
                int shortCapital = 0;
                for (String it : items) {
                    String t = it.strip();
                    if (!t.isEmpty() && SignerParser.words(t) <= 9 && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) shortCapital++;
                }
                f.add(ITEMS.of(items.length));
                f.add(CAP_ITEMS.of(shortCapital == items.length ? "all" : shortCapital * 5 >= items.length * 4 ? "most" : shortCapital * 2 >= items.length ? "half" : "few"));
                if (shortCapital * 5 >= items.length * 4 && items.length >= 4) f.add("nameList");
            }
            // context: what the neighbours tell
            List<String> c = sh.context;
            c.add(lenName);
            c.add(endName);
            c.add(capsName);
            if (prose) c.add("prose");
            if (bullet || numbered) c.add("listMark");
            if (dateLine) c.add("dateLine");
            if (cells > 0) c.add("cells");
            if (parts.count() >= 2) c.add("parts");
            if (person) c.add("personName");
            if (firstWord != null) c.add(firstWord);
            if (shortLine != null) c.add(shortLine);
            sh.brief.add("len=" + lenB.substring(0, Math.min(3, lenB.length())));
            sh.brief.add(endName);
            if (prose) sh.brief.add("prose");
            return sh;
        }

        void addContext(List<String> f, Prefixed prefix) {
            for (String x : context) f.add(prefix.of(x));
        }

        void addBrief(List<String> f, Prefixed prefix) {
            for (String x : brief) f.add(prefix.of(x));
        }
    }

    /** the characters {@link #BULLET} opens with */
    private static final String BULLET_CHARS = "-*•·▪◦–+>\\";

    /** Whether {@link #BULLET} can match: the text opens with one of its marks (most lines open with a letter, and are not handed to it). */
    static boolean opensWithBullet(String s) {
        return !s.isEmpty() && BULLET_CHARS.indexOf(s.charAt(0)) >= 0;
    }

    /**
     * Whether {@link #NUMBERING} can match: it opens with an ASCII letter or digit, and either a full stop or closing
     * bracket follows within the four characters after it ("12.", "iv)") or a bar stands in the text ("3 | ...").
     */
    static boolean mayBeNumbered(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        for (int k = 1; k <= 4 && k < s.length(); k++) {
            char d = s.charAt(k);
            if (d == '.' || d == ')') return true;
        }
        return s.indexOf('|') > 0;
    }

    /** A web address as {@link #URL} reads it: its literal forms looked for as such, the pattern tried only for a domain ending. */
    private static boolean url(String s) {
        if (s.contains("http://") || s.contains("https://") || s.contains("www.")) return true;
        return (s.contains(".org") || s.contains(".com") || s.contains(".net")) && URL.matcher(s).find();
    }

    /**
     * How many sentences end in the text, as {@code \p{Ll}{2}[.!?](?:\s|$)} finds them: each full stop, exclamation
     * or question mark after two lower-case letters and before a space or the end of the text, found without a
     * regex walking every letter of a paragraph.
     */
    static int sentenceEnds(String s) {
        int n = 0;
        for (int k = 2; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '.' && c != '!' && c != '?') continue;
            if (!endsThere(s, k + 1)) continue;
            int a = s.codePointBefore(k);
            int before = k - Character.charCount(a);
            if (before < 1 || Character.getType(a) != Character.LOWERCASE_LETTER) continue;
            if (Character.getType(s.codePointBefore(before)) == Character.LOWERCASE_LETTER) n++;
        }
        return n;
    }

    /** Whether {@code (?:\s|$)} matches at k: a space, tab or line break, the end, or a last line terminator. */
    private static boolean endsThere(String s, int k) {
        if (k == s.length()) return true;
        char c = s.charAt(k);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') return true;
        if (k + 1 == s.length()) return c == '\u0085' || c == '\u2028' || c == '\u2029';
        return false;
    }

    /**
     * The words of a line, as {@code [\p{L}\p{N}][\p{L}\p{N}'’.\-]*} finds them: a letter or digit, then letters,
     * digits, apostrophes, dots and hyphens.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!letterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < n) {
                int c = s.codePointAt(i);
                if (!(letterOrNumber(c) || c == '\'' || c == '’' || c == '.' || c == '-')) break;
                i += Character.charCount(c);
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    /** {@link #letterOrNumber} of each character below U+0250 (ASCII and the Latin letters of most words), read once */
    private static final boolean[] LATIN_LETTER_OR_NUMBER = new boolean[0x250];

    static {
        for (int cp = 0; cp < LATIN_LETTER_OR_NUMBER.length; cp++) LATIN_LETTER_OR_NUMBER[cp] = letterOrNumberByType(cp);
    }

    /** {@code [\p{L}\p{N}]}: a letter or a number of any kind. */
    private static boolean letterOrNumber(int cp) {
        return cp < LATIN_LETTER_OR_NUMBER.length ? LATIN_LETTER_OR_NUMBER[cp] : letterOrNumberByType(cp);
    }

    private static boolean letterOrNumberByType(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Whether the character at k has a space on each side (" - "). */
    private static boolean spacedAround(String s, int k) {
        return k > 0 && k + 1 < s.length() && s.charAt(k - 1) == ' ' && s.charAt(k + 1) == ' ';
    }

    private static int count(String s, char c) {
        // most lines have none: indexOf reads many characters at a step
        if (s.indexOf(c) < 0) return 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
