package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paper2code.emit.PythonText;
import org.paper2code.graph.Training;

/**
 * The graph's {@code training} block as {@code make_optimizer(model)},
 * {@code make_scheduler(optimizer)} and a {@code train(model, loader)} loop. Only numbers
 * from the block become code; its text (optimizer or policy names) only selects code or
 * appears in comments. The schedule is read in the canonical form of src/docs/training.md:
 * one counted in epochs ({@code step_epochs}, {@code steps_epochs}, or poly/cosine over
 * {@code epochs}) is stepped once per epoch, any other once per iteration.
 */
final class TorchTraining {
    private final Training t;
    /** Whether the scheduler counts epochs (set by {@link #scheduler()}). */
    private boolean perEpoch;

    TorchTraining(Training training) {
        this.t = training;
    }

    String code(boolean hasLossFn, List<String> forwardArgs) {
        String scheduler = scheduler();
        return optimizer() + "\n\n" + scheduler + "\n\n" + train(hasLossFn, forwardArgs);
    }

    private Optional<String> n(String key) {
        return t.number(key).map(Py::num);
    }

    private String optimizer() {
        String name = t.text("optimizer").map(s -> s.toLowerCase(Locale.ROOT)).orElse("sgd");
        List<String> args = new ArrayList<>(List.of("model.parameters()"));
        String comment = null;
        String cls;
        switch (name) {
            case "adam", "adamw" -> {
                cls = name.equals("adam") ? "Adam" : "AdamW";
                n("learning_rate").ifPresent(v -> args.add("lr=" + v));
                if (t.number("beta1").isPresent() || t.number("beta2").isPresent()) {
                    args.add("betas=(" + n("beta1").orElse("0.9") + ", " + n("beta2").orElse("0.999") + ")");
                }
                n("epsilon").ifPresent(v -> args.add("eps=" + v));
                n("weight_decay").ifPresent(v -> args.add("weight_decay=" + v));
            }
            case "rmsprop" -> {
                cls = "RMSprop";
                n("learning_rate").ifPresent(v -> args.add("lr=" + v));
                n("momentum").ifPresent(v -> args.add("momentum=" + v));
                n("epsilon").ifPresent(v -> args.add("eps=" + v));
                n("weight_decay").ifPresent(v -> args.add("weight_decay=" + v));
            }
            case "adagrad", "adadelta" -> {
                cls = name.equals("adagrad") ? "Adagrad" : "Adadelta";
                n("learning_rate").ifPresent(v -> args.add("lr=" + v));
                n("epsilon").ifPresent(v -> args.add("eps=" + v));
                n("weight_decay").ifPresent(v -> args.add("weight_decay=" + v));
            }
            case "lbfgs" -> {
                cls = "LBFGS";
                n("learning_rate").ifPresent(v -> args.add("lr=" + v));
            }
            default -> {
                if (!name.equals("sgd")) {
                    comment = "the source names the optimiser '" + PythonText.comment(name) + "'; SGD stands in for it";
                }
                cls = "SGD";
                String lr = n("learning_rate").orElse(null);
                if (lr == null) {
                    comment = (comment == null ? "" : comment + "; ") + "no learning rate given: 0.01 assumed";
                    lr = "0.01";
                }
                args.add("lr=" + lr);
                Optional<Double> momentum = t.number("momentum");
                momentum.ifPresent(v -> args.add("momentum=" + Py.num(v)));
                n("weight_decay").ifPresent(v -> args.add("weight_decay=" + v));
                if (t.get("nesterov").filter(Boolean.TRUE::equals).isPresent() && momentum.orElse(0.0) > 0) {
                    args.add("nesterov=True");
                }
            }
        }
        StringBuilder b = new StringBuilder("def make_optimizer(model):\n");
        b.append("    \"\"\"The optimiser and hyperparameters of the graph's training block.\"\"\"\n");
        if (comment != null) {
            b.append("    # ").append(comment).append('\n');
        }
        b.append("    return torch.optim.").append(cls).append("(").append(String.join(", ", args)).append(")\n");
        return b.toString();
    }

