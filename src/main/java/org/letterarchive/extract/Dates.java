package org.letterarchive.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads calendar dates written with month names (any language of {@link Vocabulary}), and ISO or numeric dates. */
public final class Dates {

    /** A date found in a line, with where it was written. */
    public record Found(LocalDate date, int start, int end) {}

    /** month names and abbreviations in every language the JDK's locale data names (see {@link Vocabulary}) */
    private static final String MONTH = "(" + String.join("|", Vocabulary.get().monthNames().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")";
    /** a day: "14", "14th", "1er", "1º", and the German ordinal "14." */
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th|º|°|er|\\.)?";
    private static final String YEAR = "((?:19|20)\\d{2})";
    /** September 14th, 2018 / Sept. 14, 2018 */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\.?\\s+" + DAY + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** 14 September 2018 / 14 de septiembre de 2018 / 14 de septiembre del 2018 / 1er mai 2018 */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b" + DAY + "(?:\\s+de)?\\s+" + MONTH + "\\.?,?(?:\\s+(?:de|del))?\\s+" + YEAR + "\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * What follows the month in {@link #MONTH_DAY_YEAR} (", 14th, 2018"): a text without it has no such date, and
     * is passed over without trying every month name at every letter.
     */
    private static final Pattern DAY_YEAR = Pattern.compile("\\s" + DAY + ",?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.]" + YEAR + "\\b");

    private Dates() {}

    /** Every date written here has a year of four digits; most lines have none, and are passed over cheaply. */
    static boolean hasYear(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run == 4) return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * Every date written here also has a number of one or two digits standing alone (a day, or an ISO date's month):
     * a line whose only number is a year ("in 2018") holds none, and is passed over without the regexes.
     */
    static boolean hasShortNumber(String text) {
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run == 1 || run == 2) return true;
                run = 0;
            }
        }
        return false;
    }

    /** Whether an ASCII digit stands right before the separator somewhere in the text, as in every date {@link #NUMERIC} reads. */
    static boolean digitBefore(String text, char separator) {
        for (int i = text.indexOf(separator, 1); i > 0; i = text.indexOf(separator, i + 1)) {
            char c = text.charAt(i - 1);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** The first date written in text, or null; dayFirst reads 03/04/2019 as 3 April (Spanish, French, ...). */
    public static Found find(String text, boolean dayFirst) {
        if (!hasYear(text) || !hasShortNumber(text)) return null;
        Found best = null;
        for (Pattern p : new Pattern[] {MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO, NUMERIC}) {
            if (p == MONTH_DAY_YEAR && !DAY_YEAR.matcher(text).find()) continue;
            // the numeric forms only where their separators are: a hyphen, a digit before a slash or a full stop
            if (p == ISO && text.indexOf('-') < 0) continue;
            if (p == NUMERIC && !digitBefore(text, '/') && !digitBefore(text, '.')) continue;
            Matcher m = p.matcher(text);
            while (m.find()) {
                LocalDate d = toDate(p, m, dayFirst);
                if (d != null) {
                    if (best == null || m.start() < best.start()) best = new Found(d, m.start(), m.end());
                    break;
                }
            }
        }
        return best;
    }

    private static LocalDate toDate(Pattern p, Matcher m, boolean dayFirst) {
        try {
            if (p == MONTH_DAY_YEAR) return date(m.group(3), month(m.group(1)), m.group(2));
            if (p == DAY_MONTH_YEAR) return date(m.group(3), month(m.group(2)), m.group(1));
            if (p == ISO) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2)), y = Integer.parseInt(m.group(3));
            if (a > 12) return LocalDate.of(y, b, a);
            if (b > 12) return LocalDate.of(y, a, b);
            return dayFirst ? LocalDate.of(y, b, a) : LocalDate.of(y, a, b);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        int m = Vocabulary.get().month(name);
        return m == 0 ? -1 : m;
    }

    private static LocalDate date(String year, int month, String day) {
        if (month < 1) return null;
        return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    }

    /** A date-time value from metadata or front matter (2019-10-04T13:08:06+00:00, 2014-03-20 16:58:00 GMT). */
    public static LocalDate parseValue(String value) {
        if (value == null) return null;
        Found f = find(value, false);
        return f == null ? null : f.date();
    }
}
