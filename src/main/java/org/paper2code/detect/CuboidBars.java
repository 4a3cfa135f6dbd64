package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Dense layers of a 3D-box figure drawn as thin upright bars (a few pixels wide, often an outline with a light
 * fill): too thin to survive the opening that finds solid shapes, but tall, unlike text, and upright, unlike arrows.
 */
final class CuboidBars {
    private CuboidBars() {
    }

    /** Bars in the ink, right of the feature maps, that no shape found already covers. */
    static List<Rect> missing(Mat ink, List<Rect> shapes) {
        int minH = Math.max(20, ink.rows() / 12);
        // dense bars close the chain: past the last map
        List<Rect> maps = shapes.stream().filter(s -> !DeckParser.thin(s)).toList();
        double mapsEnd = maps.stream().mapToDouble(s -> s.x + s.width).max().orElse(0);
        // the two sides of an outlined bar close into one strip; lines on their own stay one or two pixels wide
        Mat closed = new Mat();
        Imgproc.morphologyEx(ink, closed, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 1)));
        Mat strips = new Mat();
        Imgproc.morphologyEx(closed, strips, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, minH)));
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(strips, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<Rect> out = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            Rect r = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            boolean covered = shapes.stream().anyMatch(s -> Cv.iou(Cv.grow(s, 3), r) > 0);
            if (!covered && DeckParser.thin(r) && r.x > mapsEnd && maps.stream().noneMatch(m -> sideEdge(r, m))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The strip is the far edge of the map's side face, the map's front alone being found: within the depth's reach
     * (at most the face's height away), as tall as the face and raised by the depth, where a bar stands on its own.
     */
    private static boolean sideEdge(Rect strip, Rect map) {
        boolean inReach = strip.x <= map.x + map.width + 0.8 * map.height;
        boolean faceTall = Math.abs(strip.height - map.height) <= 0.15 * map.height;
        boolean raised = strip.y < map.y - 1 && strip.y + strip.height < map.y + map.height - 1;
        return inReach && faceTall && raised;
    }
}
