package org.paper2code.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

/**
 * Appends layers with generated names ({@code conv1}, {@code pool2}, ...) and tracks the
 * spatial size of image feature maps so the grammar never shrinks a map below its kernel.
 */
final class GraphBuilder {
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private String last;
    /** Spatial size (square maps) and channels of the last image layer; -1 when not an image. */
    int size = -1;
    int channels = -1;

    String last() {
        return last;
    }

    /** Adds a layer reading from {@code from} (or from the last layer when none is given). */
    String add(String type, String prefix, Map<String, Object> params, String... from) {
        int n = counters.merge(prefix, 1, Integer::sum);
        String name = prefix + n;
        List<String> inputs = from.length > 0 ? List.of(from) : last == null || type.equals("Input") ? List.of() : List.of(last);
        layers.add(new Layer(type, name, params, inputs));
        last = name;
        return name;
    }

    String input(int... shape) {
        List<Integer> dims = new ArrayList<>();
        for (int d : shape) {
            dims.add(d);
        }
        String name = add("Input", "input", params("output_shape", dims));
        if (shape.length == 3) {
            channels = shape[0];
            size = shape[1];
        }
        return name;
    }

    String conv(int filters, int k, int stride, boolean same, String activation, String... from) {
        Map<String, Object> p = params("filters", filters, "kernel_row", k);
        if (stride != 1) {
            p.put("stride_row", stride);
        }
        if (same) {
            p.put("border_mode", "same");
        }
        if (activation != null && !activation.equals("linear")) {
            p.put("activation", activation);
        }
        size = same ? ceilDiv(size, stride) : (size - k) / stride + 1;
        channels = filters;
        return add("Conv2D", "conv", p, from);
    }

    String pool(String function, int k, int stride, boolean same, String... from) {
        Map<String, Object> p = params("kernel_row", k);
        if (!"MAX".equals(function)) {
            p.put("function", function);
        }
        if (stride != k) {
            p.put("stride_row", stride);
        }
        if (same) {
            p.put("border_mode", "same");
        }
        size = same ? ceilDiv(size, stride) : (size - k) / stride + 1;
        return add("Pooling2D", "pool", p, from);
    }

    String dense(int units, String activation, String... from) {
        Map<String, Object> p = params("units", units);
        if (activation != null && !activation.equals("linear")) {
            p.put("activation", activation);
        }
        size = -1;
        return add("Dense", "fc", p, from);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Ordered parameter map from key, value pairs. */
    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    Graph build(String name) {
        Graph g = new Graph(name, null, layers, null);
        new GraphValidator().check(g);
        return g;
    }
}
