package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Emitter;
import org.paper2code.emit.PythonText;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Topology;

/**
 * Writes a graph as one PyTorch file: an {@code nn.Module} whose forward() follows the
 * graph in dependency order, {@code loss_fn()} for Loss/Accuracy layers, optimiser and
 * schedule for a training block, and a {@code __main__} that runs the model on zero inputs
 * ({@code --shapes-json} prints every layer's output shape by graph name).
 *
 * <p>Layer names are untrusted: they reach the file only as string literals
 * ({@link PythonText#literal}), sanitised identifiers and comments.
 */
public final class PyTorchEmitter implements Emitter {
    /** Free dimensions (-1) get this size in the example inputs. */
    static final int FREE_DIM_EXAMPLE = 8;

    private final EmitOptions options;

    public PyTorchEmitter(EmitOptions options) {
        this.options = options == null ? EmitOptions.defaults() : options;
    }

    @Override
    public String target() {
        return "pytorch";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        return List.of(new Artifact("pytorch_model.py", new Writer(graph, new GraphValidator().check(graph)).write()));
    }

    String className(Graph graph) {
        String name = PyNames.className(graph.name());
        if (name == null) {
            name = PyNames.className(options.modelName());
        }
        return name == null ? "Net" : name;
    }

    /** One emission: the graph split into forward layers, inputs, outputs and training-only layers. */
    private final class Writer {
        private final Graph graph;
        private final Map<String, Shape> shapes;
        private final Map<String, String> ids;
        private final List<Layer> forward = new ArrayList<>();
        private final List<Layer> inputs = new ArrayList<>();
        private final List<Layer> forwardInputs = new ArrayList<>();
        private final List<Layer> trainingOnly = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final Set<String> longInputs = new HashSet<>();
        private final Set<String> helpers = new LinkedHashSet<>();

        Writer(Graph graph, Map<String, Shape> shapes) {
            this.graph = graph;
            this.shapes = shapes;
            this.ids = PyNames.identifiers(graph.layers().stream().map(Layer::name).toList());
            split();
        }

        private void split() {
            Map<String, List<String>> consumers = Topology.consumers(graph);
            Map<String, Layer> byName = graph.byName();
            Set<String> training = graph.layers().stream().filter(TorchLosses::isTrainingOnly).map(Layer::name)
                    .collect(Collectors.toSet());
            Set<String> feedsTraining = new HashSet<>();
            for (Layer l : graph.layers()) {
                if (training.contains(l.name())) {
                    trainingOnly.add(l);
                    feedsTraining.addAll(l.from());
                    if (TorchLosses.classIndexLabel(l) && l.from().size() > 1) {
                        longInputs.add(l.from().get(1));
                    }
                }
                for (String src : l.from()) {
                    if (training.contains(src) && !training.contains(l.name())) {
                        throw new UnsupportedLayerException(l, "reads from the training-only layer '"
                                + PythonText.comment(src) + "', which is not part of forward()");
                    }
                    if (byName.get(src).type().equals("Input") && l.type().equals("Embedding")) {
                        longInputs.add(src);
                    }
                }
            }
            for (Layer l : Topology.order(graph)) {
                List<String> users = consumers.getOrDefault(l.name(), List.of());
                boolean targetOnly = !users.isEmpty() && training.containsAll(users);
                if (l.type().equals("Input")) {
                    inputs.add(l);
                }
                if (training.contains(l.name()) || (l.type().equals("Input") && targetOnly)) {
                    continue;
                }
                forward.add(l);
                if (l.type().equals("Input")) {
                    forwardInputs.add(l);
                }
            }
            Set<String> forwardNames = forward.stream().map(Layer::name).collect(Collectors.toSet());
            // outputs: what nothing else in forward() reads, and what the losses read (inputs excepted:
            // loss_fn() gets those directly)
            for (Layer l : graph.layers()) {
                if (!forwardNames.contains(l.name())) {
                    continue;
                }
                boolean usedForward = consumers.get(l.name()).stream().anyMatch(forwardNames::contains);
                if (!usedForward || (feedsTraining.contains(l.name()) && !l.type().equals("Input"))) {
                    outputs.add(l.name());
                }
            }
            if (outputs.isEmpty()) {
                throw new org.paper2code.graph.GraphException("the graph has no layer a forward pass could return");
            }
        }

