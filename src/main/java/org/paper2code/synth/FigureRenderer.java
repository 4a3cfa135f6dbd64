package org.paper2code.synth;

import java.util.Random;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;

/** Draws one kind of figure. The graph is null for {@link DiagramStyle#OTHER}. */
public interface FigureRenderer {
    DiagramStyle style();

    Rendered render(Graph graph, Look look, Random r);
}
