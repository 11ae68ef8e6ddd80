package org.letterarchive.extract;

import java.nio.file.Path;
import org.letterarchive.TestLetters;

/** The shared annotated letters next to the project, found by {@link TestLetters#shared}. */
final class SharedLetters {

    private SharedLetters() {}

    static Path dir() {
        return TestLetters.shared();
    }
}
