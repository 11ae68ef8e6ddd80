package org.letterarchive;

import java.util.Random;

/** Random texts made of a few characters or pieces, for checking a hand-written scan against what it replaces. */
public final class RandomTexts {

    private RandomTexts() {}

    /** {@code length} characters drawn from the alphabet. */
    public static String of(Random random, int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int k = 0; k < length; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }

    /** {@code count} pieces drawn from those given, joined. */
    public static String of(Random random, int count, String[] pieces) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < count; k++) b.append(pieces[random.nextInt(pieces.length)]);
        return b.toString();
    }
}
