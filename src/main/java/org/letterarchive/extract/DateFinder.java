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
    private static final int MAX_PREFIX = 48;
    private static final int MAX_SUFFIX = 60;
    /** words that put a date inside a sentence rather than on a date line */
    private static final Pattern IN_SENTENCE = Pattern.compile(
            "(?i)(?:\\b(?:on|since|until|by|from|in|of|el|desde|hasta|del|en|le|depuis|em|at|before|after|and|y)|[.;:!?])\\s*$");
    private static final Pattern PLACE_PREFIX = Pattern.compile("(?i)^[\\p{L}().' -]{0,40},\\s*(?:a\\s+|le\\s+|em\\s+)?$");
    private static final Pattern RELEASE_PREFIX = Pattern.compile("(?i)^(?:for immediate release|para publicaci[oó]n inmediata|date|fecha|dated?)\\W*$");
    private static final String[] METADATA_DATES = {"dcterms:created", "meta:creation-date", "Creation-Date", "dcterms:modified"};

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
        LocalDate fm = Dates.parseValue(front.get("date"));
        if (fm == null && doc != null) fm = Dates.parseValue(doc.first(FrontMatter.METADATA_PREFIX + "date"));
        if (fm != null) return new Result(fm, "front-matter", -1);
        if (doc != null) {
            for (String name : METADATA_DATES) {
                LocalDate d = Dates.parseValue(doc.first(name));
                if (d != null) return new Result(d, "file-metadata", -1);
            }
        }
        return Result.NONE;
    }

    /** The date of a line that is a date line, or null. */
    public static LocalDate dateLine(String line, boolean dayFirst) {
        if (line.length() > MAX_PREFIX + MAX_SUFFIX + 30) return null;
        Dates.Found f = Dates.find(line, dayFirst);
        if (f == null) return null;
        String prefix = line.substring(0, f.start()).strip();
        String suffix = line.substring(f.end()).strip();
        if (prefix.length() > MAX_PREFIX || suffix.length() > MAX_SUFFIX) return null;
        if (!prefix.isEmpty() && !PLACE_PREFIX.matcher(prefix + " ").find() && !RELEASE_PREFIX.matcher(prefix).matches()
                && !prefix.startsWith("(")) {
            return null;
        }
        if (!prefix.isEmpty() && IN_SENTENCE.matcher(prefix).find() && !RELEASE_PREFIX.matcher(prefix).matches()) return null;
        if (!suffix.isEmpty() && !suffix.startsWith(",") && !suffix.startsWith("(") && !suffix.startsWith("-")
                && !suffix.startsWith("–") && suffix.length() > 3) return null;
        return f.date();
    }
}
