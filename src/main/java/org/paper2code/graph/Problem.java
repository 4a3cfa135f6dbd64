package org.paper2code.graph;

/** One validation finding: the layer it concerns (null for the whole graph) and why. */
public record Problem(String layer, String message) {
    @Override
    public String toString() {
        return layer == null ? message : "layer '" + layer + "': " + message;
    }
}
