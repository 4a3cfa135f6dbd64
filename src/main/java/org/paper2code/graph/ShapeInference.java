package org.paper2code.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Infers every layer's output shape over the whole graph (no batch dimension, channels first). */
public final class ShapeInference {
    private final LayerCatalogue catalogue;

    public ShapeInference(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ShapeInference() {
        this(LayerCatalogue.standard());
    }

    /**
     * @return output shape per layer name, in dependency order
     * @throws GraphException naming the first layer whose inputs do not fit
     */
    public Map<String, Shape> infer(Graph graph) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Layer layer : Topology.order(graph)) {
            LayerSpec spec = catalogue.spec(layer.type())
                    .orElseThrow(() -> new GraphException("layer '" + layer.name() + "': unknown layer type '" + layer.type() + "'"));
            List<Shape> inputs = new ArrayList<>();
            for (String src : layer.from()) {
                Shape s = shapes.get(src);
                if (s == null) {
                    throw new GraphException("layer '" + layer.name() + "': input '" + src + "' does not exist");
                }
                inputs.add(s);
            }
            if (inputs.size() < spec.minInputs() || (spec.maxInputs() >= 0 && inputs.size() > spec.maxInputs())) {
                throw new GraphException("layer '" + layer.name() + "': " + layer.type() + " takes " + spec.arityText()
                        + " input(s) but has " + inputs.size());
            }
            try {
                shapes.put(layer.name(), ShapeRules.require(spec.shapeRule()).apply(new LayerParams(layer, catalogue), inputs));
            } catch (GraphException e) {
                throw new GraphException("layer '" + layer.name() + "' (" + layer.type() + ", input " + inputs + "): "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new GraphException("layer '" + layer.name() + "' (" + layer.type() + "): cannot infer its shape: " + e, e);
            }
        }
        return shapes;
    }
}
