package org.paper2code.emit;

/** A model definition that cannot be imported; the message names the file, the location and the reason. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
