package org.paper2code.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.paper2code.eval.TruthCorpus;

/** The hand-annotated real figures (eval/annotations + images in ../shared); a test skips when they are absent. */
final class AnnotatedFigures {
    private AnnotatedFigures() {
    }

    /** The annotated figure whose id ends with {@code id}, e.g. "alphatree_zfnet". */
    static TruthCorpus.FigureItem figure(String id) throws Exception {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/figures").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared), "skipped: " + shared + " not present");
        TruthCorpus corpus = TruthCorpus.load(Path.of("eval/annotations"), List.of(shared));
        TruthCorpus.FigureItem f = corpus.figures().stream().filter(x -> x.id().endsWith(id)).findFirst().orElse(null);
        Assumptions.assumeTrue(f != null && f.image() != null, "skipped: " + id + " not present");
        return f;
    }
}
