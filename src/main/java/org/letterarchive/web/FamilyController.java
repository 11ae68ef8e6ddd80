package org.letterarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.family.FamilyView;
import org.letterarchive.store.Curation;
import org.letterarchive.store.LetterStore;

/**
 * GET /api/letters/{id}/family: the letter's family; POST /api/letters/{id}/family/split (bearer token): the
 * letter leaves its family; POST /api/letters/{id}/family/join {"with": id} (bearer token): the two letters'
 * families become one. Splits and joins are kept as corrections and survive a reindex.
 */
final class FamilyController {

    private final LetterStore store;
    private final Curation curation;
    private final LetterController letters;
    private final ApiToken token;

    FamilyController(LetterStore store, Curation curation, LetterController letters, ApiToken token) {
        this.store = store;
        this.curation = curation;
        this.letters = letters;
        this.token = token;
    }

    void family(Context ctx) {
        String id = letters.find(ctx.pathParam("id")).id();
        ctx.json(view().of(id));
    }

    void split(Context ctx) throws IOException {
        token.require(ctx);
        String id = letters.find(ctx.pathParam("id")).id();
        view();
        int n = curation.splitFamily(id);
        Map<String, Object> out = new java.util.LinkedHashMap<>(view().of(id));
        out.put("reindexed", n);
        ctx.json(out);
    }

    void join(Context ctx) throws IOException {
        token.require(ctx);
        String id = letters.find(ctx.pathParam("id")).id();
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badRequest("the body must be JSON: {\"with\": \"<letter id>\"}");
        }
        if (body == null || !body.path("with").isTextual()) throw ApiException.badRequest("give the other letter as {\"with\": \"<letter id>\"}");
        StoredLetter other = letters.find(body.get("with").asText().strip());
        if (other.id().equals(id)) throw ApiException.badRequest("a letter cannot be joined with itself");
        view();
        int n = curation.joinFamilies(id, other.id());
        Map<String, Object> out = new java.util.LinkedHashMap<>(view().of(id));
        out.put("reindexed", n);
        ctx.json(out);
    }

    private FamilyView view() {
        if (store.families() == null) throw new ApiException(409, "family detection is off in this archive");
        return new FamilyView(store.families(), id -> store.get(id).map(StoredLetter::letter));
    }
}
