package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Pipeline figures show a stage applied many times (one classifier per region, one branch per anchor) as a few
 * like boxes in a column or row with an ellipsis between them ("⋮", "…"): examples of one stage, not parallel
 * layers. Two boxes of about the same size, aligned along one axis, whose gap holds only a few small dots lined
 * up along that axis, are one node.
 */
final class EllipsisRuns {
    /** Sizes of the two boxes agree within this share; their cross-axis centres within this share of their width. */
    private static final double ALIKE = 0.2;
    /** At least this many dots (an ellipsis has three; JPEG may merge two). */
    private static final int MIN_DOTS = 2;

    private EllipsisRuns() {
    }

    /** Index pairs of boxes joined by an ellipsis (each pair once, lower index first). */
    static List<int[]> pairs(Mat ink, List<Rect> boxes) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (joined(ink, boxes, i, j, true) || joined(ink, boxes, i, j, false)) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    private static boolean joined(Mat ink, List<Rect> boxes, int i, int j, boolean vertical) {
        Rect a = boxes.get(i);
        Rect b = boxes.get(j);
        if (!alike(a.width, b.width) || !alike(a.height, b.height)) {
            return false;
        }
        // the pair along the axis, first then second
        Rect first = vertical ? (a.y <= b.y ? a : b) : (a.x <= b.x ? a : b);
        Rect second = first == a ? b : a;
        double crossShift = vertical ? Math.abs(ConnectorTracer.centreX(a) - ConnectorTracer.centreX(b))
                : Math.abs(ConnectorTracer.centreY(a) - ConnectorTracer.centreY(b));
        int across = vertical ? Math.min(a.width, b.width) : Math.min(a.height, b.height);
        int along = vertical ? Math.min(a.height, b.height) : Math.min(a.width, b.width);
        int gapFrom = vertical ? first.y + first.height : first.x + first.width;
        int gapTo = vertical ? second.y : second.x;
        // an ellipsis fills a short gap: a line of text's height or two, not a long stretch of figure
        if (crossShift > ALIKE * across || gapTo - gapFrom < 4 || gapTo - gapFrom > 3 * along + 10) {
            return false;
        }
        Rect gap = vertical ? new Rect(Math.max(a.x, b.x), gapFrom + 1, across, gapTo - gapFrom - 1)
                : new Rect(gapFrom + 1, Math.max(a.y, b.y), gapTo - gapFrom - 1, across);
        gap = Cv.clip(gap, ink);
        if (gap.width <= 0 || gap.height <= 0) {
            return false;
        }
        return dotsAlongAxis(new Mat(ink, gap), vertical);
    }

    /**
     * Whether the gap's ink is a few small dots and nothing else, lined up along the axis near the gap's middle
     * (an arrow, a label or a line crossing the gap is no ellipsis).
     */
    private static boolean dotsAlongAxis(Mat gapInk, boolean vertical) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(gapInk, labels, stats, centroids, 8, org.opencv.core.CvType.CV_32S);
        int across = vertical ? gapInk.cols() : gapInk.rows();
        int dots = 0;
        double minC = Double.MAX_VALUE;
        double maxC = -1;
        for (int c = 1; c < n; c++) {
            int w = (int) stats.get(c, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(c, Imgproc.CC_STAT_HEIGHT)[0];
            int dotMax = Math.max(4, across / 12);
            if (w > dotMax || h > dotMax) {
                return false;
            }
            double cross = vertical ? centroids.get(c, 0)[0] : centroids.get(c, 1)[0];
            minC = Math.min(minC, cross);
            maxC = Math.max(maxC, cross);
            dots++;
        }
        boolean centred = dots > 0 && Math.abs((minC + maxC) / 2 - across / 2.0) <= 0.25 * across;
        return dots >= MIN_DOTS && dots <= 6 && maxC - minC <= 3 && centred;
    }

    private static boolean alike(int p, int q) {
        return Math.abs(p - q) <= ALIKE * Math.max(p, q);
    }
}
