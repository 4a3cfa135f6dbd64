package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** A VGG-like chain of cuboids whose labels were not read (6-8 px text): order and drawn sizes type them. */
class CuboidChainTest {
    static {
        Cv.load();
    }

    @Test
    void shrinkingMapIsPoolingAndThinMapsBeforeMapsAreNotDense() {
        // input seen edge-on (thin), two convolutions, a lower map (pooling), a convolution, two dense bars
        List<Rect> shapes = List.of(new Rect(10, 50, 12, 120), new Rect(60, 50, 28, 120), new Rect(120, 50, 30, 120),
                new Rect(180, 80, 30, 80), new Rect(240, 80, 34, 80), new Rect(320, 60, 6, 90), new Rect(360, 60, 6, 90));
        List<ShapeReading> layers = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            ShapeReading l = new ShapeReading();
            l.flat = true; // one number read beside each: the old reading took every one for a dense bar
            layers.add(l);
        }
        CuboidChain.refine(layers, shapes, shapes.stream().map(r -> new FrontFaces.Face(r.height, -1)).toList());
        for (int i = 0; i < 5; i++) {
            assertFalse(layers.get(i).flat, "shape " + i + " is a map");
        }
        assertTrue(layers.get(5).flat && layers.get(6).flat, "the trailing bars stay dense");
        assertEquals("Pooling2D", layers.get(3).type);
        assertNull(layers.get(2).type, "a convolution keeping its size is not a pooling");
        assertNull(layers.get(4).type, "the map after a pooling is not a second pooling");
    }

    @Test
    void poolingIsJudgedByItsFaceNotByABoxALabelTouches() {
        // conv, conv, pooling (face 40 after 56) whose wide label is drawn touching its top: its box is as tall as
        // the convolutions' boxes, its face is not
        Mat ink = Mat.zeros(200, 400, CvType.CV_8UC1);
        List<Rect> shapes = new ArrayList<>();
        int[] faces = {56, 56, 40};
        for (int i = 0; i < faces.length; i++) {
            int x = 20 + i * 120;
            int top = 150 - faces[i];
            int rise = faces[i] * 2 / 5;
            drawCuboid(ink, x, faces[i], 20);
            int boxTop = top - rise;
            if (i == 2) {
                boxTop = 150 - 56 - 56 * 2 / 5; // the label's letters reach as high as the convolutions' tops
                Imgproc.rectangle(ink, new Point(x - 10, boxTop), new Point(x + 40, top - rise), new Scalar(255), -1);
            }
            shapes.add(new Rect(i == 2 ? x - 10 : x, boxTop, (i == 2 ? 30 : 20) + rise + 1, 150 - boxTop));
        }
        List<ShapeReading> layers = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            layers.add(new ShapeReading());
        }
        List<Integer> heights = FrontFaces.heights(ink, shapes);
        assertEquals(shapes.get(1).height, shapes.get(2).height, "the boxes alone show no shrinking");
        assertTrue(Math.abs(heights.get(1) - 56) <= 2 && Math.abs(heights.get(2) - 40) <= 2, "face heights " + heights);
        CuboidChain.refine(layers, shapes, FrontFaces.faces(ink, shapes));
        assertEquals("Pooling2D", layers.get(2).type);
    }

    @Test
    void lowerFaceAsWideAsTheOneBeforeIsPoolingWhateverTheDepthsWereReadAs() {
        // conv, conv (128 channels, face 24 wide), then a lower face of the same width: its "128" was read as "228"
        Mat ink = Mat.zeros(200, 400, CvType.CV_8UC1);
        int[] faces = {56, 56, 40};
        int[] depths = {128, 128, 228};
        List<Rect> shapes = new ArrayList<>();
        List<ShapeReading> layers = new ArrayList<>();
        for (int i = 0; i < faces.length; i++) {
            shapes.add(drawCuboid(ink, 20 + i * 120, faces[i], 24));
            ShapeReading l = new ShapeReading();
            l.depth = depths[i];
            layers.add(l);
        }
        List<FrontFaces.Face> read = FrontFaces.faces(ink, shapes);
        assertTrue(read.stream().allMatch(f -> Math.abs(f.width() - 25) <= 2), "face widths " + read);
        CuboidChain.refine(layers, shapes, read);
        assertEquals("Pooling2D", layers.get(2).type);
        assertNull(layers.get(1).type, "a convolution keeping its size is not a pooling");
    }

    /** A filled cuboid with its front face's bottom on row 149: front face, top and side faces rising at 45 degrees; its box. */
    private static Rect drawCuboid(Mat ink, int x, int face, int width) {
        int top = 150 - face;
        int rise = face * 2 / 5;
        Imgproc.rectangle(ink, new Point(x, top), new Point(x + width, 149), new Scalar(255), -1);
        Imgproc.fillPoly(ink, List.of(new MatOfPoint(new Point(x, top), new Point(x + rise, top - rise),
                new Point(x + width + rise, top - rise), new Point(x + width + rise, 149 - rise), new Point(x + width, 149),
                new Point(x + width, top))), new Scalar(255));
        return new Rect(x, top - rise, width + rise + 1, face + rise);
    }
}
