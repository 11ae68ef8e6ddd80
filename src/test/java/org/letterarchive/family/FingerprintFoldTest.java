package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;

/**
 * A fingerprint's folding by its table must be the Unicode normaliser's, character by character and on any text; its
 * lines, the regular expression's.
 */
class FingerprintFoldTest {

    static final String[] PIECES = {"a", "Z", "7", " ", ",", "-", "\u00a0", "\u2019", "\u201c", "\u2013", "\u2014",
        "\u2026", "é", "É", "e\u0301", "\u0301", "ñ", "Ñ", "ç", "ü", "ß", "æ", "Ø", "ł", "Ł", "ı", "İ", "ª", "º", "½",
        "²", "µ", "\u01c4", "\u01c5", "ǅ", "ŉ", "ſ", "\u0345", "ʼ", "\u02bc", "¿", "¡", "«", "»", "°", "€", "Straße",
        "São Paulo", "Ciudad de México", "Œuvre", "Ünited", "\u212a", "Σ", "ΟΔΟΣ", "\ud835\udc9c", "\u0663", "\u2070", "\u2160"};

    @Test
    void everyCharacterOfTheTableFoldsAsTheNormaliserFoldsIt() {
        for (int c = 0; c < 0x370; c++) {
            String s = "x" + (char) c + "y";
            if (Character.isSurrogate((char) c)) continue;
            String table = Fingerprint.foldByTable(s);
            if (table != null) assertEquals(Fingerprint.foldByUnicode(s), table, "U+" + Integer.toHexString(c));
        }
        for (int c = 0x2000; c < 0x2070; c++) {
            String s = "x" + (char) c + "y";
            String table = Fingerprint.foldByTable(s);
            if (table != null) assertEquals(Fingerprint.foldByUnicode(s), table, "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void foldsAnyTextAsTheNormaliserDoes() {
        Random random = new Random(5);
        for (int round = 0; round < 50000; round++) {
            String text = RandomTexts.of(random, random.nextInt(12), PIECES);
            assertEquals(Fingerprint.foldByUnicode(text), Fingerprint.fold(text), text);
        }
    }

    @Test
    void splitsLinesAsTheLineBreakExpressionDoes() {
        String[] pieces = {"a", "bc", " ", "\n", "\r", "\r\n", "\n\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029", "\t", "é"};
        Random random = new Random(9);
        for (int round = 0; round < 20000; round++) {
            String text = RandomTexts.of(random, random.nextInt(10), pieces);
            assertArrayEquals(text.split("\\R", -1), Fingerprint.lines(text), text);
        }
    }

    @Test
    void latinTextIsFoldedByTheTableAndOtherScriptsByTheNormaliser() {
        assertEquals("senor garcia aun asi 2 de mayo", Fingerprint.foldByTable("Señor García — aún así, 2 de mayo…"));
        assertEquals("strasse", Fingerprint.fold("STRASSE"));
        assertEquals("straße", Fingerprint.fold("Straße"));
        assertNotNull(Fingerprint.foldByTable("Œuvre «à» l’été"));
        assertNull(Fingerprint.foldByTable("ΟΔΟΣ"));
        assertEquals("ΟΔΟΣ".toLowerCase(java.util.Locale.ROOT), Fingerprint.fold("ΟΔΟΣ"), "Greek's final sigma is left to the normaliser");
    }
}
