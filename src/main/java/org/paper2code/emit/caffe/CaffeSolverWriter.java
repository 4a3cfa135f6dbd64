package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paper2code.emit.caffe.proto.CaffeProto.SolverParameter;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Training;

/**
 * The graph's training block as a Caffe {@link SolverParameter}.
 * <ul>
 * <li>type: sgd -> SGD (Nesterov when nesterov is true), adam -> Adam, rmsprop -> RMSProp,
 *     adagrad -> AdaGrad, adadelta -> AdaDelta; adamw -> Adam (noted: Caffe's weight_decay is
 *     L2, not decoupled); anything else -> SGD with a note.</li>
 * <li>base_lr, momentum, weight_decay as given; Adam's beta1/beta2/epsilon -> momentum,
 *     momentum2, delta; gradient_clip -> clip_gradients.</li>
 * <li>lr_schedule in the canonical form of src/docs/training.md: step, multistep, exp, inv,
 *     poly, sigmoid and fixed map one to one; other policies -> fixed with a note. Caffe counts
 *     iterations: {@code step_size} / {@code steps} are written as they are, {@code step_epochs}
 *     / {@code steps_epochs} are multiplied by the iterations per epoch (below); when those are
 *     unknown the step is left out and a note says how to set it.</li>
 * <li>Iterations per epoch: ceil(N / batch_size), where N is {@code dataset_size} from the
 *     training block, or, failing that, the training-set size of the dataset the input shape
 *     identifies (1x28x28 MNIST 60000, 3x32x32 CIFAR 50000, 3x224x224 / 3x227x227 ImageNet-1k
 *     1281167), stated in a note.</li>
 * <li>max_iter: {@code iterations} when given, otherwise epochs x iterations per epoch; with
 *     neither it is left out and a note says how to set it.</li>
 * </ul>
 */
final class CaffeSolverWriter {
    private final Training training;
    private final List<String> notes = new ArrayList<>();
    private boolean sizeNoted;

    CaffeSolverWriter(Training training) {
        this.training = training;
    }

    List<String> notes() {
        return notes;
    }

    /** @param input the shape of the graph's first input, or null */
    SolverParameter write(String netFile, Shape input) {
        SolverParameter.Builder b = SolverParameter.newBuilder().setNet(netFile);
        String optimizer = training.text("optimizer").orElse("sgd").toLowerCase(Locale.ROOT);
        boolean adam = optimizer.equals("adam") || optimizer.equals("adamw");
        b.setType(switch (optimizer) {
            case "sgd" -> training.get("nesterov").filter(Boolean.TRUE::equals).isPresent() ? "Nesterov" : "SGD";
            case "adam" -> "Adam";
            case "adamw" -> {
                notes.add("AdamW has no Caffe solver: Adam with weight_decay (an L2 penalty) is written");
                yield "Adam";
            }
            case "rmsprop" -> "RMSProp";
            case "adagrad" -> "AdaGrad";
            case "adadelta" -> "AdaDelta";
            default -> {
                notes.add("optimizer '" + safe(optimizer) + "' has no Caffe solver: SGD is written");
                yield "SGD";
            }
        });
        training.number("learning_rate").ifPresentOrElse(lr -> b.setBaseLr(lr.floatValue()),
                () -> notes.add("no learning rate given: set base_lr"));
        Optional<Double> momentum = training.number("momentum").or(() -> adam ? training.number("beta1") : Optional.empty());
        momentum.ifPresent(m -> b.setMomentum(m.floatValue()));
        if (adam) {
            training.number("beta2").ifPresent(m -> b.setMomentum2(m.floatValue()));
            training.number("epsilon").ifPresent(e -> b.setDelta(e.floatValue()));
        }
        training.number("weight_decay").ifPresent(w -> b.setWeightDecay(w.floatValue()));
        training.number("gradient_clip").ifPresent(c -> b.setClipGradients(c.floatValue()));
        schedule(b, input);
        maxIter(b, input);
        return b.build();
    }

