package org.letterarchive.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.letterarchive.corpus.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each document in a child JVM of this program ({@link ParserChild}) with a small heap and a time
 * limit, so a document that loops, explodes or exhausts memory kills only that child.
 *
 * <p>Starting a JVM and loading Tika takes one to a few seconds, so a pool of children is kept started
 * and warm. A child handles one document per request and answer; it goes back to the pool after a normal
 * answer (an error answer included) and is retired after {@value #MAX_USES} documents. A child that
 * overruns the time limit is killed ({@link Process#destroyForcibly()}), one that dies (out of memory) is
 * dropped, and a replacement is started in the background. The parse clock starts when the child is
 * warm, so a cold start never counts against a document.
 */
public final class IsolatedParser implements ParserBackend {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedParser.class);
    /** Exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;
    /** How long a new child may take to start and warm up. */
    private static final long STARTUP_TIMEOUT_MS = 60_000;
    /**
     * Documents a child parses before it is replaced, so no slow leak of the parsers lives long: the default of
     * Tika's own forked parsing ({@code PipesConfigBase.DEFAULT_MAX_FILES_PROCESSED_PER_PROCESS}). A child that
     * runs out of its small heap sooner exits and is replaced anyway; replacing it after a few dozen documents,
     * as before, spent more time starting JVMs (1-3 s each, and cold) than parsing.
     */
    static final int MAX_USES = 10_000;

    /** One running child and its pipes. */
    private static final class Child {
        final Process process;
        final DataOutputStream in;
        final DataInputStream out;
        int uses;

        Child(Process process) {
            this.process = process;
            this.in = new DataOutputStream(process.getOutputStream());
            this.out = new DataInputStream(process.getInputStream());
        }

        void retire() {
            try {
                in.close(); // the child exits when its input ends
            } catch (IOException ignored) {
                // already gone
            }
            process.destroy();
        }
    }

    private final IngestLimits limits;
    private final int poolSize;
    private final List<String> command;
    private final BlockingQueue<Child> warm = new LinkedBlockingQueue<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService spawner;
    private final ExecutorService io;
    private volatile boolean closed;

    /**
     * @param poolSize number of children kept started and waiting
     */
    public IsolatedParser(IngestLimits limits, int poolSize) {
        this(limits, poolSize, ParserChild.class);
    }

    /**
     * @param child the parser process's main class: {@link ParserChild}, or a program that serves through
     *              {@link ParserChild#serve} (tests use one whose documents can hang or crash)
     */
    public IsolatedParser(IngestLimits limits, int poolSize, Class<?> child) {
        this(limits, poolSize, child, false);
    }

    /**
     * A pool of parser processes for reading scans with OCR ({@link #parseScanned}): as many as OCR workers,
     * started at a lower CPU priority ({@code nice}), with Tesseract held to one thread, so searches stay quick
     * while scans are read.
     */
    public static IsolatedParser forOcr(IngestLimits limits) {
        return new IsolatedParser(limits, limits.ocr().workers(), ParserChild.class, true);
    }

    private IsolatedParser(IngestLimits limits, int poolSize, Class<?> child, boolean ocr) {
        this.limits = limits;
        this.poolSize = Math.max(1, poolSize);
        List<String> cmd = new ArrayList<>();
        if (ocr && java.nio.file.Files.isExecutable(Path.of("/usr/bin/nice"))) {
            cmd.add("/usr/bin/nice");
            cmd.add("-n");
            cmd.add("10");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + limits.parserHeapMb() + "m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Xshare:auto");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        cmd.add("-D" + ParserChild.WRITE_LIMIT + "=" + limits.maxTextChars());
        cmd.add("-D" + ParserChild.OCR_MAX_PAGES + "=" + limits.ocr().maxPages());
        cmd.add("-D" + ParserChild.OCR_MAX_PIXELS + "=" + limits.ocr().maxPixelsPerPage());
        cmd.add("-D" + ParserChild.OCR_PAGE_TIMEOUT + "=" + limits.ocr().pageTimeout().toSeconds());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(child.getName());
        this.command = List.copyOf(cmd);
        this.spawner = Executors.newSingleThreadExecutor(daemon("parser-spawner"));
        this.io = Executors.newCachedThreadPool(daemon("parser-io"));
    }

    /**
     * Starts the pool's children in the background. Without it they start with the first document; a
     * server calls it once it listens, so the children do not compete with its own start.
     */
    public void prestart() {
        refill(poolSize);
    }

    /**
     * Starts up to {@code children} of the pool's children in the background: a server starts one before it
     * opens the index, so the first upload finds it warm, and the rest once it listens.
     */
    public void prestart(int children) {
        refill(Math.min(children, poolSize));
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        return parse(bytes, fileName, ParserChild.MODE_PARSE, ScanReader.Progress.NONE, null);
    }

    /** Parses in a child, which does not detect again the type the verdict settles ({@link DocumentParser#settledType}). */
    @Override
    public ParsedDocument parse(byte[] bytes, String fileName, FormatPolicy.Verdict verdict) throws ExtractionException {
        return parse(bytes, fileName, ParserChild.MODE_PARSE, ScanReader.Progress.NONE, DocumentParser.settledType(verdict));
    }

    /**
     * Parses in a child and reads the document's scanned pages there with OCR. The parse time limit holds
     * until the first page is under way; then each page has the OCR page limit, and the child is killed
     * when a page overruns it (or when the calling thread is interrupted: a cancelled job).
     */
    @Override
    public ParsedDocument parseScanned(byte[] bytes, String fileName, ScanReader.Progress progress) throws ExtractionException {
        return parse(bytes, fileName, ParserChild.MODE_SCANNED, progress, null);
    }

    private ParsedDocument parse(byte[] bytes, String fileName, int mode, ScanReader.Progress progress, String settledType)
            throws ExtractionException {
        if (closed) throw new IllegalStateException("the parser is closed");
        Child child;
        try {
            child = take();
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "no parser is available: " + e.getMessage(), e);
        }
        boolean reusable = false;
        try {
            ParsedDocument doc = exchange(child, bytes, fileName, mode, progress, settledType);
            reusable = true;
            return doc;
        } catch (ExtractionException e) {
            // an answer from a live child (CORRUPT, ENCRYPTED, ...) leaves it usable
            reusable = child.process.isAlive() && e.reason() != ExtractionException.Reason.TIMEOUT && answered(e);
            throw e;
        } finally {
            child.uses++;
            if (reusable && !closed && child.uses < MAX_USES && child.process.isAlive()) {
                warm.add(child);
            } else {
                if (child.process.isAlive()) {
                    if (reusable) child.retire();
                    else child.process.destroyForcibly();
                }
                refill();
            }
        }
    }

    /** Marks exceptions built from a child's own answer. */
    private static final class Answered extends ExtractionException {
        Answered(Reason reason, String message) {
            super(reason, message);
        }
    }

    private static boolean answered(ExtractionException e) {
        return e instanceof Answered;
    }

    private ParsedDocument exchange(Child child, byte[] bytes, String fileName, int mode, ScanReader.Progress progress,
                                    String settledType) throws ExtractionException {
        byte[] name = fileName == null ? new byte[0] : fileName.getBytes(StandardCharsets.UTF_8);
        if (name.length > ParserChild.MAX_NAME_BYTES) name = new byte[0];
        byte[] nameBytes = name;
        byte[] typeBytes = settledType == null ? new byte[0] : settledType.getBytes(StandardCharsets.UTF_8);
        byte[] known;
        try {
            known = mode == ParserChild.MODE_SCANNED && !progress.known().isEmpty()
                    ? Json.mapper().writeValueAsBytes(progress.known().values()) : new byte[0];
        } catch (IOException e) {
            known = new byte[0]; // read every page again
        }
        byte[] knownBytes = known;
        BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        Future<byte[]> answer = io.submit(() -> {
            try {
                child.in.writeInt(mode);
                child.in.writeInt(nameBytes.length);
                child.in.write(nameBytes);
                child.in.writeInt(typeBytes.length);
                child.in.write(typeBytes);
                child.in.writeInt(bytes.length);
                child.in.write(bytes);
                if (mode == ParserChild.MODE_SCANNED) {
                    child.in.writeInt(knownBytes.length);
                    child.in.write(knownBytes);
                }
                child.in.flush();
                while (true) {
                    int length = child.out.readInt();
                    if (length < 0) throw new IOException("bad answer");
                    byte[] reply = child.out.readNBytes(length);
                    if (reply.length != length) throw new IOException("truncated answer");
                    frames.add(reply);
                    if (!isProgress(reply)) return reply;
                }
            } finally {
                frames.add(END); // wakes the waiting side whatever happened
            }
        });
        byte[] reply = null;
        boolean reading = false;
        long deadline = System.currentTimeMillis() + limits.parseTimeout().toMillis();
        try {
            while (reply == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new TimeoutException();
                byte[] frame = frames.poll(left, TimeUnit.MILLISECONDS);
                if (frame == null) continue;
                if (frame == END) {
                    reply = answer.get(); // throws when the child died
                } else if (isProgress(frame)) {
                    ScanReader.PageText page = pageOf(frame);
                    if (page != null) {
                        progress.read(page);
                        continue;
                    }
                    int[] p = progressOf(frame);
                    progress.page(p[0], p[1]);
                    // each page has its own time: the clock starts again with every page reported
                    reading = true;
                    deadline = System.currentTimeMillis() + limits.ocr().pageTimeout().toMillis() + 5_000;
                } else {
                    reply = frame;
                }
            }
        } catch (TimeoutException e) {
            child.process.destroyForcibly();
            answer.cancel(true);
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, reading
                    ? "reading a scanned page took longer than " + limits.ocr().pageTimeout().toSeconds() + " s; the parser was stopped"
                    : "parsing did not finish within " + limits.parseTimeout().toSeconds() + " s; the parser was stopped");
        } catch (InterruptedException e) {
            child.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "parsing was interrupted");
        } catch (ExecutionException e) {
            // the child died mid-document: out of memory, or crashed
            int exit = exitStatus(child.process);
            if (exit == OOM_EXIT) {
                throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                        "the document needs more memory to read than the parser may use (" + limits.parserHeapMb() + " MB)");
            }
            throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "the parser stopped on this document without an answer (exit status " + exit + ")");
        }
        return read(reply);
    }

    private static final byte[] END = new byte[0];

    private static boolean isProgress(byte[] reply) {
        return reply.length > 12 && reply[0] == '{' && reply[1] == '"' && reply[2] == 'p' && reply[3] == 'r';
    }

    /** The page of a page frame ({@code {"progress":"page","page":{...}}}), or null for a count. */
    private static ScanReader.PageText pageOf(byte[] frame) {
        try {
            JsonNode node = Json.mapper().readTree(frame);
            if (!node.path("progress").isTextual() || !node.has("page")) return null;
            return Json.mapper().treeToValue(node.get("page"), ScanReader.PageText.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static int[] progressOf(byte[] frame) {
        try {
            JsonNode p = Json.mapper().readTree(frame).path("progress");
            return new int[] {p.path(0).asInt(), p.path(1).asInt()};
        } catch (IOException e) {
            return new int[] {0, 0};
        }
    }

    private static ParsedDocument read(byte[] reply) throws ExtractionException {
        ObjectMapper json = Json.mapper();
        JsonNode node;
        try {
            node = json.readTree(reply);
            if (node.path("ok").asBoolean(false)) return json.treeToValue(node.get("document"), ParsedDocument.class);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the parser's answer was unreadable");
        }
        ExtractionException.Reason reason;
        try {
            reason = ExtractionException.Reason.valueOf(node.path("reason").asText());
        } catch (IllegalArgumentException e) {
            reason = ExtractionException.Reason.CORRUPT;
        }
        throw new Answered(reason, node.path("message").asText("cannot parse the document"));
    }

    private static int exitStatus(Process child) {
        try {
            if (child.waitFor(5, TimeUnit.SECONDS)) return child.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroyForcibly();
        return -1;
    }

    /** A warm child: one from the pool, one about to join it, or else one started now. */
    private Child take() throws IOException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MS);
        while (System.nanoTime() < until) {
            Child c = warm.poll();
            if (c == null && starting.get() > 0) {
                try {
                    c = warm.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for a parser process");
                }
            }
            if (c == null) return spawnReady();
            if (c.process.isAlive()) return c;
        }
        throw new IOException("no parser process became ready in " + STARTUP_TIMEOUT_MS / 1000 + " s");
    }

    /** Starts a child and waits until it has warmed up and waits for documents. */
    private Child spawnReady() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        // Tesseract reads one page on one core: the other stays free for searches
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Child c = new Child(pb.start());
        started.incrementAndGet();
        Future<Integer> ready = io.submit(() -> c.out.read());
        try {
            Integer b = ready.get(STARTUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (b != null && b == ParserChild.READY) return c;
            throw new IOException("the parser process stopped while starting (exit status " + exitStatus(c.process) + ")");
        } catch (TimeoutException | ExecutionException e) {
            c.process.destroyForcibly();
            throw new IOException("the parser process did not start: " + e);
        } catch (InterruptedException e) {
            c.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a parser process");
        }
    }

    /** Starts children in the background (one at a time) until the pool is full again. */
    private void refill() {
        refill(poolSize);
    }

    private void refill(int target) {
        while (!closed) {
            int s = starting.get();
            if (warm.size() + s >= target) return;
            if (!starting.compareAndSet(s, s + 1)) continue;
            try {
                spawner.execute(this::startOne);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                starting.decrementAndGet();
                return;
            }
        }
    }

    private void startOne() {
        boolean failed = false;
        try {
            if (!closed) warm.add(spawnReady());
        } catch (IOException e) {
            failed = true;
            // a start cut short by close() is expected; anything else is worth a warning
            if (!closed) LOG.warn("cannot start a parser process: {}", e.getMessage());
        } finally {
            starting.decrementAndGet();
        }
        if (closed) {
            drain();
        } else if (failed) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            refill();
        }
    }

    private void drain() {
        Child c;
        while ((c = warm.poll()) != null) c.retire();
    }

    /** Children waiting for a document now. */
    public int warmCount() {
        return warm.size();
    }

    /** Children started so far (each start costs a JVM start). */
    public int startedCount() {
        return started.get();
    }

    @Override
    public void close() {
        closed = true;
        spawner.shutdownNow();
        drain();
        io.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