        String write() {
            String cls = className(graph);
            StringBuilder init = new StringBuilder();
            StringBuilder fwd = new StringBuilder();
            for (Layer l : forward) {
                String id = ids.get(l.name());
                String lit = PythonText.literal(l.name());
                String header = "        # " + PythonText.comment(l.name()) + " (" + PythonText.comment(l.type()) + ")";
                if (l.type().equals("Input")) {
                    fwd.append(header).append(" -> ").append(shapes.get(l.name())).append('\n');
                    fwd.append("        ").append(id).append(" = self._record(").append(lit).append(", ").append(id).append(")\n");
                    continue;
                }
                List<String> args = l.from().stream().map(ids::get).toList();
                List<Shape> ins = l.from().stream().map(shapes::get).toList();
                TorchLayer t = TorchLayers.write(new Site(l, id, args, ins, shapes.get(l.name()), helpers));
                if (t.module() != null) {
                    init.append(header).append('\n');
                    if (t.note() != null) {
                        init.append("        # ").append(PythonText.comment(t.note())).append('\n');
                    }
                    init.append("        self.").append(id).append(" = ").append(t.module()).append('\n');
                }
                fwd.append(header).append(" -> ").append(shapes.get(l.name())).append('\n');
                if (t.module() == null && t.note() != null) {
                    fwd.append("        # ").append(PythonText.comment(t.note())).append('\n');
                }
                for (String line : t.before()) {
                    fwd.append("        ").append(line).append('\n');
                }
                fwd.append("        ").append(id).append(" = self._record(").append(lit).append(", ").append(t.value()).append(")\n");
            }
            List<String> outIds = outputs.stream().map(ids::get).toList();
            fwd.append("        return ").append(outIds.size() == 1 ? outIds.get(0) : String.join(", ", outIds)).append('\n');

            Set<String> inputNames = inputs.stream().map(Layer::name).collect(Collectors.toSet());
            TorchLosses losses = trainingOnly.isEmpty() ? null : new TorchLosses(trainingOnly, inputNames, helpers);
            String lossCode = losses == null ? null : losses.code();
            List<String> forwardArgs = forwardInputs.stream().map(l -> "inputs[" + PythonText.literal(l.name()) + "]").toList();
            String trainingCode = graph.training() == null || graph.training().isEmpty() ? null
                    : new TorchTraining(graph.training()).code(losses != null, forwardArgs);

            StringBuilder b = new StringBuilder();
            b.append(header(cls));
            b.append("import argparse\n");
            b.append("import json\n");
            if (helpers.contains("roi_max_pool")) {
                b.append("import math\n");
            }
            b.append("\nimport torch\n");
            b.append("import torch.nn as nn\n");
            b.append("import torch.nn.functional as F\n\n\n");
            if (helpers.contains("Scale")) {
                b.append(SCALE).append("\n\n");
            }
            if (helpers.contains("OpaqueFunction")) {
                b.append(OPAQUE).append("\n\n");
            }
            if (helpers.contains("roi_max_pool")) {
                b.append(ROI_POOL).append("\n\n");
            }
            b.append("class ").append(cls).append("(nn.Module):\n");
            b.append("    \"\"\"The graph as a PyTorch module; inputs and outputs have a leading batch dimension.\"\"\"\n\n");
            b.append("    def __init__(self):\n");
            b.append("        super().__init__()\n");
            b.append(init);
            b.append("        self._trace = None  # a dict while tracing: graph layer name -> output tensor\n\n");
            b.append("    def _record(self, name, tensor):\n");
            b.append("        \"\"\"Keeps a layer's output under its graph name while tracing (see --shapes-json).\"\"\"\n");
            b.append("        if self._trace is not None:\n");
            b.append("            self._trace[name] = tensor\n");
            b.append("        return tensor\n\n");
            b.append("    def forward(self");
            forwardInputs.forEach(l -> b.append(", ").append(ids.get(l.name())));
            b.append("):\n");
            b.append(fwd);
            b.append("\n\n# forward()'s results in order, by graph layer name\n");
            b.append("OUTPUT_NAMES = ").append(Py.list(outputs.stream().map(PythonText::literal).toList())).append("\n\n\n");
            if (lossCode != null) {
                for (String h : List.of("class_indices", "top_k_accuracy")) {
                    if (helpers.contains(h)) {
                        b.append(TorchLosses.HELPERS.get(h)).append("\n\n");
                    }
                }
                b.append(lossCode).append("\n\n");
            }
            if (trainingCode != null) {
                b.append(trainingCode).append("\n\n");
            }
            b.append(exampleInputs()).append("\n\n");
            if (losses != null) {
                b.append(exampleTargets(losses)).append("\n\n");
            }
            b.append(main(cls, forwardArgs, losses != null)).append("\n\n");
            b.append("if __name__ == \"__main__\":\n    main()\n");
            return b.toString();
        }

