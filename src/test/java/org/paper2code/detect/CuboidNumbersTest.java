package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** The parameter-only second reading of a 3D chain's small print, once its layers are fixed. */
class CuboidNumbersTest {
    static {
        Cv.load();
    }

    /** A conv map, a pooling map, a second conv map and a dense bar, each with the parameters the chain inferred. */
    private static List<ShapeReading> chain() {
        List<ShapeReading> layers = new ArrayList<>();
        for (Object[] t : new Object[][] {{"Conv2D", "filters", 64}, {"Pooling2D", "kernel_row", 2}, {"Conv2D", "filters", 64},
                {"Dense", "units", 128}}) {
            ShapeReading l = new ShapeReading();
            l.type = (String) t[0];
            l.params.put((String) t[1], t[2]);
            l.inferred.add((String) t[1]);
            layers.add(l);
        }
        return layers;
    }

    private static final List<Rect> SHAPES = List.of(new Rect(20, 40, 50, 100), new Rect(120, 60, 40, 70),
            new Rect(210, 60, 40, 70), new Rect(300, 50, 8, 80));

    @Test
    void depthsUnderShapesAndLabelsAboveFillOnlyInferredParameters() {
        // the words as a vector figure holds them, each drawn as ink so that it counts as shown
        List<FigureText.Word> words = List.of(
                FigureText.Word.of("512", 30, 144, 16, 7),        // under the first conv: its filters
                FigureText.Word.of("28", 60, 128, 10, 7),         // a size label higher up on its side: not the depth
                FigureText.Word.of("512", 125, 134, 16, 7),       // under the pooling: no parameter of a pooling
                FigureText.Word.of("pool", 220, 48, 20, 7),       // a label naming another type: the conv stays as it is
                FigureText.Word.of("256", 215, 134, 16, 7),       // ... and takes the depth under it
                FigureText.Word.of("4096", 295, 134, 20, 7));     // under the dense bar: its units
        Mat grey = new Mat(200, 360, CvType.CV_8UC1, new Scalar(255));
        words.forEach(w -> Imgproc.rectangle(grey, w.box(), new Scalar(0), 1));
        List<ShapeReading> layers = chain();
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words)).apply(layers, SHAPES, grey);
        assertEquals(512, layers.get(0).params.get("filters"));
        assertFalse(layers.get(0).inferred.contains("filters"), "a read depth is stated");
        assertEquals(Map.of("kernel_row", 2), layers.get(1).params);
        assertEquals("Conv2D", layers.get(2).type);
        assertEquals(256, layers.get(2).params.get("filters"));
        assertEquals(4096, layers.get(3).params.get("units"));
    }

    @Test
    void aLabelOfTheLayersOwnTypeGivesItsStatedValuesAndStatedValuesStay() {
        List<FigureText.Word> words = List.of(
                FigureText.Word.of("Conv2D(256,", 20, 20, 40, 7), FigureText.Word.of("(5,5))", 25, 29, 25, 7),
                FigureText.Word.of("512", 30, 144, 16, 7));
        Mat grey = new Mat(200, 360, CvType.CV_8UC1, new Scalar(255));
        words.forEach(w -> Imgproc.rectangle(grey, w.box(), new Scalar(0), 1));
        List<ShapeReading> layers = chain();
        layers.get(3).params.put("units", 10);
        layers.get(3).inferred.clear(); // stated by the first reading
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words)).apply(layers, SHAPES, grey);
        assertEquals(256, layers.get(0).params.get("filters"), "the label's count, not the depth under it");
        assertEquals(5, layers.get(0).params.get("kernel_row"));
        assertTrue(layers.get(0).inferred.isEmpty());
        assertEquals(10, layers.get(3).params.get("units"), "a stated value is kept");
    }
}
