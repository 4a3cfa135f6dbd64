package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerCatalogue;
import org.paper2code.graph.LayerSpec;

/**
 * The key check, on the bundled models and fixtures: each exports to ONNX, runs in ONNX
 * Runtime, and every layer's output shape there equals our shape inference. Training-only
 * layers (and label inputs only they read) are left out of the inference model and reported
 * as skipped. {@link OnnxSharedShapesTest} does the same for ../shared.
 */
class OnnxRuntimeShapesTest {
    static List<OnnxCorpus.Model> models() {
        return OnnxCorpus.models(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsWithOurShapes(OnnxCorpus.Model model) {
        check(model);
    }

    static void check(OnnxCorpus.Model model) {
        Graph graph = model.graph();
        OnnxVerifier.Report r = new OnnxVerifier().verify(graph);
        assertEquals(null, r.error(), model + ": ONNX Runtime failed");
        String table = r.layers().stream().map(l -> "  " + l.layer() + " (" + l.type() + "): ours " + l.ours() + ", onnx "
                + l.onnxText() + " " + l.status() + (l.note() == null ? "" : " " + l.note())).collect(Collectors.joining("\n"));
        assertTrue(r.ok(), () -> model + ": shapes disagree\n" + table);
        assertEquals(graph.layers().size(), r.layers().size());
        for (OnnxVerifier.LayerCheck l : r.layers()) {
            if (l.status() == OnnxVerifier.Status.SKIPPED) {
                assertTrue(List.of("Loss", "Accuracy", "Input").contains(l.type()), () -> model + ": skipped " + l);
            } else {
                assertEquals(OnnxVerifier.Status.OK, l.status(), () -> model + ": " + l);
                assertEquals(l.ours().rank(), l.onnx().length);
            }
        }
        assertTrue(r.parameters().learned() > 0, model + ": no parameters counted");
    }

    /** Every catalogue type is exported and run by some bundled model, except the training-only ones (skipped by design). */
    @Test
    void bundledModelsCoverTheCatalogue() {
        Set<String> all = LayerCatalogue.standard().all().stream().map(LayerSpec::type).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(37, all.size());
        Set<String> covered = new TreeSet<>();
        for (OnnxCorpus.Model m : models()) {
            m.graph().layers().stream().map(Layer::type).forEach(covered::add);
        }
        assertEquals(all, covered, "types without a bundled model");
    }
}
