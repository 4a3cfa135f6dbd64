package org.paper2code.emit.pytorch;

import java.util.List;
import java.util.Set;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * One layer as the layer writer sees it.
 * @param id the layer's Python identifier (its attribute {@code self.id} and its output variable)
 * @param args the variables holding its inputs, in {@code from_layers} order
 * @param helpers the generated file's optional helpers this layer needs (added to)
 */
record Site(Layer layer, String id, List<String> args, List<Shape> inputs, Shape output, Set<String> helpers) {
    LayerParams params() {
        return LayerParams.of(layer);
    }

    Shape in() {
        return inputs.get(0);
    }

    String arg() {
        return args.get(0);
    }

    String self() {
        return "self." + id;
    }

    UnsupportedLayerException unsupported(String why) {
        return new UnsupportedLayerException(layer, why);
    }

    /** A dimension the PyTorch module needs fixed (channels, features), or a clear error. */
    int known(int dim, String what) {
        if (dim == Shape.UNKNOWN) {
            throw unsupported("PyTorch needs the " + what + " fixed, but the graph leaves it free (input " + in() + ")");
        }
        return dim;
    }
}
