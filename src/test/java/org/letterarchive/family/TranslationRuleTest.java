package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    // ---------- told by numbers, addresses and names, when the signers do not line up ----------

    static Fingerprint unsigned(String id, String language, LocalDate date, String... paragraphs) {
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) b.append(p).append("\n\n");
        return Fingerprint.of(id, b.toString(), List.of(), language, date);
    }

    static final Fingerprint REPORT_EN = print("report-en", "en", LocalDate.of(2022, 5, 2),
            "Since 2018 the Valmora Water Board has cut supply to 23 villages of the Sierra Alta district for months.",
            "In its own report of 2021 the Board counted 4500 households without running water and 310 wells dried up.",
            "The complaint filed with the Ombudsman on 9 March was answered with a form letter that gave no reasons at all.",
            "Residents ask that data be published at www.valmora-water.example and that the Board meet them before 30 June.");

    @Test
    void aTranslationWhoseSignersWereNotReadIsToldByItsNumbersAndNamesInOrder() {
        Fingerprint es = unsigned("report-es", "es", LocalDate.of(2022, 5, 6),
                "Desde 2018 la Junta de Aguas de Valmora ha cortado el suministro a 23 pueblos del distrito de Sierra Alta durante meses.",
                "En su propio informe de 2021 la Junta contó 4500 hogares sin agua corriente y 310 pozos secos.",
                "La queja presentada ante la Defensoría el 9 de marzo recibió una carta modelo que no daba ninguna razón.",
                "Los vecinos piden que los datos se publiquen en www.valmora-water.example y que la Junta los reciba antes del 30 de junio.");
        assertTrue(es.anchorsInOrder(REPORT_EN) >= Rules.ANCHORS, String.join(" ", es.anchors()));
        assertEquals(Families.Link.translation, Rules.link(es, REPORT_EN));
        // and the two meet in the index: they share keys of their numbers and addresses in order
        Set<Long> keys = new HashSet<>(REPORT_EN.anchorKeys(0));
        assertTrue(es.anchorKeys(0).stream().filter(keys::contains).count() >= Families.MIN_ANCHOR_KEYS);
    }

    @Test
    void anotherLetterOfThePlaceAndYearWithOtherNumbersIsNot() {
        Fingerprint other = unsigned("other-es", "es", LocalDate.of(2022, 5, 20),
                "Desde 2018 la Junta de Aguas de Valmora no ha respondido a 14 solicitudes del distrito de Sierra Alta.",
                "En 2020 el Congreso aprobó 2 millones para nuevos pozos que nunca se construyeron en 61 comunidades.",
                "La Defensoría abrió 3 expedientes y ninguno ha sido resuelto en los plazos que fija la ley vigente.",
                "Pedimos una auditoría independiente de los fondos y una mesa de diálogo con las comunidades afectadas.");
        assertNull(Rules.link(other, REPORT_EN));
    }

    @Test
    void signersReadOnBothSidesAndNoneSharedContradictAFewAnchors() {
        Fingerprint es = Fingerprint.of("signed-es", String.join("\n\n",
                "Desde 2018 la Junta de Aguas de Valmora ha cortado el suministro a 23 pueblos del distrito de Sierra Alta durante meses.",
                "En su propio informe la Junta contó muchos hogares sin agua corriente y pozos secos en toda la región.",
                "La queja presentada ante la Defensoría recibió una carta modelo que no daba ninguna razón a los vecinos.",
                "Los vecinos piden que los datos se publiquen y que la Junta los reciba antes de que termine la temporada.",
                "Comité Vecinal de Sierra Alta"), List.of("Comité Vecinal de Sierra Alta"), "es", LocalDate.of(2022, 5, 6));
        assertNull(Rules.link(es, REPORT_EN));
    }
}
