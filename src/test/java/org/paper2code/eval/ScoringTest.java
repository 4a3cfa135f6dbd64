package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Confusion matrix, figure detection and hyperparameter scores on hand-made cases. */
class ScoringTest {
    private static final double EPS = 1e-12;

    @Test
    void confusionMatrixAndTypeAccuracyPerStyle() {
        Scores s = new Scores();
        s.addClassification(DiagramStyle.BOX_3D, DiagramStyle.BOX_3D);
        s.addClassification(DiagramStyle.BOX_3D, DiagramStyle.STACKED_2D_BOX);
        s.addClassification(DiagramStyle.NEURONS, DiagramStyle.NEURONS);
        s.addClassification(DiagramStyle.OTHER, DiagramStyle.PIPELINE);
        s.addClassification(DiagramStyle.PIPELINE, null); // classifier failed: a miss, not in the matrix
        int[][] c = s.confusion();
        assertEquals(1, c[DiagramStyle.BOX_3D.ordinal()][DiagramStyle.BOX_3D.ordinal()]);
        assertEquals(1, c[DiagramStyle.BOX_3D.ordinal()][DiagramStyle.STACKED_2D_BOX.ordinal()]);
        assertEquals(1, c[DiagramStyle.OTHER.ordinal()][DiagramStyle.PIPELINE.ordinal()]);
        assertEquals(0, c[DiagramStyle.PIPELINE.ordinal()][DiagramStyle.PIPELINE.ordinal()]);
        int total = 0;
        for (int[] row : c) {
            for (int x : row) {
                total += x;
            }
        }
        assertEquals(4, total);
        assertEquals(new Ratio(1, 2), s.group("3d-box").styleAccuracy());
        assertEquals(new Ratio(2, 5), s.group(Scores.OVERALL).styleAccuracy());
        assertTrue(Double.isNaN(s.group("2d-box").styleAccuracy().value()), "no 2d-box figure: n/a, not 0");
    }

    @Test
    void iouOfBoxes() {
        assertEquals(0.6, new Box(0, 0, 100, 60).iou(new Box(0, 0, 100, 100)), EPS);
        assertEquals(1.0 / 3, new Box(0, 0, 10, 10).iou(new Box(5, 0, 10, 10)), EPS);
        assertEquals(0.0, new Box(0, 0, 10, 10).iou(new Box(20, 20, 5, 5)), EPS);
    }

    @Test
    void detectionIsGreedyOneToOneOnTheSamePage() {
        List<FoundFigure> truth = List.of(new FoundFigure(1, new Box(0, 0, 100, 100)), new FoundFigure(3, new Box(50, 50, 200, 100)));
        List<FoundFigure> found = List.of(
                new FoundFigure(1, new Box(0, 0, 100, 55)),    // IoU 0.55
                new FoundFigure(1, new Box(0, 0, 100, 60)),    // IoU 0.60: wins the truth figure
                new FoundFigure(2, new Box(50, 50, 200, 100))); // right box, wrong page
        Prf p = DetectionMatcher.score(found, truth);
        assertEquals(new Prf(1, 2, 1), p);
        assertEquals(1.0 / 3, p.precision(), EPS);
        assertEquals(0.5, p.recall(), EPS);
    }

    @Test
    void detectionThresholdIsInclusiveAtOneHalf() {
        List<FoundFigure> truth = List.of(new FoundFigure(1, new Box(0, 0, 100, 100)));
        assertEquals(new Prf(1, 0, 0), DetectionMatcher.score(List.of(new FoundFigure(1, new Box(0, 0, 100, 50))), truth));
        assertEquals(new Prf(0, 1, 1), DetectionMatcher.score(List.of(new FoundFigure(1, new Box(0, 0, 100, 49))), truth));
    }

    @Test
    void hyperparametersPerKeyWithToleranceAndCase() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("learning_rate", 0.01);
        truth.put("batch_size", 128);
        truth.put("optimizer", "SGD");
        truth.put("momentum", 0.9);
        truth.put("epochs", 90);
        Map<String, Object> pred = new LinkedHashMap<>();
        pred.put("learning_rate", 0.01 * (1 + 5e-7)); // within 1e-6 relative
        pred.put("batch_size", 256);                   // wrong: FP and FN
        pred.put("optimizer", "sgd");                  // case-insensitive
        pred.put("momentum", 0.9000000001);
        pred.put("dropout", 0.5);                      // not in the truth: FP
        Map<String, Prf> per = HyperparameterScorer.score(pred, truth);
        assertEquals(new Prf(1, 0, 0), per.get("learning_rate"));
        assertEquals(new Prf(0, 1, 1), per.get("batch_size"));
        assertEquals(new Prf(1, 0, 0), per.get("optimizer"));
        assertEquals(new Prf(1, 0, 0), per.get("momentum"));
        assertEquals(new Prf(0, 1, 0), per.get("dropout"));
        assertEquals(new Prf(0, 0, 1), per.get("epochs"));
        Prf total = per.values().stream().reduce(Prf.ZERO, Prf::plus);
        assertEquals(new Prf(3, 2, 2), total);
        assertEquals(0.6, total.precision(), EPS);
        assertEquals(0.6, total.recall(), EPS);
    }

    @Test
    void toleranceIsRelativeNotAbsolute() {
        assertFalse(HyperparameterScorer.same(0.01, 0.0100001), "1e-5 relative is outside the tolerance");
        assertTrue(HyperparameterScorer.same(5e-4, 5.0000001e-4));
        assertFalse(HyperparameterScorer.same(1e-9, 2e-9), "tiny values are not equal just because their difference is tiny");
        assertTrue(HyperparameterScorer.same(128, 128.0));
        assertTrue(HyperparameterScorer.same(Map.of("policy", "Step", "gamma", 0.1), Map.of("policy", "step", "gamma", 0.1)));
        assertFalse(HyperparameterScorer.same(Map.of("policy", "step"), Map.of("policy", "step", "gamma", 0.1)));
    }

    @Test
    void perStyleGroupsAddUpToOverall() {
        Scores s = new Scores();
        s.addGraph(DiagramStyle.NEURONS, new GraphMatcher.Match(Map.of(), new Prf(3, 1, 0), new Prf(2, 0, 1), new Ratio(1, 2), false));
        s.addGraph(DiagramStyle.BOX_2D, new GraphMatcher.Match(Map.of(), new Prf(4, 0, 0), new Prf(3, 0, 0), new Ratio(2, 2), true));
        assertEquals(new Prf(7, 1, 0), s.group(Scores.OVERALL).nodes());
        assertEquals(new Prf(5, 0, 1), s.group(Scores.OVERALL).edges());
        assertEquals(new Ratio(1, 2), s.group(Scores.OVERALL).exact());
        assertEquals(new Ratio(0, 1), s.group("neurons").exact());
    }
}
