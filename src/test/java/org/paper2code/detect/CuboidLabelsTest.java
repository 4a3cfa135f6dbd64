package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The one-line label over a cuboid, read on its own from the figure as drawn. */
class CuboidLabelsTest {
    static {
        Cv.load();
    }

    /** Cuboids as a 3D-box figure draws them: a solid box, its top face outlined over it, its label a few px higher. */
    private static final List<Rect> SHAPES = List.of(new Rect(30, 80, 60, 110), new Rect(190, 80, 50, 90), new Rect(330, 80, 50, 90));
    private static final List<String> LABELS = List.of("Conv2D(32, (5,5))", "Conv2D(64, (3,3))", "conv4_3");

    private static Mat figure() {
        Mat grey = new Mat(220, 460, CvType.CV_8UC1, new Scalar(255));
        for (int i = 0; i < SHAPES.size(); i++) {
            Rect s = SHAPES.get(i);
            Imgproc.rectangle(grey, s, new Scalar(170), -1);
            Imgproc.rectangle(grey, s, new Scalar(40), 1);
            // the white top face's outline, drawn up and right from the box's top edge
            MatOfPoint top = new MatOfPoint(new Point(s.x, s.y), new Point(s.x + 14, s.y - 10), new Point(s.x + s.width + 14, s.y - 10),
                    new Point(s.x + s.width, s.y));
            Imgproc.polylines(grey, List.of(top), false, new Scalar(40), 1);
            String label = LABELS.get(i);
            Size size = Imgproc.getTextSize(label, Imgproc.FONT_HERSHEY_SIMPLEX, 0.33, 1, new int[1]);
            Point at = new Point(s.x + s.width / 2.0 - size.width / 2, s.y - 17);
            Imgproc.putText(grey, label, at, Imgproc.FONT_HERSHEY_SIMPLEX, 0.33, new Scalar(60), 1, Imgproc.LINE_AA);
        }
        return grey;
    }

    private static ShapeReading guessedConv() {
        ShapeReading l = new ShapeReading();
        l.type = "Conv2D";
        l.params.put("filters", 64);
        l.params.put("kernel_row", 3);
        l.inferred.addAll(List.of("filters", "kernel_row"));
        return l;
    }

    @Test
    void theLabelCentredOverEachShapeGivesTheValuesTheLayerGuessed() {
        List<ShapeReading> layers = new ArrayList<>(List.of(guessedConv(), guessedConv(), guessedConv()));
        CuboidLabels.apply(layers, SHAPES, figure(), new LabelGrammar());
        assertEquals(32, layers.get(0).params.get("filters"));
        assertEquals(5, layers.get(0).params.get("kernel_row"), "the kernel of its own label, not the default");
        assertTrue(layers.get(0).inferred.isEmpty());
        assertEquals(64, layers.get(1).params.get("filters"));
        assertEquals(3, layers.get(1).params.get("kernel_row"));
        assertFalse(layers.get(1).inferred.contains("kernel_row"));
        // a layer's name states no values: "conv4_3" is no 3 filters
        assertEquals(64, layers.get(2).params.get("filters"));
        assertTrue(layers.get(2).inferred.contains("filters"));
    }

    @Test
    void theTopFaceOutlineJoinedToTheShapeIsNoLabel() {
        Mat grey = figure();
        Rect s = SHAPES.get(1);
        Optional<Rect> band = CuboidLabels.band(grey, s, SHAPES.get(0).x + SHAPES.get(0).width / 2.0, SHAPES.get(2).x + SHAPES.get(2).width / 2.0);
        assertTrue(band.isPresent());
        assertTrue(band.get().y + band.get().height <= s.y - 10, "the band " + band.get() + " lies over the top face, not on it");
        assertTrue(band.get().x < s.x + 10 && band.get().x + band.get().width > s.x + s.width - 10, "the whole label: " + band.get());
    }
}
