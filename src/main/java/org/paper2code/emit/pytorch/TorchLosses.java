package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.PythonText;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;

/**
 * The graph's training-only layers (Loss, Accuracy) as a {@code loss_fn(outputs, targets)}
 * outside forward(). Predictions come from forward()'s outputs by layer name; labels from
 * the targets by input name, or, for a Loss with no label input (Keras style), by the Loss
 * layer's own name.
 */
final class TorchLosses {
    /** Losses whose label is a class index (stored as integers). */
    private static final Set<String> CLASS_INDEX = Set.of("softmax_cross_entropy", "multinomial_logistic", "hinge", "infogain");

    private final List<Layer> layers;
    private final Set<String> inputNames;
    private final Set<String> helpers;

    /**
     * @param layers the Loss and Accuracy layers in document order
     * @param inputNames the graph's Input layers (read from the targets)
     */
    TorchLosses(List<Layer> layers, Set<String> inputNames, Set<String> helpers) {
        this.layers = layers;
        this.inputNames = inputNames;
        this.helpers = helpers;
    }

    static boolean isTrainingOnly(Layer l) {
        return l.type().equals("Loss") || l.type().equals("Accuracy");
    }

    /** Whether the layer's label (second input, or implicit) holds class indices. */
    static boolean classIndexLabel(Layer l) {
        return l.type().equals("Accuracy") || CLASS_INDEX.contains(LayerParams.of(l).getString("function"));
    }

    private String ref(String name) {
        return (inputNames.contains(name) ? "targets[" : "outputs[") + PythonText.literal(name) + "]";
    }

    private String label(Layer l) {
        return l.from().size() > 1 ? ref(l.from().get(1)) : "targets[" + PythonText.literal(l.name()) + "]";
    }

    /** Loss layers without a label input: their targets must be supplied under the layer's name. */
    List<Layer> implicitTargets() {
        return layers.stream().filter(l -> l.from().size() == 1).toList();
    }

    String code() {
        List<String> body = new ArrayList<>();
        List<String> total = new ArrayList<>();
        for (Layer l : layers) {
            String key = "values[" + PythonText.literal(l.name()) + "]";
            String x = ref(l.from().get(0));
            String t = label(l);
            body.add("    # " + PythonText.comment(l.name()) + " (" + l.type() + ")");
            if (l.type().equals("Accuracy")) {
                helpers.add("top_k_accuracy");
                helpers.add("class_indices");
                body.add("    " + key + " = top_k_accuracy(" + x + ", " + t + ", " + LayerParams.of(l).getInt("top_k") + ")");
                continue;
            }
            LayerParams p = LayerParams.of(l);
            String fn = p.getString("function");
            String expr = expression(fn, x, t);
            if (expr == null) {
                body.add("    # not computed: Caffe's contrastive loss needs a pair-similarity label the graph does not carry");
                continue;
            }
            if (CLASS_INDEX.contains(fn)) {
                helpers.add("class_indices");
            }
            if (fn.equals("infogain")) {
                body.add("    # the infogain matrix H is not in the graph: with H = identity this is the multinomial logistic loss");
            }
            body.add("    " + key + " = " + expr);
            total.add(Py.num(p.getDouble("loss_weight")) + " * " + key);
        }
        StringBuilder b = new StringBuilder();
        b.append("def loss_fn(outputs, targets):\n");
        b.append("    \"\"\"The graph's training-only layers (losses, metrics); they are not part of forward().\n\n");
        b.append("    outputs: forward()'s results by layer name (OUTPUT_NAMES); targets: labels by input\n");
        b.append("    layer name, plus a target under the loss's own name for a loss without a label input.\n");
        b.append("    Returns (weighted total loss or None, every loss and metric value by layer name).\n");
        b.append("    \"\"\"\n");
        b.append("    values = {}\n");
        body.forEach(line -> b.append(line).append('\n'));
        b.append("    total = ").append(total.isEmpty() ? "None" : String.join(" + ", total)).append('\n');
        b.append("    return total, values\n");
        return b.toString();
    }

    /** PyTorch for one loss function; null when the graph cannot express it. */
    private static String expression(String fn, String x, String t) {
        return switch (fn) {
            case "softmax_cross_entropy" -> "F.cross_entropy(" + x + ", class_indices(" + t + ", " + x + "))";
            // Caffe's multinomial logistic loss takes probabilities: -log p[label]
            case "multinomial_logistic", "infogain" ->
                    "F.nll_loss(torch.log(" + x + ".clamp_min(1e-20)), class_indices(" + t + ", " + x + "))";
            case "hinge" -> "F.multi_margin_loss(" + x + ", class_indices(" + t + ", " + x + "))";
            case "sigmoid_cross_entropy" -> "F.binary_cross_entropy_with_logits(" + x + ", " + t + ".reshape(" + x + ".shape).float())";
            // Caffe: sum of squared differences / (2 * batch)
            case "euclidean" -> "((" + x + " - " + t + ".reshape(" + x + ".shape)) ** 2).sum() / (2 * " + x + ".shape[0])";
            case "mse" -> "F.mse_loss(" + x + ", " + t + ".reshape(" + x + ".shape).float())";
            case "mae" -> "F.l1_loss(" + x + ", " + t + ".reshape(" + x + ".shape).float())";
            // Keras: predictions are probabilities, targets one-hot
            case "categorical_crossentropy" -> "-(" + t + ".reshape(" + x + ".shape) * torch.log(" + x
                    + ".clamp_min(1e-7))).sum(dim=1).mean()";
            case "binary_crossentropy" -> "F.binary_cross_entropy(" + x + ".clamp(1e-7, 1 - 1e-7), " + t + ".reshape(" + x
                    + ".shape).float())";
            default -> null;
        };
    }

    /** Helper functions the loss code calls. */
    static final Map<String, String> HELPERS = Map.of(
            "class_indices", """
                    def class_indices(label, scores):
                        \"\"\"Class labels shaped like the scores without their class dimension (dim 1), as integers.\"\"\"
                        return label.reshape(scores.shape[:1] + scores.shape[2:]).long()
                    """,
            "top_k_accuracy", """
                    def top_k_accuracy(scores, label, k):
                        \"\"\"Fraction of samples whose label is among the k highest scores.\"\"\"
                        hits = scores.topk(k, dim=1).indices == class_indices(label, scores).unsqueeze(1)
                        return hits.any(dim=1).float().mean()
                    """);
}
