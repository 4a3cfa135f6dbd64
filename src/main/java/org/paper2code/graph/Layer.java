package org.paper2code.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of the abstract computational graph, in the seed's terms:
 * {@code layer_type}, {@code layer_name}, {@code layer_params}, {@code from_layers}.
 * Parameter values are Integer/Long, Double, Boolean, String or List of those.
 */
public record Layer(String type, String name, Map<String, Object> params, List<String> from) {

    public Layer {
        Objects.requireNonNull(type, "layer_type");
        Objects.requireNonNull(name, "layer_name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        from = List.copyOf(from == null ? List.of() : from);
    }

    public static Layer of(String type, String name, Map<String, Object> params, String... from) {
        return new Layer(type, name, params, List.of(from));
    }

    public Object param(String key) {
        return params.get(key);
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }

    public Layer withName(String newName) {
        return new Layer(type, newName, params, from);
    }

    public Layer withFrom(List<String> newFrom) {
        return new Layer(type, name, params, newFrom);
    }

    public Layer withParam(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Layer(type, name, copy, from);
    }
}
