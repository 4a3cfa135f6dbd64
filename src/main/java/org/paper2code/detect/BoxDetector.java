package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Rectangles and rounded boxes: filled boxes survive a morphological opening that erases thin lines
 * (arrows, text strokes); outlined boxes are holes of the ink mask. A candidate must fill most of its
 * bounding rectangle. Containers (group boxes around other boxes) are dropped: layers are the innermost boxes.
 */
public final class BoxDetector {
    private static final double RECTANGULARITY = 0.8;
    /**
     * Holes must be squarer: the counters of large letters ('D', 'O', 'P', the halves of 'B') fill 0.75-0.85 of their
     * bounding rectangle, and one inside a box would make that box a container and drop it; a rounded box's interior
     * fills more than 0.88 of its rectangle.
     */
    private static final double HOLE_RECTANGULARITY = 0.86;

    private static final int MIN_W = 22;
    private static final int MIN_H = 12;

    public List<Rect> detect(Mat ink) {
        double maxArea = 0.6 * ink.total();
        List<Rect> cands = new ArrayList<>();

        // two openings: 7 px erases thin arrows and text, 15 px the thick arrows of bold figures
        List<Rect> filled = new ArrayList<>();
        for (int k : new int[] {7, 15}) {
            filled.addAll(filled(ink, k, filled, maxArea));
        }
        cands.addAll(filled);

        List<MatOfPoint> all = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(ink.clone(), all, hierarchy, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_SIMPLE);
        for (int i = 0; i < all.size(); i++) {
            double[] h = hierarchy.get(0, i);
            if (h[3] < 0) {
                continue; // outer boundary, not a hole
            }
            MatOfPoint c = all.get(i);
            Rect r = Imgproc.boundingRect(c);
            double fill = Imgproc.contourArea(c) / r.area();
            if (r.width >= MIN_W && r.height >= MIN_H && r.area() < maxArea && (fill >= HOLE_RECTANGULARITY || round(r, fill))) {
                cands.add(Cv.grow(r, 1));
            }
        }
        // where neither found a box: the mask with specks and pin holes voted away (5x5 majority). A fill whose grey
        // lies near the ink threshold breaks up under JPEG ringing into a sieve the opening cuts into pieces (and
        // whose pin holes near a side fail the straight-side test on the plain mask). The vote also fills in text
        // (bold letters close together): a fill leaves few pin holes in the plain mask and its rim is drawn whole
        Mat smoothed = new Mat();
        Imgproc.medianBlur(ink, smoothed, 5);
        List<Rect> known = List.copyOf(cands);
        for (Rect voted : filled(smoothed, 7, List.of(), maxArea)) {
            Rect r = trimmed(ink, voted); // the vote joins the tips of arrow heads to the box
            if (r.width >= MIN_W && r.height >= MIN_H && known.stream().noneMatch(k -> Cv.overlapX(k, r) > 0 && Cv.overlapY(k, r) > 0) && solidRim(ink, r)
                    && Core.countNonZero(new Mat(ink, r)) >= SIEVE_COVER * r.area()) {
                cands.add(r);
            }
        }
        // a letter of large bold text inside a box is no filled box within it (which would drop the box as a container)
        List<Rect> found = List.copyOf(cands);
        cands.removeIf(r -> filled.contains(r) && found.stream().anyMatch(c -> c != r && Cv.contains(Cv.grow(c, 2), r) && r.area() * 1.5 < c.area())
                && BoldGlyphs.isLetter(ink, r));
        return innermostDistinct(cands);
    }

    /**
     * Filled boxes: the shapes of {@code mask} that survive an opening of side {@code k}, fill their rectangle and
     * have four straight sides (in {@code mask}); none inside a box of {@code before}.
     */
    private static List<Rect> filled(Mat mask, int k, List<Rect> before, double maxArea) {
        Mat opened = new Mat();
        Imgproc.morphologyEx(mask, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(k, k)));
        List<MatOfPoint> outer = new ArrayList<>();
        Imgproc.findContours(opened, outer, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<Rect> found = new ArrayList<>();
        for (MatOfPoint c : outer) {
            Rect r = Imgproc.boundingRect(c);
            double fill = Imgproc.contourArea(c) / r.area();
            // the wide opening cuts a filled box whose text left light specks into blocks; a block inside a box the
            // narrow opening already found is a piece of it, not a box within it (which would make it a container)
            boolean piece = before.stream().anyMatch(f -> Cv.contains(Cv.grow(f, 1), r));
            if (piece || r.width < MIN_W || r.height < MIN_H || r.area() >= maxArea) {
                continue;
            }
            if (fill >= RECTANGULARITY && straightSides(mask, r)) {
                found.add(headsCut(opened, mask, r));
                continue;
            }
            if (round(r, fill) && !pointed(mask, r)) {
                found.add(r);
                continue;
            }
            // arrow heads that converge on a side (a join's branches) survive the opening with the box and push its
            // rectangle out past that side: the box is what remains once rows and columns the heads fill only in
            // part are cut off (only a sliver: what trimming cuts down to its core is a blob, not a box)
            Rect t = trimmed(opened, r);
            if (!t.equals(r) && t.area() >= 0.8 * r.area() && t.width >= MIN_W && t.height >= MIN_H
                    && Core.countNonZero(new Mat(opened, t)) >= RECTANGULARITY * t.area() && straightSides(mask, t)) {
                found.add(t);
            }
        }
        return found;
    }

