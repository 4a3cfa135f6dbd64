package org.paper2code.detect;

import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;

/**
 * What the diagram parser produced for one figure.
 *
 * @param graph            the graph (no layers when nothing was recognised; then {@code reason} says why)
 * @param style            the style the figure was parsed as
 * @param layerConfidence  layer name to 0..1 (shape detection times label confidence)
 * @param edgeConfidence   "from->to" to 0..1 (0.9 arrow head seen, 0.6 reading direction, 0.4 repair)
 * @param repairs          every change made to make the graph valid or complete (added Input, Flatten, Concat, links)
 * @param problems         validation problems left after repair (empty when the graph validates)
 * @param reason           why the graph is empty, else null
 * @param overlay          the figure with what was detected drawn on it (BGR)
 */
public record DetectionResult(Graph graph, DiagramStyle style, Map<String, Double> layerConfidence, Map<String, Double> edgeConfidence,
                              List<String> repairs, List<String> problems, String reason, Mat overlay) {
    public DetectionResult {
        layerConfidence = Map.copyOf(layerConfidence);
        edgeConfidence = Map.copyOf(edgeConfidence);
        repairs = List.copyOf(repairs);
        problems = List.copyOf(problems);
    }

    public boolean empty() {
        return graph.layers().isEmpty();
    }
}
