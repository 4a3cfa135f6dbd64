package org.paper2code.emit.onnx;

import java.util.List;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;

/** {@code convert --to onnx}: the graph as one binary ONNX model, {@code model.onnx}. */
public final class OnnxEmitter implements Emitter {
    public static final String FILE_NAME = "model.onnx";

    @Override
    public String target() {
        return "onnx";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        return List.of(Artifact.binary(FILE_NAME, new OnnxExporter().export(graph).bytes()));
    }
}
