package org.letterarchive.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Generates realistic advocacy letters for benchmarks: English and Spanish letters composed from
 * template sentences, a power-law number of signers drawn (with popularity skew) from a pool of tens of
 * thousands of organizations, recipients from a pool of officials, dates over 25 years.
 *
 * <p>Deterministic: the same seed gives the same pools, and letter {@code i} depends only on the seed
 * and {@code i}, so letters can be generated in any order and in parallel. Instances are immutable and
 * thread-safe.
 */
public final class CorpusGenerator {

    public static final int DEFAULT_ORGANIZATIONS = 30_000;
    public static final int DEFAULT_OFFICIALS = 2_000;
    /** Largest number of signers of one letter. */
    public static final int MAX_SIGNERS = 900;
    static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2024, 12, 31);

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ES_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));
    private static final Set<String> MINOR_WORDS = Set.of("de", "del", "la", "las", "los", "el", "y", "e", "para",
            "por", "of", "for", "the", "and", "on", "a", "en");

    /** One organization of the pool, with the way its signature line is written. */
    public record Org(String name, String acronym, String location, String line) {}

    /** One official of the pool. */
    public record Official(String name, String role, boolean spanish) {}

    /**
     * A generated letter: its file name, its text, and the analysis it should yield; with families, the file
     * name of its family's earliest letter and its relation to it (earliest, same, version, translation,
     * campaign copy).
     */
    public record GeneratedLetter(int index, String fileName, String text, Letter truth, String family, String relation) {
        public GeneratedLetter(int index, String fileName, String text, Letter truth) {
            this(index, fileName, text, truth, fileName, "earliest");
        }

        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final long seed;
    private final List<Org> organizations;
    private final List<Official> officials;
    private final List<Official> englishOfficials;
    private final List<Official> spanishOfficials;

    public CorpusGenerator(long seed) {
        this(seed, DEFAULT_ORGANIZATIONS, DEFAULT_OFFICIALS);
    }

    public CorpusGenerator(long seed, int organizationCount, int officialCount) {
        if (organizationCount < 10 || officialCount < 2) throw new IllegalArgumentException("pools too small");
        this.seed = seed;
        SplittableRandom rnd = new SplittableRandom(seed);
        this.organizations = List.copyOf(buildOrganizations(rnd.split(), organizationCount));
        this.officials = List.copyOf(buildOfficials(rnd.split(), Math.max(2, officialCount)));
        this.englishOfficials = officials.stream().filter(o -> !o.spanish()).toList();
        this.spanishOfficials = officials.stream().filter(Official::spanish).toList();
    }

    public long seed() {
        return seed;
    }

    public List<Org> organizations() {
        return organizations;
    }

    /** Letter number {@code i} (0-based) of this seed's corpus, as plain text. */
    public GeneratedLetter letter(int i) {
        return compose(i, i, null);
    }

    /** How a family member differs from its family's earliest letter. */
    record Variation(String relation, boolean flipLanguage, int days, List<Signer> signers, int changedParagraph,
                     String changedText, String intro) {}

    private SplittableRandom rndOf(int i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    }

    /**
     * Letter {@code i} of a corpus with letter families: most letters stand alone; about 5 % are versions of a
     * letter shortly before (signers added and removed, a paragraph rewritten), 3 % its rendering in the other
     * language, 1 % the same letter re-sent; and every block of 1,000 letters holds a campaign: its first letter
     * and about 150 copies of it with other signers, some with a sentence of their own.
     */
    public GeneratedLetter familyLetter(int i) {
        int block = i / 1000 * 1000;
        long h = Math.floorMod(mixIndex(i), 1000);
        if (i != block && h < 150) {
            SplittableRandom r = rndOf(i ^ 0x5bd1e995);
            List<Signer> own = r.nextInt(100) < 70 ? List.of(citizen(r)) : signers(r).subList(0, 1);
            String intro = r.nextInt(100) < 25 ? pick(r, CAMPAIGN_INTROS).replace("{place}", pick(r, Vocabulary.PLACES)) : null;
            return compose(i, block, new Variation("campaign copy", false, 1 + r.nextInt(40), own, -1, null, intro));
        }
        if (h >= 150 && h < 240 && i != block) {
            int parent = i - 1 - (int) Math.floorMod(mixIndex(i + 7_777_777), 40);
            while (parent >= 0 && !isPlain(parent)) parent--;
            if (parent >= 0) {
                SplittableRandom r = rndOf(i ^ 0x27d4eb2d);
                if (h < 200) {
                    List<Signer> base = compose(parent, parent, null).truth().signers();
                    List<Signer> changed = new ArrayList<>();
                    for (Signer s : base) if (base.size() < 3 || r.nextInt(100) >= 15) changed.add(s);
                    for (Signer s : signers(r)) if (changed.size() < base.size() + 12 && !changed.contains(s)) changed.add(s);
                    return compose(i, parent, new Variation("version", false, 7 + r.nextInt(54), changed,
                            r.nextInt(100) < 60 ? r.nextInt(5) : -1, null, null));
                }
                if (h < 230) return compose(i, parent, new Variation("translation", true, 1 + r.nextInt(14), null, -1, null, null));
                return compose(i, parent, new Variation("same", false, 1 + r.nextInt(20), null, -1, null, null));
            }
        }
        return compose(i, i, null);
    }

    private boolean isPlain(int j) {
        long h = Math.floorMod(mixIndex(j), 1000);
        return j % 1000 == 0 || h >= 240;
    }

    private long mixIndex(int i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final List<String> CAMPAIGN_INTROS = List.of("As a resident of {place}, I add my voice to this letter.",
            "I write as a parent and a neighbour of {place}.", "Please read this letter as my own personal request.");

    private Signer citizen(SplittableRandom r) {
        String person = pick(r, Vocabulary.FIRST_NAMES) + " " + pick(r, Vocabulary.LAST_NAMES) + " " + pick(r, Vocabulary.LAST_NAMES);
        return new Signer(person, Signer.Kind.person, null, null, null, null, null);
    }

    /** Letter {@code i} written from letter {@code root}'s random stream, varied as {@code v} says (null: none). */
    private GeneratedLetter compose(int i, int root, Variation v) {
        SplittableRandom rnd = rndOf(root);
        boolean es = rnd.nextInt(100) < 45;
        if (v != null && v.flipLanguage()) es = !es;
        String lang = es ? "es" : "en";
        LocalDate date = FIRST_DATE.plusDays(rnd.nextLong(LAST_DATE.toEpochDay() - FIRST_DATE.toEpochDay() + 1));
        if (v != null) date = date.plusDays(v.days());
        String topic = pick(rnd, es ? Vocabulary.ES_TOPICS : Vocabulary.EN_TOPICS);
        String place = pick(rnd, Vocabulary.PLACES);
        String institution = pick(rnd, es ? Vocabulary.ES_INSTITUTIONS : Vocabulary.EN_INSTITUTIONS);

        List<Recipient> recipients = new ArrayList<>();
        int nRecipients = 1 + (rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(10) < 6 ? 1 : 2 + rnd.nextInt(3));
        Set<Integer> seenOfficials = new LinkedHashSet<>();
        for (int r = 0; r < nRecipients; r++) {
            List<Official> pool = es ? spanishOfficials : englishOfficials;
            int o = rnd.nextInt(pool.size());
            if (!seenOfficials.add(o)) continue;
            Official off = pool.get(o);
            recipients.add(Recipient.of(off.name(), off.role()));
        }
        String official = recipients.get(0).name();

        String title = fill(pick(rnd, es ? Vocabulary.ES_TITLES : Vocabulary.EN_TITLES), rnd, topic, place, official, institution);
        String dateText = es ? ES_DATE.format(date) : EN_DATE.format(date);

        StringBuilder t = new StringBuilder(4096);
        boolean dateFirst = rnd.nextBoolean();
        if (dateFirst) t.append(dateText).append("\n\n").append(title).append("\n\n");
        else t.append(title).append("\n\n");
        t.append("To:\n");
        for (Recipient r : recipients) t.append(r.name()).append(", ").append(r.role()).append('\n');
        t.append('\n');
        if (!dateFirst) {
            String city = es ? pick(rnd, List.of("Ciudad de México", "San Cristóbal de las Casas", "Oaxaca de Juárez", "Tijuana"))
                    : pick(rnd, List.of("Washington, DC", "New York", "Tucson, Arizona", "Mexico City"));
            t.append(city).append(es ? ", a " : ", ").append(dateText).append("\n\n");
        }
        t.append(fill(pick(rnd, es ? Vocabulary.ES_SALUTATIONS : Vocabulary.EN_SALUTATIONS), rnd, topic, place, official, institution))
                .append("\n\n");
        if (v != null && v.intro() != null) t.append(v.intro()).append("\n\n");
        List<String> sentences = es ? Vocabulary.ES_SENTENCES : Vocabulary.EN_SENTENCES;
        int paragraphs = 5 + rnd.nextInt(8);
        SplittableRandom edit = v == null ? null : rndOf(i ^ 0x165667b1);
        for (int p = 0; p < paragraphs; p++) {
            int n = 2 + rnd.nextInt(4);
            StringBuilder para = new StringBuilder();
            for (int s = 0; s < n; s++) {
                if (s > 0) para.append(' ');
                para.append(fill(pick(rnd, sentences), rnd, topic, place, official, institution));
            }
            if (v != null && v.changedParagraph() == p) {
                // the version rewrites this paragraph (drawn from its own stream, so the base's stays in step)
                para.setLength(0);
                for (int s = 0; s < 3; s++) {
                    if (s > 0) para.append(' ');
                    para.append(fill(pick(edit, sentences), edit, topic, place, official, institution));
                }
            }
            t.append(para).append("\n\n");
        }
        t.append(pick(rnd, es ? Vocabulary.ES_CLOSINGS : Vocabulary.EN_CLOSINGS)).append('\n');

        List<Signer> signers = signers(rnd);
        if (v != null && v.signers() != null) signers = v.signers();
        for (Signer s : signers) t.append(s.raw() != null ? s.raw() : s.name()).append('\n');

        String text = t.toString();
        String file = String.format("letter-%07d.txt", i + 1);
        Letter truth = new Letter(LetterId.of(text.getBytes(StandardCharsets.UTF_8)), file, "text/plain", lang, title,
                date, "text", recipients, signers, signers.size(), text, List.of());
        return new GeneratedLetter(i, file, text, truth, String.format("letter-%07d.txt", root + 1),
                v == null ? "earliest" : v.relation());
    }

    /** A power-law number of signers (most 1–30, a few hundreds), popular organizations more often. */
    private List<Signer> signers(SplittableRandom rnd) {
        int count = signerCount(rnd);
        Set<Integer> chosen = new LinkedHashSet<>();
        List<Signer> out = new ArrayList<>(count);
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 4) {
            int idx = (int) (organizations.size() * Math.pow(rnd.nextDouble(), 2.5));
            if (!chosen.add(idx)) continue;
            Org org = organizations.get(idx);
            if (rnd.nextInt(100) < 8) {
                String person = pick(rnd, Vocabulary.FIRST_NAMES) + " " + pick(rnd, Vocabulary.LAST_NAMES);
                out.add(new Signer(person, Signer.Kind.person, null, null, org.name(), null, person + ", " + org.name()));
            } else {
                out.add(new Signer(org.name(), Signer.Kind.organization, org.acronym(), org.location(), null, null,
                        org.line().equals(org.name()) ? null : org.line()));
            }
        }
        return out;
    }

    static int signerCount(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble(); // (0, 1]
        double n = Math.floor(Math.pow(u, -1.0 / 1.05));
        return (int) Math.max(1, Math.min(MAX_SIGNERS, n));
    }

    private static String fill(String template, SplittableRandom rnd, String topic, String place, String official, String institution) {
        if (template.indexOf('{') < 0) return template;
        return template.replace("{topic}", topic).replace("{place}", place).replace("{official}", official)
                .replace("{institution}", institution)
                .replace("{year}", Integer.toString(2000 + rnd.nextInt(25)))
                .replace("{number}", Integer.toString(3 + rnd.nextInt(240)));
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static List<Org> buildOrganizations(SplittableRandom rnd, int count) {
        Set<String> names = new LinkedHashSet<>();
        List<Org> out = new ArrayList<>(count);
        int attempts = 0;
        while (out.size() < count) {
            if (++attempts > count * 50) throw new IllegalStateException("cannot build " + count + " distinct organization names");
            boolean es = rnd.nextInt(100) < 50;
            String form = pick(rnd, es ? Vocabulary.ES_ORG_FORMS : Vocabulary.EN_ORG_FORMS);
            String name = form.replace("{t}", pick(rnd, es ? Vocabulary.ES_ORG_TOPICS : Vocabulary.EN_ORG_TOPICS))
                    .replace("{p}", pick(rnd, Vocabulary.PLACES))
                    .replace("{f}", pick(rnd, Vocabulary.FOUNDERS));
            if (names.contains(name)) {
                // a second organization of the same kind: told apart by where it works, or by a founder's name
                name = rnd.nextBoolean() ? name + (es ? " de " : " of ") + pick(rnd, Vocabulary.PLACES)
                        : name + " \"" + pick(rnd, Vocabulary.FOUNDERS) + "\"";
                if (names.contains(name)) name = name + " " + pick(rnd, Vocabulary.PLACES);
            }
            if (names.contains(name)) continue;
            String suffix = rnd.nextInt(100) < 30 ? pick(rnd, es ? Vocabulary.ES_SUFFIXES : Vocabulary.EN_SUFFIXES) : null;
            String fullName = suffix == null ? name : name + (es || rnd.nextBoolean() ? " " : ", ") + suffix;
            if (!names.add(fullName)) continue;
            names.add(name);
            String acronym = rnd.nextInt(100) < 60 ? acronymOf(name) : null;
            String location = rnd.nextInt(100) < 35 ? pick(rnd, Vocabulary.LOCATIONS) : null;
            StringBuilder line = new StringBuilder(fullName);
            if (acronym != null) line.append(" (").append(acronym).append(')');
            if (location != null) line.append(rnd.nextBoolean() ? " – " : ", ").append(location);
            out.add(new Org(fullName, acronym, location, line.toString()));
        }
        return out;
    }

    static String acronymOf(String name) {
        StringBuilder a = new StringBuilder();
        for (String w : name.split("[\\s\"-]+")) {
            if (w.isEmpty() || MINOR_WORDS.contains(w.toLowerCase(Locale.ROOT))) continue;
            char c = w.charAt(0);
            if (Character.isLetter(c)) a.append(Character.toUpperCase(stripAccent(c)));
        }
        return a.length() >= 2 && a.length() <= 10 ? a.toString() : null;
    }

    private static char stripAccent(char c) {
        String s = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKD);
        return s.charAt(0);
    }

    private static List<Official> buildOfficials(SplittableRandom rnd, int count) {
        List<Official> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean es = i % 2 == 1;
            String name = pick(rnd, Vocabulary.FIRST_NAMES) + " " + pick(rnd, Vocabulary.LAST_NAMES)
                    + (es && rnd.nextBoolean() ? " " + pick(rnd, Vocabulary.LAST_NAMES) : "");
            out.add(new Official(name, pick(rnd, es ? Vocabulary.ES_ROLES : Vocabulary.EN_ROLES), es));
        }
        return out;
    }
}