    private String scheduler() {
        Object raw = t.get("lr_schedule").orElse(null);
        Map<?, ?> s = raw instanceof Map<?, ?> m ? m : Map.of();
        String policy = raw instanceof String str ? str : s.get("policy") == null ? "" : String.valueOf(s.get("policy"));
        policy = policy.toLowerCase(Locale.ROOT);
        perEpoch = switch (policy) {
            case "step" -> num(s, "step_size", "stepsize", "step").isEmpty() && num(s, "step_epochs").isPresent();
            case "multistep" -> milestones(s, "milestones", "steps", "stepvalue").isEmpty()
                    && milestones(s, "steps_epochs").isPresent();
            case "poly", "cosine" -> num(s, "max_iter", "t_max").isEmpty() && n("iterations").isEmpty() && n("epochs").isPresent();
            default -> false;
        };
        StringBuilder b = new StringBuilder("def make_scheduler(optimizer):\n");
        b.append("    \"\"\"The learning-rate schedule; train() calls its step() once per ")
                .append(perEpoch ? "epoch (the source counts epochs)" : "iteration (the source counts iterations)")
                .append(".\"\"\"\n");
        t.number("warmup_steps").ifPresent(w -> b.append("    # the source warms up over ").append(Py.num(w))
                .append(" steps first (not included here)\n"));
        String gamma = num(s, "gamma").orElse("0.1");
        String line = switch (policy) {
            case "step" -> num(s, "step_size", "stepsize", "step").or(() -> num(s, "step_epochs")).map(step ->
                    "torch.optim.lr_scheduler.StepLR(optimizer, step_size=" + intOf(step) + ", gamma=" + gamma + ")").orElse(null);
            case "multistep" -> milestones(s, "milestones", "steps", "stepvalue").or(() -> milestones(s, "steps_epochs")).map(ms ->
                    "torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=" + ms + ", gamma=" + gamma + ")").orElse(null);
            case "exp", "exponential" -> "torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=" + gamma + ")";
            case "inv" -> "torch.optim.lr_scheduler.LambdaLR(optimizer, lambda it: (1 + " + gamma + " * it) ** -"
                    + num(s, "power").orElse("1.0") + ")";
            case "poly" -> maxIter(s).map(max -> "torch.optim.lr_scheduler.LambdaLR(optimizer, lambda it: max(0.0, 1 - it / "
                    + max + ") ** " + num(s, "power").orElse("1.0") + ")").orElse(null);
            case "cosine" -> maxIter(s).map(max -> "torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max="
                    + intOf(max) + ")").orElse(null);
            default -> null;
        };
        if (line == null) {
            b.append("    # ").append(policy.isEmpty() || policy.equals("fixed") ? "constant learning rate"
                    : "schedule '" + PythonText.comment(policy) + "' not expressible from the graph: constant learning rate")
                    .append('\n');
            line = "torch.optim.lr_scheduler.LambdaLR(optimizer, lambda it: 1.0)";
        }
        b.append("    return ").append(line).append('\n');
        return b.toString();
    }

    private static Optional<String> num(Map<?, ?> s, String... keys) {
        for (String k : keys) {
            if (s.get(k) instanceof Number n && Double.isFinite(n.doubleValue())) {
                return Optional.of(Py.num(n.doubleValue()));
            }
        }
        return Optional.empty();
    }

    private static String intOf(String pyNumber) {
        return String.valueOf((long) Double.parseDouble(pyNumber));
    }

    private Optional<String> maxIter(Map<?, ?> s) {
        return num(s, "max_iter", "t_max").or(() -> n("iterations")).or(() -> n("epochs"));
    }

    private static Optional<String> milestones(Map<?, ?> s, String... keys) {
        for (String k : keys) {
            if (s.get(k) instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof Number)) {
                return Optional.of(Py.list(l.stream().map(o -> String.valueOf(((Number) o).longValue())).toList()));
            }
        }
        return Optional.empty();
    }

    private String train(boolean hasLossFn, List<String> forwardArgs) {
        int epochs = t.number("epochs").map(Double::intValue).filter(e -> e > 0).orElse(1);
        StringBuilder b = new StringBuilder();
        String call = "model(" + String.join(", ", forwardArgs) + ")";
        if (hasLossFn) {
            b.append("def train(model, loader, epochs=").append(epochs).append("):\n");
            b.append("    \"\"\"A plain training loop. loader yields dicts of tensors by input layer name, like\n");
            b.append("    example_inputs(), holding the labels loss_fn() reads too.\"\"\"\n");
        } else {
            b.append("def train(model, loader, criterion, epochs=").append(epochs).append("):\n");
            b.append("    \"\"\"A plain training loop. The graph names no loss: criterion(outputs, target) is yours.\n");
            b.append("    loader yields (inputs, target): inputs a dict of tensors by input layer name.\"\"\"\n");
        }
        b.append("    optimizer = make_optimizer(model)\n");
        b.append("    scheduler = make_scheduler(optimizer)\n");
        b.append("    model.train()\n");
        b.append("    for epoch in range(epochs):\n");
        b.append(hasLossFn ? "        for inputs in loader:\n" : "        for inputs, target in loader:\n");
        b.append("            def closure():\n");
        b.append("                optimizer.zero_grad()\n");
        b.append("                results = ").append(call).append('\n');
        if (hasLossFn) {
            b.append("                results = results if isinstance(results, tuple) else (results,)\n");
            b.append("                loss, _ = loss_fn(dict(zip(OUTPUT_NAMES, results)), inputs)\n");
        } else {
            b.append("                loss = criterion(results, target)\n");
        }
        b.append("                loss.backward()\n");
        t.number("gradient_clip").ifPresent(c -> b.append("                nn.utils.clip_grad_norm_(model.parameters(), ")
                .append(Py.num(c)).append(")\n"));
        b.append("                return loss\n");
        b.append("            optimizer.step(closure)  # the closure form also serves L-BFGS\n");
        if (perEpoch) {
            b.append("        scheduler.step()  # once per epoch: the schedule counts epochs\n");
        } else {
            b.append("            scheduler.step()  # once per iteration: the schedule counts iterations\n");
        }
        return b.toString();
    }
}
