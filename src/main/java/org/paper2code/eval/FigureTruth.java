package org.paper2code.eval;

import java.util.List;
import org.paper2code.graph.Graph;

/**
 * The truth for one figure image ({@code <id>.truth.json} beside the image): its style, its
 * graph (null for {@code other}), and the pixel boxes of nodes, edges and labels where known.
 */
public record FigureTruth(String image, DiagramStyle style, Graph graph, List<NodeBox> nodes, List<EdgeBox> edges,
                          List<LabelBox> labels, String origin, String licence) {
    public FigureTruth {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Where a layer is drawn. */
    public record NodeBox(String layer, Box box) {
    }

    /** Where the connection between two layers is drawn (the arrow or line's bounding box). */
    public record EdgeBox(String from, String to, Box box) {
    }

    /** A piece of text in the figure and the layer it belongs to (null when none). */
    public record LabelBox(String text, Box box, String layer) {
    }
}
