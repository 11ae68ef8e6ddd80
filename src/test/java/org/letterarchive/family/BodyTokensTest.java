package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.letterarchive.RandomTexts;

/** The body's tokens are found by a scan that must find what its regular expression finds, on any text. */
class BodyTokensTest {

    /** The specification: what the scan stands for. */
    static final Pattern TOKEN = Pattern.compile(
            "((?i:https?://|www\\.)[^\\s<>()\"']*[^\\s<>()\"'.,;:!?]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)|(\\d[\\d.,]*\\d|\\d)|[\\p{L}\\p{M}]+");

    static final String[] PIECES = {"http://", "HTTPS://", "https:/", "Www.", "www", "@", ".", ",", ";", ":", "!", "?",
        "(", ")", "<", ">", "\"", "'", " ", "\t", "\n", "\u000B", "\u00a0", "_", "+", "-", "/", "#", "a", "Z", "x9",
        "7", "2024", "1.5", "3,000", "é", "e\u0301", "ñ", "Ünited", "\u017f", "\u212a", "\ud835\udc9c", "\ud83d\ude00",
        "\u0663", "ı", "org", "name.surname", "ex-ample", "mail"};

    @Test
    void findsWhatTheExpressionFindsOnRandomText() {
        Random random = new Random(11);
        for (int round = 0; round < 20000; round++) {
            String text = RandomTexts.of(random, random.nextInt(14), PIECES);
            assertEquals(byExpression(text, true), byScan(text, true), text);
        }
    }

    @Test
    void theExactTokensAreTheScansAddressesAndNumbers() {
        Random random = new Random(12);
        int numbersOnly = 0;
        for (int round = 0; round < 20000; round++) {
            String text = RandomTexts.of(random, random.nextInt(14), PIECES);
            if (!BodyTokens.mayHoldAddress(text)) numbersOnly++;
            List<String> exact = new ArrayList<>();
            BodyTokens.exact(text, (kind, t) -> exact.add(kind + " " + t));
            assertEquals(byScan(text, false).stream().filter(t -> !t.startsWith("WORD")).toList(), exact, text);
        }
        assertTrue(numbersOnly > 1000, "texts without addresses are tried: " + numbersOnly);
        for (String t : new String[] {"see WWW.example.org", "write to a@b.org", "at https://x.org", "x://y", "wWw."}) {
            assertTrue(BodyTokens.mayHoldAddress(t), t);
        }
        for (String t : new String[] {"in 2024", "ww.x", "w.w.w.", "www", "http:/x"}) assertFalse(BodyTokens.mayHoldAddress(t), t);
    }

    @Test
    void findsAddressesNumbersAndWordsOfAParagraph() {
        String p = "On 12 March 2024 we wrote to minister@example.gov.uk (see https://example.org/a-b?c=1.) about 3,500.75 "
                + "people in São Paulo, www.example.net.";
        assertEquals(byExpression(p, true), byScan(p, true));
        assertEquals(List.of("WORD On", "NUMBER 12", "WORD March", "NUMBER 2024", "WORD we", "WORD wrote", "WORD to",
                "ADDRESS minister@example.gov.uk", "WORD see", "ADDRESS https://example.org/a-b?c=1", "WORD about",
                "NUMBER 3,500.75", "WORD people", "WORD in", "WORD São", "WORD Paulo", "ADDRESS www.example.net"), byScan(p, false));
    }

    static List<String> byExpression(String text, boolean where) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String kind = m.group(1) != null ? "ADDRESS" : m.group(2) != null ? "NUMBER" : "WORD";
            out.add(kind + (where ? "@" + m.start() : "") + " " + m.group());
        }
        return out;
    }

    static List<String> byScan(String text, boolean where) {
        List<String> out = new ArrayList<>();
        BodyTokens t = new BodyTokens(text);
        while (t.next()) out.add(t.kind() + (where ? "@" + t.start() : "") + " " + t.text());
        return out;
    }
}
