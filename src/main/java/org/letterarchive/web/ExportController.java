package org.letterarchive.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.search.Exporter;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchService;

/**
 * GET /api/export: every letter a search matches (not a page), as CSV or JSON, streamed. Past
 * {@link Exporter#MAX_ROWS} letters the export stops and says so in {@code X-Export-Truncated: true};
 * {@code X-Export-Total} and {@code X-Export-Count} give the matching and exported numbers.
 */
final class ExportController {

    static final String[] COLUMNS = {"id", "title", "date", "language", "recipients", "signerCount", "signers", "url"};

    private final SearchBackend search;
    /** The configured public address links are made from; empty: paths alone. */
    private final String base;

    ExportController(SearchBackend search, String baseUrl) {
        this.search = search;
        this.base = baseUrl;
    }

    /**
     * {@code format} is both the output format (csv or json) and, as in a search, the document-format facet:
     * the values csv and json choose the output, media types (with a '/') filter the letters.
     */
    void export(Context ctx) throws IOException {
        List<String> outputs = ctx.queryParams("format").stream().map(f -> f.strip().toLowerCase())
                .filter(f -> !f.contains("/")).distinct().toList();
        if (outputs.size() > 1 || (outputs.size() == 1 && !outputs.get(0).equals("csv") && !outputs.get(0).equals("json"))) {
            throw ApiException.badRequest("'format' must be csv or json (or a document media type to filter on), not "
                    + String.join(", ", outputs));
        }
        String format = outputs.isEmpty() ? "csv" : outputs.get(0);
        SearchRequest request = SearchController.request(ctx);
        List<String> mediaTypes = request.filter(IndexSchema.F_FORMAT).stream().filter(f -> f.contains("/")).toList();
        request = request.withFilter(IndexSchema.F_FORMAT, mediaTypes.toArray(String[]::new));
        StreamSink sink = format.equals("csv") ? new CsvSink(ctx, base) : new JsonSink(ctx, base);
        search.export(request, Exporter.MAX_ROWS, sink);
        sink.finish();
    }

    /** A sink writing to the response; {@link #finish} ends the document and flushes. */
    private interface StreamSink extends Exporter.Sink {
        void finish() throws IOException;
    }

    private static void headers(Context ctx, long total, int rows, boolean truncated, String type, String ext) {
        ctx.status(200);
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"letters." + ext + "\"");
        ctx.header("X-Export-Total", Long.toString(total));
        ctx.header("X-Export-Count", Integer.toString(rows));
        ctx.header("X-Export-Truncated", Boolean.toString(truncated));
    }

    static String url(String base, String id) {
        return base + "/api/letters/" + id;
    }

    private static final class CsvSink implements StreamSink {
        private final Context ctx;
        private final String base;
        private Writer out;

        CsvSink(Context ctx, String base) {
            this.ctx = ctx;
            this.base = base;
        }

        @Override
        public void begin(long total, int rows, boolean truncated) throws IOException {
            headers(ctx, total, rows, truncated, "text/csv; charset=utf-8", "csv");
            out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
            out.write(Csv.line(List.of(COLUMNS)));
        }

        @Override
        public void row(Exporter.Row r) throws IOException {
            out.write(Csv.line(List.of(r.id(), nz(r.title()), nz(r.date()), nz(r.language()),
                    String.join("; ", r.recipients()), Integer.toString(r.signerCount()), String.join("; ", r.signers()),
                    url(base, r.id()))));
        }

        @Override
        public void finish() throws IOException {
            if (out != null) out.flush();
        }
    }

    private static final class JsonSink implements StreamSink {
        private final Context ctx;
        private final String base;
        private JsonGenerator gen;

        JsonSink(Context ctx, String base) {
            this.ctx = ctx;
            this.base = base;
        }

        @Override
        public void begin(long total, int rows, boolean truncated) throws IOException {
            headers(ctx, total, rows, truncated, "application/json", "json");
            OutputStream os = ctx.outputStream();
            gen = Json.mapper().getFactory().createGenerator(os);
            gen.writeStartArray();
        }

        @Override
        public void row(Exporter.Row r) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("id", r.id());
            gen.writeStringField("title", r.title());
            gen.writeStringField("date", r.date());
            gen.writeStringField("language", r.language());
            gen.writeArrayFieldStart("recipients");
            for (String s : r.recipients()) gen.writeString(s);
            gen.writeEndArray();
            gen.writeNumberField("signerCount", r.signerCount());
            gen.writeArrayFieldStart("signers");
            for (String s : r.signers()) gen.writeString(s);
            gen.writeEndArray();
            gen.writeStringField("url", url(base, r.id()));
            gen.writeEndObject();
        }

        @Override
        public void finish() throws IOException {
            if (gen != null) {
                gen.writeEndArray();
                gen.flush();
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
