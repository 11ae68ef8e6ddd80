package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Recipient;

/**
 * The addressees: a "To:" block, the address lines above the greeting, or the greeting itself
 * ("Dear Members of the Board,"), else the one a title names ("Open letter to ..."); plus "cc:" lines.
 */
public final class RecipientFinder {

    /** between the cells of a table row as the text gives it */
    private static final String CELL = " | ";
    private static final Pattern CELL_SPLIT = Pattern.compile(" \\| ");
    private static final Pattern COMMA_SPACE = Pattern.compile(",\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,;:]+|[\\s,;:]+$");
    /** "you" in a greeting names nobody */
    private static final Pattern YOU = Pattern.compile("(?iu)(?:you|usted(?:es)?|vous|voc[eê]s?)");
    private static final Pattern TO_BLOCK = Pattern.compile("(?iu)^(?:to|para|a|à|attn|attention)\\s*:\\s*(.*)$");
    /** a line that heads the copied addressees under it: "cc:", "C/C", "Copies to:", "C.c.p." (Spanish "con copia para") */
    private static final Pattern COPY_HEADER = Pattern.compile("(?iu)^(?:cc|c/c|c\\.c\\.|c\\.\\s?c\\.\\s?p\\.?|ccp|copy to|copies to|con copia a?|con copia para|copia)\\s*:?$");
    private static final Pattern CC = Pattern.compile(
            "(?iu)^(?:(?:cc|c\\.c\\.|c\\.\\s?c\\.\\s?p\\.?|ccp|copy to|copies to|con copia a|con copia para|copia)\\s*:|(?:cc|c\\.\\s?c\\.\\s?p)\\.(?=\\s))\\s*(.*)$");
    /** a word joining an office to what it is of or for: "Minister for Examples", "Envoy on Oceans" */
    private static final Pattern COMPLEMENT = Pattern.compile("(?iu)of|for|on|to|de|del|da|do|dos|das|des|du|für|pour|para");
    private static final Pattern ARTICLE = Pattern.compile("(?iu)the|la|el|los|las|le|les|o|a|os|as|die|der|den");
    private static final Pattern JOIN = Pattern.compile("(?iu)and|y|e|et|und|&");
    /** an e-mail address written beside a name: "Jane Doe <jane@example.org>" */
    private static final Pattern EMAIL = Pattern.compile("\\s*[<(]?\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b[>)]?");
    /** the parts of "Ministry - Hon. Jane Doe - Minister": dashes with a space on at least one side */
    private static final Pattern DASH = Pattern.compile("\\s+[-–—]\\s*|\\s*[–—]\\s+|(?<=\\S)-\\s+");
    private static final Pattern ROLE_WORD = Pattern.compile(
            "(?iu)\\b(?:minister|ministry|secretary|general|director|directora|committee|department|council|parliament|organi[sz]ation|"
            + "organizaci[oó]n|commission|office|house|senate|government|gobierno|attorney|affairs|state|states|of|for|de|del|the|and|y)\\b");
    private static final Pattern POSTAL = Pattern.compile(
            "(?iu)\\b(?:p\\.?o\\.? box|street|avenue|suite|floor)\\b|\\b\\d{4,6}\\b|^\\d{1,5}\\s+\\p{Lu}|^\\p{Lu}[\\p{L}'’.-]*(?:\\s+[\\p{L}'’.-]+){1,4}\\s+\\d{1,4}[a-z]?$");
    /** a telephone or fax number, alone or after a short label: "Tel. +1 202 555 0100", "(55) 5555-0100" */
    private static final Pattern PHONE = Pattern.compile("^(?:\\p{L}{1,10}\\.?:?\\s*)?\\+?\\(?\\d[\\d ()./-]{6,}\\d$");
    /** "and" between two addressees; not between two words of one ("socios de la ABC y DEF") */
    private static final Pattern SPLIT_AND = Pattern.compile("\\s+(?:and|y|e|et|und|&)\\s+(?=\\p{Lu}\\S*\\s+\\S|all\\b|todos\\b|todas\\b)");
    /** "and" followed by a second greeting: "Dear Ms. A and dear Mr. B", "Sehr geehrte Frau A und sehr geehrter Herr B" */
    private static final Pattern AND_GREETING = Pattern.compile("(?iu)\\s+(?:and|y|e|et|und)\\s+(?=(?:dear|estimad[oa]s?|querid[oa]s?|prezad[oa]s?|car[oa]s?|cher|chère|sehr geehrte[rn]?|liebe[rn]?)\\s)");
    /** the body naming whom it addresses: "nos dirigimos a la Comisión ... y a los proveedores ..., con ..." */
    private static final Pattern ADDRESSES = Pattern.compile(
            "(?iu)\\b(?:nos dirigimos|me dirijo|we (?:are )?address(?:ing)?|nous nous adressons|dirigimo-nos)\\s+(?:a|à|to)?\\s*"
            + "(?:la\\s+|el\\s+|los\\s+|las\\s+|the\\s+)?(.{4,200}?)(?:,|;|\\.\\s|\\s+(?:con|para|with|to|in order|pour|avec)\\s)");
    private static final Pattern SECOND_ADDRESSEE = Pattern.compile("\\s+(?:y|and|et|e)\\s+(?:a|à|to)\\s+(?:la\\s+|el\\s+|los\\s+|las\\s+|the\\s+)?");
    private static final int ADDRESS_SENTENCE_LINES = 8;
    private static final int ADDRESS_SENTENCE_CHARS = 3_000;
    private static final Pattern TITLE_ADDRESSEE = Pattern.compile(
            "(?iu)\\b(?:letter|carta(?:\\s+abierta|\\s+aberta)?|lettre(?:\\s+ouverte)?|brief)\\s+(?:to|a|al|à|ao|aos|aux|an)\\s+"
            + "(?:the\\s+|los\\s+|las\\s+|la\\s+|el\\s+|o\\s+|os\\s+|a\\s+|as\\s+|die\\s+|den\\s+)?(.+?)(?:\\s*[:|–—]\\s.*|\\s+-\\s.*)?$");
    /** where a title goes on from whom the letter is to, to what it is about: "... to X on Y", "... a X sobre Y", "... à X em defesa de Y" */
    private static final Pattern TOPIC = Pattern.compile(
            "(?iu)\\s+(?:on|about|regarding|concerning|in support of|in defen[cs]e of|against|sobre|acerca de|en defensa de|contra|em defesa d[aeo]s?|"
            + "sur|pour|contre|über|zu|gegen)\\s.*$");
    private static final int MAX_BLOCK = 24;
    /** the word that addresses a letter to someone, before the addressee: "To the", "A la", "Al", "À", "Ao" */
    private static final Pattern ADDRESS_PREPOSITION = Pattern.compile(
            "(?iu)^(?:to|a|al|à|ao|aos|às|aux|para|an)\\s+(?:(?:the|la|las|los|el|le|les|o|os|as|die|den)\\s+)?(?=\\p{L})");
    /** how far down a line written to someone ("To the Board of ...") is looked for, when there is no greeting */
    private static final int ADDRESSED_SEARCH = 40;
    /** how many lines under the date are looked at for addressees named by their style */
    private static final int STYLED_SEARCH = 15;
    private static final Pattern ADDRESSED = Pattern.compile(
            "^(?:To|A|Al|À|Ao|Aos|Às|Aux|Para|An)\\s+(?:(?:the|la|las|los|el|le|les|o|os|as|die|den)\\s+)?\\p{Lu}");
    /** how many lines under the letter's title a line written to someone ("À Presidenta Ana") is looked for */
    private static final int AFTER_TITLE = 3;
    private static final Pattern DASH_ACRONYM = Pattern.compile("(.{6,}?)\\s+[-–—]\\s+(\\p{Lu}{2,8})");
    /** a labelled field of a letter's head ("Subject: ...", "Ref: ..."): no address line */
    private static final Pattern FIELD = Pattern.compile("^\\p{L}{2,12}(?:\\s\\p{L}{2,12})?\\s*:\\s+\\S");
    /** the small words inside a person's name: "de la Cruz", "van Berg", "dos Anjos" */
    private static final Pattern NAME_PARTICLE = Pattern.compile("(?iu)de|da|do|dos|das|del|van|von|der|di|du|la|le");
    private static final Pattern LIST_OPENING = Pattern.compile("(?iu)^(?:to|a|al|à|ao|aos|às|aux|para|an)\\s+\\p{L}");
    private static final Pattern LIST_JOIN = Pattern.compile("(?iu)\\s(?:and|y|e|et|und)\\s+(?:to|a|al|à|ao|aos|às|aux|an)(?:\\s+(?:the|la|las|los|el|o|os|as|le|les|die|den))?$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?iu)[,;]\\s*|\\s+(?:and|y|e|et|und)\\s+(?=(?:to|a|al|à|ao|aos|às|aux|an)\\s)");
    private static final Pattern OPENING_QUOTES = Pattern.compile("^[\"“«‘']+");
    /** the characters {@link #OPENING_QUOTES} takes: a line opening with none of them has none to take */
    private static final String OPENING_QUOTE_CHARS = "\"“«‘'";
    private static final Pattern FUNCTION_WORD = Pattern.compile("(?iu)of|for|and|the|de|del|la|y|on|to|in");

