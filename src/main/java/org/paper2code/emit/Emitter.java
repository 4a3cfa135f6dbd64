package org.paper2code.emit;

import java.util.List;
import org.paper2code.graph.Graph;

/**
 * Turns a validated graph into files for one target. The first artifact is the main one
 * (printed when no output folder is given). Emitters escape or reject every piece of text
 * they cannot represent safely: layer names come from untrusted figures and papers.
 */
public interface Emitter {
    /** Target name as used by {@code convert --to}. */
    String target();

    List<Artifact> emit(Graph graph);
}
