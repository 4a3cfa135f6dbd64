package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OnnxRuntimeShapesTest}'s check on every real model in ../shared/corpus-real (all its
 * sources in {@link OnnxCorpus#SOURCES}); skipped with a message when ../shared is absent.
 */
class OnnxSharedShapesTest {
    static List<OnnxCorpus.Model> models() {
        return OnnxCorpus.models(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsWithOurShapes(OnnxCorpus.Model model) {
        OnnxRuntimeShapesTest.check(model);
    }

    @Test
    void sharedCorpusIsThere() {
        assumeTrue(OnnxCorpus.sharedPresent(), "../shared/corpus-real is absent (" + OnnxCorpus.SHARED + "): only bundled models ran");
        org.junit.jupiter.api.Assertions.assertTrue(models().size() >= 23, "expected the 23 shared prototxt files, found " + models());
    }
}
