package org.paper2code.emit.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Generated Keras Python compiles; generated keras-json loads in TensorFlow.js with the
 * shapes ShapeInference gives (channels-last). Fixture coverage in tfjs:
 * <ul>
 * <li>checked: alexnet_like (LRN through the check script's stand-in layer; tfjs ignores
 *     Conv2D {@code groups}, which does not change shapes), resnet_block (Scale as
 *     DepthwiseConv2D), inception_like, text_rnn (Conv1D, Bidirectional, SimpleRNN), unet_like
 *     (Lambda through the stand-in identity; Conv3D's Caffe pad becomes padding="same").</li>
 * <li>not checked: attention_block, because tfjs 4.22's modelFromJSON has no
 *     MultiHeadAttention ("Unknown layer"); it is covered by py_compile only. Also not
 *     loadable in tfjs: ZeroPadding1D/3D (emitted for explicit pads "same" cannot express)
 *     and GlobalPooling2D keep_dims (tfjs ignores keepdims); no fixture uses them.</li>
 * </ul>
 */
class KerasEmitterTest {
    static final Path GRAPHS = Path.of("src/test/resources/graphs");
    static final Set<String> TFJS_UNSUPPORTED = Set.of("attention_block");

    static Stream<String> fixtures() {
        return Stream.of("alexnet_like", "resnet_block", "inception_like", "text_rnn", "attention_block", "unet_like");
    }

    static Graph fixture(String name) throws IOException {
        return GraphJson.read(Files.readString(GRAPHS.resolve(name + ".json")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixturesAreValidGraphs(String name) throws IOException {
        Map<String, Shape> shapes = new GraphValidator().check(fixture(name));
        assertFalse(shapes.isEmpty());
    }

    @Test
    void fixturesCoverMostOfTheCatalogue() throws IOException {
        Set<String> types = new java.util.TreeSet<>();
        for (String f : fixtures().toList()) {
            fixture(f).layers().forEach(l -> types.add(l.type()));
        }
        Set<String> missing = new java.util.TreeSet<>();
        org.paper2code.graph.LayerCatalogue.standard().all().forEach(s -> missing.add(s.type()));
        missing.removeAll(types);
        assertEquals(Set.of("RoIPooling"), missing, "catalogue types no fixture uses");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pythonCompiles(String name, @TempDir Path dir) throws Exception {
        ExternalTools.requirePython();
        String py = new KerasPythonEmitter(EmitOptions.defaults()).emit(fixture(name)).get(0).content();
        assertTrue(py.contains("def build_model():") && py.contains("def compile_model(model):")
                && py.contains("if __name__ == \"__main__\":\n    build_model().summary()"), py);
        Path file = dir.resolve(name + ".py");
        Files.writeString(file, py);
        ExternalTools.Result r = ExternalTools.pyCompile(file);
        assertEquals(0, r.exit(), r.out() + "\n" + py);
    }

    @Test
    void alexNetPythonPadsGroupsAndCompiles() throws IOException {
        String py = new KerasPythonEmitter(EmitOptions.defaults()).emit(fixture("alexnet_like")).get(0).content();
        // Caffe pad 2 with a 5x5 kernel at stride 1 is exactly Keras "same": no padding layer
        assertTrue(py.contains("layers.Conv2D(filters=256, kernel_size=(5, 5), strides=(1, 1), padding=\"same\""), py);
        assertFalse(py.contains("ZeroPadding2D"), py);
        assertTrue(py.contains("groups=2"), py);
        assertTrue(py.contains("layers.Permute(dims=(3, 1, 2), name=\"pool5_to_cf\")(pool5)"), py);
        assertTrue(py.contains("keras.Input(shape=(227, 227, 3)"), py);
        assertTrue(py.contains("outputs=[prob]"), py);
        assertTrue(py.contains("keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9, weight_decay=5.0E-4)"), py);
        assertTrue(py.contains("loss=\"sparse_categorical_crossentropy\""), py);
        assertTrue(py.contains("batch_size=256"), py);
        assertFalse(py.contains("label"), "the label input feeds only Loss/Accuracy: not a model input");
    }

    @Test
    void scheduleStepsAreOptimizerSteps() throws IOException {
        // alexnet_like: step_size 100000 counts iterations, used as is
        String py = new KerasPythonEmitter(EmitOptions.defaults()).emit(fixture("alexnet_like")).get(0).content();
        assertTrue(py.contains("ExponentialDecay(0.01, decay_steps=100000, decay_rate=0.1, staircase=True)"), py);
        assertTrue(py.contains("def compile_model(model):"), py);

        // step_epochs counts epochs: compile_model takes steps_per_epoch, required without a dataset size
        Graph epochs = fixture("alexnet_like").withTraining(new org.paper2code.graph.Training(Map.of("learning_rate", 0.1,
                "batch_size", 256, "lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_epochs", 30))));
        py = new KerasPythonEmitter(EmitOptions.defaults()).emit(epochs).get(0).content();
        assertTrue(py.contains("def compile_model(model, steps_per_epoch=None):"), py);
        assertTrue(py.contains("raise ValueError(\"compile_model needs steps_per_epoch"), py);
        assertTrue(py.contains("ExponentialDecay(0.1, decay_steps=30 * steps_per_epoch, decay_rate=0.1, staircase=True)"), py);

        // multistep in epochs with a known dataset size: steps_per_epoch defaults to ceil(1000 / 256) = 4
        Graph multi = fixture("alexnet_like").withTraining(new org.paper2code.graph.Training(Map.of("learning_rate", 0.1,
                "batch_size", 256, "dataset_size", 1000, "lr_schedule", Map.of("policy", "multistep", "gamma", 0.1,
                        "steps_epochs", List.of(30, 60)))));
        py = new KerasPythonEmitter(EmitOptions.defaults()).emit(multi).get(0).content();
        assertTrue(py.contains("def compile_model(model, steps_per_epoch=4):"), py);
        assertTrue(py.contains("PiecewiseConstantDecay([30 * steps_per_epoch, 60 * steps_per_epoch], [0.1 * 0.1 ** k for k in range(3)])"), py);
    }

    @Test
    void ceilModePoolingGetsBottomRightPadding() throws IOException {
        String py = new KerasPythonEmitter(EmitOptions.defaults()).emit(fixture("inception_like")).get(0).content();
        // 28 + 2*1 = 30, k3 s1 -> 28 either way: no extra; the Caffe pad becomes a ZeroPadding2D
        assertTrue(py.contains("padding=((1, 1), (1, 1)), name=\"inception_3a_pool_pad\""), py);
        Graph g = new Graph(List.of(
                Layer.of("Input", "in", Map.of("output_shape", List.of(8, 10, 10))),
                Layer.of("Pooling2D", "p", Map.of("kernel_row", 3, "stride_row", 2, "ceil_mode", true), "in")));
        assertEquals(Shape.of(8, 5, 5), new GraphValidator().check(g).get("p"));
        String small = new KerasPythonEmitter(EmitOptions.defaults()).emit(g).get(0).content();
        // floor((10-3)/2)+1 = 4 in Keras; one extra row/column at the bottom/right gives Caffe's 5
        assertTrue(small.contains("layers.ZeroPadding2D(padding=((0, 1), (0, 1)), name=\"p_pad\")(in_)"), small);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void kerasJsonHasTheKeras2Layout(String name) throws IOException {
        JsonNode root = GraphJson.MAPPER.readTree(new KerasJsonEmitter().emit(fixture(name)).get(0).content());
        assertEquals("Functional", root.get("class_name").asText());
        assertTrue(root.get("keras_version").asText().startsWith("2."));
        assertEquals("tensorflow", root.get("backend").asText());
        JsonNode first = root.at("/config/layers/0");
        assertEquals("InputLayer", first.get("class_name").asText());
        assertTrue(first.at("/config/batch_input_shape/0").isNull());
        for (JsonNode layer : root.at("/config/layers")) {
            if (!layer.get("class_name").asText().equals("InputLayer")) {
                JsonNode ref = layer.at("/inbound_nodes/0/0");
                assertTrue(ref.get(0).isTextual() && ref.get(1).asInt() == 0 && ref.get(3).isObject(), ref.toString());
            }
        }
        assertTrue(root.at("/config/input_layers/0").isArray() && root.at("/config/output_layers/0").isArray());
    }

    /**
     * One tfjs run for every fixture tfjs can load and for the real Keras corpus re-emitted:
     * each layer's outputShape must equal the graph's inferred shape, channels-last.
     */
    @Test
    void kerasJsonLoadsInTfjsWithOurShapes(@TempDir Path dir) throws Exception {
        ExternalTools.requireTfjs();
        Map<Path, Graph> graphs = new java.util.LinkedHashMap<>();
        for (String name : fixtures().toList()) {
            if (!TFJS_UNSUPPORTED.contains(name)) {
                graphs.put(dir.resolve(name + ".json"), fixture(name));
            }
        }
        for (Path real : KerasImporterTest.corpus().toList()) {
            graphs.put(dir.resolve("real_" + real.getFileName()), KerasImporterTest.importFile(real));
        }
        // real Caffe models too: BVLC files bundled, GoogLeNet and ResNet-50 from ../shared when present
        List<Path> prototxt = new ArrayList<>();
        for (String f : List.of("bvlc_alexnet_deploy", "cifar10_quick", "mnist_lenet")) {
            prototxt.add(Path.of("src/test/resources/corpus-real/prototxt", f + ".prototxt"));
        }
        for (String f : List.of("bvlc_googlenet_deploy", "resnet50_deploy")) {
            Path shared = Path.of("../shared/corpus-real/prototxt", f + ".prototxt");
            if (Files.exists(shared)) {
                prototxt.add(shared);
            }
        }
        for (Path p : prototxt) {
            graphs.put(dir.resolve("caffe_" + p.getFileName() + ".json"),
                    new org.paper2code.emit.caffe.CaffeImporter().read(Files.readString(p), p.getFileName().toString()));
        }
        for (Map.Entry<Path, Graph> e : graphs.entrySet()) {
            Files.writeString(e.getKey(), new KerasJsonEmitter().emit(e.getValue()).get(0).content());
        }
        Map<String, JsonNode> results = ExternalTools.tfjsLoad(List.copyOf(graphs.keySet()));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<Path, Graph> e : graphs.entrySet()) {
            String file = e.getKey().getFileName().toString();
            JsonNode result = results.get(e.getKey().toString());
            if (!result.path("ok").asBoolean()) {
                problems.add(file + ": " + result.path("error").asText());
                continue;
            }
            Graph g = e.getValue();
            KerasPlan plan = KerasPlan.of(g);
            Map<String, JsonNode> loaded = new java.util.HashMap<>();
            result.get("layers").forEach(l -> loaded.put(l.get("name").asText(), l.get("outputShape")));
            int here = 0;
            for (Layer l : g.layers()) {
                JsonNode shape = loaded.get(l.name());
                if (shape == null) {
                    continue; // Loss, Accuracy, Output and label inputs are not Keras layers
                }
                List<Integer> expected = new ArrayList<>();
                expected.add(null);
                expected.addAll(plan.kerasShape(l.name(), l.name()));
                if (!GraphJson.MAPPER.valueToTree(expected).equals(shape)) {
                    problems.add(file + ": layer " + l.name() + " tfjs " + shape + ", graph " + expected);
                }
                here++;
            }
            if (here < g.layers().size() / 2) {
                problems.add(file + ": only " + here + " of " + g.layers().size() + " layers found in tfjs");
            }
            compared += here;
        }
        assertEquals(List.of(), problems);
        assertTrue(compared > 100, "compared " + compared + " layer shapes");
    }

    @Test
    void pythonInjectionStaysInsideStringLiterals(@TempDir Path dir) throws Exception {
        ExternalTools.requirePython();
        String evil = "x\"); import os; os.system(\"id";
        String evil2 = "conv\nimport os\nos.system('id')\n#";
        Graph g = new Graph(evil + "\n\"\"\"", null, List.of(
                Layer.of("Input", evil, Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("Conv2D", evil2, Map.of("filters", 4, "kernel_row", 3), evil),
                Layer.of("Lambda", "lam\"", Map.of("note", "'); os.system('rm -rf /') #\n__import__('os')"), evil2),
                Layer.of("Flatten", "flat", Map.of(), "lam\""),
                Layer.of("Dense", "d'\\", Map.of("units", 2), "flat")), null);
        String py = new KerasPythonEmitter(EmitOptions.defaults()).emit(g).get(0).content();
        Path file = dir.resolve("evil.py");
        Files.writeString(file, py);
        assertEquals(0, ExternalTools.pyCompile(file).exit(), py);
        String checker = String.join("\n",
                "import ast, sys",
                "tree = ast.parse(open(sys.argv[1]).read())",
                "bad = []",
                "for n in ast.walk(tree):",
                "    if isinstance(n, ast.Import):",
                "        bad += [a.name for a in n.names if a.name != 'tensorflow']",
                "    if isinstance(n, ast.ImportFrom) and n.module not in ('tensorflow', 'tensorflow.keras'):",
                "        bad.append(n.module)",
                "    if isinstance(n, ast.Name) and n.id in ('os', '__import__', 'eval', 'exec'):",
                "        bad.append(n.id)",
                "    if isinstance(n, ast.Attribute) and n.attr == 'system':",
                "        bad.append('system')",
                "print('BAD' if bad else 'CLEAN', bad)");
        Path check = dir.resolve("check.py");
        Files.writeString(check, checker);
        ExternalTools.Result r = ExternalTools.run(List.of(ExternalTools.PYTHON, check.toString(), file.toString()));
        assertTrue(r.out().startsWith("CLEAN"), r.out() + "\n" + py);

        String json = new KerasJsonEmitter().emit(g).get(0).content();
        JsonNode root = GraphJson.MAPPER.readTree(json);
        List<String> names = new ArrayList<>();
        root.path("config").path("layers").forEach(l -> names.add(l.path("name").asText()));
        assertTrue(names.contains(evil) && names.contains(evil2), "names kept as JSON data: " + names);
    }

    @ParameterizedTest
    @MethodSource("roundTripSources")
    void kerasJsonRoundTripsThroughTheImporter(Path file) throws IOException {
        Graph first = KerasImporterTest.importFile(file);
        String json = new KerasJsonEmitter().emit(first).get(0).content();
        Graph second = new KerasImporter().read(json, "again.json");
        assertEquals(first.layers(), second.layers(), json);
        assertEquals(new GraphValidator().check(first), new GraphValidator().check(second));
    }

    static Stream<Path> roundTripSources() throws IOException {
        List<Path> all = new ArrayList<>(KerasImporterTest.corpus().toList());
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/keras"))) {
            s.sorted().forEach(all::add);
        }
        return all.stream();
    }
}
