package org.letterarchive.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.letterarchive.letter.LetterId;

/**
 * The bearer token every write request must carry ({@code Authorization: Bearer <token>}). Taken from the
 * environment variable {@code LETTERS_TOKEN}, else read from a file only the owner can read, else
 * generated (32 random bytes, base64url) into that file at first start. The token itself is never logged.
 */
public final class ApiToken {

    public static final String ENV = "LETTERS_TOKEN";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] digest;
    private final Path file;
    private final String source;

    private ApiToken(String token, Path file, String source) {
        this.digest = sha256(token);
        this.file = file;
        this.source = source;
    }

    /** A token known only to this process: every write is refused unless the caller knows it (tests). */
    public static ApiToken of(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("empty token");
        return new ApiToken(token.strip(), null, "given");
    }

    /** The token from {@code LETTERS_TOKEN}, else from (or newly generated into) {@code file}. */
    public static ApiToken load(Path file) throws IOException {
        return load(file, System.getenv(ENV));
    }

    /** The token {@code env} gives (the value of {@code LETTERS_TOKEN}; null when unset), else the file's. */
    public static ApiToken load(Path file, String env) throws IOException {
        if (env != null && !env.isBlank()) return new ApiToken(env.strip(), null, "environment variable " + ENV);
        if (Files.exists(file)) {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) throw new IOException("the token file " + file + " is empty; delete it to generate a new token");
            restrict(file);
            return new ApiToken(token, file, "file " + file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return load(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        restrict(file);
        return new ApiToken(token, file, "new file " + file);
    }

    private static void restrict(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the file keeps the folder's permissions
        }
    }

    /** Where the token was found or written, for the startup message (never the token itself). */
    public String source() {
        return source;
    }

    /** The token file, or null when the token came from the environment. */
    public Path file() {
        return file;
    }

    /** True when the request carries this token; compared in constant time. */
    public boolean allows(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) return false;
        header = header.strip();
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(digest, sha256(header.substring(7).strip()));
    }

    /** Refuses the request with 401 unless it carries this token. */
    public void require(Context ctx) {
        if (!allows(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"letters\"");
            throw new ApiException(401, ctx.header("Authorization") == null
                    ? "this request changes the archive and needs 'Authorization: Bearer <token>'"
                    : "the token is not valid");
        }
    }

    private static byte[] sha256(String s) {
        return LetterId.digest().digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
