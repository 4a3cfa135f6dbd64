package org.paper2code.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;

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

    /** The kernel keys, unless the map sizes the figure draws before and after the layer give the kernel. */
    static List<String> kernelUnlessSized(Layer l) {
        return kernelFromSizes(l) ? List.of() : KERNEL;
    }

    /**
     * Whether drawn input and output map sizes give the kernel: a stride-1 convolution without padding changes them by
     * kernel - 1 (LeNet's 32 to 28 reads as 5x5), a pooling whose stride is its kernel divides them by it (the way the
     * stride itself is read from sizes). A padded ("same") convolution keeps the size whatever its kernel, and a stride
     * other than the kernel leaves several (11 and 9 at stride 4 both take 227 to 55).
     */
    static boolean kernelFromSizes(Layer l) {
        LayerParams p = LayerParams.of(l);
        Integer k = p.getIntOrNull("kernel_row");
        Integer s = p.getIntOrNull("stride_row");
        if (k == null || s == null) {
            return false;
        }
        return switch (l.type()) {
            case "Conv2D", "Deconv2D" -> s == 1 && k > 1 && !"same".equals(p.getString("border_mode"));
            case "Pooling2D" -> s.equals(k);
            default -> false;
        };
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