        private String header(String cls) {
            StringBuilder b = new StringBuilder();
            b.append("# PyTorch model ").append(cls).append(", generated by paper2code");
            if (graph.name() != null) {
                b.append(" from the graph ").append(PythonText.comment(graph.name()).replace("\"", "'"));
            }
            b.append(".\n");
            if (graph.source() != null && graph.source().paper() != null) {
                b.append("# Source: ").append(PythonText.comment(graph.source().paper())).append('\n');
            }
            b.append("# Shapes in comments leave out the batch dimension and are channels first (C,H,W).\n");
            b.append("# Run: python3 model.py [--shapes-json]\n");
            return b.toString();
        }

        private String exampleInputs() {
            StringBuilder b = new StringBuilder("def example_inputs(batch=2):\n");
            b.append("    \"\"\"Zero tensors for every input layer, by name (free dimensions set to ").append(FREE_DIM_EXAMPLE)
                    .append(").\"\"\"\n");
            b.append("    return {\n");
            for (Layer l : inputs) {
                List<String> dims = new ArrayList<>(List.of("batch"));
                shapes.get(l.name()).dims().forEach(d -> dims.add(String.valueOf(d == Shape.UNKNOWN ? FREE_DIM_EXAMPLE : d)));
                b.append("        ").append(PythonText.literal(l.name())).append(": torch.zeros(").append(String.join(", ", dims))
                        .append(longInputs.contains(l.name()) ? ", dtype=torch.long" : "").append("),\n");
            }
            b.append("    }\n");
            return b.toString();
        }

        private String exampleTargets(TorchLosses losses) {
            StringBuilder b = new StringBuilder("def example_targets(inputs, outputs):\n");
            b.append("    \"\"\"What loss_fn() reads: the input layers, plus zero targets for losses without a label input.\"\"\"\n");
            b.append("    targets = dict(inputs)\n");
            for (Layer l : losses.implicitTargets()) {
                String src = l.from().get(0);
                boolean fromInput = inputs.stream().anyMatch(i -> i.name().equals(src));
                String p = (fromInput ? "inputs[" : "outputs[") + PythonText.literal(src) + "]";
                b.append("    targets[").append(PythonText.literal(l.name())).append("] = ");
                b.append(TorchLosses.classIndexLabel(l)
                        ? "torch.zeros(" + p + ".shape[:1] + " + p + ".shape[2:], dtype=torch.long)\n"
                        : "torch.zeros_like(" + p + ")\n");
            }
            b.append("    return targets\n");
            return b.toString();
        }

