package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OnnxCheckerTest} on every model in ../shared/corpus-real; skipped with a message when it is absent. */
class OnnxSharedCheckerTest {
    @TempDir
    Path dir;

    @Test
    void checkerAcceptsSharedModels() throws IOException {
        assumeTrue(OnnxCorpus.sharedPresent(), "../shared/corpus-real is absent (" + OnnxCorpus.SHARED + "): skipped");
        List<OnnxCorpus.Model> models = OnnxCorpus.models(true);
        assertEquals(models.size(), OnnxCheckerTest.check(dir, models, false).size());
    }
}
