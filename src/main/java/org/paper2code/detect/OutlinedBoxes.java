package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Boxes drawn as a dark outline around a light (pastel) fill. The ink mask counts a pastel fill as ink or not
 * depending on how far its colour is from the background, often patchily (a fill near the ink threshold, under
 * noise or JPEG), so such a box is neither a clean hole nor a clean filled shape there, and a rounded filled box
 * has no straight sides. On a mask of dark strokes only, the fill drops out and the outline encloses a hole.
 */
public final class OutlinedBoxes {
    /** How much darker than the background a stroke is (outlines and text are near black; pastel fills are not). */
    private static final double DARK = 110;

    private OutlinedBoxes() {
    }

    /**
     * The boxes found, plus those only the dark-stroke mask shows (a duplicate keeps one, a container is dropped).
     * A bold letter found as a filled block ('B', 'm' in a large bold title) would make the box it is written in a
     * container: such letters are left out first.
     */
    public static List<Rect> withLightlyFilled(Mat bgr, Scalar bg, Mat ink, List<Rect> found) {
        Mat grey = Cv.grey(bgr);
        double bgGrey = Cv.greyOf(bg);
        Mat dark = new Mat();
        Imgproc.threshold(grey, dark, bgGrey - DARK, 255, Imgproc.THRESH_BINARY_INV);
        List<Rect> all = new ArrayList<>(found);
        all.addAll(new BoxDetector().detect(dark));
        List<Rect> boxes = new ArrayList<>(all);
        boxes.removeIf(r -> all.stream().anyMatch(o -> o != r && Cv.contains(Cv.grow(o, 2), r) && r.area() * 1.5 < o.area())
                && BoldGlyphs.isLetter(ink, r));
        return BoxDetector.innermostDistinct(boxes);
    }

    /** The widest border a box is grown by: thicker runs outside a side are something else (a fill, a neighbour). */
    private static final int MAX_BORDER = 20;

    /**
     * Each box grown by the ink border lying just outside it: a box found as the hole of a thick outline (a bold
     * figure drawn large) lies inside its border, and a border left standing after the boxes are erased would join
     * every arrow at that box into one piece. A side grows by the median run of ink outward along its middle half
     * (an arrow meeting the side spoils few of the runs).
     */
    public static List<Rect> withBorders(Mat ink, List<Rect> boxes) {
        List<Rect> out = new ArrayList<>();
        for (Rect b : boxes) {
            int left = border(ink, b, -1, 0);
            int right = border(ink, b, 1, 0);
            int top = border(ink, b, 0, -1);
            int bottom = border(ink, b, 0, 1);
            out.add(Cv.clip(new Rect(b.x - left, b.y - top, b.width + left + right, b.height + top + bottom), ink));
        }
        return out;
    }

    /** The median run of ink outward from one side of the box ({@code dx, dy} the outward direction). */
    private static int border(Mat ink, Rect b, int dx, int dy) {
        boolean vertical = dx != 0;
        int len = vertical ? b.height : b.width;
        List<Integer> runs = new ArrayList<>();
        byte[] px = new byte[1];
        for (int p = len / 4; p < len * 3 / 4; p++) {
            int x = vertical ? (dx < 0 ? b.x - 1 : b.x + b.width) : b.x + p;
            int y = vertical ? b.y + p : (dy < 0 ? b.y - 1 : b.y + b.height);
            int run = 0;
            while (run <= MAX_BORDER && x >= 0 && y >= 0 && x < ink.cols() && y < ink.rows() && ink.get(y, x, px) > 0 && px[0] != 0) {
                run++;
                x += dx;
                y += dy;
            }
            runs.add(run);
        }
        if (runs.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(runs);
        int median = runs.get(runs.size() / 2);
        return median > MAX_BORDER ? 0 : median;
    }
}
