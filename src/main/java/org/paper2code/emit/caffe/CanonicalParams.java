package org.paper2code.emit.caffe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;

/**
 * Builds a layer's parameters keeping only values that differ from the catalogue's defaults
 * (including {@code "=other"} defaults), so that a graph read from Caffe is the same whether
 * the prototxt spelled a default out or not. That is what makes the round trip exact.
 */
final class CanonicalParams {
    private final String type;
    private final Map<String, Object> params = new LinkedHashMap<>();

    CanonicalParams(String type) {
        this.type = type;
    }

    /** Adds the value unless it equals what the catalogue would supply anyway. */
    CanonicalParams put(String key, Object value) {
        Object dflt = LayerParams.of(new Layer(type, "_", params, List.of())).get(key);
        if (!sameValue(dflt, value)) {
            params.put(key, value);
        }
        return this;
    }

    /** Adds the value unconditionally. */
    CanonicalParams force(String key, Object value) {
        params.put(key, value);
        return this;
    }

    Map<String, Object> map() {
        return params;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    /** A proto float as the double its decimal text denotes (0.999f -> 0.999, not 0.99900001...). */
    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
