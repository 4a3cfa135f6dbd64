package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Layer;

/** {@code convert --to onnx} and {@code verify} on the command line. */
class OnnxCliTest {
    static final String LENET = OnnxCorpus.model("bundled/mnist_lenet.prototxt").file().toString();

    @TempDir
    Path dir;

    @Test
    void convertWritesTheModelFileNamedByO() throws Exception {
        Path out = dir.resolve("lenet.onnx");
        CliRunner.Result r = CliRunner.run("convert", LENET, "--to", "onnx", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
        assertEquals(OnnxExporter.OPSET, m.getOpsetImport(0).getVersion());
        assertEquals(new ParameterCount(431_080, 0), ParameterCount.of(m));
    }

    @Test
    void convertIntoAFolderWritesModelOnnx() throws Exception {
        CliRunner.Result r = CliRunner.run("convert", LENET, "--to", "onnx,graph", "-o", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.size(dir.resolve("mnist_lenet/model.onnx")) > 1_000_000);
        assertTrue(Files.exists(dir.resolve("mnist_lenet/graph.json")));
    }

    @Test
    void aBinaryModelIsNotPrinted() throws Exception {
        CliRunner.Result r = CliRunner.run("convert", LENET, "--to", "onnx");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("model.onnx is a binary file and is not printed; give -o FILE or -o FOLDER"), r.err());
        assertEquals("", r.out());
        CliRunner.Result j = CliRunner.run("convert", LENET, "--to", "onnx", "--json");
        assertEquals(0, j.exitCode(), j.err());
        JsonNode a = GraphJson.MAPPER.readTree(j.out()).get(0).get("artifacts").get(0);
        assertEquals("model.onnx", a.get("name").asText());
        assertTrue(a.get("bytes").asLong() > 1_000_000);
    }

    @Test
    void verifyPrintsOursAndOnnxRuntimesShapePerLayer() {
        CliRunner.Result r = CliRunner.run("verify", LENET);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("431,080 learned parameters"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  conv1 +Conv2D +20x24x24 +20x24x24 +OK\\n.*"), r.out());
        assertTrue(r.out().contains("OK: 10 of 10 layers agree, 0 skipped"), r.out());
    }

    @Test
    void verifyJsonAndExitCodes() throws Exception {
        Path bad = dir.resolve("bad.json");
        Graph g = new Graph(List.of(Layer.of("Input", "img", Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("BatchNorm", "shrink", Map.of("axis", 1), "img")));
        Files.writeString(bad, GraphJson.write(g));
        CliRunner.Result r = CliRunner.run("verify", LENET, bad.toString(), "--json");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode res = GraphJson.MAPPER.readTree(r.out());
        assertTrue(res.get(0).get("ok").asBoolean());
        assertEquals(List.of(20, 24, 24), GraphJson.MAPPER.convertValue(res.get(0).get("layers").get(1).get("onnxruntime"), List.class));
        assertTrue(res.get(1).get("error").asText().contains("layer 'shrink' (BatchNorm)"), res.toString());
        assertTrue(r.err().contains("cannot export to ONNX: layer 'shrink' (BatchNorm)"), r.err());

        // an opaque function that changes the shape exports as a marked zero placeholder and runs
        Path opaque = dir.resolve("opaque.json");
        Files.writeString(opaque, GraphJson.write(new Graph(List.of(Layer.of("Input", "img", Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("Lambda", "resize", Map.of("output_shape", List.of(3, 4, 4)), "img")))));
        CliRunner.Result ok = CliRunner.run("verify", opaque.toString());
        assertEquals(0, ok.exitCode(), ok.err() + ok.out());
        assertTrue(ok.out().matches("(?s).*resize +Lambda +3x4x4 +3x4x4 +OK.*"), ok.out());

        assertEquals(2, CliRunner.run("verify", dir.resolve("missing.prototxt").toString()).exitCode());
        assertEquals(2, CliRunner.run("verify").exitCode());
    }
}
