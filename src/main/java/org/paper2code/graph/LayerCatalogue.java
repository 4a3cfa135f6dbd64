package org.paper2code.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layer catalogue, loaded once from {@code layer-catalogue.json}: every layer type with
 * its parameters, defaults, arity and shape rule. Adding a layer type is one entry there
 * (plus its emitter lines).
 */
public final class LayerCatalogue {
    private static final String RESOURCE = "/org/paper2code/graph/layer-catalogue.json";
    private static final LayerCatalogue STANDARD = load();

    private final Map<String, LayerSpec> specs;
    private final Map<String, ParamSpec> commonParams;

    private LayerCatalogue(Map<String, LayerSpec> specs, Map<String, ParamSpec> commonParams) {
        this.specs = specs;
        this.commonParams = commonParams;
    }

    public static LayerCatalogue standard() {
        return STANDARD;
    }

    public Optional<LayerSpec> spec(String type) {
        return Optional.ofNullable(specs.get(type));
    }

    public LayerSpec require(String type) {
        LayerSpec s = specs.get(type);
        if (s == null) {
            throw new GraphException("unknown layer type '" + type + "'");
        }
        return s;
    }

    public Collection<LayerSpec> all() {
        return specs.values();
    }

    public Map<String, ParamSpec> commonParams() {
        return commonParams;
    }

    /** The spec of a parameter of a type, including the parameters every type has. */
    public Optional<ParamSpec> param(String type, String name) {
        LayerSpec s = specs.get(type);
        if (s != null && s.params().containsKey(name)) {
            return Optional.of(s.params().get(name));
        }
        return Optional.ofNullable(commonParams.get(name));
    }

    private static LayerCatalogue load() {
        try (InputStream in = LayerCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, LayerSpec> specs = new LinkedHashMap<>();
            for (JsonNode t : root.get("types")) {
                Map<String, ParamSpec> params = new LinkedHashMap<>();
                for (JsonNode p : t.get("params")) {
                    ParamSpec ps = readParam(p);
                    params.put(ps.name(), ps);
                }
                JsonNode inputs = t.get("inputs");
                int max = inputs.get(1).isNull() ? -1 : inputs.get(1).asInt();
                LayerSpec spec = new LayerSpec(t.get("type").asText(), t.get("category").asText(),
                        t.get("description").asText(), inputs.get(0).asInt(), max, t.get("shape").asText(),
                        t.path("shape_rule").asText(""), params);
                ShapeRules.require(spec.shapeRule());
                specs.put(spec.type(), spec);
            }
            Map<String, ParamSpec> common = new LinkedHashMap<>();
            for (JsonNode p : root.get("common_params")) {
                ParamSpec ps = readParam(p);
                common.put(ps.name(), ps);
            }
            return new LayerCatalogue(java.util.Collections.unmodifiableMap(specs),
                    java.util.Collections.unmodifiableMap(common));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the layer catalogue", e);
        }
    }

    private static ParamSpec readParam(JsonNode p) {
        Object def = null;
        JsonNode d = p.get("default");
        if (d != null && !d.isNull()) {
            // one branch per type: a nested ?: would promote the ints to double
            if (d.isTextual()) {
                def = d.asText();
            } else if (d.isBoolean()) {
                def = d.asBoolean();
            } else if (d.isIntegralNumber()) {
                def = d.asInt();
            } else {
                def = d.asDouble();
            }
        }
        List<String> values = new ArrayList<>();
        p.path("values").forEach(v -> values.add(v.asText()));
        Number min = p.has("min") ? p.get("min").numberValue() : null;
        return new ParamSpec(p.get("name").asText(), ParamType.parse(p.get("type").asText()), def,
                p.path("required").asBoolean(false), values, min, p.path("description").asText(""));
    }
}
