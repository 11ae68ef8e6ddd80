package org.letterarchive.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.letterarchive.corpus.DeletedLetterException;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.search.SearchException;

/**
 * The one mapping from exceptions to HTTP statuses, for every route and for each file of an upload, and
 * the one shape of an error answer: {@code {"status": N, "error": "message"}}.
 */
final class HttpErrors {

    private HttpErrors() {}

    /** The status an exception answers with; 500 for anything not meant for the client. */
    static int status(Throwable e) {
        if (e instanceof ApiException a) return a.status();
        if (e instanceof SearchException) return 400;
        if (e instanceof DeletedLetterException) return 409;
        if (e instanceof ExtractionException x) return status(x.reason());
        if (e instanceof HttpResponseException h) return h.getStatus();
        return 500;
    }

    /** The HTTP status of each reason a document is refused. */
    static int status(ExtractionException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE -> 413;
            case CORRUPT, ENCRYPTED, EMPTY -> 422;
            case TIMEOUT -> 503;
        };
    }

    /** The message a client is shown: the exception's own, except for internal errors. */
    static String message(Throwable e) {
        return status(e) >= 500 && !(e instanceof ApiException) && !(e instanceof ExtractionException)
                ? "internal error: " + e.getClass().getSimpleName() : e.getMessage();
    }

    static void respond(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }
}
