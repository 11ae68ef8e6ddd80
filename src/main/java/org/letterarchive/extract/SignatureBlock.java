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
    /** a second document after the list: "Attachment", "Annex" */
    private static final Pattern ATTACHMENT = Pattern.compile("(?i)^(?:attachments?|annex(?:es)?|anexos?|appendix|ap[eé]ndice|adjuntos?|pi[eè]ces? jointes?)[\\s:.0-9IVX]*$");
    /** contact details are never signers: e-mail addresses, handles, web addresses */
    private static final Pattern CONTACT_DETAIL = Pattern.compile(
            "[\\w.+-]+@[\\w-]+\\.[\\w.-]{2,}|(?:^|\\s)@\\w|mailto:|^(?:tel|phone|fax|tel[eé]fono)\\b", Pattern.CASE_INSENSITIVE);
    /** the capacity a person signs in, on its own line under the signature */
    private static final Pattern CAPACITY = Pattern.compile(
            "(?i)^(?:on behalf of|en nombre de|en representaci[oó]n de|au nom de|em nome de|in (?:an? )?(?:individual|personal) capacity|a t[ií]tulo personal)\\b.*");
    /** "83 civil society organizations and eminent individuals (listed below)" */
    private static final Pattern COUNT_INTRO = Pattern.compile(
            "(?i)^\\d{1,5}\\s+[^|]{0,80}\\b(?:organi[sz]ations|individuals|signatories|organizaciones|firmantes|personas|groups)\\b[^|]{0,60}$");
    /** marks of a citation rather than a name: quotation marks, a year in brackets */
    private static final Pattern CITATION = Pattern.compile("[“”\"«»]|\\((?:[^()]*\\b)?(?:1[89]|20)\\d\\d\\)|\\bsupra\\b|\\bIbid\\b|\\bId\\.");
    private static final Pattern FOOTNOTE_NUMBER = Pattern.compile("^\\d{1,3}\\s+\\p{Lu}");
    /** a position under a signer's name */
    private static final Pattern JOB_TITLE = Pattern.compile(
            "(?i)^(?:(?:executive|managing|deputy|associate|assistant|senior|general|co-?|vice[- ]?|interim|acting|founding|national|"
            + "international|regional|legal|policy|program(?:me)?|campaigns?|communications?|research|board)\\s+)*"
            + "(?:director(?:a|ess)?|chair(?:man|woman|person)?|co-?chair|ceo|cto|coo|cfo|president[ea]?|coordinator|coordinador[a]?|"
            + "coordenador[a]?|facilitator|facilitador[a]?|co-?founder|founder|fundador[a]?|secretary|secretari[oa]|manager|gerente|head|"
            + "jef[ea]|lead|leader|officer|advis[oe]r|asesor[a]?|counsel|attorney|researcher|investigador[a]?|"
            + "lecturer|editor|fellow|analyst|consultant|campaigner|spokesperson|portavoz|vocer[oa]|representative|representante|"
            + "convenor|convener|organi[sz]er|trustee|treasurer|tesorer[oa]|principal)\\b[^@]{0,100}$");
    private static final Pattern CONTINUING_WORD = Pattern.compile("of|and|for|the|at|in|on|de|del|la|las|los|y|e|et|des|du|da|do|dos|das");
    private static final Pattern CELL = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern CELL_NUMBER = Pattern.compile("\\d{1,4}[.)]?");
    /** a sentence ends: a full stop after a word, not after an initial or a title ("Dr. Brian E. Carpenter") */
    private static final Pattern SENTENCE_END = Pattern.compile("\\p{Ll}{2}[.!?](?:\\s|$)");
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
        boolean footnotes = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        // the last entry read from a single line, which a wrapped line may continue
        String lastEntry = null;
        boolean lastWasRow = false;
        for (int i = cue + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            String s = line.clean();
            if (STOP.matcher(s).matches() || s.startsWith("******") || ATTACHMENT.matcher(s).matches()) break;
            if (!signers.isEmpty() && Salutation.isGreeting(s)) break;
            // a page of footnotes inside the list: skipped until a clean entry comes back
            if (footnoteStart(s)) {
                footnotes = true;
                lastEntry = null;
                continue;
            }
            if (footnotes) {
                if (!cleanEntry(s)) continue;
                footnotes = false;
            }
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
                lastEntry = null;
                continue;
            }
            if (s.length() < 200 && DISCLAIMER.matcher(s).find()) continue;
            if (contactDetail(s) || CAPACITY.matcher(s).matches() || COUNT_INTRO.matcher(s).matches()
                    || (s.length() < 80 && (DateFinder.dateLine(s, false) != null || DateFinder.dateLine(s, true) != null))) {
                continue;
            }
            Matcher others = OTHERS.matcher(s);
            if (others.matches()) {
                counted += Integer.parseInt(others.group(1));
                continue;
            }
            // a line wrapped from the entry above: an open bracket, a lower-case start, or more text under a table row
            if (lastEntry != null && s.length() < 120 && !s.contains(" | ") && lastEntry.length() < MAX_ENTRY
                    && !BULLET.matcher(line.raw()).lookingAt() && !NUMBERING.matcher(line.raw()).lookingAt()
                    && (opens(lastEntry) || wrapped(s) || s.startsWith("(") || (lastWasRow && !startsWithName(s)))) {
                lastEntry = lastEntry + " " + line.raw();
                signers.set(signers.size() - 1, lastWasRow ? rowSigner(lastEntry, persons) : SignerParser.parse(lastEntry, persons));
                continue;
            }
            lastEntry = null;
            lastWasRow = false;
            if (!s.contains(" | ") && mayBeFootnote(s) && FOOTNOTE.matcher(s).find()) continue;
            if (s.contains(" | ")) {
                Signer row = rowSigner(s, persons);
                if (row != null) {
                    signers.add(row);
                    lastEntry = s;
                    lastWasRow = true;
                }
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
            int stacked = stacked(lines, i, signers);
            if (stacked > 0) {
                i += stacked - 1;
                continue;
            }
            boolean numbered = NUMBERING.matcher(line.raw()).lookingAt();
            String raw = BULLET.matcher(NUMBERING.matcher(line.raw()).replaceFirst("")).replaceFirst("");
            raw = NUMBERING.matcher(raw).replaceFirst("");
            if (raw.isBlank()) continue;
            // the same unnumbered organization written again is the same signer; people may share a name
            boolean repeated = !seen.add(s) && !numbered;
            int before = signers.size();
            add(signers, raw, persons);
            if (repeated && signers.size() == before + 1 && signers.get(before).isOrganization() && !startsWithName(s)) {
                signers.remove(before);
                continue;
            }
            if (signers.size() == before + 1) lastEntry = raw;
        }
        return new SignatureBlock(cue, signers, signers.size() + counted);
    }

    /** A footnote opens: a web address, or a note number before a long sentence. */
    private static boolean footnoteStart(String s) {
        return mayBeFootnote(s) && FOOTNOTE.matcher(s).find() && !s.contains(" | ");
    }

    private static boolean mayBeFootnote(String s) {
        return Character.isDigit(s.charAt(0)) || s.contains("http") || s.contains("www.");
    }

    static boolean contactDetail(String s) {
        return (s.indexOf('@') >= 0 || s.indexOf(':') >= 0 || s.length() > 2 && Character.toLowerCase(s.charAt(0)) == 't'
                || Character.toLowerCase(s.charAt(0)) == 'p' || Character.toLowerCase(s.charAt(0)) == 'f')
                && CONTACT_DETAIL.matcher(s).find();
    }

    /** Inside footnotes, a line that reads as a list entry again: short, capitalised, no citation marks. */
    private static boolean cleanEntry(String s) {
        return s.length() < 80 && Character.isUpperCase(s.codePointAt(0)) && !CITATION.matcher(s).find()
                && !s.endsWith(",") && !s.endsWith(";") && !FOOTNOTE_NUMBER.matcher(s).lookingAt() && !isProse(s);
    }

    /** A line that goes on from the one above: it starts with a lower-case word that is no name ("of St. Gallen"). */
    private static boolean wrapped(String s) {
        if (!Character.isLowerCase(s.codePointAt(0))) return false;
        String[] w = s.split("\\s+", 3);
        String first = w[0].replaceAll("[,;:]$", "");
        if (!first.chars().allMatch(Character::isLowerCase)) return false;
        return CONTINUING_WORD.matcher(first).matches();
    }

    /** A line that opens with a person's name ("Jane Doe, ..."): a new entry, not the rest of the one above. */
    private static boolean startsWithName(String s) {
        int comma = s.indexOf(',');
        return SignerParser.personish(comma > 0 ? s.substring(0, comma) : s);
    }

    private static boolean opens(String entry) {
        int open = 0;
        for (int k = 0; k < entry.length(); k++) {
            char c = entry.charAt(k);
            if (c == '(') open++;
            else if (c == ')') open--;
        }
        return open > 0;
    }

    /**
     * A person signing over several lines: name, then position, then organization ("Jane Doe" /
     * "Director," / "Digital Rights Watch"), perhaps two side by side in a two-column PDF. Adds them and
     * returns how many lines they took; 0 when the lines at i are not such a signature.
     */
    private static int stacked(List<Line> lines, int i, List<Signer> signers) {
        if (i + 1 >= lines.size()) return 0;
        String name = lines.get(i).clean();
        String position = lines.get(i + 1).clean();
        if (name.length() > 80 || name.contains(",") || position.length() > 120 || !JOB_TITLE.matcher(position).matches()
                || !lines.get(i).raw().equals(name) || !lines.get(i + 1).raw().equals(position)) {
            return 0;
        }
        String[] names;
        String[] positions;
        String[] columns = RecipientFinder.splitColumns(position);
        String[] two = twoNames(name);
        if (two != null && columns.length == 2 && JOB_TITLE.matcher(columns[0]).matches() && JOB_TITLE.matcher(columns[1]).matches()) {
            names = two;
            positions = columns;
        } else if (SignerParser.personish(name)) {
            names = new String[] {name};
            positions = new String[] {position};
        } else {
            return 0;
        }
        int used = 2;
        String[] organizations = new String[names.length];
        for (int k = 0; k < names.length; k++) {
            int comma = positions[k].indexOf(", ");
            if (comma > 0) {
                organizations[k] = positions[k].substring(comma + 2);
                positions[k] = positions[k].substring(0, comma);
            }
        }
        if (organizations[0] == null && i + 2 < lines.size()) {
            String next = lines.get(i + 2).clean();
            // the organization, unless that line opens the next signature (a name over a position)
            boolean nextSignature = i + 3 < lines.size() && JOB_TITLE.matcher(lines.get(i + 3).clean()).matches();
            if (next.length() <= 120 && !contactDetail(next) && !nextSignature
                    && !JOB_TITLE.matcher(next).matches() && !CLOSING.matcher(next).matches()) {
                String[] orgs = names.length == 2 ? RecipientFinder.splitColumns(next) : new String[] {next};
                if (orgs.length == names.length) {
                    System.arraycopy(orgs, 0, organizations, 0, orgs.length);
                    used = 3;
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            String title = SignerParser.tidy(positions[k]);
            String org = organizations[k] == null ? null : SignerParser.tidy(organizations[k]);
            String raw = name.equals(names[k]) && names.length == 1
                    ? String.join(", ", java.util.stream.Stream.of(name, title, org).filter(x -> x != null && !x.isEmpty()).toList()) : null;
            signers.add(new Signer(SignerParser.tidy(names[k]), Signer.Kind.person, null, null,
                    org == null || org.isEmpty() ? null : org, title.isEmpty() ? null : title, raw));
        }
        return used;
    }

    /** Two person names side by side ("Hugh de Kretser Lucie Krahulcova"): the one split where both halves are names. */
    private static String[] twoNames(String s) {
        String[] w = s.split("\\s+");
        if (w.length < 4 || w.length > 8) return null;
        String[] found = null;
        for (int k = 2; k <= w.length - 2; k++) {
            String left = String.join(" ", java.util.Arrays.copyOfRange(w, 0, k));
            String right = String.join(" ", java.util.Arrays.copyOfRange(w, k, w.length));
            if (SignerParser.personish(left) && SignerParser.personish(right)) {
                if (found != null) return null;
                found = new String[] {left, right};
            }
        }
        return found;
    }

    private static void add(List<Signer> signers, String entry, boolean persons) {
        Signer s = SignerParser.parse(entry, persons);
        if (s != null && s.name().length() > 1) signers.add(s);
    }

    /** A table row "12 | Name (ACR) | Country": the first cell that is not a number names the signer. */
    static Signer rowSigner(String row, boolean persons) {
        List<String> cells = new ArrayList<>();
        for (String c : CELL.split(row)) if (!c.isBlank() && !CELL_NUMBER.matcher(c.strip()).matches()) cells.add(c.strip());
        if (cells.isEmpty()) return null;
        Signer s = SignerParser.parse(cells.get(0), persons);
        if (s == null) return null;
        if (cells.size() >= 2 && s.location() == null && cells.get(1).split("\\s+").length <= 4 && !cells.get(1).contains(".")) {
            s = new Signer(s.name(), s.kind(), s.acronym(), cells.get(1), s.affiliation(), s.title(), s.raw());
        }
        return s;
    }

    /** Sentences rather than a name: many words and a full stop inside or at the end. */
    private static boolean isProse(String s) {
        if (s.length() < 40) return false;
        int words = SignerParser.words(s);
        return words > 14 && SENTENCE_END.matcher(s).find() && !commaList(s);
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
