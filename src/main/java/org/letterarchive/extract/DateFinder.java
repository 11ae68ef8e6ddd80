package org.letterarchive.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;

/**
 * The letter's own date: a line that is a date (perhaps after a place, "Ciudad de México, a 14 de
 * septiembre de 2018"), at the head of the letter or closing it; dates inside sentences are not the
 * letter's date. Without one, the publication date of the front matter, then the file's metadata.
 */
public final class DateFinder {

    /** The date and where it came from (text, front-matter, file-metadata); lineIndex -1 when not from the text. */
    public record Result(LocalDate date, String source, int lineIndex) {
        static final Result NONE = new Result(null, null, -1);
    }

    private static final int HEAD_LINES = 60;
    /** how far down a date mentioned in a sentence is taken as the letter's, when it has no date line */
    private static final int MENTION_LINES = 8;
    private static final int MAX_PREFIX = 48;
    private static final int MAX_SUFFIX = 60;
    /** words that put a date inside a sentence rather than on a date line */
    private static final Pattern IN_SENTENCE = Pattern.compile(
            "(?i)(?:\\b(?:on|since|until|by|from|in|of|el|desde|hasta|del|en|le|depuis|em|at|before|after|and|y)|[.;:!?])\\s*$");
    private static final Pattern PLACE_PREFIX = Pattern.compile("(?i)^[\\p{L}().' -]{0,40},\\s*(?:a\\s+|le\\s+|em\\s+|den\\s+|am\\s+)?$");
    /** a place written without a comma before the date: capitalised words ("São Paulo 06 de maio de 2015") */
    private static final Pattern PLACE_WORDS = Pattern.compile("^\\p{Lu}[\\p{L}.'-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'-]*|d[aeo]s?|de[ls]?|la|el))*\\s*$");
    private static final Pattern RELEASE_PREFIX = Pattern.compile("(?i)^(?:for immediate release|para publicaci[oó]n inmediata|date|fecha|dated?)\\W*$");
    /** publication dates as documents record them: Open Graph article, Dublin Core, HTML meta, office metadata */
    private static final String[] METADATA_DATES = {"article:published_time", "og:published_time", "dcterms:issued", "DC.date",
        "DC.Date", "dc:date", "date", "pubdate", "citation_date", "dcterms:created", "meta:creation-date", "Creation-Date", "dcterms:modified"};

    private DateFinder() {}

    /**
     * @param lines     the body lines
     * @param closingFrom index where the signature block starts (a date may close the letter), or -1
     * @param dayFirst  read numeric dates day first
     */
    public static Result find(List<Line> lines, int closingFrom, boolean dayFirst, FrontMatter front, ParsedDocument doc) {
        int head = Math.min(lines.size(), HEAD_LINES);
        for (int i = 0; i < head; i++) {
            LocalDate d = dateLine(lines.get(i).clean(), dayFirst);
            if (d != null) return new Result(d, "text", i);
        }
        if (closingFrom >= 0) {
            for (int i = closingFrom; i < Math.min(lines.size(), closingFrom + 8); i++) {
                LocalDate d = dateLine(lines.get(i).clean(), dayFirst);
                if (d != null) return new Result(d, "text", i);
            }
        }
        // a date closing the letter: a date line after its last paragraph
        int lastProse = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).clean().length() >= 200) lastProse = i;
        for (int i = Math.max(head, lastProse + 1); i < lines.size(); i++) {
            LocalDate d = dateLine(lines.get(i).clean(), dayFirst);
            if (d != null) return new Result(d, "text", i);
        }
        LocalDate fm = Dates.parseValue(front.dateField());
        if (fm == null && doc != null) fm = Dates.parseValue(frontMatterOf(doc).dateField());
        if (fm != null) return new Result(fm, "front-matter", -1);
        if (doc != null) {
            for (String name : METADATA_DATES) {
                LocalDate d = Dates.parseValue(doc.first(name));
                if (d != null) return new Result(d, "file-metadata", -1);
            }
        }
        // nothing else: the first full date written near the top ("On Tuesday 19th April 2022, ... sent")
        for (int i = 0; i < Math.min(lines.size(), MENTION_LINES); i++) {
            Dates.Found f = Dates.find(lines.get(i).clean(), dayFirst);
            if (f != null) return new Result(f.date(), "text", i);
        }
        return Result.NONE;
    }

    /** The front matter the parser kept in a document's metadata. */
    static FrontMatter frontMatterOf(ParsedDocument doc) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        doc.metadata().forEach((k, v) -> {
            if (k.startsWith(FrontMatter.METADATA_PREFIX) && !v.isEmpty()) fields.put(k.substring(FrontMatter.METADATA_PREFIX.length()), v.get(0));
        });
        return new FrontMatter(fields, 0);
    }

    /** The date of a line that is a date line, or null. */
    public static LocalDate dateLine(String line, boolean dayFirst) {
        if (line.length() > MAX_PREFIX + MAX_SUFFIX + 30) return null;
        Dates.Found f = Dates.find(line, dayFirst);
        return f != null && isDateLine(line, f) ? f.date() : null;
    }

    /**
     * True when a line is a date line, whichever way its numeric dates are read: reading them day first or
     * month first finds the same date text or none (a day and a month of 1-12 make a date both ways).
     */
    public static boolean isDateLine(String line) {
        return dateLine(line, false) != null;
    }

    /** True when the date found in a line (by {@link Dates#find}) makes it a date line. */
    static boolean isDateLine(String line, Dates.Found f) {
        if (line.length() > MAX_PREFIX + MAX_SUFFIX + 30) return false;
        String prefix = line.substring(0, f.start()).strip();
        String suffix = line.substring(f.end()).strip();
        if (prefix.length() > MAX_PREFIX || suffix.length() > MAX_SUFFIX) return false;
        boolean place = PLACE_PREFIX.matcher(prefix + " ").find();
        if (!prefix.isEmpty() && !place && !RELEASE_PREFIX.matcher(prefix).matches() && !prefix.startsWith("(")
                && !PLACE_WORDS.matcher(prefix).matches()) {
            return false;
        }
        if (!prefix.isEmpty() && !place && IN_SENTENCE.matcher(prefix).find() && !RELEASE_PREFIX.matcher(prefix).matches()) return false;
        if (!suffix.isEmpty() && !suffix.startsWith(",") && !suffix.startsWith("(") && !suffix.startsWith("-")
                && !suffix.startsWith("–") && suffix.length() > 3) return false;
        return true;
    }
}
