package org.paper2code.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * The words of a synthetic paper: title, authors, filler sentences from a small word list
 * (never stating a number), and training sentences that state hyperparameters in varied
 * phrasing, each sentence with the canonical keys and values it states.
 */
final class PaperText {
    private static final String[] ADJ = {"deep", "efficient", "robust", "hierarchical", "sparse", "residual", "compact", "adaptive",
        "multi-scale", "lightweight", "recurrent", "generative", "discriminative", "convolutional", "scalable", "simple"};
    private static final String[] NOUN = {"network", "representation", "model", "feature", "layer", "architecture", "dataset",
        "benchmark", "method", "approach", "encoder", "classifier", "module", "objective", "baseline", "signal", "image", "sequence"};
    private static final String[] VERB = {"improves", "learns", "captures", "reduces", "combines", "extends", "outperforms", "requires",
        "preserves", "exploits", "generalises", "refines", "aggregates", "predicts"};
    private static final String[] PREP = {"with", "for", "over", "without", "across", "from", "under", "beyond"};
    private static final String[] TASK = {"Image Classification", "Semantic Segmentation", "Object Detection", "Speech Recognition",
        "Text Classification", "Image Generation", "Handwritten Digit Recognition", "Action Recognition", "Machine Translation"};
    private static final String[] FIRST = {"A.", "B.", "C.", "D.", "E.", "J.", "K.", "L.", "M.", "P.", "R.", "S.", "T.", "Y."};
    private static final String[] LAST = {"Smith", "Chen", "Garcia", "Müller", "Kowalski", "Tanaka", "Okafor", "Rossi", "Novak",
        "Silva", "Dubois", "Larsen", "Ivanova", "Kim", "Nguyen", "Haddad"};
    private static final String[] PLACE = {"University of Somewhere", "Institute of Applied Learning", "Example Research Lab",
        "Department of Computer Science, Nowhere University"};

    private final Random r;

    PaperText(Random r) {
        this.r = r;
    }

    String title() {
        return cap(Pick.one(r, ADJ)) + " " + cap(Pick.one(r, ADJ)) + " " + cap(Pick.one(r, NOUN)) + "s for " + Pick.one(r, TASK);
    }

