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
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words)).apply(layers, SHAPES, grey, grey);
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
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words)).apply(layers, SHAPES, grey, grey);
        assertEquals(256, layers.get(0).params.get("filters"), "the label's count, not the depth under it");
        assertEquals(5, layers.get(0).params.get("kernel_row"));
        assertTrue(layers.get(0).inferred.isEmpty());
        assertEquals(10, layers.get(3).params.get("units"), "a stated value is kept");
    }
    /**
     * A depth label drawn a few pixels under the front face joins the face's solid shape, so the shape's box ends
     * below the label: the depth is read under the face's bottom edge, not under the box.
     */
    @Test
    void theDepthIsReadUnderTheFrontFaceNotUnderAShapeThatSwallowedIt() {
        List<FigureText.Word> words = List.of(FigureText.Word.of("128", 30, 143, 16, 7));
        Mat grey = new Mat(200, 360, CvType.CV_8UC1, new Scalar(255));
        words.forEach(w -> Imgproc.rectangle(grey, w.box(), new Scalar(0), 1));
        List<ShapeReading> layers = chain().subList(0, 1);
        List<Rect> shapes = List.of(new Rect(20, 40, 50, 112)); // face 40..140, label 143..150 inside the box
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words))
                .apply(layers, shapes, List.of(new FrontFaces.Face(100, 30, 140)), grey, grey);
        assertEquals(128, layers.get(0).params.get("filters"));
        assertFalse(layers.get(0).inferred.contains("filters"));
    }

    /**
     * Depths too small to read leave counts to the neighbours (marked inferred): the depth under a pooling is the
     * channels of the convolution before it, and a convolution drawn alike beside a read one holds the same count;
     * a differently drawn one keeps its guess.
     */
    @Test
    void unreadCountsComeFromThePoolingAfterAndFromAlikeNeighbours() {
        List<ShapeReading> layers = new ArrayList<>();
        for (String type : List.of("Conv2D", "Conv2D", "Pooling2D", "Conv2D", "Conv2D", "Conv2D")) {
            ShapeReading l = new ShapeReading();
            l.type = type;
            String key = type.equals("Conv2D") ? "filters" : "kernel_row";
            l.params.put(key, type.equals("Conv2D") ? 64 : 2);
            l.inferred.add(key);
            layers.add(l);
        }
        // conv, conv (alike), pooling, conv, conv (alike), a conv drawn thicker
        List<Rect> shapes = List.of(new Rect(20, 40, 50, 100), new Rect(100, 40, 51, 100), new Rect(180, 60, 40, 70),
                new Rect(250, 60, 40, 70), new Rect(320, 60, 41, 70), new Rect(390, 60, 60, 70));
        List<FigureText.Word> words = List.of(
                FigureText.Word.of("128", 185, 134, 16, 7),   // under the pooling: the channels of the conv before it
                FigureText.Word.of("256", 255, 134, 16, 7));  // under the conv after the pooling
        Mat grey = new Mat(200, 480, CvType.CV_8UC1, new Scalar(255));
        words.forEach(w -> Imgproc.rectangle(grey, w.box(), new Scalar(0), 1));
        new CuboidNumbers(new LabelGrammar(), FigureText.drawn(words)).apply(layers, shapes, grey, grey);
        assertEquals(128, layers.get(1).params.get("filters"), "from the pooling after it");
        assertEquals(128, layers.get(0).params.get("filters"), "drawn alike beside the conv before the pooling");
        assertTrue(layers.get(0).inferred.contains("filters") && layers.get(1).inferred.contains("filters"));
        assertEquals(256, layers.get(3).params.get("filters"));
        assertFalse(layers.get(3).inferred.contains("filters"), "read under it");
        assertEquals(256, layers.get(4).params.get("filters"), "drawn alike beside a read conv");
        assertEquals(64, layers.get(5).params.get("filters"), "drawn thicker: no count of its neighbour's");
    }
}
