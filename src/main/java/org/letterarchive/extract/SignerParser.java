package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.letterarchive.letter.Signer;

/**
 * One signer from one entry of a signature list: the name, minus what trails it — an acronym
 * "(ABCD)" or "- EFGH", a place "(Oaxaca, México)" or ", Peru", a person's title and
 * affiliation ("Jane Doe, Professor, University X", "**Jane Doe** / Author", "Jane Doe *W3C*").
 */
public final class SignerParser {

    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•+]|\\d{1,3}[.)])\\s+");
    /** letters after a person's name (a degree, a guild): "Jane Doe PhD", "Jane Doe. ACE" */
    private static final Pattern POST_NOMINAL = Pattern.compile("^(.+?)[.,]?\\s+((?:\\p{Lu}{2,5}|Ph\\.?\\s?D\\.?)(?:[\\s,]+\\p{Lu}{2,5})*)$");
    private static final Pattern BOLD_NAME = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*(.*)$");
    private static final Pattern ITALIC_TAIL = Pattern.compile("^([^*_]+?)\\s+[*_](.+?)[*_]\\s*$");
    private static final Pattern ON_BEHALF = Pattern.compile("(?i)^(.+?),?\\s+(?:on behalf of|en nombre de|en representaci[oó]n de|in an? (?:individual|personal) capacity)\\s*(?:of\\s+)?(.*)$");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]{1,120})\\)");
    private static final Pattern ACRONYM = Pattern.compile("^(?=(?:.*\\p{Lu}){2})[\\p{Lu}\\d][\\p{L}\\d&+/.\\-]{1,15}$");
    private static final Pattern EXPANSION = Pattern.compile("^([\\p{Lu}\\d&\\-]{2,12})\\s+\\(([^()]+)\\)(.*)$");
    private static final Pattern LEADING_ACRONYM = Pattern.compile("^([\\p{Lu}\\d]{2,10})\\s*:\\s+(.+)$");
    /** an acronym after a dash: "Union of River Workers - URW", "... – LAB/UNI", "... – CoRiv" */
    private static final Pattern DASH_ACRONYM = Pattern.compile("^(.+?)\\s+[-–—]\\s*((?=(?:\\S*\\p{Lu}){2})[\\p{L}\\d&+/.\\-]{2,30})$");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
    /** a short name before the full one: "Idec - Instituto Brasileiro de ...", "S.T.O.P. – The Surveillance ..." */
    private static final Pattern LEADING_SHORT_NAME = Pattern.compile("^((?=[^\\s]*\\p{Lu})[\\p{L}\\d.&]{2,12})\\s+[-–—]\\s+(\\p{Lu}\\S*(?:\\s+\\S+){2,})$");
    /** a code or place joined to the name by a slash, or a slashed acronym after it: "Union/RP", "Institute IES/UNX" */
    private static final Pattern SLASH_TAIL = Pattern.compile("^(.+?\\p{L})(?:/(\\p{Lu}[\\p{L}.\\-]{1,15})|\\s+((?:\\p{Lu}[\\p{Lu}\\d]*/)+\\p{Lu}[\\p{Lu}\\d]*))$");
    /** a word of two capitals or more: an acronym */
    private static final Pattern ACRONYM_WORD = Pattern.compile("\\b\\p{Lu}[\\p{Lu}\\d]+\\b");
    /** a town and its country or region after a name: "Example Fund – Springfield, IL", "Example Fund, Lyon, France" */
    private static final Pattern TOWN_TAIL = Pattern.compile("^(.+?)(?:\\s+[-–—]\\s+|,\\s+)([^,\\-–—()]+),\\s*([^,\\-–—()]+)$");
    /** a place after a dash: "Friends of the River – Ghana" */
    private static final Pattern DASH_TAIL = Pattern.compile("^(.+?)\\s+[-–—]\\s+([^-–—]+)$");
    private static final Pattern TRAILING_DOT = Pattern.compile("(?<![\\s.]\\p{L})(?<!\\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St))\\.$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** contact details after a name are no part of it: a handle, a web or e-mail address, after a separator */
    private static final Pattern CONTACT_TAIL = Pattern.compile(
            "(?:\\s*[-–—|,;]\\s*|\\s+)(?:@[\\w.]+|https?://\\S+|www\\.\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.]+)\\s*$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[,/–—:-]+");
    private static final Pattern LEADING_BULLET = Pattern.compile("^[-*•]\\s+");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final String LEADING_JUNK = " \t,;:–—-*•·";
    private static final String TRAILING_JUNK = " \t,;:–—-";

    private SignerParser() {}

    /** The signer one entry names; person says the list is of individuals. Null when the entry names nobody. */
    public static Signer parse(String rawEntry, boolean person) {
        String raw = rawEntry.strip();
        if (raw.indexOf("](") > 0) raw = MD_LINK.matcher(raw).replaceAll("$1");
        // a contact tail holds an '@' or a web address
        for (int k = 0; k < 4 && (raw.indexOf('@') >= 0 || raw.contains("http") || raw.contains("www.")); k++) {
            Matcher contact = CONTACT_TAIL.matcher(raw);
            if (!contact.find() || contact.start() == 0) break;
            raw = raw.substring(0, contact.start()).strip();
        }
        // a bold name opens the entry, after any list marker: "- **Jane Doe** Professor of Law"
        Matcher bold = raw.contains("**") || raw.contains("__") ? BOLD_NAME.matcher(LIST_MARKER.matcher(raw).replaceFirst("")) : null;
        if (bold != null && bold.matches()) {
            String name = tidy(TextLines.clean(bold.group(1)));
            String rest = tidy(LEADING_SEPARATORS.matcher(TextLines.clean(bold.group(2))).replaceFirst(""));
            return named(name, Signer.Kind.person, null, null, rest, TextLines.clean(raw));
        }
        Matcher italic = raw.indexOf('*') >= 0 || raw.indexOf('_') >= 0 ? ITALIC_TAIL.matcher(LEADING_BULLET.matcher(raw).replaceFirst("")) : null;
        if (italic != null && italic.matches() && words(italic.group(1)) <= 6) {
            return named(tidy(TextLines.clean(italic.group(1))), Signer.Kind.person, null, null,
                    tidy(TextLines.clean(italic.group(2))), TextLines.clean(raw));
        }
        String s = tidy(TextLines.clean(raw));
        if (s.isEmpty()) return null;
        Matcher behalf = mayActOnBehalf(s) ? ON_BEHALF.matcher(s) : null;
        if (behalf != null && behalf.matches() && words(behalf.group(1)) <= 5) {
            String aff = behalf.group(2).strip();
            if (aff.startsWith("(") && aff.endsWith(")")) aff = aff.substring(1, aff.length() - 1);
            aff = tidy(aff);
            Signer org = aff.isEmpty() ? null : parse(aff, false);
            // "Jane Roe (Example University), in a personal capacity": the affiliation is in the brackets
            Signer who = aff.isEmpty() ? personOfBody(tidy(behalf.group(1)), s) : null;
            if (who != null) return who;
            return named(tidy(behalf.group(1)), Signer.Kind.person, null, null,
                    org == null ? (aff.isEmpty() ? null : aff) : org.name(), s);
        }
        int slash = s.indexOf(" / ");
        if (slash > 0 && (person || PersonName.shaped(s.substring(0, slash)))) {
            return named(s.substring(0, slash).strip(), Signer.Kind.person, null, null, tidy(s.substring(slash + 3)), s);
        }
        Signer parsed = organizationOrPerson(mendBrackets(s), person);
        return parsed == null || parsed.raw() != null || s.equals(parsed.name()) ? parsed
                : new Signer(parsed.name(), parsed.kind(), parsed.acronym(), parsed.location(), parsed.affiliation(), parsed.title(), s);
    }

    /** Whether {@link #ON_BEHALF} can match: its phrases, in any case, are in the text (a cheap test before the regex). */
    private static boolean mayActOnBehalf(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT);
        return t.contains("behalf") || t.contains("nombre de") || t.contains("representaci") || t.contains("capacity");
    }

    /** Typing slips in brackets mended: empty "()" dropped, a bracket left open at the end closed. */
    static String mendBrackets(String s) {
        if (s.indexOf('(') < 0) return s;
        String t = s.replace("()", "").strip();
        int open = 0;
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) == '(') open++;
            else if (t.charAt(k) == ')' && open > 0) open--;
        }
        return open == 1 ? t + ")" : t;
    }

    /** a name, a dash and a word after it, with a bracket closing the entry: "Example Rights Network – ERN (University X)" */
    private static final Pattern NAME_DASH_WORD = Pattern.compile("^(.+\\S)\\s*[-–—]\\s*([^\\s\\-–—()]{2,15})(?:\\s*\\(([^()]{1,80})\\))?$");

    /**
     * Whether a word is the acronym of a name: its capitals, two or more, are the initials of the name's capitalised
     * words ("ERN" of "Example Rights Network", "CAEx" of "Centro Acadêmico de Exemplo").
     */
    static boolean initialsOf(String word, String name) {
        StringBuilder capitals = new StringBuilder(), initials = new StringBuilder();
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isUpperCase(c)) capitals.append(c);
            else if (!Character.isLetter(c)) return false;
        }
        if (capitals.length() < 2 || !Character.isUpperCase(word.charAt(0))) return false;
        for (String w : Splits.whitespace(name.strip())) if (Character.isUpperCase(w.codePointAt(0))) initials.appendCodePoint(w.codePointAt(0));
        return Vocabulary.fold(capitals.toString()).equals(Vocabulary.fold(initials.toString()));
    }

    /** a name with a bracket closing it: "Jane Roe (Example University)" */
    private static final Pattern NAME_BRACKET = Pattern.compile("^([^()]+?)\\s*\\(([^()]{2,120})\\)$");

    /**
     * A person's name with the body they are of in brackets after it ("Jane Roe (Example University)", "Prof. Ann
     * Example (Instituto de Ejemplo)"): that person, of that body. Null when the name is no person's, or the bracket
     * holds an acronym, a place or no name of a body.
     */
    static Signer personOfBody(String s, String raw) {
        Matcher m = s.indexOf('(') > 0 ? NAME_BRACKET.matcher(s) : null;
        if (m == null || !m.matches()) return null;
        String name = tidy(m.group(1)), inner = m.group(2).strip();
        if (!PersonName.shaped(name) || ACRONYM.matcher(inner).matches() || isPlaceList(inner) || !SignerEntries.namesOrganisation(inner)) return null;
        return new Signer(name, Signer.Kind.person, null, null, inner, null, raw);
    }

    private static Signer organizationOrPerson(String s, boolean person) {
        Signer ofBody = personOfBody(s, s);
        if (ofBody != null) return ofBody;
        // an acronym after a dash that is the name's initials, perhaps with a bracket after it: the name and its acronym
        Matcher dashWord = !person && hasDash(s) ? NAME_DASH_WORD.matcher(s) : null;
        if (dashWord != null && dashWord.matches() && words(dashWord.group(1)) >= 2 && initialsOf(dashWord.group(2), dashWord.group(1))) {
            String inner = dashWord.group(3);
            String where = inner != null && isPlaceList(inner.strip()) ? inner.strip() : null;
            return new Signer(tidy(dashWord.group(1)), Signer.Kind.organization, dashWord.group(2), where, null, null, s);
        }
        // a town with its country or region code after the name, by a dash or a comma: "Example Fund – Springfield, IL"
        Matcher town = !person && s.indexOf(',') >= 0 ? TOWN_TAIL.matcher(s) : null;
        if (town != null && town.matches() && words(town.group(1)) >= 2 && !PersonName.shaped(town.group(1))
                && townAndRegion(town.group(1), town.group(2), town.group(3))) {
            Signer sg = organizationOrPerson(town.group(1).strip(), false);
            String where = town.group(2).strip() + ", " + town.group(3).strip();
            // with the town written after it, a code in brackets in the name is its acronym ("(FR)"), not a country
            boolean bracketCode = sg != null && sg.location() != null && sg.acronym() == null && town.group(1).contains("(" + sg.location() + ")");
            if (sg != null && (sg.location() == null || bracketCode)) {
                return new Signer(sg.name(), sg.kind(), bracketCode ? sg.location() : sg.acronym(), where, sg.affiliation(), sg.title(), s);
            }
        }
        String acronym = null;
        String location = null;
        String name = s;
        // each pattern below is tried only where the mark it reads (a colon, a dash, a bracket, a slash) is in the text
        Matcher lead = name.indexOf(':') > 0 ? LEADING_ACRONYM.matcher(name) : null;
        // a leading acronym or short name stays part of the name as written; it is also the acronym
        if (lead != null && lead.matches()) acronym = lead.group(1);
        if (acronym == null && hasDash(name)) {
            Matcher shortName = LEADING_SHORT_NAME.matcher(name);
            if (shortName.matches()) acronym = shortName.group(1);
        }
        // an acronym followed by its expansion in brackets is one name: "DAWN (Development Alternatives ...)"
        Matcher expansion = name.indexOf('(') > 0 ? EXPANSION.matcher(name) : null;
        boolean acronymFirst = expansion != null && expansion.matches() && words(expansion.group(2)) >= 2 && !ACRONYM.matcher(expansion.group(2)).matches();
        if (acronymFirst) {
            acronym = expansion.group(1);
            name = expansion.group(1) + " (" + expansion.group(2) + ")";
            String rest = tidy(expansion.group(3));
            if (Vocabulary.get().isPlace(rest)) location = rest;
        } else {
            boolean cutAfterAcronym = false;
            Matcher p = name.indexOf('(') >= 0 ? PAREN.matcher(name) : null;
            StringBuilder kept = new StringBuilder();
            int last = 0;
            while (p != null && p.find()) {
                String inner = p.group(1).strip();
                String before = name.substring(last, p.start());
                if (acronym == null && ACRONYM.matcher(inner).matches() && !Vocabulary.get().isPlace(inner)) {
                    acronym = inner;
                    kept.append(before);
                    String after = name.substring(p.end()).strip();
                    if (after.startsWith(",")) cutAfterAcronym = true;
                } else if (location == null && isPlaceList(inner)) {
                    location = inner;
                    kept.append(before);
                } else if (p.end() == name.length() && words(inner) >= 2 && !before.isBlank()) {
                    // a descriptor or translation closing the entry: "Réseau Vert (Green Network)"
                    kept.append(before);
                } else {
                    kept.append(name, last, p.end());
                }
                last = p.end();
            }
            kept.append(name.substring(last));
            name = tidy(kept.toString());
            List<String> parts = splitOutsideBrackets(name);
            // a town with particles after the name: ", San Martín de los Ejemplos"
            if (parts.size() >= 2 && location == null && !person && townName(parts.get(parts.size() - 1)) && words(parts.get(0)) >= 2
                    && !PersonName.shaped(parts.get(0))) {
                location = parts.remove(parts.size() - 1);
            }
            // trailing place: ", Peru" / ", Lyon, France"
            if (parts.size() >= 2 && Vocabulary.get().isPlace(parts.get(parts.size() - 1))) {
                String place = parts.remove(parts.size() - 1);
                if (parts.size() >= 2 && words(parts.get(parts.size() - 1)) <= 2 && !Vocabulary.get().hasOrganisationWord(parts.get(parts.size() - 1))
                        && !legalForm(parts.get(parts.size() - 1)) && parts.size() >= 3) {
                    place = parts.remove(parts.size() - 1) + ", " + place;
                }
                location = location == null ? place : location;
            }
            // a trailing acronym after a comma: "Red en defensa de los derechos digitales, R3D"
            if (parts.size() == 2 && acronym == null && ACRONYM.matcher(parts.get(1)).matches() && !legalForm(parts.get(1))
                    && !Vocabulary.get().isPlace(parts.get(1)) && words(parts.get(0)) >= 2) {
                acronym = parts.remove(1);
            }
            // text after the acronym that is short and not a legal form is a place: "(ABCD) NY"
            if (parts.size() == 1 && acronym != null && location == null) {
                String[] w = Splits.whitespace(parts.get(0));
                String lastWord = w[w.length - 1];
                if (w.length > 2 && Vocabulary.get().isPlace(lastWord) && lastWord.equals(lastWord.toUpperCase())) {
                    location = lastWord;
                    parts.set(0, parts.get(0).substring(0, parts.get(0).length() - lastWord.length()).strip());
                }
            }
            if (parts.size() >= 2) {
                Matcher post = POST_NOMINAL.matcher(parts.get(0));
                if (post.matches() && PersonName.shaped(post.group(1)) && !Vocabulary.get().isPlace(post.group(2))) parts.set(0, post.group(1));
            }
            boolean personLike = PersonName.shaped(parts.get(0));
            // "Jane Doe, Photographer, LLC": a business named for a person
            boolean business = legalForm(parts.get(parts.size() - 1))
                    && (parts.size() <= 2 || (parts.size() == 3 && words(parts.get(1)) <= 2 && !Vocabulary.get().hasOrganisationWord(parts.get(1))));
            // "Jane Doe, Example Fund for the River, LLC": the legal form closes the organisation the person is of
            if (!business && parts.size() >= 3 && legalForm(parts.get(parts.size() - 1)) && (person || personLike)) {
                String form = parts.remove(parts.size() - 1);
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ", " + form);
            }
            if (parts.size() >= 2 && (person || personLike) && !legalForm(parts.get(1)) && !business) {
                String title = parts.size() >= 3 ? parts.get(1) : null;
                String aff = parts.size() >= 3 ? String.join(", ", parts.subList(2, parts.size())) : parts.get(1);
                Signer sg = named(parts.get(0), Signer.Kind.person, acronym, location, aff, s);
                return sg == null ? null : new Signer(sg.name(), sg.kind(), sg.acronym(), sg.location(), sg.affiliation(), title, sg.raw());
            }
            if (parts.size() >= 2 && cutAfterAcronym) {
                name = parts.get(0);
            } else {
                name = String.join(", ", parts);
            }
            Matcher tail = hasDash(name) ? DASH_TAIL.matcher(name) : null;
            boolean tailed = tail != null && tail.matches();
            if (location == null && tailed && Vocabulary.get().isPlace(tail.group(2))) {
                location = tail.group(2).strip();
                name = tail.group(1).strip();
            } else if (tailed && PersonName.shaped(tail.group(1)) && !DASH_ACRONYM.matcher(name).matches()) {
                // a person, a dash, what they are: "Heloisa Fernandes - Socióloga"
                return new Signer(tail.group(1).strip(), Signer.Kind.person, null, null, null, tidy(tail.group(2)), s);
            }
            if (acronym == null && hasDash(name)) {
                Matcher dash = DASH_ACRONYM.matcher(name);
                if (dash.matches() && words(dash.group(1)) >= 2) {
                    acronym = dash.group(2);
                    name = dash.group(1);
                }
            }
            if (acronym == null && location == null) {
                // a short tail of capitalised words after a dash: "Union of River Workers – North Province", "... - URW Riverside"
                Matcher t = hasDash(name) ? DASH_TAIL.matcher(name) : null;
                boolean dashTail = t != null && t.matches();
                if (dashTail && words(t.group(1)) >= 3 && !PersonName.shaped(t.group(1)) && townName(t.group(2))) {
                    location = t.group(2).strip();
                    name = t.group(1).strip();
                } else if (dashTail && words(t.group(1)) >= 3 && !PersonName.shaped(t.group(1)) && capitalisedWords(t.group(2))
                        && (words(t.group(2)) <= 2 || (words(t.group(2)) <= 3 && ACRONYM_WORD.matcher(t.group(2)).find()))) {
                    String tailText = t.group(2).strip();
                    name = t.group(1).strip();
                    if (ACRONYM_WORD.matcher(tailText).find()) acronym = tailText;
                    else location = tailText;
                } else {
                    // a code joined by a slash: "Union of River Workers/RP", "Institute of Example Studies IES/UNX"
                    Matcher slash = name.indexOf('/') >= 0 ? SLASH_TAIL.matcher(name) : null;
                    boolean slashed = slash != null && slash.matches();
                    String before = slashed ? slash.group(1).substring(slash.group(1).lastIndexOf(' ') + 1) : "";
                    // joined to an ordinary word, not one code to another ("HIV/AIDS", "OAB/MG") or a list of places
                    if (slashed && words(slash.group(1)) >= 3 && before.indexOf('/') < 0 && !before.equals(before.toUpperCase())
                            && Character.isUpperCase(before.codePointAt(0))) {
                        String code = slash.group(2) != null ? slash.group(2) : slash.group(3);
                        name = slash.group(1).strip();
                        if (ACRONYM_WORD.matcher(code).find()) acronym = code;
                        else location = code;
                    }
                }
            }
        }
        Signer.Kind kind = person || (PersonName.afterHonorific(name) != null && !Vocabulary.get().hasOrganisationWord(name))
                ? Signer.Kind.person : Signer.Kind.organization;
        return named(name, kind, acronym, location, null, s);
    }

    /** Whether the text holds a dash of those the patterns read between a name and its tail: '-', '–' or '—'. */
    static boolean hasDash(String s) {
        return s.indexOf('-') >= 0 || s.indexOf('–') >= 0 || s.indexOf('—') >= 0;
    }

    /** a region's code: two or three capitals, or their initials with full stops ("IL", "B.C.") */
    private static final Pattern REGION_CODE = Pattern.compile("\\p{Lu}{2,3}|(?:\\p{Lu}\\.){2,3}");

    /**
     * A town (one to three capitalised words) and a country, or a region's code (two or three capitals, or their
     * initials) that is no legal form; initials that could be a legal form are a region's after the town of an
     * organisation named before it ("Example Fund, Springfield, B.C."), which would write its legal form after its name.
     */
    private static boolean townAndRegion(String name, String town, String region) {
        if (!capitalisedWords(town) || words(town) > 3 || Vocabulary.get().hasOrganisationWord(town)) return false;
        String r = region.strip();
        if (Vocabulary.get().isPlace(r)) return true;
        if (!REGION_CODE.matcher(r).matches()) return false;
        return !legalForm(r) || (r.indexOf('.') > 0 && Vocabulary.get().hasOrganisationWord(name));
    }

    /**
     * A legal form written alone ("Inc.", "A.C.", "LLC", "AC"), by the ISO 20275 list: with or without the
     * full stops between its letters.
     */
    static boolean legalForm(String s) {
        String t = s.strip();
        Vocabulary v = Vocabulary.get();
        if (v.isLegalForm(t)) return true;
        return t.length() >= 2 && t.length() <= 4 && t.chars().allMatch(Character::isLetter) && v.isLegalForm(String.join(".", t.split("")) + ".");
    }

    /**
     * The name of a town as written after a dash: two to four capitalised words, with name particles between them
     * ("San Cristóbal de las Casas", "Rio de Janeiro"), no acronym and no word naming a kind of organisation.
     */
    static boolean townName(String s) {
        String[] w = Splits.whitespace(s.strip());
        if (w.length < 3 || w.length > 6 || Vocabulary.get().hasOrganisationWord(s) || ACRONYM_WORD.matcher(s).find()) return false;
        int capitalised = 0;
        for (int k = 0; k < w.length; k++) {
            boolean capital = Character.isUpperCase(w[k].codePointAt(0)) && w[k].chars().allMatch(Character::isLetter);
            if (capital) capitalised++;
            else if (k == 0 || k == w.length - 1 || !NAME_PARTICLE.matcher(w[k]).matches()) return false;
        }
        return capitalised >= 2 && capitalised <= 4 && capitalised < w.length;
    }

    private static final Pattern NAME_PARTICLE = Pattern.compile("de|del|la|las|los|da|das|do|dos|di|du|des|le");

    /** Every word starts with a capital (or a digit): a name, a code, a place, not a phrase. */
    private static boolean capitalisedWords(String s) {
        for (String w : Splits.whitespace(s.strip())) if (w.isEmpty() || !(Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0)))) return false;
        return true;
    }

    /** The comma-separated parts of an entry; commas inside brackets do not separate. */
    static List<String> splitOutsideBrackets(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth > 0) depth--;
            else if (c == ',' && depth == 0 && k + 1 < s.length() && Character.isWhitespace(s.charAt(k + 1))) {
                parts.add(s.substring(start, k).strip());
                start = k + 1;
            }
        }
        parts.add(s.substring(start).strip());
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) parts.add(s.strip());
        return parts;
    }

    /** How many parts {@link #splitOutsideBrackets} cuts a text into, and the first and the last of them. */
    record Outline(int count, String first, String last) {}

    /** As {@link #splitOutsideBrackets}, without making the parts between the first and the last (a paragraph has many). */
    static Outline outlineOutsideBrackets(String s) {
        // only a comma cuts: a text without one is one part, found by indexOf without reading it a character at a time
        if (s.indexOf(',') < 0) return new Outline(1, s.strip(), s.strip());
        int depth = 0, start = 0, count = 0, firstStart = -1, firstEnd = -1, lastStart = -1, lastEnd = -1;
        for (int k = 0; k <= s.length(); k++) {
            boolean cut = k == s.length();
            if (!cut) {
                char c = s.charAt(k);
                if (c == '(' || c == '[') depth++;
                else if ((c == ')' || c == ']') && depth > 0) depth--;
                else cut = c == ',' && depth == 0 && k + 1 < s.length() && Character.isWhitespace(s.charAt(k + 1));
            }
            if (!cut) continue;
            if (!blank(s, start, k)) {
                if (count++ == 0) {
                    firstStart = start;
                    firstEnd = k;
                }
                lastStart = start;
                lastEnd = k;
            }
            start = k + 1;
        }
        if (count == 0) return new Outline(1, s.strip(), s.strip());
        return new Outline(count, s.substring(firstStart, firstEnd).strip(), s.substring(lastStart, lastEnd).strip());
    }

    /** Whether the text between from and to is white space only, as {@link String#isBlank} reads it. */
    private static boolean blank(String s, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isPlaceList(String inner) {
        String[] parts = COMMA.split(inner);
        if (Vocabulary.get().isPlace(parts[parts.length - 1])) return true;
        return parts.length <= 2 && words(inner) <= 3 && !Vocabulary.get().hasOrganisationWord(inner)
                && Arrays.stream(parts).allMatch(p -> !p.isEmpty() && Character.isUpperCase(p.codePointAt(0)))
                && !inner.contains(".");
    }

    /** the words joining an office to the body it is of: "Director of X", "presidente da X", "Vorsitzender der X" */
    private static final java.util.Set<String> OFFICE_OF = java.util.Set.of("of", "for", "at", "de", "del", "da", "do", "das", "dos", "du", "des",
            "della", "di", "von", "vom", "der", "für", "à", "au", "aux");
    /** the articles that may follow them ("of the X"), which are no part of the body's name */
    private static final java.util.Set<String> ARTICLES = java.util.Set.of("the", "la", "el", "los", "las", "le", "les", "die", "den");

    /**
     * A person's office told apart from the body it is of, by grammar: "Executive Director of the Example Fund" and
     * "Executive Director, Example Fund" give the title "Executive Director" and the affiliation "Example Fund"; an
     * organisation's name that is a person's name with their office after it ("Jane Roe President of the Example
     * Fund") is that person. Signers already told apart, or with nothing an office opens, are returned as they are.
     */
    static Signer withOffice(Signer s) {
        if (s.isOrganization()) {
            if (s.acronym() != null || s.affiliation() != null || s.location() != null) return s;
            String[] w = Splits.whitespace(s.name().strip());
            // the name: two to four words shaped as a person's; the office after it written with a capital
            for (int k = 2; k <= 4 && k < w.length; k++) {
                if (!Character.isUpperCase(w[k].codePointAt(0))) continue;
                String name = Splits.join(w, 0, k);
                if (!PersonName.shaped(name)) continue;
                String rest = Splits.join(w, k, w.length);
                String[] office = officeAndBody(rest, false);
                if (office == null) continue;
                return new Signer(name, Signer.Kind.person, null, null, office[1], office[0], s.raw() == null ? s.name() : s.raw(),
                        s.capacity(), s.confidence());
            }
            return s;
        }
        // what follows the name is read as the title or the affiliation, whichever was given alone
        String given = s.title() == null ? s.affiliation() : s.affiliation() == null ? s.title() : null;
        String[] office = given == null ? null : officeAndBody(given, true);
        return office == null ? s : s.withTitle(office[0]).withAffiliation(office[1]);
    }

    /** the most words of a position written before the body it is held in */
    private static final int POSITION_WORDS = 3;

    /**
     * The office and the body of "Office of the Body" or "Office, Body"; null when no office opens the text or no body
     * follows it. Given as a person's details (positions), a short phrase that names no body or place before the comma
     * is taken for a position the list of offices lacks.
     */
    private static String[] officeAndBody(String text, boolean positions) {
        int comma = text.indexOf(',');
        Vocabulary v = Vocabulary.get();
        if (comma > 0) {
            // "Director of Communications, Example Fund": the office is all before the comma
            String before = text.substring(0, comma).strip(), after = tidy(text.substring(comma + 1));
            if (after.isEmpty() || !Character.isUpperCase(after.codePointAt(0))) return null;
            if (v.opensWithOffice(before)) return new String[] {before, after};
            // a short phrase naming no body or place before one name: a position the list of offices lacks
            // ("Campaigns Manager, Example Fund")
            boolean position = positions && words(before) <= POSITION_WORDS && Character.isUpperCase(before.codePointAt(0)) && after.indexOf(',') < 0
                    && !v.hasOrganisationWord(before) && !v.isPlace(before) && !v.isPlace(after) && !legalForm(after);
            return position ? new String[] {before, after} : null;
        }
        List<String> words = List.of(Splits.whitespace(text.strip()));
        int n = v.officeWords(words);
        if (n == 0 || n + 1 >= words.size() || !OFFICE_OF.contains(words.get(n).toLowerCase(java.util.Locale.ROOT))) return null;
        int body = n + 1;
        if (body + 1 < words.size() && ARTICLES.contains(words.get(body).toLowerCase(java.util.Locale.ROOT))) body++;
        String rest = tidy(String.join(" ", words.subList(body, words.size())));
        // the body is a name: it opens with a capital or a digit ("of 350Example.org" too)
        if (rest.isEmpty() || !(Character.isUpperCase(rest.codePointAt(0)) || Character.isDigit(rest.codePointAt(0)))) return null;
        return new String[] {String.join(" ", words.subList(0, n)), rest};
    }

    private static Signer named(String name, Signer.Kind kind, String acronym, String location, String affiliation, String raw) {
        name = tidy(name);
        if (name.isEmpty()) return null;
        if (affiliation != null && affiliation.isBlank()) affiliation = null;
        return new Signer(name, kind, acronym, location, affiliation, null, raw == null || raw.equals(name) ? null : raw);
    }

    static String tidy(String s) {
        String t = s.strip();
        if (hasRunOfSpaces(t)) t = WHITESPACE.matcher(t).replaceAll(" ");
        int start = 0, end = t.length();
        while (start < end && LEADING_JUNK.indexOf(t.charAt(start)) >= 0) start++;
        while (end > start && TRAILING_JUNK.indexOf(t.charAt(end - 1)) >= 0) end--;
        t = t.substring(start, end);
        // the one full stop the pattern can take is the last character: tried there alone, the text before it in sight
        if (t.endsWith(".") && TRAILING_DOT.matcher(t).region(t.length() - 1, t.length()).useTransparentBounds(true).find()) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip();
    }

    private static boolean hasRunOfSpaces(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ' && Character.isWhitespace(c)) return true;
            if (c == ' ' && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) return true;
        }
        return false;
    }

    static int words(String s) {
        String t = s.strip();
        if (t.isEmpty()) return 0;
        int n = 1;
        for (int i = 1; i < t.length(); i++) if (Character.isWhitespace(t.charAt(i)) && !Character.isWhitespace(t.charAt(i - 1))) n++;
        return n;
    }
}