    String authors() {
        int n = Pick.between(r, 1, 4);
        List<String> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a.add(Pick.one(r, FIRST) + " " + Pick.one(r, LAST));
        }
        return String.join(", ", a);
    }

    String affiliation() {
        return Pick.one(r, PLACE);
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String sentence() {
        String s = switch (r.nextInt(5)) {
            case 0 -> "the " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN) + " " + Pick.one(r, VERB) + " the " + Pick.one(r, NOUN) + " "
                    + Pick.one(r, PREP) + " " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN) + "s";
            case 1 -> "our " + Pick.one(r, NOUN) + " " + Pick.one(r, VERB) + " " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN) + "s "
                    + Pick.one(r, PREP) + " a " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN);
            case 2 -> "in contrast to prior work, each " + Pick.one(r, NOUN) + " " + Pick.one(r, VERB) + " the " + Pick.one(r, ADJ) + " "
                    + Pick.one(r, NOUN) + " of the " + Pick.one(r, NOUN);
            case 3 -> "we observe that a " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN) + " " + Pick.one(r, VERB) + " "
                    + Pick.one(r, NOUN) + "s " + Pick.one(r, PREP) + " additional " + Pick.one(r, NOUN) + "s";
            default -> "this " + Pick.one(r, NOUN) + " " + Pick.one(r, VERB) + " the " + Pick.one(r, NOUN) + " and "
                    + Pick.one(r, VERB) + " its " + Pick.one(r, ADJ) + " " + Pick.one(r, NOUN);
        };
        return cap(s) + ".";
    }

    List<String> paragraph(int min, int max) {
        List<String> p = new ArrayList<>();
        int n = Pick.between(r, min, max);
        for (int i = 0; i < n; i++) {
            p.add(sentence());
        }
        return p;
    }

    /** A training sentence and the hyperparameters it states. */
    record Stated(String sentence, Map<String, Object> values) {
    }

    /** Number as a paper writes it: 0.001, 1e-3, 10^-3 or 1 × 10^-3 (plain text, no superscripts). */
    private String small(double v) {
        int exp = (int) Math.floor(Math.log10(v) + 1e-9);
        double mant = v / Math.pow(10, exp);
        String m = LabelPhrasing.num(Math.round(mant * 100) / 100.0);
        return switch (r.nextInt(4)) {
            case 0 -> plain(v);
            case 1 -> m + "e" + exp;
            case 2 -> m.equals("1") ? "10^" + exp : m + " × 10^" + exp;
            default -> m + " × 10^" + exp;
        };
    }

    /** All significant digits in plain decimal notation: 1e-5 -> "0.00001" (LabelPhrasing.num keeps only 4 places). */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> kv(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Sentences stating the training setup for a graph; the keys are the text stage's canonical keys. */
    List<Stated> training(Graph g, Map<String, Shape> shapes) {
        List<Stated> out = new ArrayList<>();
        String opt = Pick.one(r, "sgd", "sgd", "adam", "adam", "rmsprop", "adamw");
        int epochs = Pick.oneInt(r, 10, 20, 30, 50, 74, 90, 100, 200);
        double lr = opt.equals("sgd") ? Pick.one(r, 0.1, 0.01, 0.05) : Pick.one(r, 0.001, 0.0001, 0.0003, 0.0002);
        int batch = Pick.oneInt(r, 32, 64, 128, 256, 512);
        boolean useIterations = Pick.chance(r, 0.25);
        int iterations = Pick.oneInt(r, 60000, 100000, 370000, 450000);
        String length = useIterations ? "for " + String.format(java.util.Locale.ROOT, "%,d", iterations) + " iterations" : "for " + epochs + " epochs";
        Map<String, Object> lengthKv = useIterations ? kv("iterations", iterations) : kv("epochs", epochs);
        switch (opt) {
            case "sgd" -> {
                double mom = Pick.one(r, 0.9, 0.9, 0.95, 0.99);
                boolean nesterov = Pick.chance(r, 0.25);
                Map<String, Object> v = kv("optimizer", "sgd", "momentum", mom);
                if (nesterov) {
                    v.put("nesterov", true);
                }
                String s = switch (r.nextInt(3)) {
                    case 0 -> {
                        v.putAll(lengthKv);
                        yield "The network is trained with SGD" + (nesterov ? " with Nesterov momentum " : ", momentum ") + LabelPhrasing.num(mom)
                                + ", " + length + ".";
                    }
                    case 1 -> "We use stochastic gradient descent" + (nesterov ? " with Nesterov momentum of " : " with a momentum of ")
                            + LabelPhrasing.num(mom) + ".";
                    default -> "Optimisation is performed by " + (nesterov ? "Nesterov-accelerated " : "") + "SGD (momentum = "
                            + LabelPhrasing.num(mom) + ").";
                };
                out.add(new Stated(s, v));
            }
            case "adam", "adamw" -> {
                double b1 = Pick.one(r, 0.9, 0.9, 0.5);
                double b2 = Pick.one(r, 0.999, 0.999, 0.98);
                String name = opt.equals("adam") ? "Adam" : "AdamW";
                if (r.nextBoolean()) {
                    out.add(new Stated("We use " + name + " (β1 = " + LabelPhrasing.num(b1) + ", β2 = " + LabelPhrasing.num(b2) + ").",
                            kv("optimizer", opt, "beta1", b1, "beta2", b2)));
                } else {
                    double eps = Pick.one(r, 1e-8, 1e-7, 1e-6);
                    out.add(new Stated("Parameters are updated with the " + name + " optimizer with β1 = " + LabelPhrasing.num(b1)
                            + ", β2 = " + LabelPhrasing.num(b2) + " and ε = " + small(eps) + ".",
                            kv("optimizer", opt, "beta1", b1, "beta2", b2, "epsilon", eps)));
                }
            }
            default -> {
                out.add(new Stated(Pick.one(r, "We optimise the model with RMSProp.", "Training uses the RMSprop optimizer."),
                        kv("optimizer", "rmsprop")));
            }
        }
        // learning rate, sometimes with a step schedule
        if (Pick.chance(r, 0.5)) {
            int every = useIterations ? Pick.oneInt(r, 20000, 100000) : Pick.oneInt(r, 10, 20, 30);
            String unit = useIterations ? "iterations" : "epochs";
            // the canonical form (src/docs/training.md): step_epochs counts epochs, step_size iterations
            Map<String, Object> sched = kv("policy", "step", "gamma", 0.1, useIterations ? "step_size" : "step_epochs", every);
            String s = switch (r.nextInt(3)) {
                case 0 -> "The learning rate starts at " + small(lr) + " and is divided by 10 every " + String.format(java.util.Locale.ROOT, "%,d", every) + " " + unit + ".";
                case 1 -> "We use a learning rate of " + small(lr) + " decayed by 10x every " + String.format(java.util.Locale.ROOT, "%,d", every) + " " + unit + ".";
                default -> "An initial learning rate of " + small(lr) + " is reduced by a factor of 10 after every " + String.format(java.util.Locale.ROOT, "%,d", every)
                        + " " + unit + ".";
            };
            out.add(new Stated(s, kv("learning_rate", lr, "lr_schedule", sched)));
        } else {
            out.add(new Stated(Pick.one(r, "The learning rate is set to ", "We use a fixed learning rate of ", "The initial learning rate is ")
                    + small(lr) + ".", kv("learning_rate", lr)));
        }
        out.add(new Stated(switch (r.nextInt(3)) {
            case 0 -> "We use mini-batches of " + batch + " examples.";
            case 1 -> "The batch size is " + batch + ".";
            default -> "Each update uses a mini-batch of " + batch + " " + (g.inputs().get(0).params().get("output_shape") instanceof List<?> l
                    && l.size() == 3 ? "images" : "sequences") + ".";
        }, kv("batch_size", batch)));
        if (!out.get(0).values().containsKey("epochs") && !out.get(0).values().containsKey("iterations")) {
            out.add(new Stated(Pick.one(r, "Training runs ", "We train ", "The model is trained ") + length + ".", lengthKv));
        }
        if (Pick.chance(r, 0.6)) {
            double wd = Pick.one(r, 5e-4, 1e-4, 1e-5, 2e-4);
            out.add(new Stated(Pick.one(r, "The weight decay is ", "We apply a weight decay of ", "An L2 weight decay of ")
                    + small(wd) + (r.nextBoolean() ? " is used." : "."), kv("weight_decay", wd)));
        }
        Double rate = null;
        for (Layer l : g.layers()) {
            if (l.type().equals("Dropout")) {
                rate = LayerParams.of(l).getDouble("rate");
            }
        }
        if (rate != null) {
            out.add(new Stated(Pick.one(r, "Dropout with a rate of " + LabelPhrasing.num(rate) + " is applied before the classifier.",
                    "We use dropout " + LabelPhrasing.num(rate) + " in the fully connected layers.",
                    "Dropout (p = " + LabelPhrasing.num(rate) + ") regularises the network."), kv("dropout", rate)));
        }
        Layer in = g.inputs().get(0);
        Shape s = shapes.get(in.name());
        if (s.rank() == 3 && Pick.chance(r, 0.6)) {
            out.add(new Stated(Pick.one(r, "Input images are resized to ", "Training images are randomly cropped to ",
                    "The network takes inputs of ") + s.dim(1) + " × " + s.dim(2) + " pixels.", kv("input_size", s.dim(1))));
        }
        if (Pick.chance(r, 0.25)) {
            double ls = Pick.one(r, 0.1, 0.2);
            out.add(new Stated("We apply label smoothing of " + LabelPhrasing.num(ls) + ".", kv("label_smoothing", ls)));
        }
        if (Pick.chance(r, 0.2)) {
            int w = Pick.oneInt(r, 1000, 4000, 10000);
            out.add(new Stated("The learning rate is warmed up linearly over the first " + String.format(java.util.Locale.ROOT, "%,d", w) + " steps.",
                    kv("warmup_steps", w)));
        }
        if (Pick.chance(r, 0.2)) {
            double c = Pick.one(r, 1.0, 5.0, 0.5);
            out.add(new Stated("Gradients are clipped to a maximum norm of " + LabelPhrasing.num(c) + ".", kv("gradient_clip", c)));
        }
        return out;
    }
}
