package org.paper2code.emit.pytorch;

import org.paper2code.graph.GraphException;
import org.paper2code.graph.Layer;

/** A layer PyTorch code cannot express as the graph describes it; the message names the layer. */
public final class UnsupportedLayerException extends GraphException {
    public UnsupportedLayerException(Layer layer, String why) {
        super("layer '" + layer.name() + "' (" + layer.type() + "): " + why);
    }
}
