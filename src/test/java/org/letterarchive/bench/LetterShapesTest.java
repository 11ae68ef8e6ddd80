package org.letterarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.letterarchive.bench.LetterShapes.AddresseeShape;
import org.letterarchive.bench.LetterShapes.FrontMatter;
import org.letterarchive.bench.LetterShapes.Shaped;
import org.letterarchive.bench.LetterShapes.SignerShape;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** Every shape is generated, and each letter's truth is written in its text (the generator cannot drop a shape). */
class LetterShapesTest {

    private static final LetterShapes SHAPES = new LetterShapes(new CorpusGenerator(11, 3_000, 50));
    /** two letters of every pair of signer and addressee shape */
    private static final List<Shaped> LETTERS = new ArrayList<>();

    static {
        for (int i = 0; i < 2 * LetterShapes.shapeCount(); i++) LETTERS.add(SHAPES.letter(i));
    }

    private static String text(Shaped s) {
        String t = s.letter().text();
        return s.letter().fileName().endsWith(".html") ? t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : t;
    }

    @Test
    void everyShapeDialectLanguageAndDateStyleOccurs() {
        Set<SignerShape> signers = EnumSet.noneOf(SignerShape.class);
        Set<AddresseeShape> addressees = EnumSet.noneOf(AddresseeShape.class);
        Set<FrontMatter> frontMatter = EnumSet.noneOf(FrontMatter.class);
        Set<String> languages = new HashSet<>();
        Set<String> dateStyles = new HashSet<>();
        Set<String> extensions = new HashSet<>();
        for (Shaped s : LETTERS) {
            signers.add(s.signerShape());
            addressees.add(s.addresseeShape());
            frontMatter.add(s.frontMatter());
            languages.add(s.letter().truth().language());
            dateStyles.add(s.dateStyle());
            String f = s.letter().fileName();
            extensions.add(f.substring(f.lastIndexOf('.') + 1));
        }
        assertEquals(EnumSet.allOf(SignerShape.class), signers);
        assertEquals(EnumSet.allOf(AddresseeShape.class), addressees);
        assertEquals(EnumSet.allOf(FrontMatter.class), frontMatter);
        assertEquals(Set.of("en", "es", "pt", "fr", "de"), languages);
        assertEquals(Set.of("iso", "en-mdy", "en-dmy", "es", "pt", "fr", "de"), dateStyles);
        assertEquals(Set.of("txt", "md", "html"), extensions);
    }

    @Test
    void everyTruthNameIsInTheRenderedText() {
        for (Shaped s : LETTERS) {
            Letter t = s.letter().truth();
            String text = text(s);
            String where = s.letter().fileName() + " (" + s.signerShape() + ", " + s.addresseeShape() + ")";
            assertTrue(!t.signers().isEmpty(), where);
            for (Signer g : t.signers()) assertTrue(text.contains(g.name()), where + " lacks signer " + g.name());
            assertTrue(!t.recipients().isEmpty(), where);
            for (Recipient r : t.recipients()) assertTrue(text.contains(r.name()), where + " lacks recipient " + r.name());
            assertTrue(text.contains(t.title()), where + " lacks its title");
            String written = LetterShapes.writeDate(t.date(), s.dateStyle());
            assertTrue(text.contains(written) || text.contains(t.date().toString()), where + " lacks its date " + written);
            // no signer twice (folded), so the scorer's one-to-one matching counts each once
            assertEquals(t.signers().size(), t.signers().stream().map(g -> LetterShapes.fold(g.name())).distinct().count(), where);
        }
    }

    @Test
    void eachShapeLooksTheWayItsNameSays() {
        for (Shaped s : LETTERS) {
            String text = s.letter().text();
            List<Signer> sig = s.letter().truth().signers();
            String first = sig.get(0).raw() != null ? sig.get(0).raw() : sig.get(0).name();
            String where = s.letter().fileName() + " " + s.signerShape();
            switch (s.signerShape()) {
                case bulleted -> assertTrue(Pattern.compile("(?m)^[-*•] " + Pattern.quote(first) + "$").matcher(text).find(), where);
                case numbered -> assertTrue(Pattern.compile("(?m)^1[.)] " + Pattern.quote(first) + "$").matcher(text).find(), where);
                case html_br -> assertTrue(s.letter().fileName().endsWith(".html") && text.contains("<br>"), where);
                case markdown_backslash -> assertTrue(s.letter().fileName().endsWith(".md") && (sig.size() == 1 || text.contains(first + "\\\n")), where);
                case table_name_category_year -> assertTrue(text.contains("|---|---|---|") && text.contains("| " + sig.get(0).name() + " | "), where);
                case table_number_name_country -> assertTrue(text.contains("<td>1</td><td>" + sig.get(0).name() + "</td>"), where);
                case letterhead_single -> {
                    assertEquals(1, sig.size(), where);
                    assertTrue(text.contains(sig.get(0).affiliation()), where);
                }
                case stacked_three_lines -> assertTrue(text.contains(sig.get(0).name() + "\n" + sig.get(0).title() + "\n" + sig.get(0).affiliation()), where);
                case person_paragraphs -> assertTrue(text.contains("\n\n" + first + "\n\n"), where);
                case comma_paragraph -> assertTrue(Pattern.compile("(and|y|e|et|und) " + Pattern.quote(sig.get(sig.size() - 1).name()) + "\\.")
                        .matcher(text).find(), where);
                case and_others -> assertTrue(Pattern.compile("(?m)^(…?and|y|e|et|und) (mais )?\\d+ ").matcher(text).find(), where);
                case no_closing -> assertTrue(text.contains(".\n\n" + first + "\n"), where);
                case org_locations -> assertTrue(sig.stream().allMatch(g -> g.acronym() != null || g.location() != null), where);
                default -> { }
            }
            switch (s.addresseeShape()) {
                case cc_blocks -> {
                    assertTrue(text.toLowerCase().contains("cc:"), where);
                    assertTrue(s.letter().truth().recipients().stream().anyMatch(Recipient::cc), where);
                }
                case side_by_side -> assertEquals(2, s.letter().truth().recipients().size(), where);
                case dear_x_and_y -> {
                    List<Recipient> r = s.letter().truth().recipients();
                    assertTrue(text.lines().anyMatch(l -> l.contains(r.get(0).name()) && l.contains(r.get(1).name())), where);
                }
                default -> { }
            }
            switch (s.frontMatter()) {
                case yaml -> assertTrue(text.startsWith("---\ntitle: "), where);
                case toml -> assertTrue(text.startsWith("+++\ntitle = "), where);
                case pelican -> assertTrue(text.startsWith("Title: "), where);
                case none -> assertTrue(!s.letter().fileName().endsWith(".md"), where);
            }
        }
    }

    @Test
    void goldLinesHaveTheAnnotationsFieldsAndTheShapes() {
        Map<String, Object> g = LETTERS.get(7).gold();
        for (String k : List.of("file", "date", "title", "recipients", "signers", "language", "signer_shape", "addressee_shape")) {
            assertTrue(g.containsKey(k), k);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> signer = ((List<Map<String, Object>>) g.get("signers")).get(0);
        assertTrue(signer.keySet().containsAll(List.of("name", "kind", "acronym", "location")));
    }

    @Test
    void deterministicPerSeedAndIndex() {
        LetterShapes again = new LetterShapes(new CorpusGenerator(11, 3_000, 50));
        assertEquals(LETTERS.get(33).letter().text(), again.letter(33).letter().text());
        assertNotEquals(LETTERS.get(33).letter().text(), new LetterShapes(new CorpusGenerator(12, 3_000, 50)).letter(33).letter().text());
    }
}
