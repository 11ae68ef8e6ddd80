package org.letterarchive.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;

/**
 * The letter's title: a subject line (Re:, Subject:, Asunto:), a heading that names the letter
 * ("Open letter to ...", "Carta a ..."), a short headline right after the date or greeting, or else
 * the document's own title (front matter, HTML heading, file metadata).
 */
public final class TitleFinder {

    /** The title and the body line it came from (-1 when not from the body). */
    public record Result(String title, int lineIndex) {}

    private static final Pattern SUBJECT = Pattern.compile("(?i)^(?:re|subject|asunto|assunto|objet|ref\\.?|referencia)\\s*:\\s*(.{4,250})$");
    /**
     * A heading that names the letter: an open, joint or public letter or statement, a letter or statement
     * to, from or on someone, in the five languages read (English, Spanish, Portuguese, French, German).
     */
    private static final Pattern NAMES_LETTER = Pattern.compile(
            "(?i)^(?:an?\\s+)?(?:(?:open|joint|public)\\s+(?:letter|statement)|letter\\s+(?:to|from|on|in)|joint\\s+statement|statement\\s+(?:on|for|by|of)|"
            + "carta\\s+(?:abierta|aberta|a|à|ao|al|de|da|do|conjunta|p[uú]blica)|declaraci[oó]n\\s+(?:conjunta|p[uú]blica|sobre|por|de)|"
            + "declara[cç][aã]o\\s+(?:conjunta|p[uú]blica|sobre|de)|comunicado\\s+(?:conjunto|p[uú]blico|sobre|de)|nota\\s+(?:p[uú]blica|conjunta)|"
            + "lettre\\s+(?:ouverte|commune|[aà])|d[eé]claration\\s+(?:commune|publique|sur)|offener\\s+brief|gemeinsame\\s+erkl[aä]rung|brief\\s+an)\\b.*");
    /** contact details are never a title: "Contact: ...", a phone number, an e-mail or web address */
    private static final Pattern CONTACT = Pattern.compile(
            "(?i)^(?:contacts?|contacto|media contact|press contact|for more information|tel|phone|tel[eé]fono|e-?mail|correo)\\b"
            + "|@|://|www\\.|\\(?\\+?\\d{2,4}\\)?[ .-]\\d{3}[ .-]\\d{3,4}\\b");
    /** an address or copy line is no headline: "To: The Minister", "Attn: ...", "CC: ..." */
    private static final Pattern ADDRESS_LABEL = Pattern.compile("(?i)(?:to|para|a|à|attn|attention|cc|c\\.c\\.|from|de)\\s*:");
    /** decoration around a heading: "******* Carta a ... *******" */
    private static final Pattern DECORATION = Pattern.compile("^[*=~#_\\s-]{2,}|[*=~#_\\s-]{2,}$");
    private static final Pattern BAD_DOC_TITLE = Pattern.compile("(?i)^(?:microsoft word\\s*-|untitled|document\\d*$|\\S+\\.(?:docx?|pdf|odt)$)");
    private static final int HEAD = 15;
    private static final int MAX_TITLE = 250;
    /** a headline standing alone after the date or addressees may be long */
    private static final int MAX_HEADLINE = 300;
    /** how far after a letter-naming heading the letter's date or greeting may follow */
    private static final int OPENS_LETTER = 4;

    private TitleFinder() {}

    public static Result find(List<Line> lines, int dateIndex, int salutationIndex, int signatureStart,
                              FrontMatter front, ParsedDocument doc) {
        int end = signatureStart >= 0 ? signatureStart : lines.size();
        int subject = subjectLine(lines, end);
        if (subject >= 0) {
            Matcher m = SUBJECT.matcher(lines.get(subject).clean());
            if (m.matches()) return new Result(m.group(1).strip(), subject);
        }
        Result naming = namingHeading(lines, dateIndex, end);
        if (naming != null) return naming;
        // a press release with the letter pasted below it: the heading that names the letter, right
        // before the letter's own date or greeting
        for (int i = HEAD; i < end; i++) {
            String s = undecorated(lines.get(i).clean());
            if (namesLetter(s) && opensLetter(lines, i + 1, end)) return new Result(withContinuation(lines, i, s), i);
        }
        for (int anchor : new int[] {dateIndex, salutationIndex}) {
            if (anchor >= 0 && anchor + 1 < end && anchor + 1 != salutationIndex) {
                String next = lines.get(anchor + 1).clean();
                // (a line over a street or a town's postcode is an inside address: "Water Board" / "1 Main Street")
                boolean overAddress = anchor + 2 < end && RecipientFinder.postalLine(lines.get(anchor + 2).clean());
                if (isHeadline(next, MAX_HEADLINE) && !Salutation.isGreeting(next) && !RecipientFinder.addressLine(next) && !overAddress
                        && !wrapsOn(lines, anchor + 1, end)) {
                    return new Result(next, anchor + 1);
                }
            }
        }
        String published = frontMatterTitle(front, doc);
        if (published != null) return new Result(published, -1);
        Result top = topHeading(lines, doc, end);
        if (top != null) return top;
        String fromDoc = documentTitle(front, doc);
        return new Result(fromDoc, -1);
    }

