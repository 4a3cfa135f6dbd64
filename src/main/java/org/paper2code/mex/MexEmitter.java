package org.paper2code.mex;

import java.util.List;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;

/** Placeholder until the MEX emitter lands: every call fails with a clear message. */
public final class MexEmitter implements Emitter {
    public enum Syntax { TURTLE, JSONLD }

    private final Syntax syntax;

    public MexEmitter(EmitOptions options, Syntax syntax) {
        this.syntax = syntax;
    }

    @Override
    public String target() {
        return syntax == Syntax.TURTLE ? "mex" : "mex-jsonld";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        throw new UnsupportedOperationException("MexEmitter is not built yet");
    }
}