    private RecipientFinder() {}

    public static List<Recipient> find(List<Line> lines, int salutation, int dateIndex, int titleIndex,
                                       String title, int signatureStart) {
        List<Recipient> out = new ArrayList<>();
        int headEnd = signatureStart >= 0 ? signatureStart : lines.size();
        int to = toBlock(lines, Math.min(headEnd, 60), dateIndex, out);
        List<Recipient> greeted = salutation >= 0 ? fromGreetings(lines, salutation) : List.of();
        if (out.isEmpty() && salutation >= 0) {
            addressBlock(lines, salutation, dateIndex, titleIndex, title, out);
            // an address block that names none of the people the greeting names is not theirs
            List<String> greetedSurnames = surnames(greeted);
            if (!greetedSurnames.isEmpty() && out.stream().noneMatch(r -> mentions(r.label(), greetedSurnames))) out.clear();
        }
        if (out.isEmpty() && salutation >= 0) out.addAll(namedAbove(lines, salutation, greeted));
        if (out.isEmpty() && to < 0) addressedLines(lines, Math.min(headEnd, salutation >= 0 ? salutation : ADDRESSED_SEARCH), out);
        if (out.isEmpty() && to < 0) addressedList(lines, Math.min(headEnd, salutation >= 0 ? salutation : ADDRESSED_SEARCH), out);
        if (out.isEmpty() && to < 0 && titleIndex >= 0) addressedLines(lines.subList(0, Math.min(lines.size(), headEnd)), titleIndex + 1, AFTER_TITLE, out);
        if (out.isEmpty() && to < 0 && salutation < 0) styledLines(lines, dateIndex, headEnd, out);
        if (out.isEmpty() && to < 0 && salutation < 0) fromAddressSentence(lines, headEnd, out);
        ccLines(lines, Math.max(0, salutation), out);
        return out;
    }

    /** True when the line heads copied addressees ("cc:", "Copies to:") or is the first of them ("cc: Jane Doe, Minister"). */
    static boolean opensCopies(String line) {
        return opensWithC(line) && (COPY_HEADER.matcher(line).matches() || CC.matcher(line).matches());
    }

    /**
     * Whether the text opens with a letter that reads as "c" case-insensitively, as the regexes of the copies read it
     * ({@link #COPY_HEADER}, {@link #CC}: each of their words opens so); a text that does not is neither, and is
     * not handed to them.
     */
    static boolean opensWithC(String s) {
        return !s.isEmpty() && Character.toLowerCase(Character.toUpperCase(s.codePointAt(0))) == 'c';
    }

    /** Whether {@link #TO_BLOCK} can match: it reads a word and a colon after it. */
    private static boolean mayOpenToBlock(String s) {
        return s.indexOf(':') > 0;
    }

    /**
     * The lines of a "To:" block at the head of the letter (the header line and the addressee lines under
     * it, up to the date, the greeting, a sentence or a long line); empty when there is none.
     */
    public static java.util.BitSet toBlockLines(List<Line> lines, int end) {
        java.util.BitSet block = new java.util.BitSet();
        for (int i = 0; i < Math.min(end, lines.size()); i++) {
            String header = lines.get(i).clean();
            // a copy header ("C/C", "cc:") heads the copied addressees under it, as "To:" heads the addressees
            if (!(mayOpenToBlock(header) && TO_BLOCK.matcher(header).matches()) && !opensCopies(header)) continue;
            block.set(i);
            for (int j = i + 1; j < Math.min(lines.size(), i + MAX_BLOCK); j++) {
                String s = lines.get(j).clean();
                if (s.length() > 200 || Salutation.isGreeting(s) || s.endsWith(".") || DateFinder.isDateLine(s)
                        || FIELD.matcher(s).lookingAt() || sentence(s)) break;
                block.set(j);
            }
            return block;
        }
        return block;
    }

