package org.paper2code.emit.caffe;

import java.util.List;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;

/** Placeholder until this emitter lands: every call fails with a clear message. */
public final class CaffeEmitter implements Emitter {
    @Override
    public String target() {
        return "caffe";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        throw new UnsupportedOperationException("CaffeEmitter is not built yet");
    }
}
