package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Merge symbols between boxes: a small circle with a cross inside, {@code ⊕} (element-wise sum, what residual
 * figures draw) or {@code ⊗} (product). Found as Hough circles on the grey image, kept only when the ink really
 * runs round the rim and through the centre along the cross's arms, so letters ('o', 'O') and neuron circles
 * (empty inside) are not taken.
 */
final class MergeSymbols {

    /** A merge symbol: its bounding box and layer type (Add or Multiply). */
    record Symbol(Rect box, String type) {
    }

    List<Symbol> find(Mat grey, Mat ink, List<Rect> boxes) {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(grey, blurred, new org.opencv.core.Size(3, 3), 0);
        Mat circles = new Mat();
        Imgproc.HoughCircles(blurred, circles, Imgproc.HOUGH_GRADIENT, 1, 12, 100, 14, 6, 22);
        List<Symbol> out = new ArrayList<>();
        for (int i = 0; i < circles.cols(); i++) {
            double[] c = circles.get(0, i);
            double cx = c[0];
            double cy = c[1];
            double r = c[2];
            Rect box = new Rect((int) Math.round(cx - r - 1), (int) Math.round(cy - r - 1), (int) Math.round(2 * r + 3),
                    (int) Math.round(2 * r + 3));
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.printf("circle %.0f,%.0f r %.1f rim %.2f out %.2f in %.2f plus %.2f times %.2f%n", cx, cy, r, rim(ink, cx, cy, r),
                        ringInk(ink, cx, cy, r + 4), ringInk(ink, cx, cy, 0.55 * r), arms(ink, cx, cy, r, 0), arms(ink, cx, cy, r, Math.PI / 4));
            }
            if (inside(box, boxes) || overlapsAny(box, out)) {
                continue;
            }
            // a drawn symbol stands on blank paper: little ink just outside the rim (only the lines that enter)
            // and between the cross's arms; a circle Hough finds in a photo or a plot does not
            if (rim(ink, cx, cy, r) < 0.75 || !on(ink, cx, cy) || ringInk(ink, cx, cy, r + 4) > 0.3
                    || ringInk(ink, cx, cy, 0.55 * r) > 0.6) {
                continue;
            }
            double plus = arms(ink, cx, cy, r, 0);
            double times = arms(ink, cx, cy, r, Math.PI / 4);
            if (plus >= 0.6 && plus >= times + 0.2) {
                out.add(new Symbol(box, "Add"));
            } else if (times >= 0.6 && times >= plus + 0.2) {
                out.add(new Symbol(box, "Multiply"));
            }
        }
        return out;
    }

    /** Grey-level step from the page that marks a light fill (Caffe's grey blobs, 31 levels under white) rather than paper. */
    private static final double FILL_STEP = 12;

    /**
     * Whether a symbol found at {@code box} sits on a light fill (over a sixth of a ring just outside it lies a
     * little off the page's grey, short of ink): the letters of a name in a small filled shape, as Caffe's draw_net
     * writes a blob's name in a grey octagon, not a circled operator drawn on the page.
     */
    static boolean onLightFill(Mat grey, double pageGrey, Rect box) {
        double cx = box.x + box.width / 2.0;
        double cy = box.y + box.height / 2.0;
        double r = box.width / 2.0 + 3;
        int fill = 0;
        int n = 48;
        byte[] px = new byte[1];
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * (k + 0.5) / n;
            int x = (int) Math.round(cx + r * Math.cos(a));
            int y = (int) Math.round(cy + r * Math.sin(a));
            if (x < 0 || y < 0 || x >= grey.cols() || y >= grey.rows()) {
                continue;
            }
            grey.get(y, x, px);
            double d = Math.abs((px[0] & 0xff) - pageGrey);
            fill += d > FILL_STEP && d < Cv.INK_CONTRAST ? 1 : 0;
        }
        return fill > 0.15 * n;
    }

    static ParsedLabel label(String type) {
        return new ParsedLabel(type, Map.of(), List.of(), 0.8, List.of(), null);
    }

    /** Share of points on the circle (within a pixel and a half) that are ink. */
    private static double rim(Mat ink, double cx, double cy, double r) {
        int hit = 0;
        int n = 48;
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            boolean any = false;
            for (double dr = -1.5; dr <= 1.5 && !any; dr += 0.75) {
                any = on(ink, cx + (r + dr) * Math.cos(a), cy + (r + dr) * Math.sin(a));
            }
            hit += any ? 1 : 0;
        }
        return (double) hit / n;
    }

    /** Share of points on a circle of radius r that are ink (one sample each, no tolerance). */
    private static double ringInk(Mat ink, double cx, double cy, double r) {
        int hit = 0;
        int n = 48;
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * (k + 0.5) / n;
            hit += on(ink, cx + r * Math.cos(a), cy + r * Math.sin(a)) ? 1 : 0;
        }
        return (double) hit / n;
    }

    /** Share of points along four arms from the centre (at the given start angle) that are ink. */
    private static double arms(Mat ink, double cx, double cy, double r, double start) {
        int hit = 0;
        int n = 0;
        for (int k = 0; k < 4; k++) {
            double a = start + k * Math.PI / 2;
            for (double t = 0.1; t <= 0.46; t += 0.06) { // the cross can be small in a large circle
                n++;
                boolean any = false;
                for (double off = -1; off <= 1 && !any; off += 1) {
                    double px = cx + t * r * Math.cos(a) - off * Math.sin(a);
                    double py = cy + t * r * Math.sin(a) + off * Math.cos(a);
                    any = on(ink, px, py);
                }
                hit += any ? 1 : 0;
            }
        }
        return (double) hit / n;
    }

    private static boolean on(Mat ink, double x, double y) {
        int ix = (int) Math.round(x);
        int iy = (int) Math.round(y);
        if (ix < 0 || iy < 0 || ix >= ink.cols() || iy >= ink.rows()) {
            return false;
        }
        return ink.get(iy, ix)[0] != 0;
    }

    private static boolean inside(Rect r, List<Rect> boxes) {
        for (Rect b : boxes) {
            if (r.x < b.x + b.width && b.x < r.x + r.width && r.y < b.y + b.height && b.y < r.y + r.height) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(Rect r, List<Symbol> found) {
        return inside(r, found.stream().map(Symbol::box).toList());
    }
}
