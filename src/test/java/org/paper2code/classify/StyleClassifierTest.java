package org.paper2code.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        assertEquals(FigureFeatures.names().size(), classifier.model().featureCount());
        long total = 0;
        for (String file : List.of(model.getFileName().toString(), StyleClassifier.NET_FILE, StyleClassifier.LINEAR_FILE, FigureEmbedding.FILE)) {
            Path f = model.resolveSibling(file);
            assertTrue(Files.isRegularFile(f), "committed beside the forest: " + f);
            total += Files.size(f);
        }
        assertTrue(total < 20_000_000, "forest, MLP, regression and CNN under 20 MB together: " + total);
        assertNotNull(classifier.net(), "the standard classifier averages the forest with the MLP");
        assertEquals(FigureFeatures.names().size(), classifier.net().featureCount());
        assertNotNull(classifier.linear(), "... and with the regression over features + embedding");
        assertEquals(FigureFeatures.names().size() + classifier.embedding().size(), classifier.linear().featureCount());
    }

    @Test
    void averageIsTheMeanOfForestMlpAndRegression() throws Exception {
        FigureFactory.Figure f = new FigureFactory().make("avg", DiagramStyle.NEURONS, 9_100_000L, "test");
        float[] v = StyleClassifier.vector(f.bytes(), f.fileName(), classifier.embedding());
        float[] x = StyleClassifier.features(f.bytes(), f.fileName());
        assertEquals(x.length + classifier.embedding().size(), v.length, "the vector is the features followed by the embedding");
        assertArrayEquals(x, Arrays.copyOf(v, x.length));
        var forest = classifier.model().probabilities(x);
        var mlp = classifier.net().probabilities(x);
        var linear = classifier.linear().probabilities(v);
        var all = classifier.probabilities(v);
        for (DiagramStyle s : DiagramStyle.values()) {
            assertEquals((forest.get(s) + mlp.get(s) + linear.get(s)) / 3, all.get(s), 1e-9, s.id());
        }
        assertEquals(1.0, mlp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-5, "MLP softmax sums to 1");
        assertEquals(1.0, linear.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-5, "regression softmax sums to 1");
        assertEquals(forest, new StyleClassifier(classifier.model()).probabilities(x), "the forest alone stays available");
        assertEquals(classifier.analyse(f.bytes(), f.fileName()).probabilities(), all, "analyse runs all three models");
    }

    @Test
    void regressionAndEmbeddingComeTogether() {
        assertThrows(IllegalArgumentException.class,
                () -> new StyleClassifier(classifier.model(), classifier.net(), classifier.linear(), null));
        assertThrows(IllegalArgumentException.class,
                () -> new StyleClassifier(classifier.model(), classifier.net(), null, classifier.embedding()));
        assertThrows(IllegalArgumentException.class, () -> new StyleClassifier(classifier.model(), classifier.linear(), null, null),
                "a network reading more than the features is not taken for the MLP");
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