    /**
     * A filled box without the arrow heads that touch it from outside: a head (a filled triangle, 8-12 px) survives
     * the opening joined to the box and, narrow beside the box, adds a few rows (columns) to its rectangle that the
     * box's text crop then takes in (a strip of page above a coloured fill, which spoils the crop's binarisation).
     * Only thin slivers are cut, and only where the box keeps four straight sides.
     */
    private static Rect headsCut(Mat opened, Mat mask, Rect r) {
        Rect t = trimmed(opened, r);
        boolean sliver = t.height >= r.height - HEAD_ROWS && t.width >= r.width - HEAD_ROWS;
        return !t.equals(r) && sliver && t.width >= MIN_W && t.height >= MIN_H && straightSides(mask, t) ? t : r;
    }

    /** Most rows (columns) an arrow head adds to a box's rectangle on its sides together. */
    private static final int HEAD_ROWS = 16;

    /** Share of a box found only in the majority-voted mask that the plain mask covers (letters cover far less). */
    private static final double SIEVE_COVER = 0.88;

    /**
     * Whether each side of the rectangle has, among its four outermost rows (columns), one that is nearly all ink in
     * the plain mask: a box's edge is drawn whole, a word's outline is not.
     */
    private static boolean solidRim(Mat ink, Rect r) {
        Mat m = new Mat(ink, r);
        int depth = Math.min(4, Math.min(r.width, r.height) / 2);
        double top = 0;
        double bottom = 0;
        double left = 0;
        double right = 0;
        for (int d = 0; d < depth; d++) {
            top = Math.max(top, Core.countNonZero(m.row(d)) / (double) r.width);
            bottom = Math.max(bottom, Core.countNonZero(m.row(r.height - 1 - d)) / (double) r.width);
            left = Math.max(left, Core.countNonZero(m.col(d)) / (double) r.height);
            right = Math.max(right, Core.countNonZero(m.col(r.width - 1 - d)) / (double) r.height);
        }
        return Math.min(Math.min(top, bottom), Math.min(left, right)) >= 0.9;
    }

    /** Share of a row (column) of the shape a box's own edge fills; heads meeting a side fill far less. */
    private static final double EDGE_FILL = 0.6;

    /** The rectangle without its outer rows and columns that the opened shape fills less than {@link #EDGE_FILL}. */
    static Rect trimmed(Mat opened, Rect r) {
        Mat m = new Mat(opened, r);
        int top = 0;
        int bottom = r.height;
        int left = 0;
        int right = r.width;
        while (top < bottom && Core.countNonZero(m.row(top)) < EDGE_FILL * r.width) {
            top++;
        }
        while (bottom > top && Core.countNonZero(m.row(bottom - 1)) < EDGE_FILL * r.width) {
            bottom--;
        }
        while (left < right && Core.countNonZero(m.col(left)) < EDGE_FILL * r.height) {
            left++;
        }
        while (right > left && Core.countNonZero(m.col(right - 1)) < EDGE_FILL * r.height) {
            right--;
        }
        return new Rect(r.x + left, r.y + top, right - left, bottom - top);
    }

    /**
     * Whether a shape that survived the opening has four straight sides in the unopened mask, as a filled box has:
     * a filled arrowhead opened by a large square comes out as a near-square too, but its slanted sides move
     * outward row by row. Along each side's middle 70%, where the ink running out from inside ends (within 6 px of
     * the side) must be one place (within 1 px of its median) for most positions; an arrow joining the side only
     * spoils a few.
     */
    public static boolean straightSides(Mat ink, Rect r) {
        return straight(ink, r, 0) && straight(ink, r, 1) && straight(ink, r, 2) && straight(ink, r, 3);
    }

    private static final int SIDE_REACH = 6;

