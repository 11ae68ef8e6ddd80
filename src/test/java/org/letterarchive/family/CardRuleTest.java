package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;

/**
 * Detection passes over an indexed letter its card rules out, without reading its text: the card must never rule out
 * a letter the rules would tie to the new one. Checked on pairs of invented letters: versions (paragraphs added,
 * dropped or edited, signers changed), translations (the words replaced, numbers and names kept), and unrelated
 * letters written from a shared stock of sentences, as form letters are.
 */
class CardRuleTest {

    static final String[] WORDS = ("we the of to and in for on with by as an at from that this these those our your "
            + "minister rights water land people community law policy report public health children women workers "
            + "river forest mine company government council ask urge call stop protect ensure review respect support "
            + "consult request withdraw suspend publish open letter concern serious urgent decision project license").split(" ");
    static final String[] NAMES = {"Amazon Watch", "Friends of the Earth", "Oxfam", "Global Witness", "Human Rights Watch",
        "Amnesty International", "ActionAid", "Greenpeace", "Front Line Defenders", "CIVICUS", "Article 19", "Privacy International",
        "Centro de Derechos Humanos", "Red Nacional", "Colectivo Tierra", "Fundación Agua", "Observatorio Minero",
        "Servicios Jurídicos", "Alianza Costera", "Mesa Técnica", "Asociación Civil Sur", "Foro Ciudadano", "Comité Andino",
        "Coalición Norte", "Unión Campesina", "Frente Amplio", "Instituto Libre", "Consejo Regional", "Grupo de Apoyo", "Liga Verde"};

    final Random random = new Random(2026);
    final List<String> stock = new ArrayList<>();

    String sentence() {
        StringBuilder b = new StringBuilder();
        int n = 8 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            int r = random.nextInt(30);
            if (r == 0) b.append(1900 + random.nextInt(130));
            else if (r == 1) b.append(NAMES[random.nextInt(NAMES.length)].split(" ")[0]);
            else b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.append('.').toString();
    }

    record Draft(List<List<String>> paragraphs, List<String> signers, String language, LocalDate date) {
        Draft copy() {
            List<List<String>> ps = new ArrayList<>();
            for (List<String> p : paragraphs) ps.add(new ArrayList<>(p));
            return new Draft(ps, new ArrayList<>(signers), language, date);
        }

        Fingerprint print(String id) {
            StringBuilder b = new StringBuilder("Dear Minister,\n\n");
            for (List<String> p : paragraphs) b.append(String.join(" ", p)).append("\n\n");
            b.append("Sincerely,\n");
            signers.forEach(s -> b.append(s).append('\n'));
            return Fingerprint.of(id, b.toString(), signers, language, date);
        }
    }

