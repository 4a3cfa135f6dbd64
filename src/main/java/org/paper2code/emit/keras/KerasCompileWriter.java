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
 * <p>The schedule is read in the canonical form of src/docs/training.md. Keras schedules count
 * optimizer steps: {@code step_size} / {@code steps} are used as they are; a schedule counted
 * in epochs ({@code step_epochs} / {@code steps_epochs}) makes {@code compile_model} take a
 * {@code steps_per_epoch} parameter, defaulted when {@code dataset_size} and
 * {@code batch_size} give it and required otherwise.
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
        Map<?, ?> schedule = training.get("lr_schedule").orElse(null) instanceof Map<?, ?> m ? m : Map.of();
        boolean epochSchedule = schedule.get("step_epochs") instanceof Number || schedule.get("steps_epochs") instanceof List<?>;
        if (epochSchedule) {
            b.append("def compile_model(model, steps_per_epoch=").append(stepsPerEpoch().map(String::valueOf).orElse("None")).append("):\n");
            b.append("    # the source's learning-rate schedule counts epochs and Keras schedules count optimizer steps:\n");
            b.append("    # steps_per_epoch = ceil(training examples / batch_size)\n");
            b.append("    if steps_per_epoch is None:\n");
            b.append("        raise ValueError(\"compile_model needs steps_per_epoch: the learning-rate schedule counts epochs\")\n");
        } else {
            b.append("def compile_model(model):\n");
        }
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

    /** ceil(dataset_size / batch_size) when the training block gives both. */
    private Optional<Long> stepsPerEpoch() {
        Optional<Double> size = training.number("dataset_size").filter(v -> v >= 1);
        Optional<Double> batch = training.number("batch_size").filter(v -> v >= 1);
        if (size.isEmpty() || batch.isEmpty()) {
            return Optional.empty();
        }
        long bs = batch.get().longValue();
        return Optional.of((size.get().longValue() + bs - 1) / bs);
    }

    /** Optimizer steps in Python: a count of iterations as is, a count of epochs times steps_per_epoch. */
    private static String steps(Number n, boolean epochs) {
        return epochs ? n.longValue() + " * steps_per_epoch" : String.valueOf(n.longValue());
    }

    private String learningRate() {
        String lr = number("learning_rate").orElse("0.01");
        Object schedule = training.get("lr_schedule").orElse(null);
        if (schedule instanceof Map<?, ?> m && m.get("gamma") instanceof Number g && g.doubleValue() > 0) {
            String gamma = KerasPythonEmitter.py(g.doubleValue());
            Object step = m.get("step_size") instanceof Number ? m.get("step_size") : m.get("step_epochs");
            if ("step".equals(m.get("policy")) && step instanceof Number n) {
                return "keras.optimizers.schedules.ExponentialDecay(" + lr + ", decay_steps=" + steps(n, m.get("step_size") == null)
                        + ", decay_rate=" + gamma + ", staircase=True)";
            }
            Object at = m.get("steps") instanceof List<?> ? m.get("steps") : m.get("steps_epochs");
            if ("multistep".equals(m.get("policy")) && at instanceof List<?> l && !l.isEmpty()
                    && l.stream().allMatch(Number.class::isInstance)) {
                boolean epochs = m.get("steps") == null;
                List<String> bounds = l.stream().map(x -> steps((Number) x, epochs)).toList();
                return "keras.optimizers.schedules.PiecewiseConstantDecay([" + String.join(", ", bounds) + "], ["
                        + lr + " * " + gamma + " ** k for k in range(" + (l.size() + 1) + ")])";
            }
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
