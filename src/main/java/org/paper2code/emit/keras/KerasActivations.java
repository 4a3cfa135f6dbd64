package org.paper2code.emit.keras;

import java.util.Map;

/** Activation names between Keras and the graph catalogue. */
final class KerasActivations {
    private static final Map<String, String> FROM_KERAS = Map.ofEntries(
            Map.entry("linear", "linear"), Map.entry("relu", "relu"), Map.entry("sigmoid", "sigmoid"),
            Map.entry("tanh", "tanh"), Map.entry("elu", "elu"), Map.entry("softplus", "softplus"),
            Map.entry("gelu", "gelu"), Map.entry("swish", "swish"), Map.entry("silu", "swish"),
            Map.entry("softmax", "softmax"), Map.entry("leaky_relu", "leaky_relu"));

    private KerasActivations() {
    }

    /** The catalogue name of a Keras activation, or null when the catalogue has none. */
    static String fromKeras(String keras) {
        return keras == null ? "linear" : FROM_KERAS.get(keras);
    }

    /** Activations Keras (2 and 3) and TensorFlow.js both accept as an {@code activation=} string. */
    static boolean isKerasString(String graph) {
        return switch (graph) {
            case "linear", "relu", "sigmoid", "tanh", "elu", "softplus", "gelu", "swish", "softmax" -> true;
            default -> false;
        };
    }
}
