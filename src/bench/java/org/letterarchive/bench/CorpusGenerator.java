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

    /** A generated letter: its file name, its text, and the analysis it should yield. */
    public record GeneratedLetter(int index, String fileName, String text, Letter truth) {
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
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        boolean es = rnd.nextInt(100) < 45;
        String lang = es ? "es" : "en";
        LocalDate date = FIRST_DATE.plusDays(rnd.nextLong(LAST_DATE.toEpochDay() - FIRST_DATE.toEpochDay() + 1));
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
        List<String> sentences = es ? Vocabulary.ES_SENTENCES : Vocabulary.EN_SENTENCES;
        int paragraphs = 5 + rnd.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            int n = 2 + rnd.nextInt(4);
            for (int s = 0; s < n; s++) {
                if (s > 0) t.append(' ');
                t.append(fill(pick(rnd, sentences), rnd, topic, place, official, institution));
            }
            t.append("\n\n");
        }
        t.append(pick(rnd, es ? Vocabulary.ES_CLOSINGS : Vocabulary.EN_CLOSINGS)).append('\n');

        List<Signer> signers = signers(rnd);
        for (Signer s : signers) t.append(s.raw() != null ? s.raw() : s.name()).append('\n');

        String text = t.toString();
        String file = String.format("letter-%07d.txt", i + 1);
        Letter truth = new Letter(LetterId.of(text.getBytes(StandardCharsets.UTF_8)), file, "text/plain", lang, title,
                date, "text", recipients, signers, signers.size(), text, List.of());
        return new GeneratedLetter(i, file, text, truth);
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
