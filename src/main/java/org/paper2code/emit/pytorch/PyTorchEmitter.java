package org.paper2code.emit.pytorch;

import java.util.List;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;

/** Placeholder until this emitter lands: every call fails with a clear message. */
public final class PyTorchEmitter implements Emitter {
    public PyTorchEmitter(EmitOptions options) {
    }

    @Override
    public String target() {
        return "pytorch";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        throw new UnsupportedOperationException("PyTorchEmitter is not built yet");
    }
}
