package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Recipient;

/**
 * The addressees: a "To:" block, the address lines above the greeting, or the greeting itself
 * ("Dear Members of Congress,"), else the one a title names ("Open letter to ..."); plus "cc:" lines.
 */
public final class RecipientFinder {

    private static final Pattern TO_BLOCK = Pattern.compile("(?i)^(?:to|para|a|à|attn|attention)\\s*:\\s*(.*)$");
    private static final Pattern CC = Pattern.compile("(?i)^(?:cc|c\\.c\\.|copy to|copies to|con copia a|copia)\\s*:\\s*(.*)$");
    static final Pattern HONORIFIC = Pattern.compile(
            "(?:(?:The\\s+)?(?:Rt\\.?\\s+)?Hon(?:ou?rable)?\\.?|Senator(?:\\s+the\\s+Hon\\.?)?|Dr\\.|Dra\\.|Mr\\.|Mrs\\.|Ms\\.|Prof\\.|Sr\\.|Sra\\.|H\\.E\\.|S\\.E\\.)\\s+\\p{Lu}");
    private static final Pattern SECOND_HONORIFIC = Pattern.compile(
            "(?<!\\b(?:the|The|Rt\\.|Senator))\\s+(?=(?:The\\s+Hon\\.?|Hon\\.|Senator|Rt\\.\\s+Hon\\.?|Dr\\.|Mr\\.|Ms\\.)\\s+\\p{Lu})");
    /**
     * An office written before a name: up to two qualifying words ("Foreign", "Deputy Prime", "UN Special"), the
     * office, and what it is of or for ("Minister for Health"); the rest must read as a person's name.
     */
    private static final Pattern OFFICE = Pattern.compile(
            "^((?:\\p{Lu}[\\p{L}.-]*\\s+){0,2}"
            + "(?:Attorney[- ]General|Secretary[- ]General|Director[- ]General|Directora?\\s+General|Secretari[oa]\\s+General|"
            + "Secr[eé]taire\\s+g[eé]n[eé]ral|Minister|Ministr[oa]|Ministre|Secretary|Secretari[oa]|Chair(?:man|woman|person)?|"
            + "Commissioner|Comisionad[oa]|Ambassador|Embajador[a]?|President[ea]?|Pr[eé]sident(?:e)?|Governor|Gobernador[a]?|Mayor|"
            + "Alcalde(?:sa)?|Rapporteur|Relator[a]?(?:\\s+Especial)?|Premier|Chancellor|Administrator|Administrador[a]?|CEO)"
            + "(?:\\s+(?:for|of|on|de|del|para|pour)\\s+(?:the\\s+|la\\s+|el\\s+)?\\p{Lu}[\\p{L}-]*(?:\\s+(?:and|y|et)\\s+\\p{Lu}[\\p{L}-]*)?)?)"
            + "\\s+(.+)$");
    private static final Pattern ROLE_WORD = Pattern.compile(
            "(?i)\\b(?:minister|ministry|secretary|general|director|directora|committee|department|council|parliament|organi[sz]ation|"
            + "organizaci[oó]n|commission|office|house|senate|government|gobierno|attorney|affairs|state|states|of|for|de|del|the|and|y)\\b");
    private static final Pattern POSTAL = Pattern.compile("(?i)\\b(?:p\\.?o\\.? box|street|avenue|suite|floor)\\b|\\b\\d{4,6}\\b");
    /** "and" between two addressees; not between two words of one ("miembros de los MSF y OGP") */
    private static final Pattern SPLIT_AND = Pattern.compile("\\s+(?:and|y|e|et|&)\\s+(?=\\p{Lu}\\S*\\s+\\S|all\\b|todos\\b|todas\\b)");
    /** the body naming whom it addresses: "nos dirigimos a la Comisión ... y a los proveedores ..., con ..." */
    private static final Pattern ADDRESSES = Pattern.compile(
            "(?i)\\b(?:nos dirigimos|me dirijo|we (?:are )?address(?:ing)?|nous nous adressons|dirigimo-nos)\\s+(?:a|à|to)?\\s*"
            + "(?:la\\s+|el\\s+|los\\s+|las\\s+|the\\s+)?(.{4,200}?)(?:,|;|\\.\\s|\\s+(?:con|para|with|to|in order|pour|avec)\\s)");
    private static final Pattern SECOND_ADDRESSEE = Pattern.compile("\\s+(?:y|and|et|e)\\s+(?:a|à|to)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|the\\s+)?");
    private static final int ADDRESS_SENTENCE_LINES = 8;
    private static final int ADDRESS_SENTENCE_CHARS = 3_000;
    private static final Pattern TITLE_ADDRESSEE = Pattern.compile(
            "(?i)\\b(?:letter|carta(?:\\s+abierta)?|lettre(?:\\s+ouverte)?)\\s+(?:to|a|al|à|aux)\\s+(?:the\\s+|los\\s+|las\\s+|la\\s+|el\\s+)?(.+?)(?:\\s*[:|–—]\\s.*|\\s+-\\s.*)?$");
    private static final int MAX_BLOCK = 24;
    /** the word that addresses a letter to someone, before the addressee: "To the", "A la", "Al", "À", "Ao" */
    private static final Pattern ADDRESS_PREPOSITION = Pattern.compile(
            "(?i)^(?:to|a|al|à|ao|à|aux|para|an)\\s+(?:(?:the|la|las|los|el|le|les|o|os|as|die|den)\\s+)?(?=\\p{L})");
    private static final Pattern FUNCTION_WORD = Pattern.compile("(?i)of|for|and|the|de|del|la|y|on|to|in");

