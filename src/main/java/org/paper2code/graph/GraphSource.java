package org.paper2code.graph;

/**
 * Where a graph came from: paper, page, figure or table, diagram style and the
 * detector's confidence. Every field may be null.
 */
public record GraphSource(String paper, Integer page, String figure, String table,
                          String configuration, String diagramType, Double confidence) {

    public static GraphSource ofFile(String file) {
        return new GraphSource(file, null, null, null, null, null, null);
    }
}
