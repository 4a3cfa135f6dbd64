package org.paper2code.pdf;

/** The one error the PDF stage throws: the file, what is wrong with it, in words a user can act on. */
public final class PdfException extends Exception {
    /** What went wrong, for callers that react differently (e.g. ask for a password). */
    public enum Reason { NOT_FOUND, NOT_A_PDF, CORRUPT, ENCRYPTED, NO_PAGES, TIME_LIMIT, TOO_LARGE, INTERNAL }

    private final Reason reason;

    public PdfException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public PdfException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
