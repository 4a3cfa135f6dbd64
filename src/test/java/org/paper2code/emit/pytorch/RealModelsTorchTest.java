package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Real model definitions, imported from Caffe prototxt and Keras JSON, emitted as PyTorch and run in real PyTorch:
 * every layer's shape equals our inference. The bundled BVLC files always run; GoogLeNet,
 * VGG-16 and ResNet-50 from ../shared/corpus-real when it is there.
 */
class RealModelsTorchTest {
    private static final Path BUNDLED = Path.of("src/test/resources/corpus-real/prototxt");
    private static final Path SHARED = Path.of("../shared/corpus-real/prototxt");

    @Test
    void importedCaffeModelsRunInPyTorchWithOurShapes(@TempDir Path dir) throws IOException {
        TorchRunner.requireTorch();
        Map<String, Path> models = new LinkedHashMap<>();
        for (String f : List.of("bvlc_alexnet_deploy", "mnist_lenet", "cifar10_quick", "cifar10_full_sigmoid_train_test_bn")) {
            models.put(f, BUNDLED.resolve(f + ".prototxt"));
        }
        if (Files.isDirectory(SHARED)) {
            for (String f : List.of("bvlc_googlenet_deploy", "vgg16_deploy", "resnet50_deploy")) {
                models.put(f, SHARED.resolve(f + ".prototxt"));
            }
        } else {
            System.out.println("RealModelsTorchTest: ../shared/corpus-real is absent; GoogLeNet, VGG-16 and ResNet-50 not checked");
        }
        try (var keras = Files.list(Path.of("src/test/resources/corpus-real/keras"))) {
            keras.filter(p -> p.toString().endsWith(".json")).sorted()
                    .forEach(p -> models.put("keras_" + p.getFileName().toString().replace(".json", ""), p));
        }
        Map<String, Graph> graphs = new LinkedHashMap<>();
        ObjectNode files = GraphJson.MAPPER.createObjectNode();
        for (Map.Entry<String, Path> e : models.entrySet()) {
            Graph g = Formats.read(Files.readString(e.getValue()), e.getValue().getFileName().toString());
            graphs.put(e.getKey(), g);
            Path file = Files.createDirectories(dir.resolve(e.getKey())).resolve("model.py");
            Files.writeString(file, new PyTorchEmitter(EmitOptions.defaults()).emit(g).get(0).content());
            files.put(e.getKey(), file.toString());
        }
        Files.writeString(dir.resolve("files.json"), files.toString());
        Files.writeString(dir.resolve("run_all.py"), PyTorchShapesTest.RUN_ALL);
        TorchRunner.Result r = TorchRunner.run(dir, List.of("run_all.py", "files.json"), 600);
        assertEquals(0, r.exitCode(), () -> "the Python driver failed:\n" + r.stderr());
        JsonNode runs = GraphJson.MAPPER.readTree(r.stdout());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Graph> e : graphs.entrySet()) {
            JsonNode run = runs.get(e.getKey());
            if (!run.get("ok").asBoolean()) {
                problems.add(e.getKey() + ": " + run.path("error").asText());
                continue;
            }
            JsonNode traced = GraphJson.MAPPER.readTree(run.get("stdout").asText());
            Map<String, Shape> ours = new GraphValidator().check(e.getValue());
            for (Layer l : e.getValue().layers()) {
                JsonNode dims = traced.get(l.name());
                if (dims == null || !PyTorchShapesTest.matches(ours.get(l.name()), dims)) {
                    problems.add(e.getKey() + "/" + l.name() + ": ours " + ours.get(l.name()) + ", PyTorch " + dims);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
