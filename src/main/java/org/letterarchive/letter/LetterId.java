package org.letterarchive.letter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content-addressed letter ids: the SHA-256 of the original bytes in lower-case hex. */
public final class LetterId {
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{64}");

    private LetterId() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True for a well-formed id; anything else is never used to build a path. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
