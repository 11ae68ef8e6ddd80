package org.letterarchive.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;

/**
 * The store of originals and their metadata sidecars; the archive's source of truth.
 *
 * <p>Layout: {@code letters/<first two hex digits>/<id>.<ext>} for each original and
 * {@code <id>.json} beside it; {@code tombstones/<id>.json} for deleted letters. Every file is written
 * to a temporary name, forced to disk and moved into place atomically, so a crash leaves either the old
 * state or the new one, never half a file. A letter exists once its sidecar exists.
 */
public final class Corpus {

    private static final String SIDECAR = ".json";
    private final Path root;
    private final Path letters;
    private final Path tombstones;
    private final ObjectMapper json = Json.mapper();

    private Corpus(Path root) {
        this.root = root;
        this.letters = root.resolve("letters");
        this.tombstones = root.resolve("tombstones");
    }

    /** Opens the corpus in {@code dir}, creating its folders when missing. */
    public static Corpus open(Path dir) throws IOException {
        Corpus c = new Corpus(dir.toAbsolutePath().normalize());
        Files.createDirectories(c.letters);
        Files.createDirectories(c.tombstones);
        return c;
    }

    public Path root() {
        return root;
    }

    public boolean contains(String id) {
        return LetterId.isValid(id) && Files.exists(sidecarPath(id));
    }

    public Optional<StoredLetter> get(String id) {
        if (!LetterId.isValid(id)) return Optional.empty();
        try {
            return Optional.of(json.readValue(sidecarPath(id).toFile(), StoredLetter.class));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sidecar of " + id, e);
        }
    }

    /** Where the original of a stored letter lies. */
    public Path originalPath(StoredLetter stored) {
        return folder(stored.id()).resolve(stored.storedAs());
    }

    /**
     * Stores an original and its sidecar, durably, before returning. Storing bytes that are already
     * there returns the stored record unchanged.
     */
    public StoredLetter store(byte[] bytes, String originalName, Letter letter, int analysisVersion) throws IOException {
        String id = LetterId.of(bytes);
        Optional<StoredLetter> existing = get(id);
        if (existing.isPresent()) return existing.get();
        Path dir = folder(id);
        Files.createDirectories(dir);
        String storedAs = id + extension(originalName, letter.format());
        writeDurably(dir.resolve(storedAs), bytes);
        StoredLetter stored = new StoredLetter(id, safeName(originalName), storedAs, letter.format(), bytes.length,
                Instant.now(), analysisVersion, letter.withId(id), null);
        writeSidecar(stored);
        Files.deleteIfExists(tombstonePath(id));
        return stored;
    }

    /** Rewrites a sidecar (corrections, re-analysis), durably. */
    public void update(StoredLetter stored) throws IOException {
        if (!contains(stored.id())) throw new NoSuchFileException("no letter " + stored.id());
        writeSidecar(stored);
    }

    /** Removes a letter's original and sidecar and leaves a tombstone recording what was deleted. */
    public boolean delete(String id, String reason) throws IOException {
        Optional<StoredLetter> stored = get(id);
        if (stored.isEmpty()) return false;
        Tombstone t = new Tombstone(id, stored.get().originalName(), stored.get().letter().title(), Instant.now(), reason);
        writeDurably(tombstonePath(id), json.writeValueAsBytes(t));
        Files.delete(sidecarPath(id));
        Files.deleteIfExists(originalPath(stored.get()));
        fsyncDirectory(folder(id));
        return true;
    }

    public Optional<Tombstone> tombstone(String id) {
        if (!LetterId.isValid(id) || !Files.exists(tombstonePath(id))) return Optional.empty();
        try {
            return Optional.of(json.readValue(tombstonePath(id).toFile(), Tombstone.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the temporary files an interrupted write left behind (a crash between writing and moving
     * into place). Call only when no other process writes to this corpus. Returns how many were removed.
     */
    public int removeTemporaryFiles() throws IOException {
        int n = 0;
        List<Path> dirs = new ArrayList<>(List.of(root, tombstones));
        try (Stream<Path> s = Files.list(letters)) {
            s.filter(Files::isDirectory).forEach(dirs::add);
        }
        for (Path dir : dirs) {
            List<Path> tmp;
            try (Stream<Path> files = Files.list(dir)) {
                tmp = files.filter(f -> f.getFileName().toString().contains(".tmp-") && Files.isRegularFile(f)).toList();
            }
            for (Path f : tmp) {
                if (Files.deleteIfExists(f)) n++;
            }
        }
        return n;
    }

    /** The ids of every stored letter. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(letters)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(SIDECAR))
                            .map(n -> n.substring(0, n.length() - SIDECAR.length()))
                            .filter(LetterId::isValid)
                            .forEach(ids::add);
                }
            }
        }
        return ids;
    }

    /** Every stored letter, read lazily. */
    public Stream<StoredLetter> all() throws IOException {
        return ids().stream().map(this::get).flatMap(Optional::stream);
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** Writes bytes to {@code target} so that it is complete on disk before the call returns. */
    public static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(target.getParent());
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems do not allow opening a directory; the file itself is already forced
        }
    }

    private void writeSidecar(StoredLetter stored) throws IOException {
        writeDurably(sidecarPath(stored.id()), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
    }

    private Path folder(String id) {
        return letters.resolve(id.substring(0, 2));
    }

    private Path sidecarPath(String id) {
        return folder(id).resolve(id + SIDECAR);
    }

    private Path tombstonePath(String id) {
        return tombstones.resolve(id + SIDECAR);
    }

    /** The client's file name reduced to its last segment, without control characters. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) return null;
        String s = name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        s = s.replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) return null;
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    /** A short, safe extension for the stored original: from the media type, else the name. */
    static String extension(String name, String mediaType) {
        String byType = switch (mediaType == null ? "" : mediaType) {
            case "application/pdf" -> ".pdf";
            case "text/html", "application/xhtml+xml" -> ".html";
            case "text/markdown", "text/x-web-markdown" -> ".md";
            case "text/plain" -> ".txt";
            case "application/rtf" -> ".rtf";
            case "message/rfc822" -> ".eml";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/vnd.oasis.opendocument.text" -> ".odt";
            case "application/msword" -> ".doc";
            default -> null;
        };
        if (byType != null && !(byType.equals(".txt") && name != null && name.toLowerCase(Locale.ROOT).endsWith(".md"))) return byType;
        String safe = safeName(name);
        if (safe != null) {
            int dot = safe.lastIndexOf('.');
            String ext = dot < 0 ? "" : safe.substring(dot).toLowerCase(Locale.ROOT);
            if (ext.matches("\\.[a-z0-9]{1,8}")) return ext;
        }
        return ".bin";
    }
}
