package org.letterarchive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Small letters for tests, and access to the shared example letters beside the project. */
public final class TestLetters {

    private TestLetters() {}

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