    /**
     * The heading the text opens with: a Markdown heading among its first lines, else (in a file that is
     * not a web page, whose first lines are the site's) its first line when that reads as a headline,
     * with the line that carries it on.
     */
    static Result topHeading(List<Line> lines, ParsedDocument doc, int end) {
        for (int i = 0; i < Math.min(end, HEAD); i++) {
            Line l = lines.get(i);
            if (l.raw().startsWith("# ") || l.raw().startsWith("## ")) {
                String s = undecorated(l.clean());
                if (s.length() >= 8 && s.length() <= MAX_TITLE && !CONTACT.matcher(s).find()) return new Result(s, i);
            }
        }
        if (lines.isEmpty() || end <= 1 || (doc != null && doc.mediaType() != null && doc.mediaType().contains("html"))) return null;
        String s = undecorated(lines.get(0).clean());
        if (s.length() < 8 || s.length() > MAX_TITLE || s.endsWith(".") || s.endsWith(",") || s.endsWith(":") || s.endsWith(";")
                || CONTACT.matcher(s).find() || ADDRESS_LABEL.matcher(s).lookingAt() || Salutation.isGreeting(s)
                || DateFinder.isDateLine(s)
                // a name with its style over an inside address ("Ms. Jane Roe" / "Chief Executive Officer") is the addressee
                || RecipientFinder.honorificStart(s)
                || !(Character.isUpperCase(s.codePointAt(0)) || Character.isDigit(s.codePointAt(0)))) {
            return null;
        }
        return new Result(withContinuation(lines, 0, s), 0);
    }

    /** A heading at the head of the text that names the letter ("Open letter to ...", "Carta abierta a ..."); null when none. */
    public static Result namingHeading(List<Line> lines, int dateIndex, int end) {
        int near = dateIndex >= 0 ? Math.max(0, dateIndex - 3) : 0;
        for (int i = 0; i < Math.min(end, HEAD) || (i >= near && i < dateIndex); i++) {
            if (i >= lines.size()) break;
            String s = undecorated(lines.get(i).clean());
            if (namesLetter(s) && (!kindOnly(s) || subjectLine(lines, end) < 0)) return new Result(withContinuation(lines, i, s), i);
        }
        return null;
    }

    /** how far down a subject line is looked for */
    private static final int SUBJECT_SEARCH = 40;

    /** The subject line ("Re: ...", "Asunto: ...") among the first lines, above the end given; -1 when none. */
    private static int subjectLine(List<Line> lines, int end) {
        for (int i = 0; i < Math.min(end, SUBJECT_SEARCH); i++) if (SUBJECT.matcher(lines.get(i).clean()).matches()) return i;
        return -1;
    }

    /** how far down a page the text it quotes in full may be announced, and how many lines may stand between */
    private static final int ANNOUNCED_SEARCH = 40, ANNOUNCED_GAP = 2;

    /**
     * The heading of a letter a page quotes in full under a sentence announcing it ("Here is the text:", "Lea la carta
     * completa:"): the first headline under that sentence, past an addressee's line; null when none. The
     * letter's own heading, not the page's.
     */
    public static Result announcedHeading(List<Line> lines, int end) {
        for (int i = 0; i + 1 < Math.min(end, ANNOUNCED_SEARCH); i++) {
            String s = lines.get(i).clean();
            if (!s.endsWith(":") || Splits.whitespace(s).length < 4 || Salutation.isGreeting(s) || SUBJECT.matcher(s).matches()) continue;
            for (int j = i + 1; j <= i + ANNOUNCED_GAP && j < end; j++) {
                String next = undecorated(lines.get(j).clean());
                if (RecipientFinder.addressedLine(next) || RecipientFinder.addressLine(next)) continue;
                if (isHeadline(next, MAX_HEADLINE) && !Salutation.isGreeting(next) && !DateFinder.isDateLine(next) && !wrapsOn(lines, j, end)) {
                    return new Result(next, j);
                }
                break;
            }
        }
        return null;
    }

