package org.letterarchive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Small letters for tests, and access to the shared example letters beside the project. */
public final class TestLetters {

    /** A letter of a family, in English: five paragraphs (its versions change one). */
    public static final String[] FAMILY_EN = {
        "We write to you about the closure of 17 community radio stations in the northern provinces since 2019.",
        "These stations were the only source of local news for thousands of families living far from the cities.",
        "The licensing authority revoked their permits without a hearing and without any written reasons given.",
        "International standards on freedom of expression require that any restriction be necessary and proportionate.",
        "We ask you to restore the licences and to open a public consultation on the new broadcasting rules."};
    /** The same letter in Spanish: its translation. */
    public static final String[] FAMILY_ES = {
        "Le escribimos sobre el cierre de 17 radios comunitarias en las provincias del norte desde 2019.",
        "Estas radios eran la única fuente de noticias locales para miles de familias que viven lejos de las ciudades.",
        "La autoridad de licencias revocó sus permisos sin audiencia y sin dar ninguna razón por escrito a nadie.",
        "Los estándares internacionales sobre libertad de expresión exigen que toda restricción sea necesaria y proporcional.",
        "Le pedimos restablecer las licencias y abrir una consulta pública sobre las nuevas reglas de radiodifusión."};
    /** A form letter copied by many people: a campaign. */
    public static final String[] FAMILY_CAMPAIGN = {
        "As a resident of this district I am writing to oppose the planned motorway through the wetland park.",
        "The wetland is home to rare birds and it protects our homes from floods every single winter season.",
        "The environmental assessment ignored the flooding risk and the loss of the only green space we have nearby.",
        "Please withdraw the motorway plan and meet with residents before any further decision is taken on it."};

    /** The coalition that signs the {@link #FAMILY_EN} letter and its versions and translation. */
    public static final List<String> FAMILY_COALITION = List.of("Community Radio Network", "Press Freedom Watch",
            "Rural Voices Trust", "Open Airwaves Foundation");

    private TestLetters() {}

    /** A letter of a family: title, date line, recipient, salutation, paragraphs, closing and signers, one a line. */
    public static byte[] familyLetter(String title, String date, String salutation, String[] paragraphs, String closing,
                                      List<String> signers) {
        StringBuilder b = new StringBuilder(title).append("\n\n").append(date).append("\n\nTo: Minister of Communications\n\n")
                .append(salutation).append("\n\n");
        for (String p : paragraphs) b.append(p).append("\n\n");
        b.append(closing).append("\n\n");
        for (String s : signers) b.append(s).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A short sign-on letter in the layout of a real one. */
    public static byte[] signOnLetter(String title, String dateLine, String... organizations) {
        StringBuilder b = new StringBuilder();
        b.append("To:\n\nJane Roe, Minister of Foreign Affairs\n\nJohn Doe, Secretary of State\n\n");
        b.append(dateLine).append("\n\n").append(title).append("\n\n");
        b.append("The undersigned organizations write about this matter: ").append(title)
                .append(". We urge both governments to respect the rights of people on the move in México.\n\n");
        b.append("Signed\n\n");
        for (String o : organizations) b.append(o).append("\n\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The shared example folder ({@code ../shared}). In CI it must be there; elsewhere a test that needs
     * it is skipped with a notice.
     */
    public static Path shared() {
        Path p = Path.of("..", "shared").toAbsolutePath().normalize();
        boolean present = Files.isDirectory(p.resolve("letters"));
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("../shared is missing, and CI always has it: " + p);
            }
            System.out.println("NOTICE: ../shared is missing; skipping a test that reads the example letters");
        }
        Assumptions.assumeTrue(present, "../shared is missing");
        return p;
    }

    public static Path seedLetter() {
        return shared().resolve("letters").resolve("seed-2018-09-14-safe-third-country.txt");
    }
}
