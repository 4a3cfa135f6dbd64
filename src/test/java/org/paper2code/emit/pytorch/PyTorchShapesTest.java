package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
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
 * The key check: for each fixture graph the generated module runs in real PyTorch and every
 * layer's output shape (batch dropped) equals our shape inference. Free dimensions (-1) in
 * our shapes match anything. Loss and Accuracy layers, computed by loss_fn(), must be scalars.
 */
class PyTorchShapesTest {
    static final String FIXTURES = "/graphs/pytorch/";

    static Stream<String> fixtures() {
        return Stream.of("alexnet", "resnet_bottleneck", "inception", "text", "transformer", "unet", "conv1d", "conv3d",
                "same_stride2", "fast_rcnn");
    }

    static Graph fixture(String name) throws IOException {
        try (InputStream in = PyTorchShapesTest.class.getResourceAsStream(FIXTURES + name + ".json")) {
            assertTrue(in != null, "missing fixture " + name);
            return GraphJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void torch() {
        TorchRunner.requireTorch();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pytorchAgreesWithShapeInference(String name, @TempDir Path dir) throws IOException {
        Graph graph = fixture(name);
        Map<String, Shape> ours = new GraphValidator().check(graph);
        String code = new PyTorchEmitter(EmitOptions.defaults()).emit(graph).get(0).content();
        Path file = dir.resolve("model.py");
        Files.writeString(file, code);

        TorchRunner.Result r = TorchRunner.run(dir, List.of("model.py", "--shapes-json"), 120);
        assertEquals(0, r.exitCode(), () -> name + ": generated model failed:\n" + r.stderr() + "\n--- model.py ---\n" + code);
        JsonNode traced = GraphJson.MAPPER.readTree(r.stdout());

        List<String> mismatches = new ArrayList<>();
        Set<String> graphNames = new HashSet<>();
        for (Layer l : graph.layers()) {
            graphNames.add(l.name());
            JsonNode dims = traced.get(l.name());
            if (dims == null) {
                mismatches.add(l.name() + ": not traced");
            } else if (!matches(ours.get(l.name()), dims)) {
                mismatches.add(l.name() + " (" + l.type() + "): ours " + ours.get(l.name()).dims() + ", PyTorch " + dims);
            }
        }
        for (Iterator<String> it = traced.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!graphNames.contains(k)) {
                mismatches.add(k + ": traced but not a layer of the graph");
            }
        }
        assertTrue(mismatches.isEmpty(), () -> name + ": shapes disagree:\n  " + String.join("\n  ", mismatches)
                + "\n--- model.py ---\n" + code);
    }

    private static boolean matches(Shape ours, JsonNode torch) {
        if (!torch.isArray() || torch.size() != ours.rank()) {
            return false;
        }
        for (int i = 0; i < ours.rank(); i++) {
            int d = ours.dim(i);
            if (d != Shape.UNKNOWN && d != torch.get(i).asInt()) {
                return false;
            }
        }
        return true;
    }
}