    /** side 0 left, 1 right, 2 top, 3 bottom. */
    private static boolean straight(Mat ink, Rect r, int side) {
        boolean vertical = side < 2;
        int len = vertical ? r.height : r.width;
        int from = (vertical ? r.y : r.x) + len * 15 / 100;
        int to = (vertical ? r.y : r.x) + len * 85 / 100;
        int edge = switch (side) {
            case 0 -> r.x;
            case 1 -> r.x + r.width - 1;
            case 2 -> r.y;
            default -> r.y + r.height - 1;
        };
        int inward = side % 2 == 0 ? 1 : -1;
        List<Integer> pos = new ArrayList<>();
        byte[] px = new byte[1];
        for (int p = from; p < to; p++) {
            // from inside outwards: where the ink that reaches the side ends (a line passing close outside is cut off
            // by the gap between them)
            int found = Integer.MIN_VALUE;
            boolean inInk = false;
            for (int d = SIDE_REACH; d >= -SIDE_REACH; d--) {
                int q = edge + inward * d;
                int row = vertical ? p : q;
                int col = vertical ? q : p;
                boolean isInk = row >= 0 && col >= 0 && row < ink.rows() && col < ink.cols() && ink.get(row, col, px) > 0 && px[0] != 0;
                if (isInk) {
                    inInk = true;
                    found = d;
                } else if (inInk) {
                    break;
                }
            }
            pos.add(found);
        }
        if (pos.isEmpty()) {
            return false;
        }
        List<Integer> sorted = new ArrayList<>(pos);
        java.util.Collections.sort(sorted);
        int median = sorted.get(sorted.size() / 2);
        if (median == Integer.MIN_VALUE) {
            return false;
        }
        long near = pos.stream().filter(v -> v != Integer.MIN_VALUE && Math.abs(v - median) <= 1).count();
        return near >= 0.7 * pos.size() || edgeStep(ink, vertical, edge, inward, from, to);
    }

    /**
     * Whether, near the side, one line of pixels along it is nearly all ink and the line {@link #STEP} px further out
     * mostly not: a box's edge that lines meet at a shallow angle (the branches of a join converging on its top run
     * alongside the edge for tens of pixels, which the run test above counts against it); the slanted side of an
     * arrow head thins out gradually instead.
     */
    private static boolean edgeStep(Mat ink, boolean vertical, int edge, int inward, int from, int to) {
        double[] cover = new double[2 * SIDE_REACH + 1 + STEP];
        byte[] px = new byte[1];
        for (int i = 0; i < cover.length; i++) {
            int q = edge + inward * (SIDE_REACH - i);
            int n = 0;
            for (int p = from; p < to; p++) {
                int row = vertical ? p : q;
                int col = vertical ? q : p;
                if (row >= 0 && col >= 0 && row < ink.rows() && col < ink.cols() && ink.get(row, col, px) > 0 && px[0] != 0) {
                    n++;
                }
            }
            cover[i] = n / (double) Math.max(1, to - from);
        }
        for (int i = 0; i + STEP < cover.length; i++) {
            if (cover[i] >= 0.85 && cover[i + STEP] <= 0.4) {
                return true;
            }
        }
        return false;
    }

    private static final int STEP = 3;

    /**
     * A large round shape or hole: a drawn merge circle (a big circled '+' whose text OCR reads), not a letter's
     * counter (letters large enough for a 36 px counter are rare; an 'O' counter is taller than wide) nor an
     * arrowhead (smaller).
     */
    private static boolean round(Rect r, double fill) {
        double aspect = (double) r.width / r.height;
        return Math.min(r.width, r.height) >= 36 && aspect > 0.87 && aspect < 1.15 && fill >= 0.75;
    }

    /**
     * Whether the shape in {@code r} narrows from one side to the other, as a filled arrow head does (a figure drawn
     * large has heads 35-50 px across, as big as a merge circle): its ink across the rectangle a fifth in from one
     * side is at least 1.5 times that a fifth in from the opposite side. A circle is the same at both.
     */
    static boolean pointed(Mat mask, Rect r) {
        Mat m = new Mat(mask, r);
        int rowA = Core.countNonZero(m.row(r.height / 5));
        int rowB = Core.countNonZero(m.row(r.height * 4 / 5));
        int colA = Core.countNonZero(m.col(r.width / 5));
        int colB = Core.countNonZero(m.col(r.width * 4 / 5));
        return Math.max(rowA, rowB) >= 1.5 * Math.max(1, Math.min(rowA, rowB))
                || Math.max(colA, colB) >= 1.5 * Math.max(1, Math.min(colA, colB));
    }

    static List<Rect> innermostDistinct(List<Rect> cands) {
        cands.sort(Comparator.comparingDouble(Rect::area).reversed());
        List<Rect> kept = new ArrayList<>();
        for (Rect r : cands) {
            boolean dup = false;
            for (int i = 0; i < kept.size(); i++) {
                if (Cv.iou(kept.get(i), r) > 0.6) {
                    dup = true; // a filled box and its own hole: keep the larger (with the border)
                    break;
                }
            }
            if (!dup) {
                kept.add(r);
            }
        }
        List<Rect> out = new ArrayList<>();
        for (Rect r : kept) {
            boolean container = false;
            for (Rect o : kept) {
                if (o != r && Cv.contains(Cv.grow(r, 2), o) && o.area() * 1.5 < r.area()) {
                    container = true;
                    break;
                }
            }
            if (!container) {
                out.add(r);
            }
        }
        return out;
    }
}
