package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * How tall each cuboid's faces are drawn: the longest vertical ink run in the shape's leftmost columns (the front or back
 * face's left edge, both as tall as the face). The shape's box is a worse measure of the map's size: it also holds the
 * depth offset, which grows with the channels, and any label drawn touching the top.
 */
final class FrontFaces {
    /** Columns read from the shape's left side: past them the top face's fill runs above the face. */
    private static final int EDGE = 3;
    /**
     * A face edge spans at least this share of the box: a touching label's letters are far shorter, and a shorter run
     * is an outline drawing's broken edge (no solid face to measure), where the box is kept.
     */
    private static final double MIN_SHARE = 0.5;

    private FrontFaces() {
    }

    /**
     * One shape's front face as drawn: its height, its width (the channels in drawings that draw them as the
     * cuboid's thickness) and its bottom row (where the depth label under it starts: the shape's box also holds a
     * label drawn touching the face), width and bottom -1 where no face edge was found.
     */
    record Face(int height, int width, int bottom) {
        Face(int height, int width) {
            this(height, width, -1);
        }
    }

    /** Face heights in the order of the shapes; a shape with no vertical run keeps its box height. */
    static List<Integer> heights(Mat ink, List<Rect> shapes) {
        return faces(ink, shapes).stream().map(Face::height).toList();
    }

    /** The faces in the order of the shapes. */
    static List<Face> faces(Mat ink, List<Rect> shapes) {
        List<Face> out = new ArrayList<>();
        for (Rect s : shapes) {
            int y0 = Math.max(0, s.y);
            int y1 = Math.min(ink.rows(), s.y + s.height);
            int[] best = {0, -1};
            int edge = -1; // the first column tall enough to be the face's edge (not a label touching the box), in the left quarter
            for (int x = Math.max(0, s.x); x < ink.cols() && (edge < 0 ? x < s.x + s.width / 4 : x < edge + EDGE); x++) {
                int[] run = longestRun(ink, x, y0, y1);
                if (edge < 0 && run[0] >= MIN_SHARE * s.height) {
                    edge = x;
                }
                if (edge >= 0 && run[0] > best[0]) {
                    best = run;
                }
            }
            out.add(best[0] > 0 ? new Face(best[0], bottomEdge(ink, edge, best[1], s), best[1]) : new Face(s.height, -1));
        }
        return out;
    }

    /**
     * The length of the face's bottom edge from its left edge: the front face's bottom runs level, the side face's
     * bottom rises from its corner at once, so the level ink on the face's last rows ends where the front face does.
     */
    private static int bottomEdge(Mat ink, int edge, int bottom, Rect s) {
        int widest = -1;
        for (int y = Math.max(0, bottom - 1); y <= bottom; y++) {
            int x = edge;
            while (x + 1 < Math.min(ink.cols(), s.x + s.width) && ink.get(y, x + 1)[0] != 0) {
                x++;
            }
            widest = Math.max(widest, x - edge + 1);
        }
        return widest;
    }

    /** The longest ink run in the column between y0 and y1: its length and its last row. */
    private static int[] longestRun(Mat ink, int x, int y0, int y1) {
        byte[] column = new byte[y1 - y0];
        Mat part = ink.submat(y0, y1, x, x + 1).clone();
        part.get(0, 0, column);
        int[] best = {0, -1};
        int run = 0;
        for (int i = 0; i < column.length; i++) {
            run = column[i] != 0 ? run + 1 : 0;
            if (run > best[0]) {
                best = new int[] {run, y0 + i};
            }
        }
        return best;
    }
}
