package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.graph.Graph;

/**
 * Debian's python3-onnx ({@code onnx.checker.check_model(full_check=True)}: structure, types,
 * operator schemas and strict shape inference) accepts every exported model: bundled models,
 * fixtures and the injection graph ({@link OnnxSharedCheckerTest}: every model in ../shared).
 */
class OnnxCheckerTest {
    @TempDir
    Path dir;

    @Test
    void checkerAcceptsBundledModels() throws IOException {
        List<OnnxCorpus.Model> models = OnnxCorpus.models(false);
        Map<String, JsonNode> results = check(dir, models, true);
        assertEquals(models.size() + 1, results.size());
    }

    static Map<String, JsonNode> check(Path dir, List<OnnxCorpus.Model> models, boolean withInjection) throws IOException {
        Map<String, JsonNode> results;
        try (OnnxChecker checker = OnnxChecker.start(dir)) {
            for (OnnxCorpus.Model m : models) {
                checker.submit(m.label(), exported(m.graph()).bytes());
            }
            if (withInjection) {
                checker.submit("injection", new OnnxExporter().export(OnnxInjectionTest.injected()).bytes());
            }
            results = checker.results();
        }
        List<String> failures = OnnxChecker.failures(results);
        assertTrue(failures.isEmpty(), () -> "onnx.checker rejected:\n  " + String.join("\n  ", failures));
        return results;
    }

    /**
     * The model {@code convert --to onnx} writes; for a graph that leaves a width free (Caffe's
     * HDF5 data layers have no shape), which convert refuses, the model {@code verify} runs.
     */
    static OnnxExporter.Export exported(Graph g) {
        try {
            return new OnnxExporter().export(g);
        } catch (UnsupportedOnnxLayerException e) {
            if (!e.getMessage().contains("the graph leaves it free")) {
                throw e;
            }
            return new OnnxExporter().export(OnnxVerifier.withFixedInputs(g));
        }
    }
}
