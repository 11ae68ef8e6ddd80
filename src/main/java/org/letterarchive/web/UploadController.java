package org.letterarchive.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.letterarchive.Archive;
import org.letterarchive.corpus.DeletedLetterException;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.letter.Letter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/letters: one or several files (multipart field {@code file}) or a raw body with a
 * {@code filename} query parameter; a ZIP is ingested entry by entry. The work runs on a small bounded
 * executor, never on the HTTP threads; when its queue is full the answer is 503 with Retry-After. The
 * answer comes after the originals and sidecars are on disk and the index is committed.
 */
final class UploadController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadController.class);
    static final int RETRY_AFTER_SECONDS = 5;

    private final Archive archive;
    private final ApiToken token;
    private final IngestLimits limits;
    private final ThreadPoolExecutor workers;

    /** One file as it arrived: its bytes, or the reason it was refused before any parsing. */
    private record Incoming(String name, byte[] bytes, ApiException refused) {}

    UploadController(Archive archive, ApiToken token, int workers, int queue) {
        this.archive = archive;
        this.token = token;
        this.limits = archive.limits();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, queue > 0 ? new ArrayBlockingQueue<>(queue) : new java.util.concurrent.SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Largest request body accepted: one file at the limit plus room for multipart framing. */
    static long maxRequestBytes(IngestLimits limits) {
        return limits.maxFileBytes() + 64 * 1024;
    }

    void upload(Context ctx) {
        token.require(ctx);
        long declared = ctx.contentLength();
        if (declared > maxRequestBytes(limits)) throw tooLarge();
        boolean restore = "true".equalsIgnoreCase(ctx.queryParam("restore"));
        List<Incoming> files = receive(ctx);
        CompletableFuture<Void> done;
        try {
            done = CompletableFuture.supplyAsync(() -> process(files, restore), workers).thenAccept(r -> respond(ctx, r));
        } catch (RejectedExecutionException e) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw new ApiException(503, "the server is busy parsing other uploads; try again in " + RETRY_AFTER_SECONDS + " s");
        }
        ctx.future(() -> done.exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("upload failed", cause);
            WebApp.error(ctx, 500, "internal error: " + cause.getClass().getSimpleName());
            return null;
        }));
    }

    private List<Incoming> receive(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        List<Incoming> files = new ArrayList<>();
        if (type.startsWith("multipart/form-data")) {
            List<UploadedFile> parts;
            try {
                parts = ctx.uploadedFiles("file");
            } catch (Exception e) {
                if (isSizeLimit(e)) throw tooLarge();
                throw ApiException.badRequest("cannot read the multipart body: " + e.getMessage());
            }
            if (parts.isEmpty()) throw ApiException.badRequest("no file in the multipart field 'file'");
            for (UploadedFile f : parts) {
                if (f.size() > limits.maxFileBytes()) {
                    files.add(new Incoming(f.filename(), null, tooLarge()));
                    continue;
                }
                try (InputStream in = f.content()) {
                    files.add(new Incoming(f.filename(), in.readAllBytes(), null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } else {
            byte[] body;
            try (InputStream in = ctx.bodyInputStream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            } catch (IOException e) {
                throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
            }
            if (body.length > limits.maxFileBytes()) throw tooLarge();
            if (body.length == 0) throw new ApiException(422, "the file is empty (send the file as the body, or as multipart field 'file')");
            files.add(new Incoming(ctx.queryParam("filename"), body, null));
        }
        return files;
    }

    /** True when the multipart parser refused the body for exceeding the configured sizes. */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("size") || m.contains("exceed") || m.contains("too large") || m.contains("max")) return true;
        }
        return false;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "the file is larger than the limit of " + IngestLimits.size(limits.maxFileBytes()));
    }

    /** The per-file results; a single plain file gives a single result. */
    private List<Map<String, Object>> process(List<Incoming> files, boolean restore) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Incoming f : files) {
            if (f.refused() != null) {
                results.add(failure(f.name(), null, f.refused().status(), f.refused().getMessage()));
                continue;
            }
            try {
                if (archive.isZip(f.bytes())) {
                    for (Archive.EntryResult e : archive.ingestZip(f.bytes(), restore)) {
                        results.add(e.result() != null ? success(e.name(), f.name(), e.result()) : failure(e.name(), f.name(), e.error()));
                    }
                } else {
                    results.add(success(f.name(), null, archive.ingest(f.bytes(), f.name(), restore)));
                }
            } catch (ExtractionException | DeletedLetterException e) {
                results.add(failure(f.name(), null, e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    private void respond(Context ctx, List<Map<String, Object>> results) {
        boolean single = results.size() == 1 && !results.get(0).containsKey("archive");
        if (single) {
            Map<String, Object> r = results.get(0);
            int status = (Integer) r.get("status");
            if (status >= 400) {
                WebApp.error(ctx, status, (String) r.get("error"));
            } else {
                Map<String, Object> body = LetterController.view((StoredLetter) r.get("stored"), archive);
                body.put("duplicate", r.get("duplicate"));
                ctx.status(status).json(body);
            }
            return;
        }
        results.forEach(r -> r.remove("stored"));
        ctx.status(overallStatus(results)).json(results);
    }

    /**
     * The status of a multi-file answer: 201 when a letter was created, 200 when every file was already
     * there; when none succeeded, the files' common error status (422 when they differ).
     */
    static int overallStatus(List<Map<String, Object>> results) {
        boolean anyOk = false;
        boolean anyCreated = false;
        Integer common = null;
        boolean same = true;
        for (Map<String, Object> r : results) {
            int s = (Integer) r.get("status");
            if (s < 400) {
                anyOk = true;
                anyCreated |= s == 201;
            } else if (common == null) {
                common = s;
            } else if (common != s) {
                same = false;
            }
        }
        if (anyOk) return anyCreated ? 201 : 200;
        if (common == null) return 400;
        return same ? common : 422;
    }

    private static Map<String, Object> success(String name, String archiveName, Archive.IngestResult r) {
        Letter l = r.letter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name);
        if (archiveName != null) m.put("archive", archiveName);
        boolean created = r.outcome() == Archive.Outcome.created;
        m.put("status", created ? 201 : 200);
        m.put("duplicate", !created);
        m.put("id", l.id());
        m.put("title", l.title());
        m.put("date", l.date() == null ? null : l.date().toString());
        m.put("signerCount", l.signerCount());
        m.put("warnings", l.warnings());
        m.put("url", "/api/letters/" + l.id());
        m.put("stored", r.stored());
        return m;
    }

    private static Map<String, Object> failure(String name, String archiveName, Exception e) {
        if (e instanceof DeletedLetterException d) {
            Map<String, Object> m = failure(name, archiveName, 409, d.getMessage());
            m.put("id", d.tombstone().id());
            return m;
        }
        ExtractionException x = (ExtractionException) e;
        return failure(name, archiveName, status(x.reason()), x.getMessage());
    }

    private static Map<String, Object> failure(String name, String archiveName, int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name);
        if (archiveName != null) m.put("archive", archiveName);
        m.put("status", status);
        m.put("error", message);
        return m;
    }

    /** The HTTP status of each reason a document is refused. */
    static int status(ExtractionException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE -> 413;
            case CORRUPT, ENCRYPTED, EMPTY -> 422;
            case TIMEOUT -> 503;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
