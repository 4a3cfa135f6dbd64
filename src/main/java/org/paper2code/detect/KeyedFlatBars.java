package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Dense layers drawn as long flat bars after the last feature map (seen from above: a thin front face, too low to close
 * as a face), in a colour the figure's legend names. Only bars whose tint the legend lists are taken: arrows and rules
 * are flat too, but carry no legend colour.
 */
final class KeyedFlatBars {
    private KeyedFlatBars() {
    }

    /** The bars right of every cuboid, on the chain's height, as cuboids with the chain's depth direction; left to right. */
    static List<CuboidFaces.Cuboid> find(Mat bgr, List<CuboidFaces.Cuboid> cuboids, ColourLegend legend) {
        if (legend.isEmpty() || cuboids.isEmpty()) {
            return List.of();
        }
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 25);
        int end = cuboids.stream().mapToInt(c -> c.extent().x + c.extent().width).max().orElse(0);
        int top = cuboids.stream().mapToInt(c -> c.front().y).min().orElse(0);
        int bottom = cuboids.stream().mapToInt(c -> c.front().y + c.front().height).max().orElse(0);
        CuboidFaces.Cuboid last = cuboids.stream().max(Comparator.comparingInt(c -> c.front().x)).orElseThrow();
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<CuboidFaces.Cuboid> out = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            Rect r = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            int cy = r.y + r.height / 2;
            boolean flat = r.width >= 3 * r.height && r.height >= 2;
            if (flat && r.x >= end - 2 && cy >= top && cy <= bottom && !legend.covers(r) && legend.kindOf(bgr, r).isPresent()) {
                out.add(new CuboidFaces.Cuboid(r, last.dx(), last.dy(), 0));
            }
        }
        out.sort(Comparator.comparingInt(b -> b.front().x));
        return out;
    }
}
