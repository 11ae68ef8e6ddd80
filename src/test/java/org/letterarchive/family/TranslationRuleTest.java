package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translations signed by one or two organizations: told from other letters of the same signers by their structure. */
class TranslationRuleTest {

    static final List<String> SIGNERS = List.of("Community Radio Network", "Press Freedom Watch");

    static Fingerprint print(String id, String language, LocalDate date, String... paragraphs) {
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) b.append(p).append("\n\n");
        SIGNERS.forEach(s -> b.append(s).append('\n'));
        return Fingerprint.of(id, b.toString(), SIGNERS, language, date);
    }

    static final Fingerprint EN = print("en", "en", LocalDate.of(2021, 3, 3),
            "We write to you about the closure of 17 community radio stations in the northern provinces since 2019.",
            "These stations were the only source of local news for 40000 families living far from the cities today.",
            "The licensing authority revoked their permits without a hearing and without any written reasons given.",
            "International standards on freedom of expression require that any restriction be necessary and proportionate.",
            "We ask you to restore the licences and to open a public consultation on the new broadcasting rules.");

    @Test
    void aTranslationWithTwoParagraphsJoinedIsFound() {
        Fingerprint es = print("es", "es", LocalDate.of(2021, 3, 10),
                "Le escribimos sobre el cierre de 17 radios comunitarias en las provincias del norte desde 2019.",
                "Estas radios eran la única fuente de noticias locales para 40000 familias que viven lejos de las ciudades.",
                "La autoridad de licencias revocó sus permisos sin audiencia y sin dar razones por escrito. Los estándares "
                        + "internacionales sobre libertad de expresión exigen que toda restricción sea necesaria y proporcional.",
                "Le pedimos restablecer las licencias y abrir una consulta pública sobre las nuevas reglas de radiodifusión.");
        assertEquals(4, es.paragraphs.size());
        assertEquals(Families.Link.translation, Rules.link(es, EN));
    }

    @Test
    void anotherLetterOfTheSameTwoSignersIsNot() {
        Fingerprint other = print("other", "es", LocalDate.of(2021, 3, 10),
                "Le escribimos sobre la ley de medios aprobada en 2020 que limita la publicidad oficial a 3 diarios nacionales.",
                "Las radios comunitarias del sur no pueden competir por fondos públicos desde hace 5 años por esta norma.",
                "La autoridad de licencias no ha respondido a nuestras 12 solicitudes de información presentadas en 2021.",
                "Le pedimos revisar la ley y abrir una consulta pública con las radios comunitarias de todo el país.");
        assertNull(Rules.link(other, EN));
    }
}
