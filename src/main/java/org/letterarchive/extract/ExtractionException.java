package org.letterarchive.extract;

/** A document that cannot become a letter, with the reason in words a user can act on. */
public class ExtractionException extends Exception {

    /** Why a document was refused; each maps to one HTTP status and CLI message. */
    public enum Reason {
        /** not one of the accepted formats (by content, not by name) */
        UNSUPPORTED_TYPE,
        /** larger than a configured limit */
        TOO_LARGE,
        /** damaged or not what it claims to be */
        CORRUPT,
        /** needs a password */
        ENCRYPTED,
        /** the parser did not finish in time */
        TIMEOUT,
        /** parsed, but holds no text to analyse */
        EMPTY
    }

    private final Reason reason;

    public ExtractionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
