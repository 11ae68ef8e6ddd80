package org.letterarchive.web;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.IngestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: every route in one tree, thin controllers, one mapping from exceptions to statuses. */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private WebApp() {}

    /**
     * Builds the server (not started).
     *
     * @param webDir folder of the web UI's static files; null serves the API alone
     */
    public static Javalin create(Archive archive, Path webDir) {
        // no token is known outside this process: every write is refused
        return create(archive, webDir, ApiToken.of(java.util.UUID.randomUUID().toString()), 2, 8);
    }

    /**
     * Builds the server (not started) with writes allowed to holders of {@code token}; export rows link to
     * letters by path alone.
     */
    public static Javalin create(Archive archive, Path webDir, ApiToken token, int uploadWorkers, int uploadQueue) {
        return create(archive, webDir, token, uploadWorkers, uploadQueue, null);
    }

    /**
     * Builds the server (not started) with writes allowed to holders of {@code token}.
     *
     * @param uploadWorkers uploads parsed at once (match the parser pool)
     * @param uploadQueue   uploads waiting beyond those; more are answered 503 with Retry-After
     * @param baseUrl       the archive's public address (e.g. {@code https://letters.example.org}), from which
     *                      exported links are made; never taken from a request's Host header. Null: paths alone
     */
    public static Javalin create(Archive archive, Path webDir, ApiToken token, int uploadWorkers, int uploadQueue, String baseUrl) {
        LetterController letters = new LetterController(archive.store());
        SearchController search = new SearchController(archive.searchBackend(), archive.search().explainer(), letters);
        // links point here, without a trailing slash; none (tests): links by path alone
        String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        ExportController export = new ExportController(archive.searchBackend(), base);
        UploadController uploads = new UploadController(archive.ingest(), letters, token, uploadWorkers, uploadQueue);
        CurationController curation = new CurationController(archive.curation(), letters, token);
        JobController jobs = new JobController(archive.ingest(), token);
        FamilyController family = new FamilyController(archive.store(), archive.curation(), letters, token);
        long maxRequest = UploadController.maxRequestBytes(archive.limits());
        org.letterarchive.search.OrganizationService orgService = archive.organizationService();
        OrganizationController orgs = new OrganizationController(orgService);
        FeedController feeds = new FeedController(archive.searchBackend(), orgService, base);
        CiteController cite = new CiteController(archive::get, base);
        ReviewController review = new ReviewController(archive.reviewQueue(), archive.curation(), letters, token);
        return Javalin.create(config -> {
            config.http.maxRequestSize = maxRequest;
            // a part may be as large as the request: the ingest pipeline refuses a file over the limit by its size
            config.jetty.multipartConfig.maxFileSize(maxRequest, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxRequest, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            if (webDir != null && Files.isDirectory(webDir)) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = webDir.toAbsolutePath().toString();
                    sf.location = Location.EXTERNAL;
                });
            }
            config.staticFiles.enableWebjars(); // the network drawing library (cytoscape), pinned in the pom
            config.routes.apiBuilder(() -> path("api", () -> {
                get("health", ctx -> ctx.json(health(archive)));
                get("search", search::search);
                get("search.atom", feeds::searchFeed);
                get("network", orgs::ofSearch);
                post("batch", orgs::batch);
                get("facets/{facet}", search::facetValues);
                get("export", export::export);
                get("openapi.json", OpenApi::serve);
                get("review", review::list);
                post("letters", uploads::upload);
                get("jobs", jobs::list);
                get("jobs/{id}", jobs::get);
                delete("jobs/{id}", jobs::cancel);
                path("letters/{id}", () -> {
                    get(ctx -> {
                        if (SearchController.hasSearch(ctx)) search.letterWithMatch(ctx);
                        else letters.get(ctx);
                    });
                    get("file", letters::original);
                    get("related", orgs::related);
                    get("family", family::family);
                    post("family/split", family::split);
                    post("family/join", family::join);
                    get("cite", cite::cite);
                    patch(curation::patch);
                    post("reviewed", review::markReviewed);
                    delete(curation::delete);
                });
                path("organizations", () -> {
                    get(orgs::list);
                    post("merge", curation::merge);
                    post("split", curation::split);
                    get("{key}", orgs::profile);
                    get("{key}/network", orgs::neighbourhood);
                    get("{key}/letters.atom", feeds::organizationFeed);
                });
            }));
            config.routes.before(ctx -> {
                SignerResolution.install(ctx, orgService);
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                int status = HttpErrors.status(e);
                if (status >= 500) LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                String message = status == 413 && e instanceof io.javalin.http.HttpResponseException
                        ? "the request is larger than the limit of " + IngestLimits.size(archive.limits().maxFileBytes())
                        : HttpErrors.message(e);
                HttpErrors.respond(ctx, status, message);
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) HttpErrors.respond(ctx, 404, "no such resource: " + ctx.path());
            });
        });
    }

    /**
     * Reads scans in background OCR jobs on {@code ocrParser} from now on (pending jobs from before a restart
     * resume); uploads that need OCR are answered 202 with their job. The archive owns the parser.
     */
    public static org.letterarchive.ingest.OcrJobs startOcrJobs(Archive archive, org.letterarchive.extract.ParserBackend ocrParser)
            throws java.io.IOException {
        return archive.ingest().startJobs(ocrParser, HttpErrors::status);
    }

    private static Map<String, Object> health(Archive archive) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("letters", archive.store().count());
        m.put("maxFileBytes", archive.limits().maxFileBytes());
        m.put("ocr", archive.ingest().ocrAvailable());
        var jobs = archive.ingest().jobs();
        if (jobs != null) m.put("ocrJobsPending", jobs.pendingCount());
        return m;
    }
}
