package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Signer;

/**
 * The signature block: where it starts (a closing or a list heading such as "Sincerely,", "Signatories",
 * "Firman"), its entries (one per line, bulleted, numbered, table rows, or one comma-separated
 * paragraph), and where it ends (notes, an acronym glossary, a disclaimer, a cc line). Footnotes,
 * web addresses and disclaimers inside the list are skipped.
 *
 * @param cueIndex    the line of the cue, -1 when no block was found
 * @param signers     the signers in order
 * @param signerCount signers including those only counted ("and 40 others")
 */
public record SignatureBlock(int cueIndex, List<Signer> signers, int signerCount) {

    static final SignatureBlock NONE = new SignatureBlock(-1, List.of(), 0);

    private static final Pattern CLOSING = Pattern.compile(
            "(?i)^(?:(?:yours\\s+)?(?:sincerely|faithfully|truly)(?:\\s+yours)?|respectfully(?:\\s+(?:yours|submitted))?|signed(?:\\s+by)?|"
            + "signatories|signatures|signers|co-?signatories|endorsed\\s+by|endorsements?|endorse[sd]?(?:\\s+as\\s+of\\b.{0,40})?|"
            + "(?:with\\s+)?(?:best|kind|warm)?\\s*regards|atentamente|cordialmente|saludos(?:\\s+cordiales)?|firman|firmantes|suscriben|"
            + "organizaciones\\s+firmantes|(?:the|los|las)\\s+(?:undersigned|abajo\\s+firmantes)|"
            + "atenciosamente|assinam|signataires|cordialement)[\\s,.:;!]*$");
    /** headings that open or divide a list of signers */
    private static final Pattern LIST_HEADING = Pattern.compile(
            "(?i)^(?:organi[sz]ations?|organizaciones|organiza[cç][oõ]es|individuals|individuos|personas|persons|people|"
            + "networks|redes|(?:international|regional|national|global|local)(?:\\s+(?:and|y)\\s+(?:regional|national|international))?"
            + "(?:\\s+(?:networks|organi[sz]ations|groups))?|(?:organizaciones|organisations|organizations)\\s+.{0,50}|"
            + "(?:the\\s+)?undersigned|concerned\\s+citizens|signed\\s+by|individual\\s+signatories|organi[sz]ational\\s+signatories|"
            + "global|regional|national|nacionales|internacionales)[\\s:.]*$");
    private static final Pattern PERSON_HEADING = Pattern.compile("(?i)^(?:individuals|individuos|personas|persons|people|individual\\s+signatories)\\b.*");
    private static final Pattern UNDERSIGNED_INTRO = Pattern.compile("(?i).*\\b(?:undersigned|abajo firmantes|signed below)\\b.*:$");
    private static final Pattern STOP = Pattern.compile(
            "(?i)^(?:notes?|footnotes?|endnotes?|references|acronyms|glossary|abbreviations|siglas|glosario|notas|contacts?|contacto|"
            + "media contact|press contact|about\\b|see the full list|see also|related|share this|tags|###|\\*\\*\\*|cc\\b|c\\.c\\.|"
            + "copy to|con copia)\\b.*");
    private static final Pattern DISCLAIMER = Pattern.compile(
            "(?i)\\b(?:identification (?:purposes )?only|for identification|(?:are|is) listed for identification|personal capacity|"
            + "affiliations (?:are )?(?:listed|informational|for)|solo con fines de identificaci[oó]n|a t[ií]tulo personal)\\b");
    private static final Pattern GLOSSARY = Pattern.compile("^[\\p{Lu}][\\p{L}\\d .&/-]{0,14}:\\s+\\S.*");
    private static final Pattern FOOTNOTE = Pattern.compile("^\\d{1,3}\\s+\\p{Lu}.{40,}|https?://|\\bwww\\.\\S");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,4}[.)]|\\d{1,4}(?=\\s*\\|))\\s*(?:\\|\\s*)?");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪◦–]|\\+)\\s+");
    private static final Pattern OTHERS = Pattern.compile(
            "(?i)^(?:and|y|e|et|plus)?\\s*(\\d{1,6})\\s+(?:others?|more|otr[oa]s|m[aá]s|autres|additional.*|other.*)[.!]?$");
    private static final Pattern AND_PREFIX = Pattern.compile("(?i)^(?:and|y|e|et)\\s+");
    private static final Pattern LEGAL_ITEM = Pattern.compile(
            "(?i)^(?:a\\.?\\s?c\\.?|inc\\.?|incorporated|ltd\\.?|llc|l\\.l\\.c\\.|corp\\.?|co\\.?|s\\.?a\\.?|gmbh|plc|pty\\.? ltd\\.?)$");
    private static final int MAX_ENTRY = 260;
    private static final int MIN_RUN = 5;

    /** Finds the block in the lines after from (the greeting, or 0). */
    public static SignatureBlock find(List<Line> lines, int from) {
        int cue = -1;
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            String s = lines.get(i).clean();
            if (s.length() <= 80 && (CLOSING.matcher(s).matches() || (LIST_HEADING.matcher(s).matches() && listFollows(lines, i)))
                    || (s.endsWith(":") && UNDERSIGNED_INTRO.matcher(s).matches() && listFollows(lines, i))) {
                cue = i;
                break;
            }
        }
        if (cue < 0) cue = bulletedRun(lines, Math.max(0, from));
        if (cue < 0) return NONE;
        return read(lines, cue);
    }

    /** With no cue: the line before the last run of at least five short bulleted lines, or -1. */
    private static int bulletedRun(List<Line> lines, int from) {
        int runStart = -1, best = -1, run = 0;
        for (int i = from; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (BULLET.matcher(l.raw()).lookingAt() && l.clean().length() < 160) {
                if (run++ == 0) runStart = i;
                if (run >= MIN_RUN) best = runStart;
            } else {
                run = 0;
            }
        }
        return best > 0 ? best - 1 : -1;
    }

    private static boolean listFollows(List<Line> lines, int i) {
        int shortLines = 0;
        for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) if (lines.get(j).clean().length() < 120) shortLines++;
        return shortLines >= 3;
    }

    private static SignatureBlock read(List<Line> lines, int cue) {
        List<Signer> signers = new ArrayList<>();
        int counted = 0;
        boolean persons = false;
        int glossaryRun = 0;
        for (int i = cue + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            String s = line.clean();
            if (STOP.matcher(s).matches() || s.startsWith("******")) break;
            if (GLOSSARY.matcher(s).matches() && !s.contains(" | ")) {
                if (++glossaryRun >= 2) {
                    if (!signers.isEmpty()) signers.remove(signers.size() - 1);
                    break;
                }
            } else {
                glossaryRun = 0;
            }
            if (CLOSING.matcher(s).matches() || (LIST_HEADING.matcher(s).matches() && s.length() < 60)) {
                if (PERSON_HEADING.matcher(s).matches()) persons = true;
                else if (s.toLowerCase().startsWith("organi")) persons = false;
                continue;
            }
            if (s.length() < 200 && DISCLAIMER.matcher(s).find()) continue;
            Matcher others = OTHERS.matcher(s);
            if (others.matches()) {
                counted += Integer.parseInt(others.group(1));
                continue;
            }
            if (!s.contains(" | ") && FOOTNOTE.matcher(s).find()) continue;
            if (s.contains(" | ")) {
                tableRow(signers, s, persons);
                continue;
            }
            if (s.length() > MAX_ENTRY || isProse(s)) {
                if (commaList(s)) {
                    for (String item : splitList(s)) add(signers, item, persons);
                    continue;
                }
                if (signers.isEmpty()) continue;
                if (s.length() > MAX_ENTRY) break;
                continue;
            }
            if (commaList(s) && (s.split("[;,]\\s+").length >= 6 || s.endsWith(".") || s.contains(", and ") || s.contains(", y "))) {
                for (String item : splitList(s)) add(signers, item, persons);
                continue;
            }
            if (s.contains(" | ")) {
                tableRow(signers, s, persons);
                continue;
            }
            String raw = BULLET.matcher(NUMBERING.matcher(line.raw()).replaceFirst("")).replaceFirst("");
            raw = NUMBERING.matcher(raw).replaceFirst("");
            if (raw.isBlank()) continue;
            add(signers, raw, persons);
        }
        return new SignatureBlock(cue, signers, signers.size() + counted);
    }

    private static void add(List<Signer> signers, String entry, boolean persons) {
        Signer s = SignerParser.parse(entry, persons);
        if (s != null && s.name().length() > 1) signers.add(s);
    }

    /** A table row "12 | Name (ACR) | Country": the first cell that is not a number names the signer. */
    private static void tableRow(List<Signer> signers, String row, boolean persons) {
        List<String> cells = new ArrayList<>();
        for (String c : row.split("\\s*\\|\\s*")) if (!c.isBlank() && !c.strip().matches("\\d{1,4}[.)]?")) cells.add(c.strip());
        if (cells.isEmpty()) return;
        Signer s = SignerParser.parse(cells.get(0), persons);
        if (s == null) return;
        if (cells.size() >= 2 && s.location() == null && cells.get(1).split("\\s+").length <= 4 && !cells.get(1).contains(".")) {
            s = new Signer(s.name(), s.kind(), s.acronym(), cells.get(1), s.affiliation(), s.title(), s.raw());
        }
        signers.add(s);
    }

    /** Sentences rather than a name: many words and a full stop inside or at the end. */
    private static boolean isProse(String s) {
        int words = s.split("\\s+").length;
        return words > 14 && (s.endsWith(".") || s.contains(". ")) && !commaList(s);
    }

    /** A paragraph of names separated by commas or semicolons. */
    private static boolean commaList(String s) {
        String[] items = s.split("[;,]\\s+");
        if (items.length < 4) return false;
        int shortCapital = 0;
        for (String it : items) {
            String t = AND_PREFIX.matcher(it.strip()).replaceFirst("");
            if (!t.isEmpty() && t.split("\\s+").length <= 9 && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) shortCapital++;
        }
        return shortCapital >= items.length * 0.8;
    }

    static List<String> splitList(String s) {
        String sep = s.contains("; ") ? ";\\s+" : ",\\s+";
        List<String> items = new ArrayList<>();
        for (String raw : s.split(sep)) {
            String it = raw.strip();
            if (it.isEmpty()) continue;
            if (LEGAL_ITEM.matcher(it).matches() && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + ", " + it);
                continue;
            }
            items.add(AND_PREFIX.matcher(it).replaceFirst(""));
        }
        return items;
    }
}
