package org.paper2code.tables;

import org.paper2code.graph.Graph;

/**
 * One configuration of an architecture table and its graph.
 *
 * @param configuration the column header that names it ("A-LRN", "50-layer"), or the table label when the
 *                      table describes a single network
 * @param graph         validated by the graph core; {@code source.table} and {@code source.configuration} say where it came from
 */
public record ConfigGraph(String configuration, Graph graph) {
}
