package org.letterarchive.search;

/** A search the archive refuses to run, with the reason in words (an HTTP 400, a CLI error). */
public class SearchException extends RuntimeException {
    public SearchException(String message) {
        super(message);
    }

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
