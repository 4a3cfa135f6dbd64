package org.paper2code.emit.onnx;

import java.util.List;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * One layer as the ONNX layer writer sees it. ONNX tensors carry the batch as dimension 0
 * in front of our shapes, so our axis a is ONNX's a + 1.
 * @param args the tensors holding its inputs, in {@code from_layers} order
 * @param inputs our shapes of those inputs
 * @param output our inferred output shape
 */
record Site(Layer layer, List<String> args, List<Shape> inputs, Shape output, OnnxBuilder b) {
    LayerParams params() {
        return LayerParams.of(layer);
    }

    String name() {
        return layer.name();
    }

    Shape in() {
        return inputs.get(0);
    }

    String arg() {
        return args.get(0);
    }

    UnsupportedOnnxLayerException unsupported(String why) {
        return new UnsupportedOnnxLayerException(layer, why);
    }

    /** A dimension ONNX needs fixed (channels, features), or a clear error. */
    int known(int dim, String what) {
        if (dim == Shape.UNKNOWN) {
            throw unsupported("ONNX needs the " + what + " fixed, but the graph leaves it free (input " + in() + ")");
        }
        return dim;
    }
}
