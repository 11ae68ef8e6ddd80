package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Recipient;

class RecipientFinderTest {

    private static List<Recipient> recipients(String text, String title) {
        List<Line> lines = TextLines.of(text);
        int sal = Salutation.find(lines, 0, 80);
        int date = -1;
        for (int i = 0; i < lines.size(); i++) if (DateFinder.dateLine(lines.get(i).clean(), false) != null) { date = i; break; }
        return RecipientFinder.find(lines, sal, date, -1, title, -1);
    }

    @Test
    void readsToBlockWithNameAndRole() {
        List<Recipient> r = recipients("To:\nMichael Pompeo, Secretary of State\nKirstjen Nielsen, Secretary of Homeland Security\nSept. 14, 2018\nText.", null);
        assertEquals(2, r.size());
        assertEquals("Michael Pompeo", r.get(0).name());
        assertEquals("Secretary of State", r.get(0).role());
    }

    @Test
    void readsAddressLinesBeforeGreeting() {
        String text = "June 30, 2017\nSenator the Hon. George Brandis\nAttorney General of Australia\nHon. Ralph Goodale\nMinister of Public Safety\nTo Ministers Responsible for Security,\nBody.";
        List<Recipient> r = recipients(text, null);
        assertEquals(List.of("Senator the Hon. George Brandis", "Hon. Ralph Goodale"), r.stream().map(Recipient::name).toList());
        assertEquals("Attorney General of Australia", r.get(0).role());
    }

    @Test
    void readsGroupAddresseeFromDearLine() {
        List<Recipient> r = recipients("Dear Members of the European Parliament,\nWe write.", null);
        assertEquals("Members of the European Parliament", r.get(0).name());
    }

    @Test
    void movesOfficeBeforeNameToRole() {
        List<Recipient> r = recipients("Dear Director-General Ngozi Okonjo-Iweala and all WTO Members,\nWe write.", null);
        assertEquals("Ngozi Okonjo-Iweala", r.get(0).name());
        assertEquals("Director-General", r.get(0).role());
        assertEquals("all WTO Members", r.get(1).name());
    }

    @Test
    void readsSpanishGreeting() {
        assertEquals("Jefes de Estado", recipients("Estimados Jefes de Estado:\nEscribimos.", null).get(0).name());
    }

    @Test
    void takesAddresseeFromTitleWhenLetterHasNoGreeting() {
        List<Recipient> r = recipients("We seek your intervention.", "An open letter to Attorney General George Brandis");
        assertEquals("George Brandis", r.get(0).name());
    }

    @Test
    void marksCcRecipients() {
        List<Recipient> r = recipients("Dear Ms. Durant,\nText.\nSincerely,\nRed Uno\nCc: Arlette Verploegh, UNCTAD\nMaria Ahmed, UNCTAD\n", null);
        List<Recipient> cc = r.stream().filter(Recipient::cc).toList();
        assertEquals(List.of("Arlette Verploegh", "Maria Ahmed"), cc.stream().map(Recipient::name).toList());
        assertTrue(r.stream().anyMatch(x -> !x.cc() && "Ms. Durant".equals(x.name())));
    }
}
