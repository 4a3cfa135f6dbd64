package org.paper2code.emit.keras;

import java.util.List;
import java.util.Map;

/**
 * One Keras layer call in a planned model: class, unique layer name, Keras 2 config keys
 * (snake_case, channels-last), input op names, the graph layer it comes from and a note
 * for the reader. Both Keras emitters render the same ops.
 */
record KerasOp(String cls, String name, Map<String, Object> config, List<String> inputs, String graphLayer, String note) {
    KerasOp {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        inputs = List.copyOf(inputs);
    }
}