    private void schedule(SolverParameter.Builder b, Shape input) {
        Object s = training.get("lr_schedule").orElse(null);
        Map<?, ?> m = s instanceof Map<?, ?> map ? map : Map.of();
        Object policyValue = s instanceof String ? s : first(m, "policy", "type", "name");
        String policy = policyValue == null ? "fixed" : String.valueOf(policyValue).toLowerCase(Locale.ROOT);
        switch (policy) {
            case "fixed", "constant" -> b.setLrPolicy("fixed");
            case "step", "multistep", "exp", "inv", "poly", "sigmoid" -> b.setLrPolicy(policy);
            default -> {
                notes.add("learning-rate schedule '" + safe(policy) + "' has no Caffe lr_policy: fixed is written");
                b.setLrPolicy("fixed");
            }
        }
        number(first(m, "gamma", "factor")).ifPresent(g -> b.setGamma(g.floatValue()));
        number(first(m, "power")).ifPresent(pw -> b.setPower(pw.floatValue()));
        number(first(m, "step_size", "stepsize", "step")).ifPresent(st -> b.setStepsize(st.intValue()));
        if (first(m, "steps", "milestones", "stepvalue") instanceof List<?> steps) {
            steps.stream().filter(Number.class::isInstance).forEach(v -> b.addStepvalue(((Number) v).intValue()));
        }
        Optional<Double> stepEpochs = number(m.get("step_epochs"));
        List<?> stepsEpochs = m.get("steps_epochs") instanceof List<?> l ? l : List.of();
        if (stepEpochs.isEmpty() && stepsEpochs.isEmpty()) {
            return;
        }
        Optional<Long> perEpoch = iterationsPerEpoch(input);
        if (perEpoch.isEmpty()) {
            notes.add("the learning rate decays at epochs " + (stepEpochs.isPresent() ? "every " + stepEpochs.get().longValue()
                    : stepsEpochs) + " but the iterations per epoch are unknown: set "
                    + (stepEpochs.isPresent() ? "stepsize" : "stepvalue") + " = epochs x training examples / batch size");
            return;
        }
        long it = perEpoch.get();
        stepEpochs.ifPresent(e -> b.setStepsize(clamp(e.longValue() * it)));
        stepsEpochs.stream().filter(Number.class::isInstance).forEach(v -> b.addStepvalue(clamp(((Number) v).longValue() * it)));
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    private void maxIter(SolverParameter.Builder b, Shape input) {
        Optional<Double> iterations = training.number("iterations");
        if (iterations.isPresent()) {
            b.setMaxIter(iterations.get().intValue());
            return;
        }
        Optional<Double> epochs = training.number("epochs");
        if (epochs.isEmpty()) {
            notes.add("neither iterations nor epochs given: set max_iter");
            return;
        }
        if (training.number("batch_size").isEmpty()) {
            notes.add("trains " + epochs.get().intValue() + " epochs but no batch size is given: set max_iter");
            return;
        }
        Optional<Long> perEpoch = iterationsPerEpoch(input);
        if (perEpoch.isEmpty()) {
            notes.add("trains " + epochs.get().intValue() + " epochs: set max_iter = epochs x training examples / batch size");
            return;
        }
        b.setMaxIter(clamp(perEpoch.get() * epochs.get().longValue()));
    }

    /** ceil(training examples / batch size), from dataset_size or the dataset the input shape suggests (noted once). */
    private Optional<Long> iterationsPerEpoch(Shape input) {
        Optional<Double> batch = training.number("batch_size").filter(v -> v >= 1);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Long size = training.number("dataset_size").map(Double::longValue).orElse(null);
        if (size == null) {
            size = knownDatasetSize(input);
            if (size != null && !sizeNoted) {
                sizeNoted = true;
                notes.add("max_iter and epoch-based steps assume " + size + " training examples (the dataset the input shape "
                        + input + " suggests) at batch size " + batch.get().intValue());
            }
        }
        if (size == null) {
            return Optional.empty();
        }
        long b = batch.get().longValue();
        return Optional.of((size + b - 1) / b);
    }

    private static Long knownDatasetSize(Shape s) {
        if (s == null) {
            return null;
        }
        if (s.equals(Shape.of(1, 28, 28))) {
            return 60_000L;
        }
        if (s.equals(Shape.of(3, 32, 32))) {
            return 50_000L;
        }
        if (s.equals(Shape.of(3, 224, 224)) || s.equals(Shape.of(3, 227, 227))) {
            return 1_281_167L;
        }
        return null;
    }

    private static Object first(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return m.get(k);
            }
        }
        return null;
    }

    private static Optional<Double> number(Object v) {
        return v instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static String safe(String s) {
        return org.paper2code.emit.PythonText.comment(s);
    }
}
