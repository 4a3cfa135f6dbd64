package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A pipeline stage drawn as a picture (a sketch of stacked feature maps) inside a dashed frame, its name written
 * in the frame ("CNN"). A dashed outline is no hole of the ink mask, and the picture's lines touch it, so the box
 * detector sees no box. Here the dashes are joined along each axis, the long straight runs kept, and a frame is
 * two horizontal runs of equal extent closed by two vertical runs; it is a stage when it holds no other box (a
 * dashed frame around boxes groups them, as a module frame does).
 */
final class DashedFrames {
    /** The largest gap between two dashes of one side. */
    private static final int DASH_GAP = 4;
    /** The shortest side of a frame. */
    private static final int MIN_SIDE = 30;
    /** How far two runs' ends may miss each other and still meet at a corner. */
    private static final int CORNER_SLACK = 4;
    /** The thickest run kept: a side may merge with a line drawn just inside it. */
    private static final int MAX_THICK = 6;
    /** A side drawn with at most this share of ink along it is dashed (a solid side is the box detector's). */
    private static final double DASHED = 0.9;

    private DashedFrames() {
    }

    /** The frames found, none overlapping a box of {@code boxes} or holding one; of overlapping frames the largest. */
    static List<Rect> find(Mat ink, List<Rect> boxes) {
        List<Rect> rows = runs(ink, true);
        List<Rect> cols = runs(ink, false);
        List<Rect> frames = new ArrayList<>();
        for (Rect left : cols) {
            for (Rect right : cols) {
                int from = Math.max(left.y, right.y);
                int to = Math.min(left.y + left.height, right.y + right.height);
                if (right.x - left.x < MIN_SIDE || to - from < MIN_SIDE) {
                    continue;
                }
                // the sides meet runs along the top and bottom that reach across from one to the other (a run may go
                // on beyond a corner, into an arrow drawn on from the frame)
                Rect top = across(rows, left, right, from);
                Rect bottom = across(rows, left, right, to);
                if (top == null || bottom == null || bottom.y - top.y < MIN_SIDE) {
                    continue;
                }
                Rect frame = new Rect(left.x, top.y, right.x + right.width - left.x, bottom.y + bottom.height - top.y);
                if (dashed(ink, frame) && boxes.stream().noneMatch(b -> Cv.overlapX(b, frame) > 0 && Cv.overlapY(b, frame) > 0)) {
                    frames.add(frame);
                }
            }
        }
        frames.sort(java.util.Comparator.comparingDouble((Rect r) -> -r.area()));
        List<Rect> out = new ArrayList<>();
        for (Rect f : frames) {
            if (out.stream().noneMatch(o -> Cv.overlapX(o, f) > 0 && Cv.overlapY(o, f) > 0)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A horizontal run at height y (within the corner slack) reaching from the left side to the right one. */
    private static Rect across(List<Rect> rows, Rect left, Rect right, int y) {
        for (Rect r : rows) {
            if (Math.abs(r.y + r.height / 2 - y) <= CORNER_SLACK && r.x <= left.x + left.width + CORNER_SLACK
                    && r.x + r.width >= right.x - CORNER_SLACK) {
                return r;
            }
        }
        return null;
    }

    /** Long straight runs of the ink along one axis, dashes joined: their bounding rectangles. */
    private static List<Rect> runs(Mat ink, boolean horizontal) {
        Mat joined = new Mat();
        Size gap = horizontal ? new Size(2 * DASH_GAP + 1, 1) : new Size(1, 2 * DASH_GAP + 1);
        Imgproc.morphologyEx(ink, joined, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, gap));
        Mat straight = new Mat();
        Size run = horizontal ? new Size(MIN_SIDE, 1) : new Size(1, MIN_SIDE);
        Imgproc.morphologyEx(joined, straight, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, run));
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(straight, labels, stats, new Mat(), 8, org.opencv.core.CvType.CV_32S);
        List<Rect> out = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            Rect r = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            int thick = horizontal ? r.height : r.width;
            if (thick <= MAX_THICK) {
                out.add(r); // a line (with a stroke drawn close beside it), not a filled shape's edge band
            }
        }
        return out;
    }

    /** Whether the frame's top side is drawn in dashes (gaps along it) rather than one solid line. */
    private static boolean dashed(Mat ink, Rect frame) {
        int best = 0;
        for (int dy = -1; dy <= 1; dy++) {
            Rect row = Cv.clip(new Rect(frame.x + CORNER_SLACK, frame.y + 1 + dy, frame.width - 2 * CORNER_SLACK, 1), ink);
            if (row.width > 0 && row.height > 0) {
                best = Math.max(best, Core.countNonZero(new Mat(ink, row)));
            }
        }
        return best <= DASHED * (frame.width - 2 * CORNER_SLACK);
    }
}
