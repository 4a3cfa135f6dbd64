package org.paper2code.emit.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paper2code.emit.PythonText;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Training;

/**
 * Writes {@code compile_model(model)}: the loss from the graph's Loss layers (or
 * {@code training.loss}), metrics from its Accuracy layers, the optimizer and learning-rate
 * schedule from its training block, and a {@code fit} example in a comment. Only known
 * names become code; anything else is a comment.
 */
final class KerasCompileWriter {
    private final Graph graph;
    private final KerasPlan plan;
    private final Training training;

    KerasCompileWriter(Graph graph, KerasPlan plan) {
        this.graph = graph;
        this.plan = plan;
        this.training = graph.training() == null ? new Training(Map.of()) : graph.training();
    }

    void write(StringBuilder b) {
        b.append("def compile_model(model):\n");
        List<String> losses = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Layer l : plan.trainingLayers) {
            if (l.type().equals("Loss")) {
                losses.add(loss(LayerParams.of(l).getString("function"), endsInSoftmax(l.from().get(0)), b));
                weights.add(LayerParams.of(l).getDouble("loss_weight"));
            }
        }
        if (losses.isEmpty()) {
            Optional<String> named = training.text("loss");
            losses.add(named.isPresent() ? loss(named.get(), true, b) : "\"categorical_crossentropy\"");
            if (named.isEmpty()) {
                b.append("    # the graph names no loss: categorical cross-entropy is a placeholder\n");
            }
        }
        List<String> metrics = new ArrayList<>();
        for (Layer l : plan.trainingLayers) {
            if (l.type().equals("Accuracy")) {
                int k = LayerParams.of(l).getInt("top_k");
                String m = k == 1 ? "\"accuracy\""
                        : "keras.metrics.SparseTopKCategoricalAccuracy(k=" + k + ", name=\"top_" + k + "_accuracy\")";
                if (!metrics.contains(m)) {
                    metrics.add(m);
                }
            }
        }
        b.append("    learning_rate = ").append(learningRate()).append('\n');
        b.append("    optimizer = ").append(optimizer()).append('\n');
        String loss = losses.size() == 1 || losses.size() != plan.outputs.size() ? losses.get(0) : "[" + String.join(", ", losses) + "]";
        b.append("    model.compile(optimizer=optimizer, loss=").append(loss);
        if (losses.size() > 1 && losses.size() == plan.outputs.size()) {
            b.append(", loss_weights=").append(KerasPythonEmitter.py(new ArrayList<Object>(weights)).replace("(", "[").replace(")", "]"));
        }
        if (!metrics.isEmpty()) {
            b.append(", metrics=[").append(String.join(", ", metrics)).append("]");
        }
        b.append(")\n");
        b.append("    # Training, with the graph's settings where it has them:\n");
        b.append("    # model.fit(x_train, y_train, batch_size=").append(integer("batch_size").orElse("32"))
                .append(", epochs=").append(integer("epochs").orElse("10")).append(")\n");
        integer("iterations").ifPresent(it -> b.append("    # the source trains for ").append(it)
                .append(" iterations: epochs = iterations * batch_size / len(x_train)\n"));
        b.append("    return model\n");
    }

    /** Whether the loss reads probabilities: its input ends in softmax, or the model outputs a Softmax of it. */
    private boolean endsInSoftmax(String layerName) {
        Layer l = graph.layer(layerName).orElse(null);
        if (l != null && (l.type().equals("Softmax") || "softmax".equals(l.param("activation")))) {
            return true;
        }
        return graph.layers().stream().anyMatch(x -> x.type().equals("Softmax") && x.from().equals(List.of(layerName))
                && plan.outputs.contains(x.name()));
    }

    private static String loss(String function, boolean probabilities, StringBuilder b) {
        return switch (function) {
            case "softmax_cross_entropy" -> probabilities ? "\"sparse_categorical_crossentropy\""
                    : "keras.losses.SparseCategoricalCrossentropy(from_logits=True)";
            case "multinomial_logistic" -> "\"sparse_categorical_crossentropy\"";
            case "categorical_crossentropy" -> "\"categorical_crossentropy\"";
            case "sigmoid_cross_entropy" -> "keras.losses.BinaryCrossentropy(from_logits=True)";
            case "binary_crossentropy" -> "\"binary_crossentropy\"";
            case "euclidean", "mse" -> "\"mse\"";
            case "mae" -> "\"mae\"";
            case "hinge" -> "\"hinge\"";
            default -> {
                b.append("    # loss '").append(PythonText.comment(function)).append("' has no Keras built-in: write it here\n");
                yield "\"mse\"";
            }
        };
    }

    private Optional<String> number(String key) {
        return training.number(key).map(d -> KerasPythonEmitter.py(d));
    }

    private Optional<String> integer(String key) {
        return training.number(key).map(d -> String.valueOf(Math.round(d)));
    }

    private String learningRate() {
        String lr = number("learning_rate").orElse("0.01");
        Object schedule = training.get("lr_schedule").orElse(null);
        if (schedule instanceof Map<?, ?> m && "step".equals(m.get("policy"))
                && m.get("gamma") instanceof Number g && m.get("step_size") instanceof Number step) {
            return "keras.optimizers.schedules.ExponentialDecay(" + lr + ", decay_steps=" + step.longValue()
                    + ", decay_rate=" + KerasPythonEmitter.py(g.doubleValue()) + ", staircase=True)";
        }
        if (schedule != null) {
            return lr + "  # the source's schedule " + PythonText.comment(String.valueOf(schedule)) + " is not translated";
        }
        return lr;
    }

    private String optimizer() {
        String name = training.text("optimizer").orElse("sgd");
        List<String> args = new ArrayList<>();
        args.add("learning_rate=learning_rate");
        String cls;
        switch (name) {
            case "adam", "adamw" -> {
                cls = name.equals("adam") ? "Adam" : "AdamW";
                number("beta1").ifPresent(v -> args.add("beta_1=" + v));
                number("beta2").ifPresent(v -> args.add("beta_2=" + v));
                number("epsilon").ifPresent(v -> args.add("epsilon=" + v));
            }
            case "rmsprop" -> {
                cls = "RMSprop";
                number("momentum").ifPresent(v -> args.add("momentum=" + v));
                number("epsilon").ifPresent(v -> args.add("epsilon=" + v));
            }
            case "adagrad" -> cls = "Adagrad";
            case "adadelta" -> cls = "Adadelta";
            default -> {
                cls = "SGD";
                number("momentum").ifPresent(v -> args.add("momentum=" + v));
                if (Boolean.TRUE.equals(training.get("nesterov").orElse(null))) {
                    args.add("nesterov=True");
                }
            }
        }
        number("weight_decay").ifPresent(v -> args.add("weight_decay=" + v));
        number("gradient_clip").ifPresent(v -> args.add("clipnorm=" + v));
        String comment = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad", "adadelta").contains(name) ? ""
                : "  # the source's optimizer '" + PythonText.comment(name) + "' has no Keras equivalent: SGD instead";
        return "keras.optimizers." + cls + "(" + String.join(", ", args) + ")" + comment;
    }
}
