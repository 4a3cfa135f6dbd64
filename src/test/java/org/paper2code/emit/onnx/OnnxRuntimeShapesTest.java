package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paper2code.graph.Graph;

/**
 * The key check: every model of the corpus exports to ONNX, runs in ONNX Runtime, and every
 * layer's output shape there equals our shape inference (training-only layers are left out
 * of the inference model and reported as skipped).
 */
class OnnxRuntimeShapesTest {
    static List<OnnxCorpus.Model> models() {
        return OnnxCorpus.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsWithOurShapes(OnnxCorpus.Model model) {
        Graph graph = model.graph();
        OnnxVerifier.Report r = new OnnxVerifier().verify(graph);
        assertEquals(null, r.error(), model + ": ONNX Runtime failed");
        String table = r.layers().stream().map(l -> "  " + l.layer() + " (" + l.type() + "): ours " + l.ours() + ", onnx "
                + l.onnxText() + " " + l.status() + (l.note() == null ? "" : " " + l.note())).collect(Collectors.joining("\n"));
        assertTrue(r.ok(), () -> model + ": shapes disagree\n" + table);
        assertEquals(graph.layers().size(), r.layers().size());
        for (OnnxVerifier.LayerCheck l : r.layers()) {
            boolean trainingOnly = l.status() == OnnxVerifier.Status.SKIPPED;
            assertTrue(l.status() == OnnxVerifier.Status.OK || trainingOnly, () -> model + ": " + l);
            if (trainingOnly) {
                assertTrue(List.of("Loss", "Accuracy", "Input").contains(l.type()), () -> model + ": skipped " + l);
            }
        }
    }

    @Test
    void sharedCorpusIsCovered() {
        assumeTrue(OnnxCorpus.sharedPresent(), "../shared/corpus-real is absent: only the bundled models ran");
        assertTrue(models().stream().filter(m -> m.label().startsWith("shared/")).count() >= 20);
    }
}