    Draft letter() {
        List<List<String>> ps = new ArrayList<>();
        int n = 1 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            List<String> p = new ArrayList<>();
            int s = 1 + random.nextInt(4);
            for (int k = 0; k < s; k++) p.add(random.nextInt(3) > 0 ? stock.get(random.nextInt(stock.size())) : sentence());
            ps.add(p);
        }
        List<String> signers = new ArrayList<>();
        int m = random.nextInt(4) == 0 ? random.nextInt(25) : random.nextInt(4);
        for (int i = 0; i < m; i++) {
            String name = NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : " " + (char) ('A' + random.nextInt(26)));
            if (!signers.contains(name)) signers.add(name);
        }
        return new Draft(ps, signers, random.nextBoolean() ? "en" : "es", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(120)));
    }

    Draft version(Draft d) {
        Draft v = d.copy();
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(5)) {
                case 0 -> v.paragraphs().add(random.nextInt(v.paragraphs().size() + 1), new ArrayList<>(List.of(sentence(), sentence())));
                case 1 -> { if (v.paragraphs().size() > 1) v.paragraphs().remove(random.nextInt(v.paragraphs().size())); }
                case 2 -> { List<String> p = v.paragraphs().get(random.nextInt(v.paragraphs().size())); p.set(random.nextInt(p.size()), sentence()); }
                case 3 -> v.signers().add(NAMES[random.nextInt(NAMES.length)] + " " + random.nextInt(1000));
                default -> { if (!v.signers().isEmpty()) v.signers().remove(random.nextInt(v.signers().size())); }
            }
        }
        return new Draft(v.paragraphs(), v.signers(), random.nextInt(5) == 0 ? (d.language().equals("en") ? "es" : "en") : d.language(),
                d.date().plusDays(random.nextInt(30) - 10));
    }

    /** The same letter with its words replaced, its numbers and capitalised names kept, in the other language. */
    Draft translation(Draft d) {
        Draft t = d.copy();
        for (List<String> p : t.paragraphs()) {
            for (int i = 0; i < p.size(); i++) {
                StringBuilder b = new StringBuilder();
                for (String w : p.get(i).split(" ")) {
                    if (b.length() > 0) b.append(' ');
                    boolean keep = Character.isDigit(w.charAt(0)) || Character.isUpperCase(w.charAt(0));
                    b.append(keep ? w : "t" + w);
                }
                p.set(i, b.toString());
            }
        }
        if (random.nextInt(4) == 0 && t.paragraphs().size() > 1) {
            List<String> joined = t.paragraphs().remove(1);
            t.paragraphs().get(0).addAll(joined);
        }
        return new Draft(t.paragraphs(), t.signers(), d.language().equals("en") ? "es" : "en", d.date().plusDays(random.nextInt(20)));
    }

    @Test
    void theCardRulesOutNoLetterTheRulesWouldTie() {
        for (int i = 0; i < 40; i++) stock.add(sentence());
        int tied = 0, ruledOut = 0, untied = 0;
        for (int round = 0; round < 6000; round++) {
            Draft b = letter();
            Draft a = switch (round % 3) {
                case 0 -> version(b);
                case 1 -> translation(b);
                default -> letter();
            };
            Fingerprint fa = a.print("a"), fb = b.print("b");
            IndexSchema.FamilyCard card = IndexSchema.FamilyCard.read(
                    new IndexSchema.FamilyCard("b", "b", fb.language, fb.date, fb.shape()).bytes());
            for (boolean otherLanguage : new boolean[] {false, true}) {
                if (!Rules.couldLink(fa, fb.language, fb.date, otherLanguage)) continue;
                boolean may = Rules.mayLink(fa, card, otherLanguage);
                if (Rules.link(fa, fb) != null) {
                    tied++;
                    assertTrue(may, "round " + round + ": the card rules out a letter the rules tie");
                } else {
                    untied++;
                    if (!may) ruledOut++;
                }
            }
        }
        assertTrue(tied > 1000, "pairs tied: " + tied);
        assertTrue(ruledOut > untied / 2, "pairs ruled out by the card: " + ruledOut + " of " + untied + " not tied");
    }

    @Test
    void aCardReadsBackAsWritten() {
        byte[] filter = {1, -2, 3, 127, -128};
        IndexSchema.FamilyCard card = new IndexSchema.FamilyCard("2024-05-01-letter-ñ", "family-1", "es", LocalDate.of(2024, 5, 1),
                new IndexSchema.BodyShape(7, 120, 19, filter));
        IndexSchema.FamilyCard back = IndexSchema.FamilyCard.read(card.bytes());
        assertEquals(card.id(), back.id());
        assertEquals(card.family(), back.family());
        assertEquals("es", back.language());
        assertEquals(card.date(), back.date());
        assertEquals(7, back.shape().paragraphs());
        assertEquals(120, back.shape().signers());
        assertEquals(19, back.shape().shingles());
        assertArrayEquals(filter, back.shape().filter());
        IndexSchema.FamilyCard undated = IndexSchema.FamilyCard.read(
                new IndexSchema.FamilyCard("x", "x", null, null, new IndexSchema.BodyShape(0, 0, 0, new byte[0])).bytes());
        assertEquals(null, undated.language());
        assertEquals(null, undated.date());
    }
}
