package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** Per fixture: the generated code and what its {@code --shapes-json} run printed, or the error. */
    private static final Map<String, String> CODE = new HashMap<>();
    private static JsonNode runs;

    /**
     * Emits every fixture into its own folder, then runs each file's {@code __main__} with
     * {@code --shapes-json} in one Python process (torch is imported once: the class stays
     * fast on a shared 2-core machine).
     */
    @BeforeAll
    static void emitAndRunAll(@TempDir Path dir) throws IOException {
        TorchRunner.requireTorch();
        ObjectNode files = GraphJson.MAPPER.createObjectNode();
        for (String name : fixtures().toList()) {
            String code = new PyTorchEmitter(EmitOptions.defaults()).emit(fixture(name)).get(0).content();
            CODE.put(name, code);
            Path file = Files.createDirectories(dir.resolve(name)).resolve("model.py");
            Files.writeString(file, code);
            files.put(name, file.toString());
        }
        Files.writeString(dir.resolve("files.json"), files.toString());
        Files.writeString(dir.resolve("run_all.py"), RUN_ALL);
        TorchRunner.Result r = TorchRunner.run(dir, List.of("run_all.py", "files.json"), 300);
        assertEquals(0, r.exitCode(), () -> "the Python driver failed:\n" + r.stderr());
        runs = GraphJson.MAPPER.readTree(r.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pytorchAgreesWithShapeInference(String name) throws IOException {
        Graph graph = fixture(name);
        Map<String, Shape> ours = new GraphValidator().check(graph);
        String code = CODE.get(name);
        JsonNode run = runs.get(name);
        assertTrue(run.get("ok").asBoolean(), () -> name + ": generated model failed:\n" + run.path("error").asText()
                + "\n--- model.py ---\n" + code);
        JsonNode traced = GraphJson.MAPPER.readTree(run.get("stdout").asText());

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

    /** Runs each file as {@code python3 model.py --shapes-json} would, collecting stdout or the traceback. */
    static final String RUN_ALL = """
            import contextlib
            import io
            import json
            import runpy
            import sys
            import traceback

            results = {}
            for name, path in json.load(open(sys.argv[1])).items():
                out = io.StringIO()
                sys.argv = [path, "--shapes-json"]
                try:
                    with contextlib.redirect_stdout(out):
                        runpy.run_path(path, run_name="__main__")
                    results[name] = {"ok": True, "stdout": out.getvalue()}
                except BaseException:
                    results[name] = {"ok": False, "error": traceback.format_exc()}
            print(json.dumps(results))
            """;

    static boolean matches(Shape ours, JsonNode torch) {
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
