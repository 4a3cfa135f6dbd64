package org.paper2code.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.synth.FigureFactory;

/** The committed model loads and labels freshly generated figures of every style (seeds the training never used). */
class StyleClassifierTest {
    private static StyleClassifier classifier;

    @BeforeAll
    static void load() throws Exception {
        classifier = StyleClassifier.standard();
    }

    @Test
    void modelIsCommittedSmallAndMatchesTheFeatureCode() throws Exception {
        Path model = StyleClassifier.defaultModel();
        assertTrue(Files.size(model) < 20_000_000, "model file under 20 MB: " + Files.size(model));
        assertEquals(FigureFeatures.names().size(), classifier.model().featureCount());
    }

    @Test
    void generatedFiguresOfEachStyleAreClassified() throws Exception {
        FigureFactory factory = new FigureFactory();
        List<String> wrong = new ArrayList<>();
        int perStyle = 4;
        for (DiagramStyle s : DiagramStyle.values()) {
            int right = 0;
            for (int i = 0; i < perStyle; i++) {
                // seed 9_000_000+: far from corpus synth's seeds 11/12 items
                FigureFactory.Figure f = factory.make("t" + i, s, 9_000_000L + 31L * s.ordinal() + i, "test");
                Classification c = classifier.analyse(f.bytes(), f.fileName());
                double sum = c.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(1.0, sum, 1e-6, "probabilities sum to 1");
                assertEquals(DiagramStyle.values().length, c.probabilities().size());
                if (c.label() == s) {
                    right++;
                } else {
                    wrong.add(s.id() + " #" + i + " -> " + c.label().id() + " " + c.probabilities());
                }
            }
            assertTrue(right >= perStyle - 1, s.id() + ": " + right + "/" + perStyle + " right; wrong: " + wrong);
        }
        assertTrue(wrong.size() <= 2, "at most 2 of 24 wrong: " + wrong);
    }
}
