package org.paper2code.graph;

import java.util.List;

/** Computes a layer's output shape from its parameters and its input shapes. */
@FunctionalInterface
public interface ShapeRule {
    /** @throws GraphException with the reason (without the layer name) when the inputs do not fit */
    Shape apply(LayerParams params, List<Shape> inputs);
}
