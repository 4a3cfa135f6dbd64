package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuboids of a 3D-box figure found by their front faces: an axis-aligned rectangle drawn with solid lines on all four
 * sides whose two top corners both send a slanted line the same way (the top face running into the depth). Working
 * on outlines, not fills, keeps cuboids apart that touch or overlap (PlotNeuralNet draws a pooling box onto its
 * convolution), and the corner test rejects plain rectangles (legend boxes, text frames).
 */
final class CuboidFaces {

    /** One cuboid: its front face and where its depth runs (dx, dy per unit length; dy is negative: up). */
    record Cuboid(Rect front, double dx, double dy, int depthLength) {
        /** The whole drawn shape: front face plus the depth offset. */
        Rect extent() {
            int ox = (int) Math.round(dx * depthLength);
            int oy = (int) Math.round(dy * depthLength);
            int x1 = Math.min(front.x, front.x + ox);
            int y1 = Math.min(front.y, front.y + oy);
            int x2 = Math.max(front.x + front.width, front.x + front.width + ox);
            int y2 = Math.max(front.y + front.height, front.y + front.height + oy);
            return new Rect(x1, y1, x2 - x1, y2 - y1);
        }
    }

    private static final int MIN_SIDE = 7;

    /** Cuboids drawn in a line mask (255 = outline pixel), left to right. */
    static List<Cuboid> find(Mat lines) {
        Mat thick = new Mat();
        Imgproc.dilate(lines, thick, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        int w = thick.cols();
        int h = thick.rows();
        byte[] px = new byte[w * h];
        thick.get(0, 0, px);
        boolean[] on = new boolean[w * h];
        for (int i = 0; i < px.length; i++) {
            on[i] = px[i] != 0;
        }
        // prefix sums along rows and columns: the coverage of any side in O(1)
        int[] row = new int[h * (w + 1)];
        int[] col = new int[w * (h + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[y * (w + 1) + x + 1] = row[y * (w + 1) + x] + (on[y * w + x] ? 1 : 0);
                col[x * (h + 1) + y + 1] = col[x * (h + 1) + y] + (on[y * w + x] ? 1 : 0);
            }
        }
        List<int[]> hs = segments(lines, true);
        List<int[]> vs = segments(lines, false);
        // corners: where a horizontal and a vertical segment meet
        List<int[]> corners = new ArrayList<>();
        for (int[] s : hs) {
            for (int[] v : vs) {
                if (v[0] >= s[1] - 3 && v[0] <= s[2] + 3 && s[0] >= v[1] - 3 && s[0] <= v[2] + 3) {
                    corners.add(new int[] {v[0], s[0]});
                }
            }
        }
        List<Rect> faces = new ArrayList<>();
        for (int[] p : corners) {
            for (int[] q : corners) {
                int x1 = p[0], y1 = p[1], x2 = q[0], y2 = q[1];
                if (x2 - x1 < MIN_SIDE || y2 - y1 < MIN_SIDE) {
                    continue;
                }
                if (cover(row, w, y1, x1, x2) && cover(row, w, y2, x1, x2) && cover(col, h, x1, y1, y2) && cover(col, h, x2, y1, y2)) {
                    Rect r = new Rect(x1, y1, x2 - x1, y2 - y1);
                    if (faces.stream().noneMatch(f -> near(f, r))) {
                        faces.add(r);
                    }
                }
            }
        }
        // a face split by a full chord is two faces, not three: drop a rectangle when both of its halves are faces
        List<Rect> minimal = new ArrayList<>();
        for (Rect r : faces) {
            boolean split = false;
            for (Rect f : faces) {
                if (f != r && Cv.contains(Cv.grow(r, 2), f) && f.area() < 0.95 * r.area() && sharedSides(f, r) >= 3) {
                    Rect rest = complement(r, f);
                    split |= rest != null && faces.stream().anyMatch(g -> g != r && g != f && near(g, rest));
                }
            }
            if (!split) {
                minimal.add(r);
            }
        }
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            faces.forEach(f -> System.err.println("face " + f + (minimal.contains(f) ? "" : " (split)")));
        }
        List<Cuboid> out = new ArrayList<>();
        for (Rect r : minimal) {
            Cuboid c = depth(on, w, h, r);
            if (c != null) {
                out.add(c);
            }
        }
        // a cuboid drawn on the front face of another (a kernel on a feature map) is not a layer; one in front of
        // another's depth (PlotNeuralNet's pooling box on its convolution) is
        List<Cuboid> kept = new ArrayList<>();
        for (Cuboid c : out) {
            boolean inside = out.stream().anyMatch(o -> o != c && o.front().area() > 2 * c.front().area()
                    && Cv.contains(Cv.grow(o.front(), 2), c.front()));
            if (!inside) {
                kept.add(c);
            }
        }
        // reading order by the middle of the drawn shape: a dense layer's long bar starts left of the box before it
        // one face found twice (two depth angles fit): keep the one running the way most cuboids run
        double majority = Math.signum(kept.stream().mapToDouble(c -> Math.signum(c.dx())).sum());
        kept = oneProjection(kept, majority, on, w, h);
        List<Cuboid> unique = new ArrayList<>();
        kept.sort((a, b) -> Boolean.compare(Math.signum(b.dx()) == majority, Math.signum(a.dx()) == majority));
        for (Cuboid c : kept) {
            if (unique.stream().noneMatch(u -> Cv.iou(u.front(), c.front()) > 0.4)) {
                unique.add(c);
            }
        }
        kept = unique;
        kept.sort((a, b) -> Double.compare(a.extent().x + a.extent().width / 2.0, b.extent().x + b.extent().width / 2.0));
        return kept;
    }

