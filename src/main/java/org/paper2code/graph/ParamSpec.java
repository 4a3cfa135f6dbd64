package org.paper2code.graph;

import java.util.List;

/**
 * One parameter of a layer type. A default may be a constant or {@code "=other"}, meaning
 * "the value of parameter other" (kernel_col defaults to kernel_row).
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, boolean required,
                        List<String> values, Number min, String description) {

    public ParamSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean defaultIsReference() {
        return defaultValue instanceof String s && s.startsWith("=") && type != ParamType.STRING;
    }

    public String referencedParam() {
        return ((String) defaultValue).substring(1);
    }
}
