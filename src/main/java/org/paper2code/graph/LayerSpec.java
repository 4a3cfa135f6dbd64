package org.paper2code.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalogue entry: what a layer type means, its parameters, how many inputs it takes
 * ({@code maxInputs} -1 for unbounded) and the name of its shape rule.
 */
public record LayerSpec(String type, String category, String description, int minInputs, int maxInputs,
                        String shapeRule, String shapeRuleText, Map<String, ParamSpec> params) {

    public LayerSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public Optional<ParamSpec> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public List<ParamSpec> requiredParams() {
        return params.values().stream().filter(ParamSpec::required).toList();
    }

    public String arityText() {
        if (maxInputs < 0) {
            return "at least " + minInputs;
        }
        return minInputs == maxInputs ? String.valueOf(minInputs) : minInputs + " to " + maxInputs;
    }
}
