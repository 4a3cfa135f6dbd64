package org.paper2code.emit.keras;

import java.util.List;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;

/** Placeholder until this emitter lands: every call fails with a clear message. */
public final class KerasJsonEmitter implements Emitter {
    @Override
    public String target() {
        return "kerasjson";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        throw new UnsupportedOperationException("KerasJsonEmitter is not built yet");
    }
}
