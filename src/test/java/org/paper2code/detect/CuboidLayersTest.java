package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Which drawn pieces of a 3D-box figure are layers: dense bars right after the last map, kernel cubes on maps. */
class CuboidLayersTest {
    static {
        Cv.load();
    }

    @Test
    void outlinedBarCloseAfterTheLastMapIsADenseLayer() {
        // the last map (found whole, 44x78) and, 60 px on, an outlined dense bar 8 px wide, as tall as the map and
        // level with its top: the old rule took everything within 0.8 map heights for the map's side face
        Mat ink = Mat.zeros(240, 700, CvType.CV_8UC1);
        Rect map = new Rect(461, 105, 44, 78);
        Imgproc.rectangle(ink, map, new Scalar(255), -1);
        Imgproc.rectangle(ink, new Point(565, 107), new Point(572, 174), new Scalar(255), 1);
        Imgproc.line(ink, new Point(569, 107), new Point(569, 174), new Scalar(255), 1);
        List<Rect> bars = CuboidBars.missing(ink, List.of(map));
        assertEquals(1, bars.size(), "bars " + bars);
        assertEquals(565, bars.get(0).x, 1);
    }

    @Test
    void cuboidsInOneSolidShapeAreOneLayer() {
        // a map with a kernel cube drawn on it, and a second map whose face was read twice (a line crosses it)
        List<Rect> solid = List.of(new Rect(50, 70, 100, 200), new Rect(220, 90, 90, 160));
        List<CuboidFaces.Cuboid> cuboids = List.of(new CuboidFaces.Cuboid(new Rect(57, 130, 12, 140), 0.77, -0.64, 56),
                new CuboidFaces.Cuboid(new Rect(87, 180, 11, 12), 0.94, -0.34, 16),
                new CuboidFaces.Cuboid(new Rect(230, 155, 28, 29), 0.77, -0.64, 56),
                new CuboidFaces.Cuboid(new Rect(230, 184, 28, 70), 0.77, -0.64, 56),
                new CuboidFaces.Cuboid(new Rect(400, 130, 7, 100), 0.82, -0.57, 10));
        assertEquals(3, CuboidParser.distinctLayers(cuboids, solid), "two maps and a bar no solid shape holds");
    }
}
