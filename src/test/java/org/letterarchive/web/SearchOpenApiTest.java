package org.letterarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.letterarchive.search.SearchFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.index.IndexSchema;

/** GET /api/openapi.json: an OpenAPI 3 document that covers every route and every search parameter. */
class SearchOpenApiTest {

    @TempDir
    Path dir;

    @Test
    void describesEveryRoute() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            JavalinTest.test(WebApp.create(archive, null), (app, c) -> {
                JsonNode spec = ok(c, "/api/openapi.json");
                assertTrue(spec.get("openapi").asText().startsWith("3."), "OpenAPI 3");
                assertTrue(spec.get("info").has("title") && spec.get("info").has("version"));
                JsonNode paths = spec.get("paths");
                Map<String, Set<String>> expected = Map.of(
                        "/api/search", Set.of("get"),
                        "/api/facets/{facet}", Set.of("get"),
                        "/api/export", Set.of("get"),
                        "/api/letters", Set.of("post"),
                        "/api/letters/{id}", Set.of("get", "patch", "delete"),
                        "/api/letters/{id}/file", Set.of("get"),
                        "/api/organizations/merge", Set.of("post"),
                        "/api/organizations/split", Set.of("post"),
                        "/api/health", Set.of("get"),
                        "/api/openapi.json", Set.of("get"));
                expected.forEach((path, methods) -> {
                    assertTrue(paths.has(path), "documents " + path);
                    for (String m : methods) assertTrue(paths.get(path).has(m), "documents " + m + " " + path);
                });
                assertEquals("bearer", spec.get("components").get("securitySchemes").get("bearer").get("scheme").asText());
                assertTrue(paths.get("/api/letters").get("post").get("requestBody").get("content").has("multipart/form-data"));

                Set<String> searchParams = new HashSet<>();
                paths.get("/api/search").get("get").get("parameters").forEach(p -> searchParams.add(p.get("name").asText()));
                for (String facet : IndexSchema.FACETS) assertTrue(searchParams.contains(facet), "documents facet " + facet);
                for (String p : new String[] {"q", "signerMatch", "from", "to", "sort", "page", "size", "searchAfter"}) {
                    assertTrue(searchParams.contains(p), "documents " + p);
                }
                // every $ref points at a defined component
                checkRefs(spec, spec);
            });
        }
    }

    private static void checkRefs(JsonNode root, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                JsonNode target = root.at(ref.asText().substring(1));
                assertTrue(!target.isMissingNode(), "defined: " + ref.asText());
            }
            node.elements().forEachRemaining(n -> checkRefs(root, n));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(n -> checkRefs(root, n));
        }
    }
}