    /**
     * The addressees of the lines the line model tags as addressees; empty when it tags none. Tagged lines
     * that follow each other are one address block: a line naming a person opens an addressee, and the
     * lines under it give the office ("Hon. Jane Doe" / "Minister for Examples").
     */
    public static List<Recipient> tagged(List<Line> lines, LineLabeller.Labelled labelled) {
        List<Recipient> out = new ArrayList<>();
        boolean cc = false;
        List<String> block = new ArrayList<>();
        double least = 1;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).clean();
            // a street line the model left out between two addressee lines is the address of the one above
            if (!block.isEmpty() && labelled.tags()[i] != LineLabeller.Tag.ADDRESSEE && i + 1 < lines.size()
                    && labelled.tags()[i + 1] == LineLabeller.Tag.ADDRESSEE && s.length() <= 80 && POSTAL.matcher(s).find()) {
                block.add(s);
                continue;
            }
            boolean mayCopy = opensWithC(s);
            boolean copyHeader = mayCopy && COPY_HEADER.matcher(s).matches();
            Matcher copy = mayCopy ? CC.matcher(s) : null;
            boolean copied = copy != null && copy.matches();
            if (labelled.tags()[i] != LineLabeller.Tag.ADDRESSEE || s.length() > 500 || copyHeader || copied) {
                least = readTagged(block, cc, least, out);
                if (copyHeader || copied) cc = true;
                if (labelled.tags()[i] != LineLabeller.Tag.ADDRESSEE || s.length() > 500) continue;
            }
            if (copied) s = copy.group(1);
            Matcher to = mayOpenToBlock(s) ? TO_BLOCK.matcher(s) : null;
            if (to != null && to.matches()) s = to.group(1);
            // a heading naming the letter ("Open letter to ...") is its title, not an address line; nor is a
            // labelled field ("See also: ...") or a page's language menu
            if (s.isBlank() || TitleFinder.namesLetter(s) || FIELD.matcher(s).lookingAt() || Vocabulary.get().namesLanguagesOnly(s)) continue;
            if (Salutation.isGreeting(s)) {
                least = readTagged(block, cc, least, out);
                List<Recipient> greeted = new ArrayList<>();
                fromGreeting(s, cc, greeted);
                for (Recipient r : greeted) {
                    // "Dear Deputy Director Roe," greets "Jane Roe" of the address block above
                    String surname = surname(r);
                    if (surname != null && out.stream().anyMatch(o -> o.name() != null && mentions(o.name(), List.of(surname)))) continue;
                    // "Dear Ministers," under the ministers named one by one greets them together: no addressee of its own
                    if (surname == null && out.stream().filter(RecipientFinder::isPerson).count() >= 2) continue;
                    out.add(r.withConfidence(labelled.confidence()[i]));
                }
                continue;
            }
            // the building over a street line ("Town Hall" / "1 Main Street"), under the addressees: their address
            boolean addressStart = block.size() >= 2 && i + 1 < lines.size() && labelled.tags()[i + 1] != LineLabeller.Tag.ADDRESSEE
                    && POSTAL.matcher(lines.get(i + 1).clean()).find() && !POSTAL.matcher(s).find() && !honorificStart(s) && officeSplit(s) == null && !Vocabulary.get().opensWithOffice(s);
            if (addressStart) continue;
            block.add(s);
            least = Math.min(least, labelled.confidence()[i]);
        }
        readTagged(block, cc, least, out);
        return out;
    }

    private static double readTagged(List<String> block, boolean cc, double least, List<Recipient> out) {
        if (block.isEmpty()) return 1;
        int before = out.size();
        readBlock(block, cc, out);
        for (int k = before; k < out.size(); k++) out.set(k, out.get(k).withConfidence(least));
        block.clear();
        return 1;
    }

    /** The text without its e-mail addresses; one with no '@' has none, and is not scanned for them. */
    private static String withoutEmails(String s) {
        return s.indexOf('@') >= 0 ? EMAIL.matcher(s).replaceAll("") : s;
    }

    /**
     * An address block, top to bottom: a line (or a piece of one) that names a person opens an addressee, and
     * the lines under it give the office; a line under no person is an addressee of its own (a body, a group).
     * Addressees side by side (a two-column page) are read as a grid.
     */
    static void readBlock(List<String> block, boolean cc, List<Recipient> out) {
        List<String> lines = new ArrayList<>(block.size());
        for (String line : block) {
            // a heading over the addressees ("On behalf of the Ministry:") is none of them
            if (line.strip().endsWith(":") && !TO_BLOCK.matcher(line.strip()).matches()) continue;
            String addressed = ADDRESS_PREPOSITION.matcher(withoutOpeningQuotes(line)).replaceFirst("");
            String s = trimPunct(withoutEmails(addressed));
            if (!s.isEmpty() && !s.contains("://")) lines.add(s);
        }
        // a line of honorifics alone ("EXMO. SR.") is the style of the name under it
        lines.removeIf(RecipientFinder::onlyHonorifics);
        if (lines.isEmpty()) return;
        if (lines.size() >= 2 && listEnd(block, 0) == block.size()) {
            readList(block, out);
            return;
        }
        boolean honorifics = lines.stream().anyMatch(RecipientFinder::honorificStart);
        if (honorifics && grid(lines, cc, out)) return;
        Recipient current = null;
        boolean postal = false;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            // the first line of a postal address under an addressee: the building over the street ("Town Hall" / "1 Main Street")
            // (a line right under a name is the office, not a building)
            if (current != null && current.role() != null && l + 1 < lines.size() && POSTAL.matcher(lines.get(l + 1)).find() && !POSTAL.matcher(line).find()
                    && !honorificStart(line) && officeSplit(line) == null && !Vocabulary.get().opensWithOffice(line)) {
                postal = true;
                continue;
            }
            for (String piece : sideBySide(line)) {
                for (String item : piece.split(";")) {
                    item = trimPunct(item);
                    if (item.isEmpty()) continue;
                    // the street and the town under an addressee are their address, not their office
                    if (honorifics ? !honorificStart(item) : !namesPerson(item)) {
                        if (postal || (current != null && POSTAL.matcher(item).find())) {
                            postal = true;
                            continue;
                        }
                    } else {
                        postal = false;
                    }
                    String[] joined = SPLIT_AND.split(item);
                    if (joined.length > 1 && java.util.Arrays.stream(joined).allMatch(j -> honorificStart(j.strip()) || officeSplit(j.strip()) != null)) {
                        for (String one : joined) out.add(fromLine(trimPunct(one), cc));
                        current = out.get(out.size() - 1);
                        continue;
                    }
                    Recipient r = fromLine(item, cc);
                    // in a block of styled names, a line opens an entry by its style, or as a whole entry "Body - Name - Office"
                    boolean opens = honorifics
                            ? honorificStart(item) || honorificStart(r.name() == null ? "" : r.name()) || (DASH.split(item).length >= 3 && isPerson(r))
                            : namesPerson(item) && !(current != null && isPerson(current) && current.role() == null && wholeOffice(item));
                    if (current != null && !opens && isPerson(current)) {
                        current = new Recipient(current.name(), current.role() == null ? item : current.role() + ", " + item,
                                current.organization(), cc);
                        out.set(out.size() - 1, current);
                    } else {
                        out.add(r);
                        current = r;
                    }
                }
            }
        }
    }

    /** Whether the text is an office and nothing more ("Chief Executive Officer", "Deputy Minister"): the office of the name above it. */
    private static boolean wholeOffice(String s) {
        List<String> w = List.of(Splits.whitespace(s.strip()));
        return Vocabulary.get().officeWords(w) == w.size();
    }

    /** A line of running prose: four words or more, most of them in lower case. */
    private static boolean sentence(String s) {
        String[] w = Splits.whitespace(s.strip());
        int lower = 0;
        for (String x : w) if (Character.isLowerCase(x.codePointAt(0))) lower++;
        return w.length >= 4 && lower * 2 > w.length;
    }

    private static boolean onlyHonorifics(String s) {
        for (String w : Splits.whitespace(s)) if (!Vocabulary.get().isHonorific(w)) return false;
        return true;
    }

    /** A recipient that names a person (rather than a body or an office alone). */
    static boolean isPerson(Recipient r) {
        return r.name() != null && (honorificStart(r.name()) || PersonName.shaped(r.name(), PersonName.AllCaps.ACCEPT));
    }

    /** A line that opens a person's entry: "Hon. Jane Doe", "Jane Doe, Minister", "Ministra Ana Pérez". */
    static boolean namesPerson(String s) {
        if (honorificStart(s)) return true;
        int comma = s.indexOf(", ");
        String head = comma > 0 ? s.substring(0, comma) : s;
        if (personish(head) || officeSplit(head) != null) return true;
        return DASH.matcher(s).find() && styled(s);
    }

    /** True when the text opens with an honorific or style ("Dr.", "The Hon.", "Mayor the Hon.", "Ilma. Sra."). */
    static boolean honorificStart(String s) {
        String[] w = Splits.whitespace(s.strip(), 5);
        int i = 0;
        Vocabulary v = Vocabulary.get();
        // "Mayor the Hon. ...": an office used as a style before "the"
        if (w.length > 2 && v.isOffice(w[0]) && w[1].equalsIgnoreCase("the")) i = 2;
        else if (w.length > 1 && w[0].equalsIgnoreCase("the")) i = 1;
        if (i + 1 >= w.length) return false;
        boolean one = v.isHonorific(w[i]);
        boolean two = !one && i + 2 < w.length && v.isHonorific(w[i] + " " + w[i + 1]);
        if (!one && !two) return false;
        String next = w[i + (two ? 2 : 1)];
        return Character.isUpperCase(next.codePointAt(0)) || v.isHonorific(next);
    }

    /**
     * Two addressees side by side on one line (a two-column page): "The Hon. A MP The Hon. B MP". Cut before
     * an honorific (of two letters or more) that follows a name of two words or more.
     */
    static List<String> sideBySide(String line) {
        // the cells of a table row, or of a line laid out in columns, are its pieces
        if (line.contains(CELL)) return cells(line);
        String[] w = Splits.whitespace(line);
        Vocabulary v = Vocabulary.get();
        List<String> out = new ArrayList<>(2);
        int from = 0;
        for (int k = 2; k < w.length - 1; k++) {
            boolean the = w[k].equalsIgnoreCase("the") && k + 2 < w.length && v.isHonorific(w[k + 1]);
            String h = the ? w[k + 1] : w[k];
            if (!the && !v.isHonorific(h)) continue;
            if (Vocabulary.fold(h).length() < 2 || k - from < 2) continue;
            String prev = w[k - 1];
            if (prev.endsWith("-") || prev.equals("–") || prev.equals("—")) continue;
            // (nor inside a style of two words: "The Rt Hon"; nor after styles and offices that name nobody: "Frau Bundesministerin Dr. X")
            if (!namesSomeone(w, from, k)) continue;
            if (v.isHonorific(prev) || v.isHonorific(prev + " " + h) || prev.equalsIgnoreCase("the") || (v.isOffice(prev) && k - 1 == from) || !Character.isUpperCase(w[the ? k + 2 : k + 1].codePointAt(0))) continue;
            // an office used as a style opens the second name: "... MP Senator the Hon. B"
            // (not a letters-after-name office in capitals: "... Jane Roe MP The Hon. B")
            int cut = the && v.isOffice(prev) && !prev.equals(prev.toUpperCase(java.util.Locale.ROOT)) && k - 1 - from >= 2 ? k - 1 : k;
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, from, cut)));
            from = cut;
        }
        out.add(String.join(" ", java.util.Arrays.copyOfRange(w, from, w.length)));
        return out;
    }

    /** Whether the words from..to hold a word that is neither a style, an office nor "the": a name. */
    private static boolean namesSomeone(String[] w, int from, int to) {
        Vocabulary v = Vocabulary.get();
        for (int k = from; k < to; k++) {
            if (!w[k].equalsIgnoreCase("the") && !v.isHonorific(w[k]) && !v.isOffice(w[k])) return true;
        }
        return false;
    }

    private static int toBlock(List<Line> lines, int end, int dateIndex, List<Recipient> out) {
        for (int i = 0; i < end; i++) {
            if (!mayOpenToBlock(lines.get(i).clean())) continue;
            Matcher m = TO_BLOCK.matcher(lines.get(i).clean());
            if (!m.matches()) continue;
            // the lines under "To:" are one address block: an office under a name, a street under a body, are theirs
            List<String> block = new ArrayList<>();
            if (!m.group(1).isBlank()) block.add(m.group(1));
            for (int j = i + 1; j < Math.min(lines.size(), i + MAX_BLOCK); j++) {
                String s = lines.get(j).clean();
                if (j == dateIndex || s.length() > 200 || Salutation.isGreeting(s) || s.endsWith(".")) break;
                block.add(s);
            }
            readBlock(block, false, out);
            return i;
        }
        return -1;
    }

    private static void addressBlock(List<Line> lines, int salutation, int dateIndex, int titleIndex, String title, List<Recipient> out) {
        List<String> block = new ArrayList<>();
        // where each paragraph of the block starts (its index in the block, counted from the end)
        List<Integer> paragraphs = new ArrayList<>();
        int top = -1;
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
            if (isTitle || s.length() > 160 || (s.endsWith(".") && s.split(" ").length > 6) || s.endsWith(":") || TitleFinder.namesLetter(s)
                    || FIELD.matcher(s).lookingAt()
                    || (!Character.isUpperCase(s.codePointAt(0)) && !postalLine(s)) || DateFinder.dateLine(s, false) != null) {
                break;
            }
            block.add(0, s);
            top = i;
            if (lines.get(i).gapBefore()) paragraphs.add(block.size());
        }
        if (block.isEmpty()) return;
        dropLetterhead(block, paragraphs);
        // a postal address with nobody named in it is the sender's letterhead, unless it is the one under the date
        boolean underDate = dateIndex >= 0 && top == dateIndex + 1;
        if (!underDate && block.stream().anyMatch(s -> POSTAL.matcher(s).find()) && block.stream().noneMatch(RecipientFinder::namesPerson)) return;
        // above a headline, only lines that name people are addressees
        if (skipped && block.stream().noneMatch(RecipientFinder::addressLine)) return;
        readBlock(block, false, out);
    }

    /**
     * The sender's letterhead over the addressees ("Org / street / town / phone", then "Hon. Jane Doe / ..."): the
     * paragraphs before the first that names a person, when they give a postal address or a telephone number and name nobody.
     */
    private static void dropLetterhead(List<String> block, List<Integer> fromEnd) {
        int first = -1;
        int start = 0;
        List<Integer> starts = new ArrayList<>();
        for (int k = fromEnd.size() - 1; k >= 0; k--) starts.add(block.size() - fromEnd.get(k));
        starts.add(block.size());
        int cut = 0;
        for (int end : starts) {
            if (end <= start) continue;
            List<String> paragraph = block.subList(start, end);
            if (paragraph.stream().anyMatch(RecipientFinder::addressLine)) {
                first = start;
                break;
            }
            if (paragraph.stream().anyMatch(p -> PHONE.matcher(p).matches() || POSTAL.matcher(p).find())) cut = end;
            start = end;
        }
        if (first > 0 && cut > 0) block.subList(0, Math.min(cut, first)).clear();
    }

    /**
     * Addressees laid out side by side (a two-column PDF): a line holding two honorific names opens a
     * pair, and each line under it holds the two roles, one per column. False when not such a grid.
     */
    private static boolean grid(List<String> block, boolean cc, List<Recipient> out) {
        boolean paired = block.stream().anyMatch(s -> honorificStart(s) && sideBySide(s).size() == 2);
        if (!paired) return false;
        List<String[]> names = new ArrayList<>();
        List<StringBuilder[]> roles = new ArrayList<>();
        for (String line : block) {
            String[] pieces = sideBySide(line).toArray(String[]::new);
            if (honorificStart(line) && pieces.length <= 2) {
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
                out.add(person(trimPunct(names.get(k)[c]), role.isEmpty() ? null : role, cc));
            }
        }
        return true;
    }

    /** One line of a two-column grid cut in two: where its first word comes again, else nearest the middle. */
    static String[] splitColumns(String line) {
        if (line.contains(CELL)) return cells(line).toArray(String[]::new);
        String[] w = Splits.whitespace(line);
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

    /** A line of a postal address: a street, a post box, a postcode. */
    static boolean postalLine(String s) {
        return s.length() <= 80 && POSTAL.matcher(s).find();
    }

    /** The cells of a row, "A | B", without empty ones. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>(2);
        for (String c : CELL_SPLIT.split(line)) if (!c.isBlank()) out.add(c.strip());
        return out;
    }

    private static String[] halves(String[] w, int k) {
        return new String[] {String.join(" ", java.util.Arrays.copyOfRange(w, 0, k)), String.join(" ", java.util.Arrays.copyOfRange(w, k, w.length))};
    }

    /** A line that names an addressee rather than heads the letter: "Hon. Jane Doe", "Jane Doe, Minister of X". */
    static boolean addressLine(String s) {
        if (honorificStart(s)) return true;
        int comma = s.indexOf(", ");
        return comma > 0 && personish(s.substring(0, comma));
    }

    /** The text without the quotation marks it opens with; the regex is run only where one opens it. */
    private static String withoutOpeningQuotes(String s) {
        return !s.isEmpty() && OPENING_QUOTE_CHARS.indexOf(s.charAt(0)) >= 0 ? OPENING_QUOTES.matcher(s).replaceFirst("") : s;
    }

    /** A short line written to someone, opening with the word that addresses it: "À Governadora Maria Souza", "To the Board of X". */
    static boolean addressedLine(String s) {
        s = withoutOpeningQuotes(s);
        if (s.length() > 160 || s.endsWith(".") || s.indexOf(':') >= 0 || s.indexOf(',') >= 0 || s.indexOf('@') >= 0 || !ADDRESSED.matcher(s).lookingAt()) return false;
        // a name and its office, not a sentence: most words capitalised
        String[] w = Splits.whitespace(s);
        int caps = 0;
        for (String x : w) if (Character.isUpperCase(x.codePointAt(0))) caps++;
        return w.length <= 20 && caps * 2 >= w.length;
    }

    /** The lines at the head written to someone, one addressee each. */
    private static void addressedLines(List<Line> lines, int end, List<Recipient> out) {
        addressedLines(lines, 0, end, out);
    }

    /**
     * Addressees listed one per line, each line opening with the word that addresses it and ending with a comma
     * ("a los socios de X," / "al Consejo Rector," / "al Comité y a la" / "Presidenta de Y"): two lines or more.
     */
    private static void addressedList(List<Line> lines, int end, List<Recipient> out) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < Math.min(end, lines.size()); i++) text.add(lines.get(i).clean());
        for (int i = 0; i < text.size(); i++) {
            int j = listEnd(text, i);
            if (j - i < 2) continue;
            readList(text.subList(i, j), out);
            return;
        }
    }

    /** Where a list of addressed lines starting at the given line ends (the given line when none starts there). */
    private static int listEnd(List<String> text, int i) {
        int j = i;
        while (j < text.size() && listItem(text.get(j), j > i && joins(text.get(j - 1)))) j++;
        return j;
    }

    /** The addressees of a list of addressed lines, one per item. */
    private static void readList(List<String> list, List<Recipient> out) {
        for (String item : LIST_SEPARATOR.split(String.join(" ", list))) {
            item = trimPunct(ADDRESS_PREPOSITION.matcher(trimPunct(item)).replaceFirst(""));
            if (item.isEmpty()) continue;
            // an office addressed as such ("Presidenta de la Corporación X"): the office is the role
            boolean office = Vocabulary.get().opensWithOffice(item) && !honorificStart(item);
            out.add(office ? new Recipient(null, item, null, false) : person(item, null, false));
        }
    }

    /** A line of such a list: opening with the addressing word and ending with a comma, or going on from a line that ends in one. */
    private static boolean listItem(String s, boolean goesOn) {
        if (s.length() > 160 || s.indexOf(':') >= 0 || s.indexOf('@') >= 0) return false;
        if (goesOn) return true;
        return LIST_OPENING.matcher(s).lookingAt() && (s.endsWith(",") || s.endsWith(";") || joins(s));
    }

    /** A line ending in a joining word and an addressing one ("... y a la"): the list goes on in the next line. */
    private static boolean joins(String s) {
        return LIST_JOIN.matcher(s).find();
    }

    /** The first run of lines written to someone among count lines from the given one. */
    private static void addressedLines(List<Line> lines, int from, int count, List<Recipient> out) {
        int end = from == 0 ? count : from + count;
        for (int i = from; i < Math.min(end, lines.size()); i++) {
            String s = lines.get(i).clean();
            if (!addressedLine(s)) continue;
            int j = i;
            while (j < Math.min(end, lines.size()) && addressedLine(lines.get(j).clean())) {
                out.add(fromLine(trimPunct(ADDRESS_PREPOSITION.matcher(withoutOpeningQuotes(lines.get(j).clean())).replaceFirst("")), false));
                j++;
            }
            return;
        }
    }

    /**
     * With no greeting: the lines under the letter's date (or at its head) that name someone with their style
     * or office ("Exmo. Sr. Jane Doe - President of X", "Ministry - Sra. Ana Roe - Minister"), with a copy
     * header among them marking the rest as copied.
     */
    private static void styledLines(List<Line> lines, int dateIndex, int end, List<Recipient> out) {
        int from = dateIndex >= 0 ? dateIndex + 1 : 0;
        List<String> block = new ArrayList<>();
        boolean cc = false;
        for (int i = from; i < Math.min(end, Math.min(lines.size(), from + STYLED_SEARCH)); i++) {
            String s = lines.get(i).clean();
            if (s.length() >= 240) break;
            boolean copyHeader = opensWithC(s) && COPY_HEADER.matcher(s).matches();
            if (copyHeader) {
                readBlock(block, cc, out);
                block.clear();
                cc = true;
                continue;
            }
            // a line of styles alone ("Señores", "Exmos. Srs.") stands over the addressee it styles
            boolean styles = onlyHonorifics(trimPunct(s));
            if (styled(s) || styles || (i > from && onlyHonorifics(trimPunct(lines.get(i - 1).clean())) && !block.isEmpty())) block.add(s);
            else if (!block.isEmpty() || cc) break;
        }
        readBlock(block, cc, out);
    }

    /** A line naming someone by their style or office: "Hon. Jane Doe", "Ministry - Sra. Ana Roe - Minister", "Mayor Jane Doe". */
    private static boolean styled(String s) {
        if (s.length() > 200) return false;
        if (honorificStart(s) || officeSplit(s) != null) return true;
        String[] parts = DASH.split(s);
        for (String part : parts) {
            String p = part.strip();
            if (honorificStart(p) || officeSplit(p) != null || (parts.length >= 3 && PersonName.shaped(p) && !Vocabulary.get().hasOrganisationWord(p))) return true;
        }
        return false;
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
            if (part.length() >= 3 && !YOU.matcher(part).matches()) out.add(person(part, null, false));
        }
    }

    /** Who the greeting names, and the greetings on the lines right under it ("Dear Commissioner A," / "Dear Commissioner B,"). */
    /** The addressees the greeting names, as it names them ("Dear Members of X," gives "Members of X"); empty when none. */
    public static List<Recipient> greeted(List<Line> lines, int salutation) {
        return salutation >= 0 ? fromGreetings(lines, salutation) : List.of();
    }

    private static List<Recipient> fromGreetings(List<Line> lines, int salutation) {
        List<Recipient> out = new ArrayList<>();
        for (int i = salutation; i < lines.size() && Salutation.isGreeting(lines.get(i).clean()); i++) {
            fromGreeting(lines.get(i).clean(), false, out);
        }
        return out;
    }

    /**
     * The people a greeting names by their surname ("Dear Minister Doe,"), each as the line above the greeting
     * that names them in full with their office ("Minister Dr. Jane Doe"), where there is one.
     */
    private static List<Recipient> namedAbove(List<Line> lines, int salutation, List<Recipient> greeted) {
        List<Recipient> out = new ArrayList<>(greeted.size());
        for (Recipient r : greeted) {
            String surname = surname(r);
            Recipient full = null;
            for (int i = salutation - 1; surname != null && full == null && i >= Math.max(0, salutation - MAX_BLOCK); i--) {
                String s = trimPunct(withoutEmails(lines.get(i).clean()));
                if (s.length() > 160 || Salutation.isGreeting(s) || !mentions(s, List.of(surname)) || !styled(s)) continue;
                Recipient f = fromLine(s, r.cc());
                if (f.name() != null && mentions(f.name(), List.of(surname))) full = f;
            }
            out.add(full != null ? full : r);
        }
        return out;
    }

    /** The surnames of the people among these addressees (the last word of a name of two words or more). */
    private static List<String> surnames(List<Recipient> people) {
        List<String> out = new ArrayList<>();
        for (Recipient r : people) {
            String s = surname(r);
            if (s != null) out.add(s);
        }
        return out;
    }

    private static String surname(Recipient r) {
        // a person, by their office ("Commissioner Roe"), their style ("Mr. Roe") or the shape of their name
        if (r.name() == null || !(r.role() != null || honorificStart(r.name()) || personish(r.name()))) return null;
        String[] w = Splits.whitespace(r.name().strip());
        String last = w[w.length - 1];
        boolean named = w.length >= 2 || r.role() != null;
        if (!named || last.length() < 3 || !Character.isUpperCase(last.codePointAt(0)) || Vocabulary.get().isOffice(last)) return null;
        return last;
    }

    /** True when the text holds one of these names as a word of its own, folded, umlauts written out or not ("Böhm", "Boehm"). */
    private static boolean mentions(String text, List<String> names) {
        if (text == null) return false;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String name : names) {
            keys.add(Vocabulary.fold(name));
            keys.add(Vocabulary.fold(umlautsSpelledOut(name)));
        }
        for (String w : text.split("[\\s,;:()<>]+")) {
            if (!w.isEmpty() && (keys.contains(Vocabulary.fold(w)) || keys.contains(Vocabulary.fold(umlautsSpelledOut(w))))) return true;
        }
        return false;
    }

    /** A word with its umlauts written out, as German does without them: "Böhm" as "Boehm". */
    private static String umlautsSpelledOut(String w) {
        return w.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
    }

    /** Who a greeting names: "Dear Mayor Doe and Members of the Council:", "Dear Ms. Roe, Mr. Doe,". */
    private static void fromGreeting(String greeting, boolean cc, List<Recipient> out) {
        String who = Salutation.addressee(greeting);
        if (who == null) return;
        for (String part : AND_GREETING.splitAsStream(who).flatMap(SPLIT_AND::splitAsStream).toList()) {
            part = trimPunct(Salutation.withoutGreetingWord(part));
            if (part.isEmpty()) continue;
            // "Ms. Roe, Mr. Doe": several people, each after an honorific
            String[] named = COMMA_SPACE.split(part);
            boolean each = named.length > 1 && java.util.Arrays.stream(named).allMatch(n -> honorificStart(n.strip()));
            // a greeting of styles with no name after them ("Dear Mrs., Dear Sir,") greets nobody in particular
            if (java.util.Arrays.stream(named).allMatch(n -> onlyHonorifics(Salutation.withoutGreetingWord(trimPunct(n))))) continue;
            for (String n : each ? named : new String[] {part}) out.add(person(withoutCourtesy(trimPunct(n)), null, cc));
        }
    }

    /**
     * A name as a greeting writes it, without the courtesy style before it ("Ms. Roe" gives "Roe", "Frau Dr. Ana Roe"
     * gives "Ana Roe"): the style is the greeting's form of address. An office ("Minister Roe") is kept, and so is a
     * style with no name after it.
     */
    static String withoutCourtesy(String name) {
        String[] w = Splits.whitespace(name.strip());
        Vocabulary v = Vocabulary.get();
        int i = 0;
        while (i < w.length - 1 && v.isHonorific(w[i]) && !v.isOffice(w[i])) i++;
        if (i == 0 || i == w.length || !Character.isUpperCase(w[i].codePointAt(0))) return name;
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    /** The addressee a title names ("Open letter to the Board of X on Y" gives "Board of X"); empty when none. */
    /** the address of a mail header's mailbox, and the quotes around its display name */
    private static final Pattern MAILBOX_ADDRESS = Pattern.compile("<[^<>]*>"), QUOTES = Pattern.compile("^[\"']+|[\"']+$");

    /**
     * The addressees a letter sent as e-mail names in its headers: each mailbox of "To" and ("cc") "Cc" that
     * gives a display name ("Minister Jane Roe &lt;minister@example.org&gt;" gives "Jane Roe", Minister). A
     * bare address names nobody the archive can file.
     */
    public static List<Recipient> mailed(ParsedDocument doc) {
        List<Recipient> out = new ArrayList<>();
        if (doc == null || doc.mediaType() == null || !(doc.mediaType().startsWith("message/") || doc.mediaType().equals("application/vnd.ms-outlook"))) {
            return out;
        }
        for (String header : List.of("Message-To", "Message-Cc")) {
            for (String mailbox : doc.metadata().getOrDefault(header, List.of())) {
                String name = trimPunct(QUOTES.matcher(MAILBOX_ADDRESS.matcher(mailbox).replaceAll("").strip()).replaceAll("").strip());
                if (name.isEmpty() || name.indexOf('@') >= 0) continue;
                out.add(fromLine(name, header.endsWith("Cc")));
            }
        }
        return out;
    }

    public static List<Recipient> namedInTitle(String title) {
        List<Recipient> out = new ArrayList<>(1);
        if (title != null) fromTitle(title, out);
        return out;
    }

    private static void fromTitle(String title, List<Recipient> out) {
        Matcher m = TITLE_ADDRESSEE.matcher(title);
        if (m.find()) {
            String who = trimPunct(TOPIC.matcher(m.group(1)).replaceFirst(""));
            if (!who.isEmpty() && who.length() < 150) out.add(person(who, null, false));
        }
    }

    private static void ccLines(List<Line> lines, int from, List<Recipient> out) {
        for (int i = from; i < lines.size(); i++) {
            if (!opensWithC(lines.get(i).clean())) continue;
            Matcher m = CC.matcher(lines.get(i).clean());
            if (!m.matches()) continue;
            if (!m.group(1).isBlank()) addLine(m.group(1), true, out);
            for (int j = i + 1; j < Math.min(lines.size(), i + 12); j++) {
                String s = lines.get(j).clean();
                if (s.length() > 150 || s.contains("://") || s.contains("www.") || s.contains("@") || !s.contains(",") || sentence(s)) break;
                addLine(s, true, out);
            }
        }
    }

    /** "Name, Role" on one line; semicolon-separated lines give several. */
    private static void addLine(String line, boolean cc, List<Recipient> out) {
        for (String item : line.split(";")) {
            item = trimPunct(withoutEmails(item));
            if (item.isEmpty() || item.contains("://")) continue;
            out.add(fromLine(item, cc));
        }
    }

    /** One addressee written on a line: "Jane Doe, Minister of X", "Ministry - Hon. Jane Doe - Minister", "Mayor Jane Doe". */
    static Recipient fromLine(String item, boolean cc) {
        int comma = item.indexOf(", ");
        if (comma > 0 && namesPerson(item.substring(0, comma))) return person(item.substring(0, comma), item.substring(comma + 2), cc);
        String[] office = DASH.matcher(item).find() ? null : officeAfter(item);
        if (office != null) return person(office[0], office[1], cc);
        return person(item, null, cc);
    }

    /**
     * A person's name followed by their office on one line, by the general list of offices: "Dr. Jane Doe
     * Secretaria de Hacienda" gives {"Dr. Jane Doe", "Secretaria de Hacienda"}; null when the line is not so.
     */
    /** Letters written after a name: a short word in capitals ("MP", "MLA", "QC"). */
    private static boolean postNominal(String word) {
        String t = word.endsWith(",") || word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return t.length() >= 2 && t.length() <= 4 && t.chars().allMatch(Character::isUpperCase);
    }

    static String[] officeAfter(String s) {
        if (!honorificStart(s)) return null;
        List<String> w = List.of(Splits.whitespace(s.strip()));
        Vocabulary v = Vocabulary.get();
        int k = 0;
        while (k < w.size() && v.isHonorific(w.get(k))) k++;
        int nameStart = k;
        for (int j = nameStart + 2; j < w.size() && j <= nameStart + 5; j++) {
            if (!Character.isUpperCase(w.get(j - 1).codePointAt(0))) return null;
            // letters after the name closing the line ("... Jane Example MP") are part of it, not an office held
            if (j == w.size() - 1 && postNominal(w.get(j))) return null;
            if (v.officeWords(w.subList(j, w.size()), 0) > 0) {
                return new String[] {String.join(" ", w.subList(0, j)), String.join(" ", w.subList(j, w.size()))};
            }
        }
        return null;
    }

    /**
     * A recipient read from a name as written: the part that names a person when dashes cut it
     * ("Ministry - Hon. Jane Doe - Minister": the ministry is the organisation, what follows the name the
     * role), and an office written before a full name moved to the role ("Foreign Minister Ann Example").
     */
    static Recipient person(String name, String role, boolean cc) {
        String organization = null;
        if (name != null) {
            name = trimPunct(withoutEmails(name));
            name = withoutDashAcronym(name);
            String[] parts = DASH.split(name);
            if (parts.length >= 2) {
                int who = -1;
                // the part that names a person: by its style, else its office, else its shape
                for (int pass = 0; pass < 3 && who < 0; pass++) {
                    for (int k = 0; k < parts.length && who < 0; k++) {
                        String part = trimPunct(parts[k]);
                        if (pass == 0 ? honorificStart(part) : pass == 1 ? officeSplit(part) != null
                                : PersonName.shaped(part) && !Vocabulary.get().hasOrganisationWord(part)) {
                            who = k;
                        }
                    }
                }
                if (who >= 0) {
                    if (who > 0) organization = String.join(" - ", java.util.Arrays.copyOfRange(parts, 0, who)).strip();
                    String after = who + 1 < parts.length ? trimPunct(String.join(", ", java.util.Arrays.copyOfRange(parts, who + 1, parts.length))) : "";
                    if (!after.isEmpty()) role = role == null ? after : after + ", " + role;
                    name = trimPunct(parts[who]);
                }
            }
            String[] office = officeSplit(name);
            if (office != null) {
                role = role == null ? office[0] : office[0] + ", " + role;
                name = office[1];
            }
        }
        if (name != null && name.isBlank()) name = null;
        // an office addressed as such ("Your Excellency the Consul", "Madam Chair"): no name, the office as the role
        if (name != null && role == null) {
            List<String> w = new ArrayList<>(List.of(Splits.whitespace(name)));
            while (w.size() > 1 && Vocabulary.get().isHonorific(w.get(0))) w.remove(0);
            while (w.size() > 2 && Vocabulary.get().isHonorific(w.get(0) + " " + w.get(1))) w.subList(0, 2).clear();
            if (!w.isEmpty() && Vocabulary.get().officeWords(w) == w.size() && w.size() <= 4) {
                role = String.join(" ", w);
                name = null;
            }
        }
        if (name == null && (role == null || role.isBlank())) role = organization;
        return new Recipient(name, role, name == null ? null : organization, cc);
    }

    /** True when the acronym is the initials of the capitalised words of the name: "OE" of "Office of Examples". */
    static boolean isAcronymOf(String acronym, String name) {
        if (acronym == null || name == null || !acronym.equals(acronym.toUpperCase(java.util.Locale.ROOT)) || acronym.length() < 2) return false;
        StringBuilder initials = new StringBuilder();
        for (String w : name.split("[\\s-]+")) if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) initials.appendCodePoint(w.codePointAt(0));
        return initials.length() >= 2 && Vocabulary.fold(initials.toString()).equals(Vocabulary.fold(acronym));
    }

    /** A body's name without the acronym written after it with a dash, when the acronym is its initials: "Office of Examples - OE". */
    static String withoutDashAcronym(String name) {
        Matcher m = DASH_ACRONYM.matcher(name);
        return m.matches() && isAcronymOf(m.group(2), m.group(1)) ? m.group(1).strip() : name;
    }

    /**
     * An office written before a person's full name, by the general list of offices: "Councilwoman Jane
     * Doe" gives {"Councilwoman", "Jane Doe"}, "Minister for Examples Greg Roe" {"Minister for Examples", "Greg
     * Roe"}, "Commissioner Roe" {"Commissioner", "Roe"}; an honorific between the two goes with the office's
     * style. Null when the text is not an office and a name.
     */
    static String[] officeSplit(String s) {
        List<String> w = List.of(Splits.whitespace(s.strip()));
        Vocabulary v = Vocabulary.get();
        int k = v.officeWords(w);
        if (k == 0 || k >= w.size()) return null;
        int office = k;
        // a word qualifying the office before what it is of ("Governor elect of X", "Prefeita eleita de Y")
        int q = k;
        while (q < w.size() && q < k + 2 && isQualifier(w.get(q))) q++;
        if (q > k && q < w.size() && COMPLEMENT.matcher(w.get(q)).matches()) office = k = q;
        // what the office is of, one capitalised word after each joining word: "of the State of Examplia"
        while (office < w.size() && COMPLEMENT.matcher(w.get(office)).matches()) {
            int j = office + 1;
            if (j < w.size() && ARTICLE.matcher(w.get(j)).matches()) j++;
            if (j >= w.size() || !Character.isUpperCase(w.get(j).codePointAt(0))) return office == k ? null : officeAndPerson(w, office, v);
            j++;
            if (j + 1 < w.size() && JOIN.matcher(w.get(j)).matches() && Character.isUpperCase(w.get(j + 1).codePointAt(0))) j += 2;
            office = j;
        }
        return officeAndPerson(w, office, v);
    }

    /** A lower-case word that qualifies an office ("elect", "eleito", "interina"): not a joining word, not an article. */
    private static boolean isQualifier(String word) {
        return Character.isLowerCase(word.codePointAt(0)) && word.length() > 3 && !COMPLEMENT.matcher(word).matches()
                && !ARTICLE.matcher(word).matches() && !JOIN.matcher(word).matches();
    }

    /** The words from the given one on as a person's name after an office, or null when they are not one. */
    private static String[] officeAndPerson(List<String> w, int office, Vocabulary v) {
        int h = office;
        while (h < w.size() && v.isHonorific(w.get(h))) h++;
        List<String> rest = w.subList(h, w.size());
        if (rest.isEmpty() || rest.size() > 4) return null;
        for (String x : rest) if (!Character.isUpperCase(x.codePointAt(0)) && !NAME_PARTICLE.matcher(x).matches()) return null;
        String person = String.join(" ", rest);
        if (v.officeWords(rest) > 0 || v.hasOrganisationWord(person) || v.isPlace(person)) return null;
        for (String x : rest) if (x.length() > 3 && v.isPlace(x)) return null;
        return new String[] {String.join(" ", w.subList(0, office)), person};
    }

    /** An addressee's name read as a person's ({@link PersonName}, capitals allowed), no office or body named in it. */
    static boolean personish(String s) {
        if (ROLE_WORD.matcher(s).find() && !honorificStart(s)) return false;
        return PersonName.shaped(s, PersonName.AllCaps.ACCEPT);
    }

    /** The text without the white space, commas, semicolons and colons at its ends ({@link #EDGE_PUNCTUATION}). */
    static String trimPunct(String s) {
        String t = s.strip();
        // a line terminator the strip leaves (U+0085) is left to the pattern, whose end may stand before it
        if (t.endsWith("\u0085")) return EDGE_PUNCTUATION.matcher(t).replaceAll("");
        int start = 0, end = t.length();
        while (start < end && edgePunctuation(t.charAt(start))) start++;
        while (end > start && edgePunctuation(t.charAt(end - 1))) end--;
        return t.substring(start, end);
    }

    /** {@code [\s,;:]} */
    private static boolean edgePunctuation(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
