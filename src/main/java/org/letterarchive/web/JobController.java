package org.letterarchive.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.letterarchive.ingest.IngestPipeline;
import org.letterarchive.ingest.OcrJobs;

/**
 * OCR jobs: {@code GET /api/jobs} (recent jobs), {@code GET /api/jobs/{id}} (one job's state and pages done),
 * {@code DELETE /api/jobs/{id}} (cancel; needs the write token).
 */
final class JobController {

    private final IngestPipeline pipeline;
    private final ApiToken token;

    JobController(IngestPipeline pipeline, ApiToken token) {
        this.pipeline = pipeline;
        this.token = token;
    }

    void list(Context ctx) {
        OcrJobs jobs = pipeline.jobs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ocr", pipeline.ocrAvailable());
        m.put("jobs", jobs == null ? java.util.List.of() : jobs.list().stream().limit(200).map(JobController::view).toList());
        ctx.json(m);
    }

    void get(Context ctx) {
        ctx.json(view(find(ctx.pathParam("id"))));
    }

    void cancel(Context ctx) throws IOException {
        token.require(ctx);
        OcrJobs jobs = pipeline.jobs();
        if (jobs == null) throw new ApiException(404, "no such job: " + ctx.pathParam("id"));
        OcrJobs.Job job = jobs.cancel(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, "no such job: " + ctx.pathParam("id")));
        ctx.json(view(job));
    }

    private OcrJobs.Job find(String id) {
        OcrJobs jobs = pipeline.jobs();
        if (jobs == null) throw new ApiException(404, "no such job: " + id);
        return jobs.get(id).orElseThrow(() -> new ApiException(404, "no such job: " + id));
    }

    static Map<String, Object> view(OcrJobs.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("file", j.file());
        if (j.archive() != null) m.put("archive", j.archive());
        m.put("state", j.state().name());
        m.put("pagesDone", j.pagesDone());
        m.put("pagesTotal", j.pagesTotal());
        m.put("letterId", j.letterId());
        if (j.letterId() != null) m.put("letterUrl", "/api/letters/" + j.letterId());
        if (j.status() != null) m.put("status", j.status());
        if (j.error() != null) m.put("error", j.error());
        m.put("created", j.created() == null ? null : j.created().toString());
        m.put("updated", j.updated() == null ? null : j.updated().toString());
        m.put("url", "/api/jobs/" + j.id());
        return m;
    }
}
