package org.letterarchive.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * <p>Starting a JVM and loading Tika takes about a second, so a few children are kept started and warm;
 * each parses exactly one document and exits, and a new one is started in the background to replace it.
 * A child that overruns the time limit is killed ({@link Process#destroyForcibly()}).
 */
public final class IsolatedParser implements ParserBackend {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedParser.class);
    /** Exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;

    private final IngestLimits limits;
    private final int poolSize;
    private final List<String> command;
    private final BlockingQueue<Process> warm = new LinkedBlockingQueue<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final ExecutorService spawner;
    private final ExecutorService io;
    private volatile boolean closed;

    /**
     * @param poolSize number of children kept started and waiting (0 starts one per document on demand)
     */
    public IsolatedParser(IngestLimits limits, int poolSize) {
        this(limits, poolSize, null);
    }

    /**
     * @param testHangMarker for tests only: a document containing this text makes the child loop forever
     */
    public IsolatedParser(IngestLimits limits, int poolSize, String testHangMarker) {
        this.limits = limits;
        this.poolSize = Math.max(0, poolSize);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + limits.parserHeapMb() + "m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Xshare:auto");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        cmd.add("-D" + ParserChild.WRITE_LIMIT + "=" + limits.maxTextChars());
        if (testHangMarker != null) cmd.add("-D" + ParserChild.HANG_MARKER + "=" + testHangMarker);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ParserChild.class.getName());
        this.command = List.copyOf(cmd);
        this.spawner = Executors.newSingleThreadExecutor(daemon("parser-spawner"));
        this.io = Executors.newCachedThreadPool(daemon("parser-io"));
        refill();
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        if (closed) throw new IllegalStateException("the parser is closed");
        if (bytes.length > limits.maxFileBytes()) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                    "the file is larger than the limit of " + IngestLimits.size(limits.maxFileBytes()));
        }
        Process child;
        try {
            child = take();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a parser process: " + e.getMessage(), e);
        }
        try {
            return exchange(child, bytes, fileName);
        } finally {
            if (child.isAlive()) child.destroyForcibly();
            refill();
        }
    }

    private ParsedDocument exchange(Process child, byte[] bytes, String fileName) throws ExtractionException {
        byte[] name = fileName == null ? new byte[0] : fileName.getBytes(StandardCharsets.UTF_8);
        if (name.length > ParserChild.MAX_NAME_BYTES) name = new byte[0];
        byte[] nameBytes = name;
        long timeoutMs = limits.parseTimeout().toMillis();
        Future<byte[]> answer = io.submit(() -> {
            try (OutputStream os = child.getOutputStream(); DataOutputStream out = new DataOutputStream(os)) {
                out.writeInt(nameBytes.length);
                out.write(nameBytes);
                out.writeInt(bytes.length);
                out.write(bytes);
            } catch (IOException e) {
                // the child died before reading everything; its exit status tells why
            }
            return child.getInputStream().readAllBytes();
        });
        byte[] reply;
        try {
            reply = answer.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            child.destroyForcibly();
            answer.cancel(true);
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT,
                    "parsing did not finish within " + limits.parseTimeout().toSeconds() + " s; the parser was stopped");
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "parsing was interrupted");
        } catch (ExecutionException e) {
            child.destroyForcibly();
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the parser process failed: " + e.getCause());
        }
        int exit = exitStatus(child);
        if (reply.length == 0) {
            if (exit == OOM_EXIT) {
                throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                        "the document needs more memory to read than the parser may use (" + limits.parserHeapMb() + " MB)");
            }
            throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "the parser stopped on this document without an answer (exit status " + exit + ")");
        }
        return read(reply);
    }

    private static ParsedDocument read(byte[] reply) throws ExtractionException {
        ObjectMapper json = Json.mapper();
        try {
            JsonNode node = json.readTree(reply);
            if (node.path("ok").asBoolean(false)) return json.treeToValue(node.get("document"), ParsedDocument.class);
            ExtractionException.Reason reason;
            try {
                reason = ExtractionException.Reason.valueOf(node.path("reason").asText());
            } catch (IllegalArgumentException e) {
                reason = ExtractionException.Reason.CORRUPT;
            }
            throw new ExtractionException(reason, node.path("message").asText("cannot parse the document"));
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the parser's answer was unreadable");
        }
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

    /** A started child: a warm one when there is one, else one started now. */
    private Process take() throws IOException {
        Process p;
        while ((p = warm.poll()) != null) {
            if (p.isAlive()) return p;
        }
        return spawn();
    }

    private Process spawn() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** Starts children in the background until the pool is full again. */
    private void refill() {
        if (closed) return;
        while (true) {
            int s = starting.get();
            if (warm.size() + s >= poolSize) return;
            if (starting.compareAndSet(s, s + 1)) break;
        }
        try {
            spawner.execute(() -> {
                try {
                    if (!closed) warm.add(spawn());
                } catch (IOException e) {
                    LOG.warn("cannot start a parser process: {}", e.getMessage());
                } finally {
                    starting.decrementAndGet();
                }
                if (closed) drain();
                else refill();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            starting.decrementAndGet();
        }
    }

    private void drain() {
        Process p;
        while ((p = warm.poll()) != null) p.destroyForcibly();
    }

    /** Number of children waiting (for tests and the health endpoint). */
    public int warmCount() {
        return warm.size();
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
