package org.paper2code.emit;

import java.util.List;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

/** Writes the graph document itself ({@code --to graph}). */
public final class GraphEmitter implements Emitter {
    @Override
    public String target() {
        return "graph";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        return List.of(new Artifact("graph.json", GraphJson.write(graph)));
    }
}
