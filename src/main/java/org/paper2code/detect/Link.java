package org.paper2code.detect;

/** A detected connection between two elements (indices into the element list), with how it was decided. */
public record Link(int from, int to, double confidence) {
}
