package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatPolicyTest {

    private final FormatPolicy policy = new FormatPolicy();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainProseIsTextWithoutRunningTheMagicPatterns() {
        assertTrue(FormatPolicy.isPlainProse(utf8("Sept. 14, 2018\n\nThe undersigned organizations of México oppose…\n")));
        assertTrue(FormatPolicy.isPlainProse(utf8("\uFEFFTo the Minister of Foreign Affairs,\n\nWe write…")));
        assertEquals("text/plain", policy.detect(utf8("Dear Minister,\n\nWe, the undersigned, ask you…")));
    }

    @Test
    void markupRtfPdfScriptsAndMailHeadersGoToTikasDetector() {
        for (String s : new String[] {"<!doctype html><html><body>x</body></html>", "{\\rtf1\\ansi hello}", "%PDF-1.4\n",
                "#!/bin/sh\necho hi\n", "{\"a\": 1}", "From: someone@example.org\nSubject: hi\n\nbody",
                "From someone Mon Jan 1 00:00:00 2018\n", "Received: from mail\n", "BEGIN:VCARD\n"}) {
            assertFalse(FormatPolicy.isPlainProse(utf8(s)), s);
        }
        assertEquals("text/html", policy.detect(utf8("<!doctype html><html><head><title>t</title></head><body>x</body></html>")));
        assertEquals("message/rfc822", policy.detect(utf8("From: a@example.org\nTo: b@example.org\nSubject: letter\nMessage-ID: <1@x>\n\nbody\n")));
    }

    @Test
    void controlBytesAndInvalidUtf8AreNotProse() {
        assertFalse(FormatPolicy.isPlainProse(new byte[] {'a', 0, 'b', 0}));
        assertFalse(FormatPolicy.isPlainProse(new byte[] {'a', 'b', 0x07, 'c'}));
        assertFalse(FormatPolicy.isPlainProse(new byte[] {'a', (byte) 0xE9, 'b'})); // Latin-1 é
        assertFalse(FormatPolicy.isPlainProse(new byte[] {0x7f, 'E', 'L', 'F'}));
        assertFalse(FormatPolicy.isPlainProse(utf8("   \n\t ")));
    }

    @Test
    void aPdfNameOverProseIsRefusedAsDamaged() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> policy.check(utf8("just some words, not a PDF at all"), "letter.pdf"));
        assertEquals(ExtractionException.Reason.CORRUPT, e.reason());
    }
}