    private RecipientFinder() {}

    public static List<Recipient> find(List<Line> lines, int salutation, int dateIndex, int titleIndex,
                                       String title, int signatureStart) {
        List<Recipient> out = new ArrayList<>();
        int headEnd = signatureStart >= 0 ? signatureStart : lines.size();
        int to = toBlock(lines, Math.min(headEnd, 60), dateIndex, out);
        if (out.isEmpty() && salutation >= 0) addressBlock(lines, salutation, dateIndex, titleIndex, title, out);
        if (out.isEmpty() && salutation >= 0) fromGreeting(lines.get(salutation).clean(), out);
        if (out.isEmpty() && to < 0 && salutation < 0) fromAddressSentence(lines, headEnd, out);
        if (out.isEmpty() && to < 0 && title != null) fromTitle(title, out);
        ccLines(lines, Math.max(0, salutation), out);
        return out;
    }

    /**
     * The lines of a "To:" block at the head of the letter (the header line and the addressee lines under
     * it, up to the date, the greeting, a sentence or a long line); empty when there is none.
     */
    public static java.util.BitSet toBlockLines(List<Line> lines, int end) {
        java.util.BitSet block = new java.util.BitSet();
        for (int i = 0; i < Math.min(end, lines.size()); i++) {
            Matcher m = TO_BLOCK.matcher(lines.get(i).clean());
            if (!m.matches()) continue;
            block.set(i);
            for (int j = i + 1; j < Math.min(lines.size(), i + MAX_BLOCK); j++) {
                String s = lines.get(j).clean();
                if (s.length() > 200 || Salutation.isGreeting(s) || s.endsWith(".") || DateFinder.dateLine(s, false) != null
                        || DateFinder.dateLine(s, true) != null) break;
                block.set(j);
            }
            return block;
        }
        return block;
    }

