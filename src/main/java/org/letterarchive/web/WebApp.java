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
import org.letterarchive.search.SearchException;
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
     * Builds the server (not started) with writes allowed to holders of {@code token}.
     *
     * @param uploadWorkers uploads parsed at once (match the parser pool)
     * @param uploadQueue   uploads waiting beyond those; more are answered 503 with Retry-After
     */
    public static Javalin create(Archive archive, Path webDir, ApiToken token, int uploadWorkers, int uploadQueue) {
        SearchController search = new SearchController(archive);
        ExportController export = new ExportController(archive.search());
        LetterController letters = new LetterController(archive);
        UploadController uploads = new UploadController(archive, token, uploadWorkers, uploadQueue);
        CurationController curation = new CurationController(archive, token);
        org.letterarchive.search.OrganizationService orgService = archive.organizationService();
        OrganizationController orgs = new OrganizationController(orgService);
        FeedController feeds = new FeedController(archive.search(), orgService);
        CiteController cite = new CiteController(archive::get);
        return Javalin.create(config -> {
            config.http.maxRequestSize = UploadController.maxRequestBytes(archive.limits());
            config.jetty.multipartConfig.maxFileSize(archive.limits().maxFileBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(UploadController.maxRequestBytes(archive.limits()), io.javalin.config.SizeUnit.BYTES);
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
                post("letters", uploads::upload);
                path("letters/{id}", () -> {
                    get(ctx -> {
                        if (SearchController.hasSearch(ctx)) search.letterWithMatch(ctx);
                        else letters.get(ctx);
                    });
                    get("file", letters::original);
                    get("related", orgs::related);
                    get("cite", cite::cite);
                    patch(curation::patch);
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
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(SearchException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "the request is larger than the limit of "
                            + org.letterarchive.extract.IngestLimits.size(archive.limits().maxFileBytes()) : e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) error(ctx, 404, "no such resource: " + ctx.path());
            });
        });
    }

    static void error(io.javalin.http.Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }

    private static Map<String, Object> health(Archive archive) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("letters", archive.index().count());
        return m;
    }
}
