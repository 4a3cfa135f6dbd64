package org.paper2code.emit.onnx;

import org.paper2code.graph.GraphException;
import org.paper2code.graph.Layer;

/** A layer ONNX cannot express as the graph describes it; the message names the layer. */
public final class UnsupportedOnnxLayerException extends GraphException {
    public UnsupportedOnnxLayerException(Layer layer, String why) {
        super("layer '" + layer.name() + "' (" + layer.type() + "): " + why);
    }
}
