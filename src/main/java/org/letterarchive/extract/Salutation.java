package org.letterarchive.extract;

import java.util.List;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;

/** The greeting that opens the letter ("Dear ...,", "Estimados ...:", "To the Board of ...:"). */
public final class Salutation {

    static final Pattern GREETING = Pattern.compile(
            "(?i)^(?:dear(?:est)?|to|your excellency|excellencies|estimad[oa]s?|querid[oa]s?|distinguid[oa]s?|señor(?:a|es|as)?|sr\\.|sra\\.|"
            + "prezad[oa]s?|excelent[ií]ssim[oa]s?|senhor(?:a|es|as)?|car[oa]s?|cher|chère|chers|chères|madame|monsieur|mesdames|honou?rable|"
            + "sehr geehrte[rn]?|liebe[rn]?)\\b.{0,160}[,:]$");
    /** a "To:" header line, which opens no greeting */
    private static final Pattern TO_HEADER = Pattern.compile("(?i)^to:$");
    private static final Pattern LEADING_WORD = Pattern.compile(
            "(?i)^(?:dear(?:est)?|to|estimad[oa]s?|querid[oa]s?|distinguid[oa]s?|prezad[oa]s?|car[oa]s?|cher|chère|chers|chères|sehr geehrte[rn]?|liebe[rn]?)\\s+");
    /** greetings that name nobody */
    private static final Pattern EMPTY = Pattern.compile(
            "(?i)^(?:your excellency|excellencies|sir|madam|sirs|sir or madam|all|colleagues|friends|honou?rable ministers?|"
            + "señor(?:a|es|as)?|señoras y señores|senhor(?:a|es|as)?|senhoras e senhores|ladies and gentlemen|madame,? monsieur|mesdames et messieurs|to whom it may concern)$");

    private Salutation() {}

    /** Index of the salutation line at or after from, looking no further than limit lines; -1 when none. */
    public static int find(List<Line> lines, int from, int limit) {
        for (int i = Math.max(0, from); i < Math.min(lines.size(), from + limit); i++) {
            if (isGreeting(lines.get(i).clean())) return i;
        }
        return -1;
    }

    public static boolean isGreeting(String line) {
        return line.length() <= 180 && closesGreeting(line) && GREETING.matcher(line).matches() && !TO_HEADER.matcher(line).matches();
    }

    /** Whether the line can close as {@link #GREETING} does: in a comma or colon, or in a line terminator before which one may stand. */
    private static boolean closesGreeting(String line) {
        if (line.isEmpty()) return false;
        char last = line.charAt(line.length() - 1);
        return last == ',' || last == ':' || last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029';
    }

    /** The text without the greeting word it opens with ("Dear Mr." gives "Mr."). */
    static String withoutGreetingWord(String s) {
        return LEADING_WORD.matcher(s.strip()).replaceFirst("");
    }

    /** Who a greeting names ("Dear Senator Jane Roe," gives "Senator Jane Roe"); null when nobody. */
    public static String addressee(String line) {
        String s = line.strip();
        s = s.substring(0, s.length() - 1).strip();
        s = LEADING_WORD.matcher(s).replaceFirst("");
        if (s.isEmpty() || EMPTY.matcher(s).matches()) return null;
        return s;
    }
}
