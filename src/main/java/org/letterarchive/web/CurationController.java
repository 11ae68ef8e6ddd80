package org.letterarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.letterarchive.corpus.Tombstone;
import org.letterarchive.store.Curation;
import org.letterarchive.corpus.Corrections;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Curators' writes: PATCH /api/letters/{id} (corrections), DELETE /api/letters/{id}, and
 * POST /api/organizations/merge and /split. Each needs the bearer token.
 */
final class CurationController {

    private static final Set<String> PATCH_FIELDS = Set.of("title", "date", "recipients", "signers", "editedBy");

    private final Curation curation;
    private final LetterController letters;
    private final ApiToken token;
    private final ObjectMapper json = Json.mapper();

    CurationController(Curation curation, LetterController letters, ApiToken token) {
        this.curation = curation;
        this.letters = letters;
        this.token = token;
    }

    void patch(Context ctx) throws IOException {
        token.require(ctx);
        String id = ctx.pathParam("id");
        letters.find(id);
        JsonNode body = body(ctx);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PATCH_FIELDS.contains(f)) throw ApiException.badRequest("unknown field '" + f + "'; a correction may set " + PATCH_FIELDS);
        }
        String title = null;
        if (body.has("title")) {
            title = body.get("title").isTextual() ? body.get("title").asText().strip() : null;
            if (title == null || title.isEmpty()) throw ApiException.badRequest("'title' must be a non-empty string");
        }
        LocalDate date = null;
        if (body.has("date")) {
            try {
                date = LocalDate.parse(body.get("date").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("'date' must be a date as YYYY-MM-DD");
            }
        }
        List<Recipient> recipients = body.has("recipients") ? list(body.get("recipients"), Recipient.class, "recipients") : null;
        List<Signer> signers = body.has("signers") ? list(body.get("signers"), Signer.class, "signers") : null;
        if (recipients != null && recipients.stream().anyMatch(r -> blank(r.name()) && blank(r.role()))) {
            throw ApiException.badRequest("every recipient needs a 'name' or a 'role'");
        }
        if (signers != null) {
            List<Signer> fixed = new ArrayList<>();
            for (Signer s : signers) {
                if (blank(s.name())) throw ApiException.badRequest("every signer needs a 'name'");
                fixed.add(s.kind() == null ? new Signer(s.name(), Signer.Kind.organization, s.acronym(), s.location(), s.affiliation(), s.title(), s.raw()) : s);
            }
            signers = fixed;
        }
        if (title == null && date == null && recipients == null && signers == null) {
            throw ApiException.badRequest("nothing to correct: give title, date, recipients or signers");
        }
        String editor = body.hasNonNull("editedBy") ? body.get("editedBy").asText().strip() : "";
        Corrections c = new Corrections(title, date, recipients, signers, Instant.now(), editor.isEmpty() ? "curator" : editor);
        StoredLetter updated = curation.correct(id, c).orElseThrow(() -> ApiException.notFound("letter " + id));
        ctx.json(letters.view(updated));
    }

    void delete(Context ctx) throws IOException {
        token.require(ctx);
        String id = ctx.pathParam("id");
        String reason = ctx.queryParam("reason");
        Tombstone tombstone = curation.delete(id, reason == null || reason.isBlank() ? "deleted through the API" : reason.strip())
                .orElseThrow(() -> ApiException.notFound("letter " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("deleted", true);
        m.put("tombstone", tombstone);
        ctx.json(m);
    }

    void merge(Context ctx) throws IOException {
        token.require(ctx);
        JsonNode body = body(ctx);
        List<String> keys = keys(body);
        String into = body.path("into").asText("").strip();
        if (into.isEmpty()) throw ApiException.badRequest("'into' must name the organization key to merge into");
        String name = body.hasNonNull("name") ? body.get("name").asText().strip() : null;
        int reindexed = curation.merge(keys, into, name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("into", curation.canonical(into));
        m.put("name", curation.label(curation.canonical(into)));
        m.put("keys", keys);
        m.put("reindexed", reindexed);
        ctx.json(m);
    }

    void split(Context ctx) throws IOException {
        token.require(ctx);
        List<String> keys = keys(body(ctx));
        int reindexed = curation.split(keys);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keys", keys);
        m.put("reindexed", reindexed);
        ctx.json(m);
    }

    private JsonNode body(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        if (body == null || !body.isObject()) throw ApiException.badRequest("the body must be a JSON object");
        return body;
    }

    private static List<String> keys(JsonNode body) {
        JsonNode keys = body.get("keys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) throw ApiException.badRequest("'keys' must be a non-empty array of organization keys");
        List<String> out = new ArrayList<>();
        for (JsonNode k : keys) {
            if (!k.isTextual() || k.asText().isBlank()) throw ApiException.badRequest("'keys' must hold non-empty strings");
            out.add(k.asText().strip());
        }
        return out;
    }

    private <T> List<T> list(JsonNode node, Class<T> type, String field) {
        if (!node.isArray()) throw ApiException.badRequest("'" + field + "' must be an array");
        List<T> out = new ArrayList<>();
        try {
            for (JsonNode n : node) out.add(json.treeToValue(n, type));
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "' holds an entry that cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
