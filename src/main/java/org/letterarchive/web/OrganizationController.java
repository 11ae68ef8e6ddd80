package org.letterarchive.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.search.BatchNames;
import org.letterarchive.search.Network;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchRequest;

/**
 * Organizations as records: the list, a profile, the co-signer networks (JSON, GEXF, GraphML, CSV), letters
 * related by their signers, and the batch lookup of a list of names.
 */
final class OrganizationController {

    private static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;

    private final OrganizationService orgs;

    OrganizationController(OrganizationService orgs) {
        this.orgs = orgs;
    }

    void list(Context ctx) {
        OrganizationService.ListOrder sort = SearchController.enumParam(ctx, "sort", OrganizationService.ListOrder.class);
        int page = SearchController.intParam(ctx, "page", 1);
        int size = SearchController.intParam(ctx, "size", OrganizationService.PAGE_SIZE);
        if (size > OrganizationService.MAX_PAGE_SIZE) throw ApiException.badRequest("'size' must be at most " + OrganizationService.MAX_PAGE_SIZE);
        ctx.json(orgs.list(ctx.queryParam("prefix"), sort, page, size));
    }

    void profile(Context ctx) {
        String name = ctx.pathParam("key");
        int top = Math.min(100, SearchController.intParam(ctx, "top", 20));
        var p = orgs.profile(name, top, Math.min(50, SearchController.intParam(ctx, "latest", 10)));
        if (p.isEmpty()) {
            notFound(ctx, name);
            return;
        }
        ctx.json(p.get());
    }

    /** 404 naming the closest organizations. */
    private void notFound(Context ctx, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 404);
        body.put("error", "no organization matches '" + name + "'");
        body.put("closest", orgs.resolve(name).closest());
        ctx.status(404).json(body);
    }

    void neighbourhood(Context ctx) {
        String name = ctx.pathParam("key");
        int min = SearchController.intParam(ctx, "min", 2);
        int limit = SearchController.intParam(ctx, "limit", 50);
        LocalDate from = SearchController.dateParam(ctx, "from", false);
        LocalDate to = SearchController.dateParam(ctx, "to", true);
        var n = orgs.neighbourhood(name, min, from, to, limit);
        if (n.isEmpty()) {
            notFound(ctx, name);
            return;
        }
        String what = "Co-signers of " + orgs.label(n.get().center()) + period(from, to) + ", at least " + min + " letters together";
        send(ctx, n.get(), what, "network-" + slug(n.get().center()));
    }

    void ofSearch(Context ctx) {
        SearchRequest request = SearchController.request(ctx, false);
        int limit = SearchController.intParam(ctx, "limit", 200);
        Network n = orgs.ofSearch(request, limit);
        String what = "The " + limit + " organizations that signed most letters of the search"
                + (request.query().isEmpty() ? "" : " '" + request.query() + "'") + period(request.from(), request.to());
        send(ctx, n, what, "network");
    }

    private static void send(Context ctx, Network n, String description, String fileName) {
        NetworkFormats.Format f = SearchController.enumParam(ctx, "format", NetworkFormats.Format.class);
        if (f == null || f == NetworkFormats.Format.json) {
            ctx.json(n);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "." + f.extension + "\"");
        ctx.contentType(f.contentType);
        ctx.result(switch (f) {
            case gexf -> NetworkFormats.gexf(n, description);
            case graphml -> NetworkFormats.graphml(n, description);
            default -> NetworkFormats.csv(n);
        });
    }

    void related(Context ctx) {
        String id = ctx.pathParam("id");
        int limit = Math.min(50, SearchController.intParam(ctx, "limit", 10));
        var r = orgs.related(id, limit).orElseThrow(() -> ApiException.notFound("letter " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("hits", r.stream().map(x -> {
            Map<String, Object> m = Json.map(x.letter());
            m.put("shared", x.shared());
            return m;
        }).toList());
        ctx.json(body);
    }

    void batch(Context ctx) throws IOException {
        String text;
        boolean csvHint = false;
        List<String> given = null;
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file != null) {
                if (file.size() > MAX_BATCH_BYTES) throw ApiException.badRequest("the list is larger than 2 MB");
                csvHint = file.filename() != null && file.filename().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
                try (InputStream in = file.content()) {
                    text = new String(in.readNBytes(MAX_BATCH_BYTES), StandardCharsets.UTF_8);
                }
            } else {
                text = ctx.formParam("names");
            }
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            text = ctx.formParam("names");
        } else if (contentType.startsWith("application/json")) {
            var node = org.letterarchive.corpus.Json.mapper().readTree(ctx.bodyAsBytes());
            List<String> names = new ArrayList<>();
            var arr = node.isArray() ? node : node.path("names");
            arr.forEach(n -> names.add(n.asText()));
            given = names;
            text = String.join("\n", names);
        } else {
            byte[] body = ctx.bodyAsBytes();
            if (body.length > MAX_BATCH_BYTES) throw ApiException.badRequest("the list is larger than 2 MB");
            text = new String(body, StandardCharsets.UTF_8);
            csvHint = contentType.startsWith("text/csv");
        }
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("send a list of names: one per line, or a CSV with a 'name' column (at most "
                    + OrganizationService.MAX_BATCH + ")");
        }
        List<String> names = given != null ? given : BatchNames.parse(text, csvHint);
        if (names.size() > OrganizationService.MAX_BATCH) {
            throw ApiException.badRequest(names.size() + " names: a batch holds at most " + OrganizationService.MAX_BATCH);
        }
        List<OrganizationService.Resolution> results = orgs.batch(names);
        String format = ctx.queryParam("format");
        String accept = ctx.header("Accept");
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (csv) {
            ctx.header("Content-Disposition", "attachment; filename=\"organizations-checked.csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            ctx.result(BatchNames.csv(results));
            return;
        }
        ctx.json(BatchNames.json(results));
    }

    private static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) return "";
        return ", " + (from == null ? "…" : from) + " to " + (to == null ? "…" : to);
    }

    private static String slug(String key) {
        String s = key.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "organization" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** JSON helpers local to the web layer. */
    static final class Json {
        private Json() {}

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object record) {
            return org.letterarchive.corpus.Json.mapper().convertValue(record, LinkedHashMap.class);
        }
    }
}