        private String main(String cls, List<String> forwardArgs, boolean hasLosses) {
            StringBuilder b = new StringBuilder("def main(argv=None):\n");
            b.append("    parser = argparse.ArgumentParser(description=\"Runs the model once on zero inputs.\")\n");
            b.append("    parser.add_argument(\"--shapes-json\", action=\"store_true\",\n");
            b.append("                        help=\"print every layer's output shape (without the batch dimension) as JSON\")\n");
            b.append("    args = parser.parse_args(argv)\n");
            b.append("    model = ").append(cls).append("().eval()\n");
            b.append("    inputs = example_inputs()\n");
            b.append("    model._trace = {} if args.shapes_json else None\n");
            b.append("    with torch.no_grad():\n");
            b.append("        results = model(").append(String.join(", ", forwardArgs)).append(")\n");
            b.append("        results = results if isinstance(results, tuple) else (results,)\n");
            b.append("        outputs = dict(zip(OUTPUT_NAMES, results))\n");
            if (hasLosses) {
                b.append("        _, metrics = loss_fn(outputs, example_targets(inputs, outputs))\n");
            } else {
                b.append("        metrics = {}\n");
            }
            b.append("    if args.shapes_json:\n");
            b.append("        traced = {**inputs, **model._trace, **metrics}\n");
            b.append("        print(json.dumps({name: list(t.shape[1:] if name not in metrics else t.shape)\n");
            b.append("                          for name, t in traced.items()}))\n");
            b.append("        return\n");
            b.append("    for name, t in outputs.items():\n");
            b.append("        print(\"output\", json.dumps(name), tuple(t.shape))\n");
            b.append("    for name, v in metrics.items():\n");
            b.append("        print(\"training-only\", json.dumps(name), float(v))\n");
            return b.toString();
        }
    }

    private static final String SCALE = """
            class Scale(nn.Module):
                \"\"\"Caffe's Scale layer: a learned factor per channel (shape broadcast over the rest), optional bias.\"\"\"

                def __init__(self, shape, bias):
                    super().__init__()
                    self.weight = nn.Parameter(torch.ones(shape))
                    self.bias = nn.Parameter(torch.zeros(shape)) if bias else None

                def forward(self, x):
                    x = x * self.weight
                    return x if self.bias is None else x + self.bias
            """;

    private static final String OPAQUE = """
            class OpaqueFunction(nn.Module):
                \"\"\"Placeholder for a function the source describes only by its output shape (e.g. a Keras
                Lambda or custom layer). It returns zeros of that shape so the model runs: replace it.\"\"\"

                def __init__(self, shape):
                    super().__init__()
                    self.shape = shape

                def forward(self, x):
                    return x.new_zeros((x.shape[0],) + self.shape)
            """;

    private static final String ROI_POOL = """
            def roi_max_pool(features, rois, output_size, spatial_scale):
                \"\"\"Fast R-CNN RoI max pooling. Each row of rois is (batch index, x1, y1, x2, y2) in input
                pixels; the result has one pooled map per box. Caffe's bins are what adaptive max pooling uses.\"\"\"
                height, width = features.shape[2], features.shape[3]
                pooled = []
                for roi in rois.reshape(-1, 5):
                    n = int(roi[0])
                    x1, y1, x2, y2 = [math.floor(float(v) * spatial_scale + 0.5) for v in roi[1:]]
                    x1, x2 = min(max(x1, 0), width - 1), min(max(x2, 0), width - 1)
                    y1, y2 = min(max(y1, 0), height - 1), min(max(y2, 0), height - 1)
                    crop = features[n, :, y1:max(y1, y2) + 1, x1:max(x1, x2) + 1]
                    pooled.append(F.adaptive_max_pool2d(crop, output_size))
                return torch.stack(pooled)
            """;
}
