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
import org.letterarchive.corpus.DeletedLetterException;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.ingest.IngestPipeline;
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

    private final IngestPipeline pipeline;
    private final LetterController letters;
    private final ApiToken token;
    private final IngestLimits limits;
    private final ThreadPoolExecutor workers;

    UploadController(IngestPipeline pipeline, LetterController letters, ApiToken token, int workers, int queue) {
        this.pipeline = pipeline;
        this.letters = letters;
        this.token = token;
        this.limits = pipeline.limits();
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
        if (ctx.contentLength() > maxRequestBytes(limits)) throw tooLarge();
        boolean restore = "true".equalsIgnoreCase(ctx.queryParam("restore"));
        List<IngestPipeline.Incoming> files = receive(ctx);
        CompletableFuture<Void> done;
        try {
            done = CompletableFuture.supplyAsync(() -> ingest(files, restore), workers).thenAccept(r -> respond(ctx, r));
        } catch (RejectedExecutionException e) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw new ApiException(503, "the server is busy parsing other uploads; try again in " + RETRY_AFTER_SECONDS + " s");
        }
        ctx.future(() -> done.exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("upload failed", cause);
            HttpErrors.respond(ctx, 500, "internal error: " + cause.getClass().getSimpleName());
            return null;
        }));
    }

    /**
     * The pipeline's receive stage over HTTP: each multipart part (Jetty keeps large ones on disk) or the raw
     * body, with its size; the pipeline admits the size before reading a part's bytes.
     */
    private List<IngestPipeline.Incoming> receive(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        List<IngestPipeline.Incoming> files = new ArrayList<>();
        if (type.startsWith("multipart/form-data")) {
            List<UploadedFile> parts;
            try {
                parts = ctx.uploadedFiles("file");
            } catch (RuntimeException e) {
                throw requestError(e);
            }
            if (parts.isEmpty()) throw ApiException.badRequest("no file in the multipart field 'file'");
            for (UploadedFile f : parts) {
                files.add(new IngestPipeline.Incoming(f.filename(), f.size(), () -> {
                    try (InputStream in = f.content()) {
                        return in.readAllBytes();
                    }
                }));
            }
        } else {
            byte[] body;
            try (InputStream in = ctx.bodyInputStream()) {
                // one byte past the limit is enough to know the file is too large
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            } catch (IOException e) {
                throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
            }
            if (body.length == 0) throw new ApiException(422, "the file is empty (send the file as the body, or as multipart field 'file')");
            files.add(IngestPipeline.Incoming.of(ctx.queryParam("filename"), body));
        }
        return files;
    }

    /**
     * A multipart body the server could not take: over the request size limit (Jetty's own 413, by its
     * status code), or malformed (400).
     */
    private ApiException requestError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 413) return tooLarge();
            if (t instanceof io.javalin.http.HttpResponseException h && h.getStatus() == 413) return tooLarge();
        }
        return ApiException.badRequest("cannot read the multipart body: " + e.getMessage());
    }

    private ApiException tooLarge() {
        return new ApiException(413, IngestPipeline.tooLarge(limits).getMessage());
    }

    /** Runs the pipeline; each document's result becomes one JSON object of the answer. */
    private List<Map<String, Object>> ingest(List<IngestPipeline.Incoming> files, boolean restore) {
        try {
            return pipeline.ingest(files, restore, true).stream().map(UploadController::answer).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void respond(Context ctx, List<Map<String, Object>> results) {
        boolean single = results.size() == 1 && !results.get(0).containsKey("archive");
        if (single) {
            Map<String, Object> r = results.get(0);
            int status = (Integer) r.get("status");
            if (status >= 400) {
                HttpErrors.respond(ctx, status, (String) r.get("error"));
            } else if (status == 202) {
                Map<String, Object> body = JobController.view((org.letterarchive.ingest.OcrJobs.Job) r.get("jobRecord"));
                ctx.header("Location", (String) body.get("url"));
                ctx.status(202).json(body);
            } else {
                Map<String, Object> body = letters.view((StoredLetter) r.get("stored"));
                body.put("duplicate", r.get("duplicate"));
                ctx.status(status).json(body);
            }
            return;
        }
        results.forEach(r -> {
            r.remove("stored");
            r.remove("jobRecord");
        });
        ctx.status(overallStatus(results)).json(results);
    }

    /**
     * The status of a multi-file answer: 201 when a letter was created, else 202 when a file waits in an OCR
     * job, 200 when every file was already there; when none succeeded, the files' common error status (422
     * when they differ).
     */
    static int overallStatus(List<Map<String, Object>> results) {
        boolean anyOk = false;
        boolean anyCreated = false;
        boolean anyQueued = false;
        Integer common = null;
        boolean same = true;
        for (Map<String, Object> r : results) {
            int s = (Integer) r.get("status");
            if (s < 400) {
                anyOk = true;
                anyCreated |= s == 201;
                anyQueued |= s == 202;
            } else if (common == null) {
                common = s;
            } else if (common != s) {
                same = false;
            }
        }
        if (anyOk) return anyCreated ? 201 : anyQueued ? 202 : 200;
        if (common == null) return 400;
        return same ? common : 422;
    }

    private static Map<String, Object> answer(IngestPipeline.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.name());
        if (r.archive() != null) m.put("archive", r.archive());
        if (r.error() != null) {
            m.put("status", HttpErrors.status(r.error()));
            m.put("error", r.error().getMessage());
            if (r.error() instanceof DeletedLetterException d) m.put("id", d.tombstone().id());
            return m;
        }
        if (r.job() != null) {
            // waits for OCR: the original is stored, the letter follows when the job is done
            m.put("status", 202);
            m.put("id", r.job().id());
            m.put("job", "/api/jobs/" + r.job().id());
            m.put("state", r.job().state().name());
            m.put("pagesDone", r.job().pagesDone());
            m.put("pagesTotal", r.job().pagesTotal());
            m.put("jobRecord", r.job());
            return m;
        }
        Letter l = r.letter();
        m.put("status", r.created() ? 201 : 200);
        m.put("duplicate", !r.created());
        m.put("id", l.id());
        m.put("title", l.title());
        m.put("date", l.date() == null ? null : l.date().toString());
        m.put("signerCount", l.signerCount());
        m.put("warnings", l.warnings());
        m.put("url", "/api/letters/" + l.id());
        m.put("stored", r.stored());
        return m;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
