package org.paper2code.graph;

/** A graph that cannot be read, validated or shaped; the message names the layer or location. */
public class GraphException extends RuntimeException {
    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