    /**
     * A drawing has one projection: a cuboid whose longest depth edge runs against the others' (a neighbour's top
     * edge or a label line met the wrong corner first, common where cuboids touch) takes its depth the way the
     * others run when its top corners send edges that way too.
     */
    private static List<Cuboid> oneProjection(List<Cuboid> cuboids, double majority, boolean[] on, int w, int h) {
        List<Cuboid> out = new ArrayList<>();
        for (Cuboid c : cuboids) {
            Cuboid turned = majority != 0 && Math.signum(c.dx()) != majority ? depth(on, w, h, c.front(), (int) majority) : null;
            out.add(turned != null ? turned : c);
        }
        return out;
    }

    /** The part of r that f (sharing three sides with it) leaves. */
    private static Rect complement(Rect r, Rect f) {
        if (Math.abs(f.x - r.x) > 2) {
            return new Rect(r.x, r.y, f.x - r.x, r.height);
        }
        if (Math.abs(f.x + f.width - r.x - r.width) > 2) {
            return new Rect(f.x + f.width, r.y, r.x + r.width - f.x - f.width, r.height);
        }
        if (Math.abs(f.y - r.y) > 2) {
            return new Rect(r.x, r.y, r.width, f.y - r.y);
        }
        if (Math.abs(f.y + f.height - r.y - r.height) > 2) {
            return new Rect(r.x, f.y + f.height, r.width, r.y + r.height - f.y - f.height);
        }
        return null;
    }

    private static int sharedSides(Rect f, Rect r) {
        int n = 0;
        n += Math.abs(f.x - r.x) <= 2 ? 1 : 0;
        n += Math.abs(f.y - r.y) <= 2 ? 1 : 0;
        n += Math.abs(f.x + f.width - r.x - r.width) <= 2 ? 1 : 0;
        n += Math.abs(f.y + f.height - r.y - r.height) <= 2 ? 1 : 0;
        return n;
    }

    private static boolean near(Rect a, Rect b) {
        return Math.abs(a.x - b.x) <= 3 && Math.abs(a.y - b.y) <= 3 && Math.abs(a.width - b.width) <= 4 && Math.abs(a.height - b.height) <= 4;
    }

    /** True when at least 95% of the pixels from a to b along line k (a row or column of the prefix table) are on. */
    private static boolean cover(int[] prefix, int len, int k, int a, int b) {
        if (a < 0 || b >= len || k < 0) {
            return false;
        }
        int base = k * (len + 1);
        if (base + b + 1 >= prefix.length) {
            return false;
        }
        int n = prefix[base + b + 1] - prefix[base + a];
        return n >= 0.95 * (b - a + 1);
    }

    /** Horizontal (y, x1, x2) or vertical (x, y1, y2) runs of at least MIN_SIDE line pixels. */
    private static List<int[]> segments(Mat lines, boolean horizontal) {
        Mat open = new Mat();
        Size k = horizontal ? new Size(MIN_SIDE, 1) : new Size(1, MIN_SIDE);
        Imgproc.morphologyEx(lines, open, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, k));
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(open, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<int[]> out = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            int x = (int) stats.get(c, 0)[0];
            int y = (int) stats.get(c, 1)[0];
            int sw = (int) stats.get(c, 2)[0];
            int sh = (int) stats.get(c, 3)[0];
            if (horizontal) {
                out.add(new int[] {y + sh / 2, x, x + sw - 1});
            } else {
                out.add(new int[] {x + sw / 2, y, y + sh - 1});
            }
        }
        return out;
    }

    /**
     * The depth direction of a front face: a slanted line leaving both top corners at the same angle, up-left or up-right.
     * Null when there is none (a flat rectangle).
     */
    private static Cuboid depth(boolean[] on, int w, int h, Rect r) {
        Cuboid left = depth(on, w, h, r, -1);
        Cuboid right = depth(on, w, h, r, 1);
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        return depthEdge(on, w, h, right) > depthEdge(on, w, h, left) ? right : left;
    }

    /** The shorter of the two top-corner depth edges: how well a depth direction is drawn. */
    private static int depthEdge(boolean[] on, int w, int h, Cuboid c) {
        Rect r = c.front();
        return Math.min(ray(on, w, h, r.x, r.y, c.dx(), c.dy()), ray(on, w, h, r.x + r.width, r.y, c.dx(), c.dy()));
    }

    /** The best depth direction on one side (-1 up-left, 1 up-right), or null. */
    private static Cuboid depth(boolean[] on, int w, int h, Rect r, int side) {
        Cuboid best = null;
        int bestLen = 0;
        for (int deg = 20; deg <= 70; deg += 5) {
            double dx = side * Math.cos(Math.toRadians(deg));
            double dy = -Math.sin(Math.toRadians(deg));
            int a = ray(on, w, h, r.x, r.y, dx, dy);
            int b = ray(on, w, h, r.x + r.width, r.y, dx, dy);
            int len = Math.min(a, b);
            if (len >= 8 && len > bestLen) {
                bestLen = len;
                best = new Cuboid(r, dx, dy, Math.max(a, b));
            }
        }
        return best;
    }

    /** How far a line runs from (x0, y0) along (dx, dy), allowing a pixel of wobble and short gaps. */
    private static int ray(boolean[] on, int w, int h, int x0, int y0, double dx, double dy) {
        int last = 0;
        int miss = 0;
        for (int t = 2; t < 4000; t++) {
            int x = (int) Math.round(x0 + dx * t);
            int y = (int) Math.round(y0 + dy * t);
            if (x < 0 || y < 0 || x >= w || y >= h) {
                break;
            }
            if (on[y * w + x]) {
                last = t;
                miss = 0;
            } else if (++miss > 3) {
                break;
            }
        }
        return last;
    }
}
