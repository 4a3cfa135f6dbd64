package org.paper2code.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Read access to a layer's parameters with the catalogue's defaults applied
 * (including {@code "=other"} defaults). Emitters and shape rules read parameters here.
 */
public final class LayerParams {
    private final Layer layer;
    private final LayerCatalogue catalogue;

    public LayerParams(Layer layer, LayerCatalogue catalogue) {
        this.layer = layer;
        this.catalogue = catalogue;
    }

    public static LayerParams of(Layer layer) {
        return new LayerParams(layer, LayerCatalogue.standard());
    }

    public Layer layer() {
        return layer;
    }

    /** Whether the layer sets the parameter itself (not through a default). */
    public boolean isSet(String name) {
        return layer.params().containsKey(name);
    }

    /** The value, the default, or null when neither exists. */
    public Object get(String name) {
        return resolve(name, 0);
    }

    private Object resolve(String name, int depth) {
        Object v = layer.params().get(name);
        if (v != null) {
            return v;
        }
        ParamSpec spec = catalogue.param(layer.type(), name).orElse(null);
        if (spec == null || spec.defaultValue() == null || depth > 4) {
            return null;
        }
        if (spec.defaultIsReference()) {
            return resolve(spec.referencedParam(), depth + 1);
        }
        return spec.defaultValue();
    }

    public int getInt(String name) {
        Object v = get(name);
        if (!(v instanceof Number n)) {
            throw new GraphException("layer '" + layer.name() + "': parameter '" + name + "' is missing");
        }
        return n.intValue();
    }

    public Integer getIntOrNull(String name) {
        Object v = get(name);
        return v instanceof Number n ? n.intValue() : null;
    }

    public double getDouble(String name) {
        Object v = get(name);
        if (!(v instanceof Number n)) {
            throw new GraphException("layer '" + layer.name() + "': parameter '" + name + "' is missing");
        }
        return n.doubleValue();
    }

    public Double getDoubleOrNull(String name) {
        Object v = get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public boolean getBool(String name) {
        Object v = get(name);
        return v instanceof Boolean b && b;
    }

    public String getString(String name) {
        Object v = get(name);
        return v == null ? null : String.valueOf(v);
    }

    public List<Integer> getIntList(String name) {
        Object v = get(name);
        if (!(v instanceof List<?> l)) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            out.add(((Number) o).intValue());
        }
        return out;
    }
}