    /** The title the document's front matter gives (a page published with its title), or null. */
    public static String frontMatterTitle(FrontMatter front, ParsedDocument doc) {
        String t = front.field("title");
        if (t == null && doc != null) t = DateFinder.frontMatterOf(doc).field("title");
        if (t == null) return null;
        t = TextLines.clean(t);
        return t.isBlank() || BAD_DOC_TITLE.matcher(t).find() ? null : t;
    }

    static boolean namesLetter(String s) {
        return s.length() <= MAX_TITLE && NAMES_LETTER.matcher(s).matches() && !s.endsWith(",") && !CONTACT.matcher(s).find();
    }

    /** the most words of a heading that only says what kind of text follows ("OPEN LETTER", "Carta abierta") */
    private static final int KIND_ONLY = 2;

    private static final Pattern CLOSING_PUNCTUATION = Pattern.compile("\\p{Punct}+$");

    /** A heading naming the letter that says only what kind of text follows: "OPEN LETTER", not "Open letter to the Council". */
    private static boolean kindOnly(String s) {
        return Splits.whitespace(CLOSING_PUNCTUATION.matcher(undecorated(s)).replaceAll("").strip()).length <= KIND_ONLY;
    }

    /**
     * Whether the line is the first of a paragraph broken over lines (a page's text): the line under it, in the same
     * paragraph, carries its sentence on in lower case or in brackets.
     */
    private static boolean wrapsOn(List<Line> lines, int i, int end) {
        if (i + 1 >= end) return false;
        Line under = lines.get(i + 1);
        String t = under.clean();
        return !under.gapBefore() && !t.isEmpty() && (Character.isLowerCase(t.codePointAt(0)) || t.charAt(0) == '(' || t.charAt(0) == '«');
    }

    /** A date line or a greeting follows within a few lines. */
    private static boolean opensLetter(List<Line> lines, int from, int end) {
        for (int j = from; j < Math.min(end, from + OPENS_LETTER); j++) {
            String s = lines.get(j).clean();
            if (Salutation.isGreeting(s) || DateFinder.isDateLine(s)) return true;
        }
        return false;
    }

    static String undecorated(String s) {
        return s.indexOf('*') < 0 && s.indexOf('=') < 0 && s.indexOf('~') < 0 ? s : DECORATION.matcher(s).replaceAll("").strip();
    }

    /** A heading broken over two lines ("... Human Rights Council" / "(HRC)"). */
    private static String withContinuation(List<Line> lines, int i, String s) {
        String title = s;
        boolean upper = isUpperCase(s);
        for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
            String next = undecorated(lines.get(j).clean());
            if (next.isEmpty() || title.length() + next.length() >= MAX_TITLE || next.endsWith(".") || next.endsWith(",")) break;
            // an upper-case heading cut by a line break goes on in upper case
            boolean continues = upper ? isUpperCase(next) && !Salutation.isGreeting(next)
                    : next.length() < 60 && (next.startsWith("(") || Character.isLowerCase(next.charAt(0)));
            if (!continues) break;
            title = title + " " + next;
            if (!upper) break;
        }
        return title;
    }

    private static boolean isUpperCase(String s) {
        int letters = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letters++;
        }
        return letters >= 3;
    }

    static boolean isHeadline(String s) {
        return isHeadline(s, 160);
    }

    static boolean isHeadline(String s, int max) {
        return s.length() >= 12 && s.length() <= max && !s.endsWith(".") && !CONTACT.matcher(s).find() && !ADDRESS_LABEL.matcher(s).lookingAt() && !s.endsWith(",") && !s.endsWith(":")
                && !s.endsWith(";") && Character.isUpperCase(s.codePointAt(0));
    }

    private static String documentTitle(FrontMatter front, ParsedDocument doc) {
        String t = front.field("title");
        if (t == null && doc != null) t = DateFinder.frontMatterOf(doc).field("title");
        if (t == null && doc != null) t = doc.first("og:title");
        if (t == null && doc != null) t = doc.first(DocumentParser.HEADINGS);
        if (t == null && doc != null) t = doc.first("dc:title");
        if (t == null) return null;
        t = TextLines.clean(t);
        return t.isBlank() || BAD_DOC_TITLE.matcher(t).find() ? null : t;
    }
}
