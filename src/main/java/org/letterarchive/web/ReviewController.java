package org.letterarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.search.ReviewQueue;
import org.letterarchive.store.Curation;

/**
 * The review queue: GET /api/review lists the letters whose analysis is unsure; POST
 * /api/letters/{id}/reviewed settles a letter as it stands (bearer token). A correction through PATCH
 * settles it too.
 */
final class ReviewController {

    private final ReviewQueue queue;
    private final Curation curation;
    private final LetterController letters;
    private final ApiToken token;

    ReviewController(ReviewQueue queue, Curation curation, LetterController letters, ApiToken token) {
        this.queue = queue;
        this.curation = curation;
        this.letters = letters;
        this.token = token;
    }

    void list(Context ctx) throws IOException {
        ReviewQueue.Order order = SearchController.enumParam(ctx, "sort", ReviewQueue.Order.class);
        int page = SearchController.intParam(ctx, "page", 1);
        int size = SearchController.intParam(ctx, "size", ReviewQueue.PAGE_SIZE);
        ctx.json(queue.list(order == null ? ReviewQueue.Order.newest : order, page, size));
    }

    void markReviewed(Context ctx) throws IOException {
        token.require(ctx);
        String id = ctx.pathParam("id");
        letters.find(id);
        String by = null;
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > 0 && !new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            JsonNode body;
            try {
                body = Json.mapper().readTree(raw);
            } catch (IOException e) {
                throw ApiException.badRequest("the body must be empty or a JSON object such as {\"editedBy\": \"name\"}");
            }
            if (body == null || !body.isObject()) throw ApiException.badRequest("the body must be empty or a JSON object such as {\"editedBy\": \"name\"}");
            if (body.hasNonNull("editedBy")) by = body.get("editedBy").asText();
        }
        StoredLetter updated = curation.markReviewed(id, by).orElseThrow(() -> ApiException.notFound("letter " + id));
        ctx.json(letters.view(updated));
    }
}
