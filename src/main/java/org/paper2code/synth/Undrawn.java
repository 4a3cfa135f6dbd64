package org.paper2code.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/**
 * Parameters a figure's look does not draw and nothing drawn determines (a Caffe draw_net box prints no number of
 * filters, a Keras plot_model box no kernel size). The figure's truth lists them in the layer's common parameter
 * {@code inferred}, so the evaluation does not score a value no reader of the figure could know.
 */
final class Undrawn {
    static final List<String> KERNEL = List.of("kernel_row", "kernel_col");
    static final List<String> FILTERS = List.of("filters");

    private Undrawn() {
    }

    /** The graph with each layer's undrawn parameters (those it sets) added to its {@code inferred} list. */
    static Graph markInferred(Graph g, Map<String, List<String>> undrawn) {
        if (g == null || undrawn.isEmpty()) {
            return g;
        }
        List<Layer> out = new ArrayList<>();
        for (Layer l : g.layers()) {
            Set<String> inferred = new LinkedHashSet<>();
            if (l.param("inferred") instanceof List<?> list) {
                list.forEach(k -> inferred.add(String.valueOf(k)));
            }
            int before = inferred.size();
            undrawn.getOrDefault(l.name(), List.of()).stream().filter(l::has).forEach(inferred::add);
            out.add(inferred.size() == before ? l : l.withParam("inferred", new ArrayList<>(inferred)));
        }
        return g.withLayers(out);
    }
}
