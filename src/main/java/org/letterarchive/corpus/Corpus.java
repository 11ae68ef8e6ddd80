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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Batches ({@link #stage} … {@link #flush}): a staged letter's original is written and moved into
 * place at once but not forced; its sidecar is written to a temporary name beside it, also not forced.
 * {@link #flush} then forces every staged original and sidecar (on a few threads, so the file system
 * groups the journal commits), forces each touched folder once — the originals' names are now durable —
 * and only then moves each sidecar into place and forces the folders again. So a sidecar in place always
 * has a complete, durable original, whatever moment a crash strikes: before the flush, a crash leaves at
 * most an original without a sidecar (not a letter; a later ingest of the same bytes rewrites it) and
 * temporary sidecars, which {@link #removeTemporaryFiles} deletes on the next open. Nothing needs to be
 * re-checked on open (no size or hash check of originals), because no sidecar is ever visible before its
 * original is durable. Until the flush, a staged letter is visible in this process only ({@link #get},
 * {@link #contains}).
 */
public final class Corpus {

    private static final String SIDECAR = ".json";
    private final Path root;
    private final Path letters;
    private final Path tombstones;
    private final ObjectMapper json = Json.mapper();
    /** Letters staged since the last flush, by id; their sidecars wait under a temporary name. */
    private final ConcurrentHashMap<String, Staged> staged = new ConcurrentHashMap<>();

    /** Staged letters held before a flush is forced on the way (each holds its record, text included). */
    static final int MAX_STAGED = 5_000;

    private record Staged(StoredLetter stored, Path original, Path sidecarTmp) {}

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
        return LetterId.isValid(id) && (staged.containsKey(id) || Files.exists(sidecarPath(id)));
    }

    /** True when the letter is staged and not yet made durable by {@link #flush}. */
    public boolean isStaged(String id) {
        return staged.containsKey(id);
    }

    public Optional<StoredLetter> get(String id) {
        if (!LetterId.isValid(id)) return Optional.empty();
        Staged st = staged.get(id);
        if (st != null) return Optional.of(st.stored());
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
        StoredLetter stored = stage(bytes, originalName, letter, analysisVersion);
        flush();
        return stored;
    }

    /**
     * Stages an original and its sidecar without forcing them to disk: they become durable (and the
     * letter exists for a later process) at the next {@link #flush}. Staging bytes that are already
     * stored or staged returns that record unchanged.
     */
    public StoredLetter stage(byte[] bytes, String originalName, Letter letter, int analysisVersion) throws IOException {
        // a batch is held in memory until its flush: a very large one is flushed on the way
        if (staged.size() >= MAX_STAGED) flush();
        String id = LetterId.of(bytes);
        Optional<StoredLetter> existing = get(id);
        if (existing.isPresent()) return existing.get();
        Path dir = folder(id);
        Files.createDirectories(dir);
        String storedAs = id + extension(originalName, letter.format());
        Path original = dir.resolve(storedAs);
        write(original, bytes, false);
        StoredLetter stored = new StoredLetter(id, safeName(originalName), storedAs, letter.format(), bytes.length,
                Instant.now(), analysisVersion, letter.withId(id), null);
        Path sidecarTmp = temporaryName(sidecarPath(id));
        writeFile(sidecarTmp, sidecarBytes(stored), false);
        Staged mine = new Staged(stored, original, sidecarTmp);
        Staged earlier = staged.putIfAbsent(id, mine);
        if (earlier != null) {
            // the same bytes staged concurrently by another thread: keep the first
            Files.deleteIfExists(sidecarTmp);
            return earlier.stored();
        }
        return stored;
    }

    /**
     * Makes every staged letter durable and visible to later processes: forces the originals and the
     * sidecars, then each folder, then moves the sidecars into place and forces the folders again (see
     * the class comment for why in this order). One flush at a time; a letter staged meanwhile waits
     * for the next one.
     */
    public synchronized void flush() throws IOException {
        if (staged.isEmpty()) return;
        List<Staged> batch = new ArrayList<>(staged.values());
        List<Path> files = new ArrayList<>(batch.size() * 2);
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (Staged st : batch) {
            files.add(st.original());
            files.add(st.sidecarTmp());
            dirs.add(st.original().getParent());
        }
        forceAll(files);
        for (Path dir : dirs) fsyncDirectory(dir);
        for (Staged st : batch) {
            Path target = sidecarPath(st.stored().id());
            move(st.sidecarTmp(), target);
            staged.remove(st.stored().id(), st);
        }
        for (Path dir : dirs) fsyncDirectory(dir);
        // a restored letter's tombstone goes only once the letter itself is durable
        boolean tombstoneRemoved = false;
        for (Staged st : batch) tombstoneRemoved |= Files.deleteIfExists(tombstonePath(st.stored().id()));
        if (tombstoneRemoved) fsyncDirectory(tombstones);
    }

    /** Files forced per thread before another thread helps: below this a batch is forced inline. */
    private static final int FILES_PER_THREAD = 16;
    private static final int MAX_FORCE_THREADS = 4;

    /** Forces every file to disk; large batches on a few threads, so their journal commits are grouped. */
    private static void forceAll(List<Path> files) throws IOException {
        int threads = Math.min(MAX_FORCE_THREADS, files.size() / FILES_PER_THREAD);
        if (threads <= 1) {
            for (Path f : files) force(f);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-flush");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(threads);
            for (int k = 0; k < threads; k++) {
                int first = k;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < files.size(); i += threads) force(files.get(i));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IOException("cannot force the corpus to disk", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while forcing the corpus to disk");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Rewrites a sidecar (corrections, re-analysis), durably. */
    public void update(StoredLetter stored) throws IOException {
        if (!contains(stored.id())) throw new NoSuchFileException("no letter " + stored.id());
        if (isStaged(stored.id())) flush();
        writeSidecar(stored);
    }

    /** Removes a letter's original and sidecar and leaves a tombstone recording what was deleted. */
    public boolean delete(String id, String reason) throws IOException {
        if (isStaged(id)) flush();
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
        write(target, bytes, true);
        fsyncDirectory(target.getParent());
    }

    /** Writes to a temporary name (forced when asked) and moves it into place atomically. */
    private static void write(Path target, byte[] bytes, boolean force) throws IOException {
        Path tmp = temporaryName(target);
        writeFile(tmp, bytes, force);
        move(tmp, target);
    }

    private static final AtomicLong TMP_SEQ = new AtomicLong();

    /** A temporary name beside {@code target}, unique in this process ({@link #removeTemporaryFiles} knows it). */
    private static Path temporaryName(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + TMP_SEQ.incrementAndGet());
    }

    private static void writeFile(Path file, byte[] bytes, boolean force) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            if (force) ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems do not allow opening a directory; the file itself is already forced
        }
    }

    private void writeSidecar(StoredLetter stored) throws IOException {
        writeDurably(sidecarPath(stored.id()), sidecarBytes(stored));
    }

    /** A sidecar's JSON, compact (sidecars written pretty-printed by earlier versions read the same). */
    private byte[] sidecarBytes(StoredLetter stored) throws IOException {
        return json.writeValueAsBytes(stored);
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