    /** The addressees of the lines the line model tags as addressees; empty when it tags none. */
    public static List<Recipient> tagged(List<Line> lines, LineLabeller.Labelled labelled) {
        List<Recipient> out = new ArrayList<>();
        boolean cc = false;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).clean();
            if (CC.matcher(s).matches() || s.matches("(?i)^(?:cc|c\\.c\\.|copy to|copies to|con copia a?|copia)\\s*:?$")) cc = true;
            if (labelled.tags()[i] != LineLabeller.Tag.ADDRESSEE || s.length() > 500) continue;
            Matcher copy = CC.matcher(s);
            if (copy.matches()) s = copy.group(1);
            Matcher to = TO_BLOCK.matcher(s);
            if (to.matches()) s = to.group(1);
            if (s.isBlank()) continue;
            int before = out.size();
            if (Salutation.isGreeting(s)) {
                String who = Salutation.addressee(s);
                if (who == null) continue;
                for (String part : SPLIT_AND.split(who)) {
                    part = trimPunct(part);
                    if (part.isEmpty()) continue;
                    // "Ms. Roe, Mr. Doe": several people, each after an honorific
                    String[] named = part.split(",\\s+");
                    boolean each = named.length > 1 && java.util.Arrays.stream(named).allMatch(n -> HONORIFIC.matcher(n.strip()).lookingAt());
                    for (String n : each ? named : new String[] {part}) out.add(person(trimPunct(n), null, cc));
                }
            } else {
                s = ADDRESS_PREPOSITION.matcher(s).replaceFirst("");
                // two addressees side by side (a two-column page): "The Hon. A MP The Hon. B MP"
                for (String piece : SECOND_HONORIFIC.split(s)) addLine(piece, cc, out);
            }
            for (int k = before; k < out.size(); k++) out.set(k, out.get(k).withConfidence(labelled.confidence()[i]));
        }
        return out;
    }

    private static int toBlock(List<Line> lines, int end, int dateIndex, List<Recipient> out) {
        for (int i = 0; i < end; i++) {
            Matcher m = TO_BLOCK.matcher(lines.get(i).clean());
            if (!m.matches()) continue;
            if (!m.group(1).isBlank()) addLine(m.group(1), false, out);
            for (int j = i + 1; j < Math.min(lines.size(), i + MAX_BLOCK); j++) {
                String s = lines.get(j).clean();
                if (j == dateIndex || s.length() > 200 || Salutation.isGreeting(s) || s.endsWith(".")) break;
                addLine(s, false, out);
            }
            return i;
        }
        return -1;
    }

    private static void addressBlock(List<Line> lines, int salutation, int dateIndex, int titleIndex, String title, List<Recipient> out) {
        List<String> block = new ArrayList<>();
        boolean skipped = false;
        for (int i = salutation - 1; i >= Math.max(0, salutation - MAX_BLOCK); i--) {
            String s = lines.get(i).clean();
            boolean isTitle = i == titleIndex || s.equals(title);
            // the date and a headline may stand between the addressees and the greeting
            if (block.isEmpty() && (i == dateIndex || isTitle || DateFinder.dateLine(s, false) != null)) {
                skipped |= isTitle;
                continue;
            }
            if (i == dateIndex) continue;
            if (isTitle || s.length() > 160 || (s.endsWith(".") && s.split(" ").length > 6) || s.endsWith(":")
                    || !Character.isUpperCase(s.codePointAt(0)) || DateFinder.dateLine(s, false) != null) {
                break;
            }
            block.add(0, s);
        }
        if (block.isEmpty() || block.stream().anyMatch(s -> POSTAL.matcher(s).find())) return;
        // above a headline, only lines that name people are addressees
        if (skipped && block.stream().noneMatch(RecipientFinder::addressLine)) return;
        boolean honorifics = block.stream().anyMatch(s -> HONORIFIC.matcher(s).lookingAt());
        if (honorifics && grid(block, out)) return;
        String name = null;
        StringBuilder role = new StringBuilder();
        for (String line : block) {
            for (String piece : SECOND_HONORIFIC.split(line)) {
                piece = trimPunct(piece);
                if (piece.isEmpty()) continue;
                int comma = piece.indexOf(", ");
                boolean startsName = honorifics ? HONORIFIC.matcher(piece).lookingAt() : personish(comma < 0 ? piece : piece.substring(0, comma));
                if (startsName) {
                    flush(name, role, out);
                    role.setLength(0);
                    name = comma > 0 ? piece.substring(0, comma) : piece;
                    if (comma > 0) role.append(piece.substring(comma + 2));
                } else {
                    if (role.length() > 0) role.append(", ");
                    role.append(piece);
                }
            }
        }
        flush(name, role, out);
    }

    /**
     * Addressees laid out side by side (a two-column PDF): a line holding two honorific names opens a
     * pair, and each line under it holds the two roles, one per column. False when not such a grid.
     */
    private static boolean grid(List<String> block, List<Recipient> out) {
        boolean paired = block.stream().anyMatch(s -> SECOND_HONORIFIC.split(s).length == 2);
        if (!paired) return false;
        List<String[]> names = new ArrayList<>();
        List<StringBuilder[]> roles = new ArrayList<>();
        for (String line : block) {
            String[] pieces = SECOND_HONORIFIC.split(line);
            if (HONORIFIC.matcher(line).lookingAt() && pieces.length <= 2) {
                names.add(pieces);
                roles.add(new StringBuilder[] {new StringBuilder(), new StringBuilder()});
                continue;
            }
            if (names.isEmpty()) return false;
            String[] cols = names.get(names.size() - 1).length == 2 ? splitColumns(line) : new String[] {line};
            StringBuilder[] r = roles.get(roles.size() - 1);
            for (int c = 0; c < cols.length; c++) {
                if (r[c].length() > 0) r[c].append(", ");
                r[c].append(trimPunct(cols[c]));
            }
        }
        for (int k = 0; k < names.size(); k++) {
            for (int c = 0; c < names.get(k).length; c++) {
                String role = roles.get(k)[c].toString();
                out.add(person(trimPunct(names.get(k)[c]), role.isEmpty() ? null : role, false));
            }
        }
        return true;
    }

    /** One line of a two-column grid cut in two: where its first word comes again, else nearest the middle. */
    static String[] splitColumns(String line) {
        String[] w = line.split("\\s+");
        if (w.length < 2) return new String[] {line};
        for (int k = 1; k < w.length; k++) {
            if (w[k].equals(w[0]) && w.length - k >= 1) return halves(w, k);
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        int chars = 0;
        for (int k = 1; k < w.length; k++) {
            chars += w[k - 1].length() + 1;
            if (!Character.isUpperCase(w[k].codePointAt(0)) || FUNCTION_WORD.matcher(w[k - 1]).matches()) continue;
            double distance = Math.abs(chars - line.length() / 2.0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best < 0 ? new String[] {line} : halves(w, best);
    }

    private static String[] halves(String[] w, int k) {
        return new String[] {String.join(" ", java.util.Arrays.copyOfRange(w, 0, k)), String.join(" ", java.util.Arrays.copyOfRange(w, k, w.length))};
    }

    /** A line that names an addressee rather than heads the letter: "Hon. Jane Doe", "Jane Doe, Minister of X". */
    static boolean addressLine(String s) {
        if (HONORIFIC.matcher(s).lookingAt()) return true;
        int comma = s.indexOf(", ");
        return comma > 0 && personish(s.substring(0, comma));
    }

    /** The body's first lines naming whom the letter addresses ("nos dirigimos a ..."). */
    private static void fromAddressSentence(List<Line> lines, int end, List<Recipient> out) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < Math.min(end, ADDRESS_SENTENCE_LINES) && head.length() < ADDRESS_SENTENCE_CHARS; i++) {
            head.append(lines.get(i).clean()).append(' ');
        }
        Matcher m = ADDRESSES.matcher(head);
        if (!m.find()) return;
        for (String part : SECOND_ADDRESSEE.split(m.group(1))) {
            part = trimPunct(part);
            if (part.length() >= 3 && !part.matches("(?i)(?:you|usted(?:es)?|vous|voc[eê]s?)")) out.add(person(part, null, false));
        }
    }

    private static void flush(String name, StringBuilder role, List<Recipient> out) {
        if (name == null && role.length() == 0) return;
        out.add(person(name, role.length() == 0 ? null : role.toString(), false));
    }

    private static void fromGreeting(String greeting, List<Recipient> out) {
        String who = Salutation.addressee(greeting);
        if (who == null) return;
        for (String part : SPLIT_AND.split(who)) {
            part = trimPunct(part);
            if (!part.isEmpty()) out.add(person(part, null, false));
        }
    }

    private static void fromTitle(String title, List<Recipient> out) {
        Matcher m = TITLE_ADDRESSEE.matcher(title);
        if (m.find()) {
            String who = trimPunct(m.group(1));
            if (!who.isEmpty() && who.length() < 150) out.add(person(who, null, false));
        }
    }

    private static void ccLines(List<Line> lines, int from, List<Recipient> out) {
        for (int i = from; i < lines.size(); i++) {
            Matcher m = CC.matcher(lines.get(i).clean());
            if (!m.matches()) continue;
            if (!m.group(1).isBlank()) addLine(m.group(1), true, out);
            for (int j = i + 1; j < Math.min(lines.size(), i + 12); j++) {
                String s = lines.get(j).clean();
                if (s.length() > 150 || s.contains("://") || s.contains("www.") || s.contains("@") || !s.contains(",")) break;
                addLine(s, true, out);
            }
        }
    }

    /** "Name, Role" on one line; semicolon-separated lines give several. */
    private static void addLine(String line, boolean cc, List<Recipient> out) {
        for (String item : line.split(";")) {
            item = trimPunct(item);
            if (item.isEmpty() || item.contains("://")) continue;
            int comma = item.indexOf(", ");
            if (comma > 0) out.add(person(item.substring(0, comma), item.substring(comma + 2), cc));
            else out.add(person(item, null, cc));
        }
    }

    /** A recipient with an office written before the name moved to the role ("Prime Minister Stefan Löfven"). */
    static Recipient person(String name, String role, boolean cc) {
        if (name != null) {
            Matcher m = OFFICE.matcher(name);
            if (m.matches() && SignerParser.words(m.group(2)) >= 2 && SignerParser.personish(m.group(2))) {
                role = role == null ? m.group(1) : m.group(1) + ", " + role;
                name = m.group(2);
            }
        }
        if (name != null && name.isBlank()) name = null;
        return new Recipient(name, role, null, cc);
    }

    static boolean personish(String s) {
        String[] words = s.strip().split("\\s+");
        if (words.length < 2 || words.length > 5) return false;
        if (ROLE_WORD.matcher(s).find() && !HONORIFIC.matcher(s).lookingAt()) return false;
        for (String w : words) if (!Character.isUpperCase(w.codePointAt(0))) return false;
        return true;
    }

    static String trimPunct(String s) {
        return s.strip().replaceAll("^[\\s,;:]+|[\\s,;:]+$", "");
    }
}
