package org.paper2code.emit.keras;

/**
 * A Keras tensor during import: the graph layer producing it, how Keras lays it out, and
 * whether Keras holds it channels-first only because a Permute made it so (so a following
 * Reshape works in the graph's own order).
 */
record KerasTensor(String name, KerasLayout layout, boolean permuted) {
}
