package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.extract.LineLabeller.Labelled;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Signer;

/**
 * The signers of a letter, read from its tagged lines: a SIGNER line opens an entry, a CONTINUED line
 * goes on with it, a DETAIL line gives a person's position or organisation, a SIGNERS line is a
 * comma-separated list. Each entry is split into name, acronym, location and affiliation by
 * {@link SignerParser}. An organisation written twice is one signer; "and 40 others" is counted.
 *
 * @param signers     the signers in document order, each with the confidence of its line
 * @param signerCount signers including those only counted
 * @param firstLine   the first signer line, -1 when none
 */
public record SignerEntries(List<Signer> signers, int signerCount, int firstLine) {

    private static final int LONGEST_LIST = 20_000;
    /** items of a paragraph of names, between commas or semicolons */
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,4}[.)]|\\d{1,4}(?=\\s*\\|))\\s*(?:\\|\\s*)?");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪◦–+]|\\\\-)\\s*");
    /**
     * "and 40 others", "y 12 organizaciones más", "e mais 12 organizações": a count of signers not listed. A number after at
     * most a conjunction and a word of more, then a few words (see {@link #countOfMore}).
     */
    private static final Pattern OTHERS = Pattern.compile(
            "(?iu)^[^\\p{L}\\d]*(?:(?:and|y|e|et|plus|und|mais|m[aá]s|more|de|than|que)\\s+){0,3}(\\d{1,6})\\+?\\s+(\\p{L}[\\p{L}'’\\s]{0,60}?)[.…]?$");
    /** a word saying that more signed than are listed */
    private static final Pattern MORE = Pattern.compile("(?iu)others?|more|otr[oa]s|m[aá]s|mais|autres|weitere|additional|outr[oa]s");

    public static SignerEntries read(List<Line> lines, Labelled input) {
        Labelled labelled = afterTheBody(lines, input);
        // copied addressees closing the letter ("cc:" and the lines under it) sign nothing
        int copies = LineLabeller.copiesAtEnd(lines);
        int end = copies > 0 ? copies : lines.size();
        List<Signer> signers = new ArrayList<>();
        Set<String> organizations = new HashSet<>();
        int counted = 0;
        int first = -1;
        String entry = null;
        int entryLine = -1;
        for (int i = 0; i < end; i++) {
            Tag tag = labelled.tags()[i];
            double confidence = labelled.confidence()[i];
            Line line = lines.get(i);
            String s = line.clean();
            // a line tagged as one entry that reads as a list of names is a list
            // no entry or list of names runs this long: a tag on such a line is the model's slip
            if (s.length() > LONGEST_LIST && tag != Tag.OTHER) tag = Tag.OTHER;
            if (tag == Tag.SIGNER && isNameList(s)) tag = Tag.SIGNERS;
            // "and 40 others" under the list is a count of signers, whatever the model made of it
            if (tag != Tag.OTHER && first >= 0 && countOfMore(s) > 0) tag = Tag.OTHER;
            // two signatures side by side, whose lines the page's text runs together: names, offices, organisations
            Columns columns = tag == Tag.SIGNER || tag == Tag.SIGNERS ? Columns.at(lines, i, end) : null;
            if (columns != null) {
                for (Signer p : columns.signers()) if (add(signers, organizations, p, confidence) && first < 0) first = i;
                entry = null;
                entryLine = -1;
                i += columns.lines() - 1;
                continue;
            }
            switch (tag) {
                case SIGNER -> {
                    String raw = strip(line.raw());
                    if (raw.isBlank()) continue;
                    Signer signer = s.contains(" | ") ? rowSigner(s, false) : SignerParser.parse(raw, false);
                    entry = raw;
                    entryLine = -1;
                    if (add(signers, organizations, signer, confidence)) {
                        entryLine = signers.size() - 1;
                        if (first < 0) first = i;
                    }
                }
                case CONTINUED -> {
                    if (entry == null || entryLine < 0) continue;
                    entry = entry + " " + line.raw().strip();
                    Signer again = SignerParser.parse(entry, false);
                    if (again != null) signers.set(entryLine, again.withConfidence(signers.get(entryLine).confidence()));
                }
                case SIGNERS -> {
                    entry = null;
                    entryLine = -1;
                    String listed = listAfterLabel(s);
                    for (String item : splitList(listed != null ? listed : s)) {
                        if (add(signers, organizations, SignerParser.parse(item, false), confidence) && first < 0) first = i;
                    }
                }
                case DETAIL -> {
                    if (entryLine < 0) continue;
                    Signer p = signers.get(entryLine);
                    // in a list of organisations, a name of two capitalised words over a line written as a name that is no
                    // person's and no office is one more organisation ("Cyclists United" / "Parents for Clean Air"), not a
                    // person and where they work
                    boolean amongOrganisations = p.isOrganization() && p.affiliation() == null && p.acronym() == null && p.location() == null
                            && organisationsBefore(signers, entryLine) && LineLabeller.nameLike(s) && s.indexOf(',') < 0
                            && !PersonName.shaped(s) && !Vocabulary.get().opensWithOffice(s) && PersonName.afterHonorific(p.name()) == null;
                    if (amongOrganisations) {
                        Signer own = SignerParser.parse(strip(line.raw()), false);
                        if (add(signers, organizations, own, confidence)) {
                            entry = strip(line.raw());
                            entryLine = signers.size() - 1;
                        }
                        continue;
                    }
                    // a name with details under it is a person's, unless it is given with an acronym, as organisations are
                    if (p.isOrganization() && p.affiliation() == null && p.acronym() == null && PersonName.shaped(p.name())) {
                        p = new Signer(p.name(), Signer.Kind.person, p.acronym(), p.location(), null, p.title(), p.raw())
                                .withConfidence(p.confidence());
                    }
                    if (p.isOrganization()) {
                        // an organisation has no person's details: a line under it written as the name of an organisation is an
                        // entry of its own; not an office under a name in capitals ("JANE DOE" / "Governor of the Example Province")
                        if (namesOrganisation(s) && LineLabeller.nameLike(s) && (p.acronym() != null || !PersonName.shaped(p.name(), PersonName.AllCaps.ACCEPT))
                                && !Vocabulary.get().opensWithOffice(s)) {
                            Signer own = SignerParser.parse(strip(line.raw()), false);
                            if (add(signers, organizations, own, confidence)) {
                                entry = strip(line.raw());
                                entryLine = signers.size() - 1;
                            }
                        }
                        continue;
                    }
                    String detail = SignerParser.tidy(s);
                    if (p.title() == null && p.affiliation() == null && !lastDetail(lines, labelled, i)) {
                        signers.set(entryLine, p.withTitle(detail));
                    } else if (p.affiliation() == null) {
                        signers.set(entryLine, p.withAffiliation(detail));
                    }
                }
                default -> {
                    int more = countOfMore(s);
                    if (first >= 0 && more > 0) counted += more;
                }
            }
        }
        return new SignerEntries(signers, signers.size() + counted, first);
    }

    /**
     * How many more signed than are listed, as a line under the list says: a number, then at most four words of which one
     * says "more" ("and 40 others", "et 12 autres organisations", "und 12 weitere Organisationen") or names kinds of
     * organisation or people of the general list ("y 69 organizaciones más", "e mais 12 organizações"); 0 for any other line.
     */
    static int countOfMore(String s) {
        if (s.length() > 80) return 0;
        Matcher m = OTHERS.matcher(s.strip());
        if (!m.matches()) return 0;
        String[] words = Splits.whitespace(m.group(2).strip());
        if (words.length > 4) return 0;
        boolean more = MORE.matcher(s).find() && java.util.Arrays.stream(Splits.whitespace(s.strip())).anyMatch(w -> MORE.matcher(w).matches());
        boolean kinds = java.util.Arrays.stream(words).anyMatch(w -> Vocabulary.get().hasOrganisationTypeWord(w));
        return more || kinds ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * A letter is signed after its text: where signer lines stand both above the first paragraph of
     * prose and below it, those above are the letter's head (addressees, a letterhead), not signers.
     */
    private static Labelled afterTheBody(List<Line> lines, Labelled labelled) {
        int firstProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse(lines.get(i).clean())) {
                firstProse = i;
                break;
            }
        }
        if (firstProse < 0) return labelled;
        boolean above = false, below = false;
        for (int i = 0; i < lines.size(); i++) {
            Tag t = labelled.tags()[i];
            if (t != Tag.SIGNER && t != Tag.SIGNERS) continue;
            if (i < firstProse) above = true;
            else below = true;
        }
        if (!above || !below) return labelled;
        Tag[] tags = labelled.tags().clone();
        for (int i = 0; i < firstProse; i++) {
            if (tags[i] == Tag.SIGNER || tags[i] == Tag.SIGNERS || tags[i] == Tag.DETAIL || tags[i] == Tag.CONTINUED) tags[i] = Tag.OTHER;
        }
        return new Labelled(tags, labelled.confidence());
    }

    /** A paragraph of running text: two sentences, or one long one. */
    private static boolean isProse(String s) {
        if (s.length() < 120) return false;
        int ends = 0;
        for (int k = 2; k < s.length(); k++) {
            char c = s.charAt(k);
            if ((c == '.' || c == '!' || c == '?') && Character.isLowerCase(s.charAt(k - 1)) && (k + 1 == s.length() || s.charAt(k + 1) == ' ')) ends++;
        }
        return ends >= 2 || s.length() >= 300;
    }

    private static final Pattern BRACKETED_ACRONYM = Pattern.compile("\\((?=[^)]*\\p{Lu}[^)]*\\p{Lu})[\\p{Lu}\\p{N}&./\\-]{2,15}\\)");

    /** the entries looked at above an entry to tell a list of organisations */
    private static final int LIST_SEEN = 2;

    /** True when the entries right above the one at k are organisations given without details: a list of organisations. */
    static boolean organisationsBefore(List<Signer> signers, int k) {
        if (k < LIST_SEEN) return false;
        for (int j = k - LIST_SEEN; j < k; j++) {
            Signer o = signers.get(j);
            if (!o.isOrganization() || o.affiliation() != null || o.title() != null) return false;
        }
        return true;
    }

    /** Names an organisation: a word naming a kind of organisation or a legal form, or an acronym in brackets; no place alone. */
    static boolean namesOrganisation(String s) {
        if (Vocabulary.get().isPlace(s) || SignerParser.words(s) < 2) return false;
        if (Vocabulary.get().hasOrganisationWord(s) || BRACKETED_ACRONYM.matcher(s).find()) return true;
        for (String w : Splits.whitespace(s.strip())) if (SignerParser.legalForm(w)) return true;
        return false;
    }

    /** True when the detail at i is the last of its entry's: an organisation rather than a position. */
    private static boolean lastDetail(List<Line> lines, Labelled labelled, int i) {
        return i + 1 >= lines.size() || labelled.tags()[i + 1] != Tag.DETAIL;
    }

    private static String strip(String raw) {
        String r = NUMBERING.matcher(raw.strip()).replaceFirst("");
        r = BULLET.matcher(r).replaceFirst("");
        return NUMBERING.matcher(r).replaceFirst("");
    }

    private static boolean add(List<Signer> signers, Set<String> organizations, Signer s, double confidence) {
        if (s == null || s.name().length() < 2) return false;
        // the same organisation written again is the same signer; people may share a name
        if (s.isOrganization() && !organizations.add(Annotations.fold(s.name()))) return false;
        signers.add(s.withConfidence(confidence));
        return true;
    }

    private static final Pattern CELL = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern CELL_NUMBER = Pattern.compile("\\d{1,4}[.)]?");
    /** an article before a listed name, which is no part of it ("and the X") */
    private static final String ARTICLE = "(?:(?:the|la|el|los|las|le|les|die|der|das)\\s+)";
    private static final Pattern AND_PREFIX = Pattern.compile("(?i)^(?:(?:and|y|e|et|und)\\s+)?(?:" + ARTICLE + "(?=\\p{Lu}))?");
    /** a legal form standing alone between commas belongs to the name before it ("Acme, Inc.") */
    private static boolean legalItem(String it) {
        return Vocabulary.get().isLegalForm(it);
    }

    /** A table row "12 | Name (ACR) | Country": the first cell that is not a number names the signer. */
    static Signer rowSigner(String row, boolean persons) {
        List<String> cells = new ArrayList<>();
        for (String c : CELL.split(row)) if (!c.isBlank() && !CELL_NUMBER.matcher(c.strip()).matches()) cells.add(c.strip());
        if (cells.isEmpty()) return null;
        Signer s = SignerParser.parse(cells.get(0), persons);
        if (s == null) return null;
        if (cells.size() >= 2 && s.location() == null && Splits.whitespace(cells.get(1)).length <= 4 && !cells.get(1).contains(".")) {
            s = new Signer(s.name(), s.kind(), s.acronym(), cells.get(1), s.affiliation(), s.title(), s.raw());
        }
        return s;
    }

    /** A paragraph of names separated by commas or semicolons: mostly short capitalised items. */
    private static boolean commaList(String s) {
        String[] items = Splits.items(s);
        if (items.length < 4) return false;
        int shortCapital = 0;
        for (String it : items) {
            String t = AND_PREFIX.matcher(it.strip()).replaceFirst("");
            if (!t.isEmpty() && Splits.whitespace(t).length <= 9 && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) shortCapital++;
        }
        return shortCapital >= items.length * 0.8;
    }

    /**
     * A short list of names closed by "and": "A, B and C." — two commas' items or more, the last joined by "and",
     * each a few capitalised words. Read as a list only where a line announces it (see the line labeller).
     */
    static boolean andList(String s) {
        if (!AND_LAST.matcher(s).find()) return false;
        String[] items = Splits.items(s);
        if (items.length < 2) return false;
        int people = 0;
        for (int k = 0; k < items.length; k++) {
            String t = AND_PREFIX.matcher(items[k].strip()).replaceFirst("");
            // the last item holds the last two names, joined by "and": each is a name of its own length
            Matcher pair = k == items.length - 1 ? AND_SPLIT.matcher(t) : null;
            int words = pair != null && pair.matches()
                    ? Math.max(SignerParser.words(pair.group(1)), SignerParser.words(pair.group(2))) : Splits.whitespace(t).length;
            if (t.isEmpty() || words > 14 || !(Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))) return false;
            if (PersonName.shaped(t)) people++;
        }
        // "Jane Doe, Example University and Example Centre": one person and where they work, not three signers
        // (a person's details run to two or three items: four or more are a list)
        return !(items.length <= 3 && PersonName.shaped(items[0].strip()) && people < items.length);
    }

    /**
     * Two signatures laid side by side on the page, whose lines the page's text runs together: a line of two people's
     * names over a line of their two offices ("Jane Roe Ana Pérez" / "Executive Director Executive Director"), perhaps
     * over a line of their two organisations. The names are cut where both halves are names (the second of two words
     * where several cuts would do, as most names are written); the offices where the second opens with an office of the
     * general list and the first is one too or as long; the organisations after a word naming a kind of organisation.
     *
     * @param signers the people, with their offices and organisations
     * @param lines   how many lines the signatures take (two or three)
     */
    record Columns(List<Signer> signers, int lines) {
        /** the fewest and most words of a line of two names */
        private static final int FEWEST = 4, MOST = 10;

        /** The signatures side by side whose names are on line i (the lines under it as the page gives them); null when none. */
        static Columns at(List<Line> lines, int i, int end) {
            if (i + 1 >= end) return null;
            return of(lines.get(i).clean(), lines.get(i + 1).clean(), i + 2 < end ? lines.get(i + 2).clean() : null);
        }

        static Columns of(String names, String offices, String bodies) {
            if (names.indexOf(',') >= 0 || offices.indexOf(',') >= 0 || PersonName.hasCharacterOfNoName(names)) return null;
            String[] n = Splits.whitespace(names.strip());
            if (n.length < FEWEST || n.length > MOST) return null;
            String[] o = Splits.whitespace(offices.strip());
            Vocabulary v = Vocabulary.get();
            // the cut between two halves written alike; else the cut nearest the middle where both halves open with an
            // office; else the one where the second does and the first is about as long
            int half = o.length / 2;
            boolean twice = o.length % 2 == 0 && Splits.join(o, 0, half)
                    .equals(Splits.join(o, half, o.length));
            int both = -1, alike = -1, alikeCount = 0;
            boolean bothTied = false;
            for (int k = 1; k < o.length && !twice; k++) {
                if (!Character.isUpperCase(o[k].codePointAt(0)) || v.officeWords(List.of(o).subList(k, o.length), 0) == 0) continue;
                if (v.opensWithOffice(Splits.join(o, 0, k))) {
                    int off = Math.abs(2 * k - o.length);
                    if (both < 0 || off < Math.abs(2 * both - o.length)) {
                        both = k;
                        bothTied = false;
                    } else if (off == Math.abs(2 * both - o.length)) {
                        bothTied = true;
                    }
                } else if (Math.abs(k - (o.length - k)) <= 2) {
                    alike = k;
                    alikeCount++;
                }
            }
            int officeCut = twice ? half : both >= 0 ? (bothTied ? -1 : both) : alikeCount == 1 ? alike : -1;
            if (officeCut < 0) return null;
            int nameCut = -1;
            for (int k = 2; k <= n.length - 2; k++) {
                String a = Splits.join(n, 0, k), b = Splits.join(n, k, n.length);
                if (!PersonName.shaped(a, PersonName.AllCaps.ACCEPT) || !PersonName.shaped(b, PersonName.AllCaps.ACCEPT)) continue;
                if (nameCut < 0 || n.length - k == 2) nameCut = k;
            }
            if (nameCut < 0) return null;
            String[] who = {Splits.join(n, 0, nameCut), Splits.join(n, nameCut, n.length)};
            String[] what = {Splits.join(o, 0, officeCut), Splits.join(o, officeCut, o.length)};
            String[] where = bodies == null ? null : bodies(bodies);
            List<Signer> out = new ArrayList<>(2);
            for (int c = 0; c < 2; c++) {
                Signer p = new Signer(who[c], Signer.Kind.person, null, null, where == null ? null : where[c], what[c], names + " / " + offices);
                out.add(where == null ? SignerParser.withOffice(p) : p);
            }
            // the line of organisations under the offices is read with them, cut or not
            boolean bodiesLine = bodies != null && bodies.indexOf(',') < 0 && LineLabeller.nameLike(bodies) && !PersonName.shaped(bodies);
            return new Columns(out, bodiesLine ? 3 : 2);
        }

        /** Two organisations' names run together, cut after the one word naming a kind of organisation; null when not one. */
        private static String[] bodies(String line) {
            String[] w = Splits.whitespace(line.strip());
            int cut = -1;
            for (int k = 1; k < w.length - 1; k++) {
                if (!Vocabulary.get().hasOrganisationTypeWord(w[k - 1]) || !Character.isUpperCase(w[k].codePointAt(0))) continue;
                if (cut >= 0) return null;
                cut = k;
            }
            return cut < 0 ? null : new String[] {Splits.join(w, 0, cut), Splits.join(w, cut, w.length)};
        }
    }

    /** the most words of a label over a list on its line ("Supporting organisations: A, B and C.") */
    private static final int LABEL_WORDS = 4;

    /**
     * The list a short label opens on its own line ("Supporting organisations: A, B and the C."), or null: the label is one
     * to four words before the first colon, and no address ("To:", "cc:") or contact line; the list names something in
     * more than one word (single words after a colon are more often a name's subtitle: "Equality: Work, Home, and Family").
     */
    static String listAfterLabel(String s) {
        int colon = s.indexOf(':');
        // (a table's row is read by its cells)
        if (colon <= 0 || colon + 1 >= s.length() || s.contains(" | ")) return null;
        String label = s.substring(0, colon).strip();
        if (label.isEmpty() || SignerParser.words(label) > LABEL_WORDS || RecipientFinder.opensCopies(s) || RecipientFinder.addressLine(s)
                || label.indexOf('@') >= 0 || label.contains("//")) {
            return null;
        }
        String rest = s.substring(colon + 1).strip();
        boolean named = false;
        for (String item : Splits.items(rest)) named |= SignerParser.words(AND_PREFIX.matcher(item.strip()).replaceFirst("")) >= 2;
        return rest.isEmpty() || !named ? null : rest;
    }

    /** A list of names rather than one entry: many items, or items closed by "and ..." or a full stop. */
    static boolean isNameList(String s) {
        if (!commaList(s)) return andList(s) && Splits.items(s).length >= 2 && s.endsWith(".");
        int items = Splits.items(s).length;
        return items >= 6 || s.endsWith(".") || AND_LAST.matcher(s).find();
    }

    private static final Pattern AND_SPLIT = Pattern.compile("^(\\p{Lu}.*?)\\s+(?:and|y|e|et|und|&)\\s+" + ARTICLE + "?(\\p{Lu}[^,;]*?)\\.?$");
    private static final Pattern AND_LAST = Pattern.compile(",?\\s+(?:and|y|e|et|und)\\s+" + ARTICLE + "?\\p{Lu}[^,;]*$");

    /** The names of a comma- or semicolon-separated list; "and" before the last is dropped. */
    static List<String> splitList(String s) {
        String sep = s.contains("; ") ? ";\\s+" : ",\\s+";
        List<String> items = new ArrayList<>();
        for (String raw : s.split(sep)) {
            String it = raw.strip();
            if (it.isEmpty()) continue;
            if (legalItem(it) && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + ", " + it);
                continue;
            }
            items.add(AND_PREFIX.matcher(it).replaceFirst(""));
        }
        // "..., Tenants United and Bike Coalition": the last two names joined by "and"
        if (items.size() >= 2) {
            Matcher last = AND_SPLIT.matcher(items.get(items.size() - 1));
            if (last.matches()) {
                items.set(items.size() - 1, last.group(1).strip());
                items.add(last.group(2).strip());
            }
        }
        return items;
    }
}
