package org.letterarchive.bench;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Generated letters in every shape of signer list and addressee block the analysis has to read: signer lists
 * with and without a closing word, under group headings, bulleted, numbered, split by HTML {@code <br>} or
 * Markdown backslash line breaks, one person per paragraph, stacked name/title/organisation, in Markdown and
 * HTML tables, a single signer on letterhead, organisations with locations and acronyms, a comma-separated
 * paragraph, "and 40 others"; addressees in a {@code To:} block, stacked (also two side by side), with
 * {@code cc:} blocks, or only in the greeting; front matter in YAML, TOML and Pelican style; dates written in
 * several ways; letters in English, Spanish, Portuguese, French and German. Each letter comes with what the
 * analysis should find, in the form of the hand annotations ({@link Shaped#gold()}).
 *
 * <p>Letter {@code i} has signer shape {@code i mod 15} and addressee shape {@code (i / 15) mod 5}, so any 75
 * consecutive letters hold every pair; the rest (language, front matter, names) depends on the seed and
 * {@code i} only. Organisations come from the {@link CorpusGenerator}'s pool; every word is the benchmark's own
 * ({@link Vocabulary}).
 */
public final class LetterShapes {

    /** How the signers are written. */
    public enum SignerShape {
        closing_lines, no_closing, group_heading, bulleted, numbered, html_br, markdown_backslash, person_paragraphs,
        stacked_three_lines, table_name_category_year, table_number_name_country, letterhead_single, org_locations,
        comma_paragraph, and_others
    }

    /** How the addressees are written. */
    public enum AddresseeShape { to_block, stacked, side_by_side, cc_blocks, dear_x_and_y }

    /** The front matter of a Markdown letter; none for plain text and HTML. */
    public enum FrontMatter { none, yaml, toml, pelican }

    /** A generated letter with its shapes; {@code letter().fileName()} ends in .txt, .md or .html. */
    public record Shaped(CorpusGenerator.GeneratedLetter letter, SignerShape signerShape, AddresseeShape addresseeShape,
                         FrontMatter frontMatter, String dateStyle) {

        /** What the analysis should find, as the hand annotations write it (file, date, title, recipients, signers, language). */
        public Map<String, Object> gold() {
            return LetterShapes.gold(letter.fileName(), letter.truth(), this);
        }
    }

    private static final List<String> LANGUAGES = List.of("en", "en", "en", "es", "es", "pt", "fr", "de");
    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.ENGLISH, "es", Locale.forLanguageTag("es"),
            "pt", Locale.forLanguageTag("pt"), "fr", Locale.FRENCH, "de", Locale.GERMAN);

    private final CorpusGenerator generator;
    private final List<CorpusGenerator.Org> plainOrganizations;

    public LetterShapes(CorpusGenerator generator) {
        this.generator = generator;
        // organisations whose name holds no comma, for lists that separate names by commas
        this.plainOrganizations = generator.organizations().stream().filter(o -> o.name().indexOf(',') < 0).toList();
    }

    public static int shapeCount() {
        return SignerShape.values().length * AddresseeShape.values().length;
    }

    /** Letter number {@code i} (0-based). */
    public Shaped letter(int i) {
        SplittableRandom rnd = new SplittableRandom(generator.seed() * 0x9E3779B97F4A7C15L + 0x5EED + i);
        SignerShape ss = SignerShape.values()[i % SignerShape.values().length];
        AddresseeShape as = AddresseeShape.values()[(i / SignerShape.values().length) % AddresseeShape.values().length];
        String lang = pick(rnd, LANGUAGES);
        String ext = switch (ss) {
            case html_br, table_number_name_country -> "html";
            case markdown_backslash, table_name_category_year -> "md";
            default -> rnd.nextBoolean() ? "md" : "txt";
        };
        FrontMatter fm = ext.equals("md") ? FrontMatter.values()[1 + rnd.nextInt(3)] : FrontMatter.none;
        LocalDate date = CorpusGenerator.FIRST_DATE.plusDays(
                rnd.nextLong(CorpusGenerator.LAST_DATE.toEpochDay() - CorpusGenerator.FIRST_DATE.toEpochDay() + 1));
        String dateStyle = dateStyle(rnd, lang);
        String dateText = writeDate(date, dateStyle);
        String place = pick(rnd, Vocabulary.PLACES);
        String title = fill(pick(rnd, switch (lang) {
            case "es" -> Vocabulary.ES_TITLES;
            case "pt" -> Vocabulary.PT_TITLES;
            case "fr" -> Vocabulary.FR_TITLES;
            case "de" -> Vocabulary.DE_TITLES;
            default -> Vocabulary.EN_TITLES;
        }), rnd, lang, place);

        Doc d = new Doc();
        // letterhead first, then the date and the title
        CorpusGenerator.Org letterhead = ss == SignerShape.letterhead_single ? pick(rnd, plainOrganizations) : null;
        if (letterhead != null) {
            d.lines(List.of(letterhead.name(), pick(rnd, Vocabulary.STREETS), pick(rnd, Vocabulary.CITIES),
                    "Tel. +" + (10 + rnd.nextInt(89)) + " " + (1000000 + rnd.nextInt(8999999))));
        }
        boolean bodyDate = fm == FrontMatter.none || fm != FrontMatter.pelican && rnd.nextBoolean();
        if (fm == FrontMatter.none) d.heading(title);
        if (bodyDate) d.para(dateText);

        List<Recipient> recipients = addressees(d, rnd, as, lang);
        List<Signer> signers = new ArrayList<>();
        List<String> paragraphs = body(rnd, lang, place);
        for (String p : paragraphs) d.para(p);
        signers(d, rnd, ss, lang, letterhead, signers);
        // a cc: block after the signatures, where letters usually put it
        if (as == AddresseeShape.cc_blocks) {
            List<Recipient> cc = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) {
                Recipient r = official(rnd, lang, recipients, cc);
                cc.add(new Recipient(r.name(), r.role(), null, true));
            }
            List<String> lines = new ArrayList<>();
            boolean sameLine = rnd.nextBoolean();
            if (!sameLine) lines.add(rnd.nextBoolean() ? "cc:" : "CC:");
            for (int k = 0; k < cc.size(); k++) {
                String l = cc.get(k).name() + ", " + cc.get(k).role();
                lines.add(sameLine && k == 0 ? "cc: " + l : l);
            }
            d.lines(lines);
            recipients.addAll(cc);
        }

        String front = frontMatter(fm, title, date, dateText, lang, rnd);
        String text = switch (ext) {
            case "html" -> d.html(title, lang);
            case "md" -> front + d.markdown();
            default -> d.plain();
        };
        String file = String.format("letter-%07d.%s", i + 1, ext);
        String format = switch (ext) {
            case "html" -> "text/html";
            case "md" -> "text/markdown";
            default -> "text/plain";
        };
        Letter truth = new Letter(LetterId.of(text.getBytes(StandardCharsets.UTF_8)), file, format, lang, title, date,
                bodyDate ? "text" : "front-matter", recipients, signers, signers.size(), text, List.of());
        return new Shaped(new CorpusGenerator.GeneratedLetter(i, file, text, truth), ss, as, fm, dateStyle);
    }

    // --- addressees ---

    private List<Recipient> addressees(Doc d, SplittableRandom rnd, AddresseeShape shape, String lang) {
        List<Recipient> out = new ArrayList<>();
        switch (shape) {
            case to_block -> {
                int n = 1 + rnd.nextInt(4);
                List<String> lines = new ArrayList<>();
                lines.add(switch (lang) {
                    case "es" -> "A:";
                    case "pt" -> "Para:";
                    case "fr" -> "À :";
                    case "de" -> "An:";
                    default -> "To:";
                });
                for (int k = 0; k < n; k++) {
                    Recipient r = official(rnd, lang, out, List.of());
                    out.add(r);
                    lines.add(r.name() + ", " + r.role());
                }
                d.lines(lines);
            }
            case stacked, cc_blocks -> {
                int n = shape == AddresseeShape.stacked ? 1 + rnd.nextInt(3) : 1;
                for (int k = 0; k < n; k++) {
                    Recipient r = styled(rnd, lang, official(rnd, lang, out, List.of()));
                    out.add(r);
                    d.lines(stack(rnd, r));
                }
            }
            case side_by_side -> {
                Recipient a = styled(rnd, lang, official(rnd, lang, out, List.of()));
                out.add(a);
                Recipient b = styled(rnd, lang, official(rnd, lang, out, List.of()));
                out.add(b);
                d.sideBySide(stack(rnd, a), stack(rnd, b));
            }
            case dear_x_and_y -> {
                Recipient a = official(rnd, lang, out, List.of());
                Recipient b = official(rnd, lang, List.of(a), List.of());
                String[] t = switch (lang) {
                    case "es" -> new String[] {"Secretaria", "Senador", "Diputada", "Embajador"};
                    case "pt" -> new String[] {"Ministra", "Senador", "Deputada", "Embaixador"};
                    case "fr" -> new String[] {"Madame", "Monsieur"};
                    case "de" -> new String[] {"Frau", "Herr"};
                    default -> new String[] {"Minister", "Senator", "Secretary", "Ambassador"};
                };
                String ta = t[rnd.nextInt(t.length)];
                String tb = t[rnd.nextInt(t.length)];
                String greeting = switch (lang) {
                    case "es" -> "Estimados " + ta + " " + a.name() + " y " + tb + " " + b.name() + ":";
                    case "pt" -> "Prezados " + ta + " " + a.name() + " e " + tb + " " + b.name() + ",";
                    case "fr" -> "Chère Madame " + a.name() + " et cher Monsieur " + b.name() + ",";
                    case "de" -> "Sehr geehrte Frau " + a.name() + " und sehr geehrter Herr " + b.name() + ",";
                    default -> "Dear " + ta + " " + a.name() + " and " + tb + " " + b.name() + ",";
                };
                boolean roleWord = !lang.equals("fr") && !lang.equals("de");
                out.add(new Recipient(a.name(), roleWord ? ta : null, null, false));
                out.add(new Recipient(b.name(), roleWord ? tb : null, null, false));
                d.para(greeting);
                return out;
            }
        }
        d.para(switch (lang) {
            case "es" -> "Estimadas señoras y señores:";
            case "pt" -> "Prezados senhores,";
            case "fr" -> "Madame, Monsieur,";
            case "de" -> "Sehr geehrte Damen und Herren,";
            default -> "Dear Sir or Madam,";
        });
        return out;
    }

    /**
     * An addressee with the style written before the name on the address line ("The Hon. Jane Doe"); the
     * annotations keep the name as written there, style included.
     */
    private static Recipient styled(SplittableRandom rnd, String lang, Recipient r) {
        List<String> honorifics = switch (lang) {
            case "es" -> Vocabulary.ES_HONORIFICS;
            case "pt" -> Vocabulary.PT_HONORIFICS;
            case "fr" -> Vocabulary.FR_HONORIFICS;
            case "de" -> Vocabulary.DE_HONORIFICS;
            default -> Vocabulary.EN_HONORIFICS;
        };
        return Recipient.of(pick(rnd, honorifics) + " " + r.name(), r.role());
    }

    /** An address block: the styled name, the office, the street and the city. */
    private static List<String> stack(SplittableRandom rnd, Recipient r) {
        return List.of(r.name(), r.role(), pick(rnd, Vocabulary.STREETS), pick(rnd, Vocabulary.CITIES));
    }

    private Recipient official(SplittableRandom rnd, String lang, List<Recipient> taken, List<Recipient> alsoTaken) {
        List<String> roles = switch (lang) {
            case "es" -> Vocabulary.ES_ROLES;
            case "pt" -> Vocabulary.PT_ROLES;
            case "fr" -> Vocabulary.FR_ROLES;
            case "de" -> Vocabulary.DE_ROLES;
            default -> Vocabulary.EN_ROLES.stream().filter(r -> r.indexOf(',') < 0).toList();
        };
        Set<String> seen = new HashSet<>();
        for (Recipient r : taken) seen.add(r.name());
        for (Recipient r : alsoTaken) seen.add(r.name());
        while (true) {
            String name = person(rnd);
            if (seen.add(name)) return Recipient.of(name, pick(rnd, roles));
        }
    }

    private static String person(SplittableRandom rnd) {
        return pick(rnd, Vocabulary.FIRST_NAMES) + " " + pick(rnd, Vocabulary.LAST_NAMES);
    }

    // --- signers ---

    private void signers(Doc d, SplittableRandom rnd, SignerShape shape, String lang, CorpusGenerator.Org letterhead, List<Signer> out) {
        String closing = pick(rnd, switch (lang) {
            case "es" -> Vocabulary.ES_CLOSINGS;
            case "pt" -> Vocabulary.PT_CLOSINGS;
            case "fr" -> Vocabulary.FR_CLOSINGS;
            case "de" -> Vocabulary.DE_CLOSINGS;
            default -> Vocabulary.EN_CLOSINGS;
        });
        Set<String> names = new HashSet<>();
        switch (shape) {
            case closing_lines, no_closing, bulleted, numbered, html_br, markdown_backslash, and_others -> {
                if (shape != SignerShape.no_closing) d.para(closing);
                List<String> lines = new ArrayList<>();
                int n = count(rnd, 2, 60);
                for (int k = 0; k < n; k++) {
                    CorpusGenerator.Org o = organization(rnd, names, false);
                    if (rnd.nextInt(100) < 8) {
                        String p = distinctPerson(rnd, names);
                        out.add(new Signer(p, Signer.Kind.person, null, null, o.name(), null, p + ", " + o.name()));
                        lines.add(p + ", " + o.name());
                    } else {
                        out.add(orgSigner(o));
                        lines.add(o.line());
                    }
                }
                switch (shape) {
                    case bulleted -> d.bullets(lines, pick(rnd, List.of("- ", "* ", "• ")));
                    case numbered -> d.numbered(lines, rnd.nextBoolean() ? ". " : ") ");
                    case markdown_backslash -> d.backslashLines(lines);
                    default -> d.lines(lines);
                }
                if (shape == SignerShape.and_others) {
                    int more = 5 + rnd.nextInt(80);
                    d.para(switch (lang) {
                        case "es" -> "y " + more + " organizaciones más";
                        case "pt" -> "e mais " + more + " organizações";
                        case "fr" -> "et " + more + " autres organisations";
                        case "de" -> "und " + more + " weitere Organisationen";
                        default -> rnd.nextBoolean() ? "and " + more + " others" : "…and " + more + " other organizations";
                    });
                }
            }
            case group_heading -> {
                d.para(closing);
                d.para(pick(rnd, switch (lang) {
                    case "es" -> List.of("ORGANIZACIONES", "Organizaciones firmantes:", "Organizaciones Nacionales");
                    case "pt" -> List.of("ORGANIZAÇÕES", "Organizações signatárias:");
                    case "fr" -> List.of("ORGANISATIONS SIGNATAIRES", "Organisations :");
                    case "de" -> List.of("ORGANISATIONEN", "Unterzeichnende Organisationen:");
                    default -> List.of("ORGANIZATIONS", "National Organizations", "Signatory Organizations:");
                }));
                List<String> lines = new ArrayList<>();
                int n = count(rnd, 2, 40);
                for (int k = 0; k < n; k++) {
                    CorpusGenerator.Org o = organization(rnd, names, false);
                    out.add(orgSigner(o));
                    lines.add(o.line());
                }
                d.lines(lines);
                if (rnd.nextBoolean()) {
                    d.para(switch (lang) {
                        case "es" -> "PERSONAS";
                        case "pt" -> "PESSOAS";
                        case "fr" -> "PERSONNES";
                        case "de" -> "EINZELPERSONEN";
                        default -> rnd.nextBoolean() ? "INDIVIDUALS" : "Individual Signers";
                    });
                    List<String> people = new ArrayList<>();
                    int m = 1 + rnd.nextInt(8);
                    for (int k = 0; k < m; k++) {
                        String p = distinctPerson(rnd, names);
                        CorpusGenerator.Org o = pick(rnd, plainOrganizations);
                        out.add(new Signer(p, Signer.Kind.person, null, null, o.name(), null, p + ", " + o.name()));
                        people.add(p + ", " + o.name());
                    }
                    d.lines(people);
                }
            }
            case person_paragraphs -> {
                d.para(closing);
                int n = count(rnd, 2, 15);
                for (int k = 0; k < n; k++) {
                    String p = distinctPerson(rnd, names);
                    String title = pick(rnd, Vocabulary.PERSON_TITLES);
                    String uni = university(rnd);
                    out.add(new Signer(p, Signer.Kind.person, null, null, uni, title, p + ", " + title + ", " + uni));
                    d.para(p + ", " + title + ", " + uni);
                }
            }
            case stacked_three_lines -> {
                d.para(closing);
                int n = count(rnd, 2, 12);
                for (int k = 0; k < n; k++) {
                    String p = distinctPerson(rnd, names);
                    String title = pick(rnd, Vocabulary.PERSON_TITLES);
                    CorpusGenerator.Org o = pick(rnd, generator.organizations());
                    out.add(new Signer(p, Signer.Kind.person, null, null, o.name(), title, null));
                    d.lines(List.of(p, title, o.name()));
                }
            }
            case table_name_category_year -> {
                d.para(closing);
                List<List<String>> rows = new ArrayList<>();
                int n = count(rnd, 3, 40);
                String[] cat = switch (lang) {
                    case "es" -> new String[] {"Organización", "Persona"};
                    case "pt" -> new String[] {"Organização", "Pessoa"};
                    case "fr" -> new String[] {"Organisation", "Personne"};
                    case "de" -> new String[] {"Organisation", "Person"};
                    default -> new String[] {"Organization", "Individual"};
                };
                for (int k = 0; k < n; k++) {
                    String year = Integer.toString(1975 + rnd.nextInt(48));
                    if (rnd.nextInt(100) < 15) {
                        String p = distinctPerson(rnd, names);
                        out.add(new Signer(p, Signer.Kind.person, null, null, null, null, null));
                        rows.add(List.of(p, cat[1], year));
                    } else {
                        CorpusGenerator.Org o = organization(rnd, names, false);
                        out.add(new Signer(o.name(), Signer.Kind.organization, null, null, null, null, null));
                        rows.add(List.of(o.name(), cat[0], year));
                    }
                }
                d.table(switch (lang) {
                    case "es" -> List.of("Nombre", "Categoría", "Año");
                    case "pt" -> List.of("Nome", "Categoria", "Ano");
                    case "fr" -> List.of("Nom", "Catégorie", "Année");
                    case "de" -> List.of("Name", "Kategorie", "Jahr");
                    default -> List.of("Name", "Category", "Year");
                }, rows);
            }
            case table_number_name_country -> {
                d.para(closing);
                List<List<String>> rows = new ArrayList<>();
                int n = count(rnd, 3, 40);
                for (int k = 0; k < n; k++) {
                    CorpusGenerator.Org o = organization(rnd, names, false);
                    String loc = pick(rnd, Vocabulary.LOCATIONS);
                    String country = loc.contains(", ") ? loc.substring(loc.lastIndexOf(", ") + 2) : loc;
                    out.add(new Signer(o.name(), Signer.Kind.organization, null, country, null, null, null));
                    rows.add(List.of(Integer.toString(k + 1), o.name(), country));
                }
                d.table(switch (lang) {
                    case "es" -> List.of("N.º", "Organización", "País");
                    case "pt" -> List.of("N.º", "Organização", "País");
                    case "fr" -> List.of("N°", "Organisation", "Pays");
                    case "de" -> List.of("Nr.", "Organisation", "Land");
                    default -> List.of("#", "Organization", "Country");
                }, rows);
            }
            case letterhead_single -> {
                d.para(closing);
                String p = distinctPerson(rnd, names);
                String title = pick(rnd, List.of("Executive Director", "Director General", "Coordinadora General", "Presidente",
                        "Geschäftsführerin", "Directrice"));
                out.add(new Signer(p, Signer.Kind.person, null, null, letterhead.name(), title, null));
                d.lines(List.of(p, title, letterhead.name()));
            }
            case org_locations -> {
                d.para(closing);
                List<String> lines = new ArrayList<>();
                int n = count(rnd, 2, 40);
                for (int k = 0; k < n; k++) {
                    CorpusGenerator.Org o = organization(rnd, names, true);
                    String name = o.name();
                    String acr = CorpusGenerator.acronymOf(name);
                    String loc = pick(rnd, Vocabulary.LOCATIONS);
                    String city = pick(rnd, Vocabulary.CITY_NAMES);
                    int v = acr == null ? (rnd.nextBoolean() ? 0 : 1) : rnd.nextInt(5);
                    switch (v) {
                        case 0 -> {
                            lines.add(name + " – " + city);
                            out.add(new Signer(name, Signer.Kind.organization, null, city, null, null, lines.get(k)));
                        }
                        case 1 -> {
                            lines.add(name + " (" + loc + ")");
                            out.add(new Signer(name, Signer.Kind.organization, null, loc, null, null, lines.get(k)));
                        }
                        case 2 -> {
                            lines.add(name + " (" + acr + ")");
                            out.add(new Signer(name, Signer.Kind.organization, acr, null, null, null, lines.get(k)));
                        }
                        case 3 -> {
                            lines.add(name + " – " + acr);
                            out.add(new Signer(name, Signer.Kind.organization, acr, null, null, null, lines.get(k)));
                        }
                        default -> {
                            lines.add(name + " (" + acr + "), " + loc);
                            out.add(new Signer(name, Signer.Kind.organization, acr, loc, null, null, lines.get(k)));
                        }
                    }
                }
                d.lines(lines);
            }
            case comma_paragraph -> {
                d.para(switch (lang) {
                    case "es" -> "Firman:";
                    case "pt" -> "Assinam:";
                    case "fr" -> "Signataires :";
                    case "de" -> "Unterzeichnende:";
                    default -> rnd.nextBoolean() ? "Signed by:" : "Signatories:";
                });
                int n = count(rnd, 3, 15);
                StringBuilder p = new StringBuilder();
                String and = switch (lang) {
                    case "es" -> " y ";
                    case "pt" -> " e ";
                    case "fr" -> " et ";
                    case "de" -> " und ";
                    default -> " and ";
                };
                for (int k = 0; k < n; k++) {
                    CorpusGenerator.Org o = organization(rnd, names, true);
                    out.add(new Signer(o.name(), Signer.Kind.organization, null, null, null, null, null));
                    if (k > 0) p.append(k == n - 1 ? and : ", ");
                    p.append(o.name());
                }
                d.para(p.append('.').toString());
            }
        }
    }

    private static Signer orgSigner(CorpusGenerator.Org o) {
        return new Signer(o.name(), Signer.Kind.organization, o.acronym(), o.location(), null, null,
                o.line().equals(o.name()) ? null : o.line());
    }

    /** An organisation not yet among this letter's signers, popular ones more often. */
    private CorpusGenerator.Org organization(SplittableRandom rnd, Set<String> names, boolean plain) {
        List<CorpusGenerator.Org> pool = plain ? plainOrganizations : generator.organizations();
        while (true) {
            CorpusGenerator.Org o = pool.get((int) (pool.size() * Math.pow(rnd.nextDouble(), 2.5)));
            if (names.add(fold(o.name()))) return o;
        }
    }

    private static String distinctPerson(SplittableRandom rnd, Set<String> names) {
        while (true) {
            String p = person(rnd);
            if (names.add(fold(p))) return p;
        }
    }

    private static String university(SplittableRandom rnd) {
        return pick(rnd, Vocabulary.UNIVERSITY_FORMS).replace("{p}", pick(rnd, Vocabulary.CITY_NAMES));
    }

    /** Between min and max, most near min (a power law, as sign-on letters have). */
    private static int count(SplittableRandom rnd, int min, int max) {
        double u = 1.0 - rnd.nextDouble();
        return (int) Math.min(max, min - 1 + Math.floor(Math.pow(u, -1.0 / 1.05)));
    }

    // --- body, dates, front matter ---

    private static List<String> body(SplittableRandom rnd, String lang, String place) {
        List<String> sentences = switch (lang) {
            case "es" -> Vocabulary.ES_SENTENCES;
            case "pt" -> Vocabulary.PT_SENTENCES;
            case "fr" -> Vocabulary.FR_SENTENCES;
            case "de" -> Vocabulary.DE_SENTENCES;
            default -> Vocabulary.EN_SENTENCES;
        };
        List<String> out = new ArrayList<>();
        int paragraphs = 4 + rnd.nextInt(7);
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder b = new StringBuilder();
            int n = 2 + rnd.nextInt(4);
            for (int s = 0; s < n; s++) {
                if (s > 0) b.append(' ');
                b.append(fill(pick(rnd, sentences), rnd, lang, place));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String dateStyle(SplittableRandom rnd, String lang) {
        return switch (lang) {
            case "en" -> pick(rnd, List.of("en-mdy", "en-dmy", "iso"));
            case "es" -> rnd.nextInt(4) == 0 ? "iso" : "es";
            case "pt" -> rnd.nextInt(4) == 0 ? "iso" : "pt";
            case "fr" -> rnd.nextInt(4) == 0 ? "iso" : "fr";
            default -> rnd.nextInt(4) == 0 ? "iso" : "de";
        };
    }

    /** A date as a letter writes it: ISO, "September 14, 2018", "14 September 2018", "14 de septiembre de 2018", ... */
    static String writeDate(LocalDate date, String style) {
        return switch (style) {
            case "iso" -> date.toString();
            case "en-mdy" -> DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).format(date);
            case "en-dmy" -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date);
            case "es" -> DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", LOCALES.get("es")).format(date);
            case "pt" -> DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", LOCALES.get("pt")).format(date);
            case "fr" -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(date);
            case "de" -> DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN).format(date);
            default -> throw new IllegalArgumentException(style);
        };
    }

    private static String frontMatter(FrontMatter fm, String title, LocalDate date, String dateText, String lang, SplittableRandom rnd) {
        String fmDate = rnd.nextBoolean() ? date.toString() : dateText;
        String author = pick(rnd, Vocabulary.FIRST_NAMES) + " " + pick(rnd, Vocabulary.LAST_NAMES);
        return switch (fm) {
            case none -> "";
            case yaml -> "---\ntitle: \"" + title.replace("\"", "\\\"") + "\"\ndate: " + fmDate + "\nlang: " + lang
                    + "\nauthor: " + author + "\ntags: [carta, " + lang + "]\n---\n\n";
            case toml -> "+++\ntitle = \"" + title.replace("\"", "\\\"") + "\"\ndate = " + (fmDate.equals(date.toString()) ? fmDate : "\"" + fmDate + "\"")
                    + "\nlanguage = \"" + lang + "\"\ndraft = false\n+++\n\n";
            case pelican -> "Title: " + title + "\nDate: " + date + (rnd.nextBoolean() ? " 10:" + (10 + rnd.nextInt(50)) : "")
                    + "\nCategory: " + (lang.equals("en") ? "Letters" : "Cartas") + "\nLang: " + lang + "\nAuthor: " + author + "\n\n";
        };
    }

    private static String fill(String template, SplittableRandom rnd, String lang, String place) {
        if (template.indexOf('{') < 0) return template;
        boolean es = lang.equals("es");
        return template.replace("{topic}", pick(rnd, es ? Vocabulary.ES_TOPICS : Vocabulary.EN_TOPICS))
                .replace("{place}", place)
                .replace("{official}", person(rnd))
                .replace("{institution}", pick(rnd, es ? Vocabulary.ES_INSTITUTIONS : Vocabulary.EN_INSTITUTIONS))
                .replace("{year}", Integer.toString(2000 + rnd.nextInt(25)))
                .replace("{number}", Integer.toString(3 + rnd.nextInt(240)));
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** Case, accents and punctuation folded, as the scorer compares names. */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("&", " and ").replaceAll("[^\\p{L}\\p{N}_\\s]", " ").replaceAll("\\s+", " ").strip();
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    // --- the truth, as the hand annotations write it ---

    /** A letter's truth in the annotations' form; shape fields added when known. */
    public static Map<String, Object> gold(String file, Letter t, Shaped shape) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("file", file);
        g.put("date", t.date() == null ? null : t.date().toString());
        g.put("title", t.title());
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (Recipient r : t.recipients()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("role", r.role());
            if (r.cc()) m.put("cc", true);
            recipients.add(m);
        }
        g.put("recipients", recipients);
        List<Map<String, Object>> signers = new ArrayList<>();
        for (Signer s : t.signers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("kind", s.kind().name());
            m.put("acronym", s.acronym());
            m.put("location", s.location());
            if (s.affiliation() != null) m.put("affiliation", s.affiliation());
            if (s.title() != null) m.put("title", s.title());
            if (s.raw() != null) m.put("raw", s.raw());
            signers.add(m);
        }
        g.put("signers", signers);
        g.put("language", t.language());
        if (shape != null) {
            g.put("date_source", t.dateSource());
            g.put("signer_shape", shape.signerShape().name());
            g.put("addressee_shape", shape.addresseeShape().name());
            g.put("front_matter", shape.frontMatter().name());
            g.put("date_style", shape.dateStyle());
        }
        return g;
    }

    // --- the letter's blocks, written as plain text, Markdown or HTML ---

    private static final class Doc {
        private interface Block {}
        private record Heading(String text) implements Block {}
        private record Para(String text) implements Block {}
        private record Lines(List<String> lines, boolean backslash) implements Block {}
        private record List_(List<String> items, String marker, boolean numbered) implements Block {}
        private record Table(List<String> header, List<List<String>> rows) implements Block {}
        private record Side(List<String> left, List<String> right) implements Block {}

        private final List<Block> blocks = new ArrayList<>();

        void heading(String t) { blocks.add(new Heading(t)); }
        void para(String t) { blocks.add(new Para(t)); }
        void lines(List<String> l) { blocks.add(new Lines(l, false)); }
        void backslashLines(List<String> l) { blocks.add(new Lines(l, true)); }
        void bullets(List<String> l, String marker) { blocks.add(new List_(l, marker, false)); }
        void numbered(List<String> l, String marker) { blocks.add(new List_(l, marker, true)); }
        void table(List<String> header, List<List<String>> rows) { blocks.add(new Table(header, rows)); }
        void sideBySide(List<String> left, List<String> right) { blocks.add(new Side(left, right)); }

        String plain() {
            return text(false);
        }

        String markdown() {
            return text(true);
        }

        private String text(boolean md) {
            StringBuilder b = new StringBuilder(4096);
            for (Block block : blocks) {
                if (block instanceof Heading h) {
                    b.append(md ? "# " : "").append(h.text()).append('\n');
                } else if (block instanceof Para p) {
                    b.append(p.text()).append('\n');
                } else if (block instanceof Lines l) {
                    for (int k = 0; k < l.lines().size(); k++) {
                        b.append(l.lines().get(k));
                        if (l.backslash() && k < l.lines().size() - 1) b.append('\\');
                        b.append('\n');
                    }
                } else if (block instanceof List_ l) {
                    for (int k = 0; k < l.items().size(); k++) {
                        b.append(l.numbered() ? (k + 1) + l.marker() : l.marker()).append(l.items().get(k)).append('\n');
                    }
                } else if (block instanceof Table t) {
                    b.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                    for (int k = 0; k < t.header().size(); k++) b.append("---|");
                    b.append('\n');
                    for (List<String> row : t.rows()) b.append("| ").append(String.join(" | ", row)).append(" |\n");
                } else if (block instanceof Side s) {
                    int width = 8 + s.left().stream().mapToInt(String::length).max().orElse(0);
                    for (int k = 0; k < Math.max(s.left().size(), s.right().size()); k++) {
                        String l = k < s.left().size() ? s.left().get(k) : "";
                        String r = k < s.right().size() ? s.right().get(k) : "";
                        b.append(l).append(" ".repeat(width - l.length())).append(r).append('\n');
                    }
                }
                b.append('\n');
            }
            return b.toString();
        }

        String html(String title, String lang) {
            StringBuilder b = new StringBuilder(8192);
            b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(esc(title)).append("</title>\n</head>\n<body>\n<article>\n<h1>").append(esc(title)).append("</h1>\n");
            for (Block block : blocks) {
                if (block instanceof Para p) {
                    b.append("<p>").append(esc(p.text())).append("</p>\n");
                } else if (block instanceof Lines l) {
                    b.append("<p>").append(String.join("<br>\n", l.lines().stream().map(Doc::esc).toList())).append("</p>\n");
                } else if (block instanceof List_ l) {
                    b.append(l.numbered() ? "<ol>\n" : "<ul>\n");
                    for (String item : l.items()) b.append("<li>").append(esc(item)).append("</li>\n");
                    b.append(l.numbered() ? "</ol>\n" : "</ul>\n");
                } else if (block instanceof Table t) {
                    b.append("<table>\n<thead><tr>");
                    for (String h : t.header()) b.append("<th>").append(esc(h)).append("</th>");
                    b.append("</tr></thead>\n<tbody>\n");
                    for (List<String> row : t.rows()) {
                        b.append("<tr>");
                        for (String c : row) b.append("<td>").append(esc(c)).append("</td>");
                        b.append("</tr>\n");
                    }
                    b.append("</tbody>\n</table>\n");
                } else if (block instanceof Side s) {
                    b.append("<table><tr><td>").append(String.join("<br>", s.left().stream().map(Doc::esc).toList()))
                            .append("</td><td>").append(String.join("<br>", s.right().stream().map(Doc::esc).toList()))
                            .append("</td></tr></table>\n");
                } // a Heading is the title, written as the h1 above
            }
            return b.append("</article>\n</body>\n</html>\n").toString();
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
