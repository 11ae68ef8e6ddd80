package org.letterarchive.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** GET /api/openapi.json: the hand-written OpenAPI 3 description of the API, from the class path. */
final class OpenApi {

    static final String RESOURCE = "/org/letterarchive/web/openapi.json";

    private OpenApi() {}

    static void serve(Context ctx) throws IOException {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the build");
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }
}
