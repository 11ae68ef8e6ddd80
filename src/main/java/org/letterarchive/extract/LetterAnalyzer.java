package org.letterarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.letterarchive.extract.LineLabeller.Labelled;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Assessment;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Finds the parts of a letter in parsed text. The trained {@link LineLabeller} tags every line (title,
 * date, addressee, signer, ...); general grammar then reads each tagged line: dates by
 * {@link Dates}, signer entries by {@link SignerParser}, addressees by {@link RecipientFinder}. Where the
 * model tags no date or title line, the front matter and the file's metadata give them.
 * Thread-safe; build one and reuse it (the language and line models load once).
 */
public final class LetterAnalyzer {

    /** languages whose numeric dates are written day first */
    private static final Set<String> DAY_FIRST = Set.of("es", "pt", "fr", "it", "de", "nl", "ca", "gl");
    private static final int HEAD_SEARCH = 80;
    /** a line of running text, for the language detector: longer than most names, addresses and headings */
    private static final int RUNNING_TEXT = 60;
    /** "listed for identification only", "in a personal capacity": the people below sign for themselves */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)\\b(?:identification (?:purposes )?only|for identification|personal capacity|individual capacity|"
            + "solo con fines de identificaci[oó]n|a t[ií]tulo personal|[àa] titre personnel|a t[ií]tulo individual)\\b");
    private static final Pattern ON_BEHALF = Pattern.compile(
            "(?i)\\b(?:on behalf of|en nombre de|en representaci[oó]n de|au nom de|em nome de|im namen)\\b");

    /** below this confidence a part goes to the review queue */
    public static final double UNSURE = 0.6;
    /** how far the rules' own finds are trusted, by where a date came from */
    private static final java.util.Map<String, Double> RULE_CONFIDENCE = java.util.Map.of("text", 0.7, "front-matter", 0.8, "file-metadata", 0.4);

    private static final double RULE_RECIPIENT = 0.65;
    /** how far above the greeting people named are taken as addressees */
    private static final int NAMES_ABOVE_GREETING = 15;
    /** how sure a title is when a heading names the letter, or when the page was published under it */
    private static final double NAMING_TITLE = 0.9, PUBLISHED_TITLE = 0.8;

    private final LanguageDetector languages = new LanguageDetector();
    private final LineLabeller labeller;

    public LetterAnalyzer() {
        this(LineLabeller.shipped());
    }

    public LetterAnalyzer(LineLabeller labeller) {
        this.labeller = labeller;
    }

    /** The lines the analysis reads: the body after any front matter, cleaned. */
    public static List<Line> lines(ParsedDocument doc) {
        return lines(doc, FrontMatter.read(doc.text()));
    }

    private static List<Line> lines(ParsedDocument doc, FrontMatter front) {
        return TextLines.of(doc.text().substring(front.bodyStart()));
    }

    /**
     * What the language detector reads: the first {@code chars} characters of the letter's running text (its lines of
     * {@value #RUNNING_TEXT} characters or more, one under another), or of all its lines when it has none. Names,
     * addresses and headings say little of a language and dilute the function words.
     */
    static String languageSample(List<Line> lines, int chars) {
        String sample = head(lines, chars, RUNNING_TEXT);
        return sample.isEmpty() ? head(lines, chars, 0) : sample;
    }

    /** The first {@code chars} characters of the clean text of the lines at least {@code shortest} long, one under another. */
    static String head(List<Line> lines, int chars, int shortest) {
        StringBuilder out = new StringBuilder(Math.min(chars, 4_096));
        for (Line l : lines) {
            if (l.clean().length() < shortest) continue;
            if (out.length() > 0) out.append('\n');
            if (out.length() >= chars) break;
            out.append(l.clean(), 0, Math.min(l.clean().length(), chars - out.length()));
        }
        out.setLength(Math.min(out.length(), chars));
        return out.toString();
    }

    public Letter analyze(ParsedDocument doc, String id, String fileName) {
        FrontMatter front = FrontMatter.read(doc.text());
        List<Line> lines = lines(doc, front);
        String language = languages.detect(languageSample(lines, LanguageDetector.READ));
        boolean dayFirst = language != null && DAY_FIRST.contains(language);
        int salutation = Salutation.find(lines, 0, HEAD_SEARCH);
        Labelled labelled = withNamesAboveGreeting(lines, salutation, withToBlock(lines, labeller.label(lines)));

        SignerEntries entries = SignerEntries.read(lines, labelled);
        List<Signer> signers = withCapacity(lines, entries);
        int blockStart = entries.firstLine();

        DateFinder.Result date = taggedDate(lines, labelled, dayFirst);
        double dateConfidence = date == null ? 0 : labelled.confidence()[date.lineIndex()];
        if (date == null) {
            date = DateFinder.find(lines, blockStart, dayFirst, front, doc);
            dateConfidence = date.date() == null ? 0 : RULE_CONFIDENCE.getOrDefault(date.source(), 0.5);
        }
        // the title: a heading that names the letter or opens the letter a page quotes, else the title the page was published under, else
        // the line the model tags, else the grammar's subject line or headline, else the document's heading
        int end = blockStart >= 0 ? blockStart : lines.size();
        TitleFinder.Result title = TitleFinder.namingHeading(lines, date.lineIndex(), end);
        // a page quoting the letter in full under a sentence announcing it: the letter's heading over the page's title
        if (title == null) title = TitleFinder.announcedHeading(lines, end);
        double titleConfidence = title == null ? 0 : NAMING_TITLE;
        String published = title == null ? TitleFinder.frontMatterTitle(front, doc) : null;
        if (published != null) {
            title = new TitleFinder.Result(published, -1);
            titleConfidence = PUBLISHED_TITLE;
        }
        if (title == null) {
            title = taggedTitle(lines, labelled);
            titleConfidence = title == null ? 0 : labelled.confidence()[title.lineIndex()];
        }
        if (title == null) {
            title = TitleFinder.find(lines, date.lineIndex(), salutation, blockStart, front, doc);
            titleConfidence = title.title() == null ? 0 : title.lineIndex() < 0 ? 0.8 : 0.5;
        }
        // the addressees a letter sent as e-mail names in its headers come first among those the grammar reads
        List<Recipient> ruled = new ArrayList<>(RecipientFinder.mailed(doc));
        ruled.addAll(RecipientFinder.find(lines, salutation, date.lineIndex(), title.lineIndex(), title.title(), blockStart));
        List<Recipient> recipients = recipients(RecipientFinder.tagged(lines, labelled), ruled, RecipientFinder.greeted(lines, salutation));
        // with no addressee in the letter, the one its title names ("Open letter to X")
        if (recipients.isEmpty()) recipients = recipients(List.of(), RecipientFinder.namedInTitle(title.title()), List.of());
        Assessment assessment = assess(titleConfidence, dateConfidence, date, recipients, signers, salutation >= 0);
        return new Letter(id, fileName, doc.mediaType(), language, title.title(), date.date(), date.source(),
                recipients, signers, entries.signerCount(), doc.text(), doc.warnings(), assessment);
    }

    /**
     * The addressees: those the model tags, joined by those the grammar reads from the greeting, a "To:"
     * block, the address block or the title; one found both ways is kept once, as the model tagged it,
     * except that a body the address block names wins over the group the greeting names for it.
     */
    static List<Recipient> recipients(List<Recipient> tagged, List<Recipient> ruled, List<Recipient> greeted) {
        Folds folds = new Folds();
        java.util.Set<String> greetedLabels = new java.util.HashSet<>();
        for (Recipient g : greeted) greetedLabels.add(folds.of(g.label()));
        List<Recipient> out = new ArrayList<>();
        for (Recipient r : tagged) {
            // an addressee written twice (an address block repeated on a second page) is one addressee
            if (!named(r, tagged, folds) && out.stream().noneMatch(o -> folds.of(o.label()).equals(folds.of(r.label())))) out.add(r);
        }
        for (Recipient r : ruled) {
            String k = folds.of(r.label());
            java.util.Set<String> words = folds.words(r);
            // "Mayor Doe" in the greeting is "Jane Doe, Mayor" of the address block
            boolean known = out.stream().anyMatch(t -> {
                String f = folds.of(t.label());
                if (f.equals(k)) return true;
                // offices addressed as such are one only when written alike ("Consul" is not the "Deputy Consul")
                if (r.name() == null || t.name() == null) return false;
                if (!k.isEmpty() && (f.contains(k) || k.contains(f))) return true;
                if (folds.words(t).containsAll(words)) return true;
                // "INE" of the title is the "Instituto Nacional de Estadística" of the address
                if (RecipientFinder.isAcronymOf(r.label(), t.label())) return true;
                // "Deputy Director Roe" of the greeting is "Jane Roe" of the address block
                return r.name() != null && t.name() != null && SignerParser.words(r.name()) <= 4 && SignerParser.words(t.name()) >= 2
                        && folds.lastWord(r.name()).equals(folds.lastWord(t.name())) && folds.lastWord(r.name()).length() > 2;
            });
            // a group greeted ("Members of the Council") where the addressees are named one by one is those people
            boolean group = r.role() == null && !RecipientFinder.isPerson(r) && out.stream().filter(t -> t.role() != null && RecipientFinder.isPerson(t)).count() >= 2;
            if (known && r.role() == null && r.name() != null && !RecipientFinder.isPerson(r) && !greetedLabels.contains(k)) {
                // the body as the address block writes it ("X House") over the group the greeting names ("Dear Members of the X House")
                for (int j = 0; j < out.size(); j++) {
                    Recipient t = out.get(j);
                    if (t.role() == null && t.name() != null && !RecipientFinder.isPerson(t) && greetedLabels.contains(folds.of(t.label()))
                            && folds.lastWord(t.name()).equals(folds.lastWord(r.name()))) {
                        out.set(j, r.withConfidence(t.confidence()));
                    }
                }
            }
            if (!known && !group) {
                out.add(r.withConfidence(RULE_RECIPIENT));
            } else if (r.role() == null && r.name() != null) {
                // the model tagged a piece of the body the grammar read whole ("... Y" of "to X and Y"): the whole is the addressee
                for (int j = 0; j < out.size(); j++) {
                    Recipient t = out.get(j);
                    String f = folds.of(t.label());
                    if (t.role() == null && t.name() != null && k.length() > f.length() && k.endsWith(" " + f)) out.set(j, r.withConfidence(t.confidence()));
                }
            } else if (r.role() != null && r.name() != null) {
                // the grammar read the office under a name the model tagged alone
                for (int j = 0; j < out.size(); j++) {
                    Recipient t = out.get(j);
                    if (t.role() == null && t.name() != null && folds.of(t.name()).equals(folds.of(r.name()))) {
                        out.set(j, new Recipient(t.name(), r.role(), r.organization(), t.cc(), t.confidence()));
                    } else if (t.name() != null && folds.of(r.name()).startsWith(folds.of(t.name()) + " ")) {
                        // the grammar read the whole address line the model's block cut short ("The Hon. Jane Doe" of "The Hon. Jane Doe MP")
                        out.set(j, new Recipient(r.name(), r.role(), r.organization(), t.cc(), t.confidence()));
                    }
                }
            }
        }
        // a line the model cut from a grid of addressees ("Region A Region B" under "Minister / Minister") whose
        // words are all in the offices read for the addressees beside it is part of those offices
        out.removeIf(r -> r.role() == null && r.name() != null && !RecipientFinder.honorificStart(r.name()) && SignerParser.words(r.name()) >= 2
                && inOthersRoles(r, out, folds));
        return out;
    }

    /** True when every word of the addressee's name is in the offices of the other addressees. */
    private static boolean inOthersRoles(Recipient r, List<Recipient> all, Folds folds) {
        java.util.Set<String> roleWords = new java.util.HashSet<>();
        for (Recipient o : all) {
            if (o != r && o.role() != null) roleWords.addAll(List.of(folds.of(o.role()).split(" ")));
        }
        return !roleWords.isEmpty() && roleWords.containsAll(List.of(folds.of(r.name()).split(" ")));
    }

    /** True when another addressee names the same person more fully: "Dr. Doe" of the greeting is "Dr. Jane Doe, Minister". */
    private static boolean named(Recipient r, List<Recipient> all, Folds folds) {
        if (r.name() == null) return false;
        java.util.Set<String> words = words(r.name(), null);
        for (Recipient o : all) {
            if (o == r || o.name() == null || o.name().length() <= r.name().length()) continue;
            if (folds.words(o).containsAll(words) && !folds.of(o.name()).equals(folds.of(r.name()))) return true;
        }
        return false;
    }

    /** The folded words of a name and a role. */
    private static java.util.Set<String> words(String name, String role) {
        return new java.util.HashSet<>(List.of(Annotations.fold((name == null ? "" : name) + " " + (role == null ? "" : role)).split(" ")));
    }

    /** The foldings of one letter's addressees, each made once however often the addressees are compared. */
    private static final class Folds {
        private final java.util.Map<String, String> folded = new java.util.HashMap<>();
        private final java.util.Map<Recipient, java.util.Set<String>> words = new java.util.IdentityHashMap<>();

        String of(String s) {
            return s == null ? Annotations.fold(null) : folded.computeIfAbsent(s, Annotations::fold);
        }

        /** The folded words of a recipient's name and role. */
        java.util.Set<String> words(Recipient r) {
            return words.computeIfAbsent(r, x -> LetterAnalyzer.words(x.name(), x.role()));
        }

        String lastWord(String s) {
            String f = of(s);
            return f.substring(f.lastIndexOf(' ') + 1);
        }
    }

    /** How sure the analysis is of each part, and why a curator should look. */
    private static Assessment assess(double title, double date, DateFinder.Result dateFound, List<Recipient> recipients,
                                     List<Signer> signers, boolean greeting) {
        List<String> doubts = new ArrayList<>();
        Double leastRecipient = recipients.stream().map(Recipient::confidence).filter(c -> c != null).min(Double::compare).orElse(null);
        Double leastSigner = signers.stream().map(Signer::confidence).filter(c -> c != null).min(Double::compare).orElse(null);
        if (signers.isEmpty() && (greeting || !recipients.isEmpty())) doubts.add("no signer found in a letter with an addressee");
        long unsureSigners = signers.stream().filter(s -> s.confidence() != null && s.confidence() < UNSURE).count();
        if (unsureSigners > 0) doubts.add(unsureSigners + (unsureSigners == 1 ? " signer" : " signers") + " uncertain");
        long unsureRecipients = recipients.stream().filter(r -> r.confidence() != null && r.confidence() < UNSURE).count();
        if (unsureRecipients > 0) doubts.add(unsureRecipients + (unsureRecipients == 1 ? " recipient" : " recipients") + " uncertain");
        if (dateFound.date() == null) doubts.add("no date found");
        else if (date < UNSURE) doubts.add("date uncertain (" + dateFound.source() + ")");
        if (title == 0) doubts.add("no title found");
        return new Assessment(title, date, leastRecipient, leastSigner, doubts);
    }

    /** The lines of a "To:" block name addressees, whatever the model makes of them: that is the block's grammar. */
    private static Labelled withToBlock(List<Line> lines, Labelled labelled) {
        java.util.BitSet block = RecipientFinder.toBlockLines(lines, HEAD_SEARCH);
        if (block.isEmpty()) return labelled;
        Tag[] tags = labelled.tags().clone();
        for (int i = block.nextSetBit(0); i >= 0; i = block.nextSetBit(i + 1)) {
            if (tags[i] == Tag.SIGNER || tags[i] == Tag.SIGNERS || tags[i] == Tag.DETAIL || tags[i] == Tag.CONTINUED) tags[i] = Tag.ADDRESSEE;
        }
        return new Labelled(tags, labelled.confidence());
    }

    /**
     * People named just above the greeting of a letter signed below it are its addressees, whatever the model
     * made of them: a letter is signed at its end ("Councilman Jane Doe" over "Dear Council:").
     */
    private static Labelled withNamesAboveGreeting(List<Line> lines, int greeting, Labelled labelled) {
        if (greeting < 0) return labelled;
        Tag[] tags = labelled.tags();
        boolean signedBelow = false;
        for (int i = greeting + 1; i < tags.length && !signedBelow; i++) signedBelow = tags[i] == Tag.SIGNER || tags[i] == Tag.SIGNERS;
        if (!signedBelow) return labelled;
        Tag[] out = null;
        for (int i = Math.max(0, greeting - NAMES_ABOVE_GREETING); i < greeting; i++) {
            if ((tags[i] == Tag.SIGNER || tags[i] == Tag.DETAIL || tags[i] == Tag.CONTINUED) && RecipientFinder.namesPerson(lines.get(i).clean())) {
                if (out == null) out = tags.clone();
                out[i] = Tag.ADDRESSEE;
            }
        }
        return out == null ? labelled : new Labelled(out, labelled.confidence());
    }

    /** The date of the line the model tags as the date, or null. */
    private static DateFinder.Result taggedDate(List<Line> lines, Labelled labelled, boolean dayFirst) {
        for (int i = 0; i < lines.size(); i++) {
            if (labelled.tags()[i] != Tag.DATE) continue;
            Dates.Found f = Dates.find(lines.get(i).clean(), dayFirst);
            if (f != null) return new DateFinder.Result(f.date(), "text", i);
        }
        return null;
    }

    private static TitleFinder.Result taggedTitle(List<Line> lines, Labelled labelled) {
        for (int i = 0; i < lines.size(); i++) {
            if (labelled.tags()[i] == Tag.TITLE) return new TitleFinder.Result(lines.get(i).clean(), i);
        }
        return null;
    }

    /** Whether {@link #PERSONAL} can match: one of its words, in any case, is in the line (a cheap test before the regex). */
    private static boolean mayBePersonal(String line) {
        String t = line.toLowerCase(java.util.Locale.ROOT);
        return t.contains("identif") || t.contains("capacity") || t.contains("tulo ") || t.contains("titre personnel");
    }

    /** People sign on behalf of their organisation unless the letter says affiliations are for identification only. */
    private static List<Signer> withCapacity(List<Line> lines, SignerEntries entries) {
        // a note for all the signers, not one signer's own entry ("Jane Roe (X), in a personal capacity")
        Set<String> entryLines = new java.util.HashSet<>();
        for (Signer s : entries.signers()) entryLines.add(s.raw() == null ? s.name() : s.raw());
        boolean personal = false;
        for (Line l : lines) {
            if (l.clean().length() < 300 && mayBePersonal(l.clean()) && PERSONAL.matcher(l.clean()).find()
                    && entryLines.stream().noneMatch(e -> l.clean().contains(e))) {
                personal = true;
                break;
            }
        }
        List<Signer> out = new ArrayList<>(entries.signers().size());
        for (Signer entry : entries.signers()) {
            Signer s = SignerParser.withOffice(entry);
            if (s.isOrganization() || s.affiliation() == null) {
                out.add(s);
            } else if (s.raw() != null && ON_BEHALF.matcher(s.raw()).find()) {
                out.add(s.withCapacity(Signer.Capacity.on_behalf));
            } else if (s.raw() != null && mayBePersonal(s.raw()) && PERSONAL.matcher(s.raw()).find()) {
                out.add(s.withCapacity(Signer.Capacity.personal));
            } else {
                out.add(s.withCapacity(personal ? Signer.Capacity.personal : Signer.Capacity.on_behalf));
            }
        }
        return out;
    }

}
