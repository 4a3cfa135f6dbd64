package org.paper2code.classify;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The feature vector the style model sees, computed from a BGR figure ({@link FigureImage}).
 * Every feature is a ratio, a histogram or a log count, so figure resolution matters little.
 * Groups: layout, colour, edge orientation, Hough lines and circles, closed-contour shapes
 * (rectangles, parallelograms/cuboid faces, hexagonal cuboid outlines, circles),
 * connected components (text-sized vs large) and projection gaps. No size feature and no
 * thumbnail HOG: both separated the synthetic styles but did not carry over to real figures
 * (k-fold on the real set: architecture-vs-other 64% with HOG, 78% without).
 */
public final class FigureFeatures {

    private final List<String> names = new ArrayList<>();
    private final List<Float> values = new ArrayList<>();

    private FigureFeatures() {
    }

    /** Feature names in vector order (the model card and the importance table use them). */
    public static List<String> names() {
        OpenCvNative.load();
        Mat white = new Mat(64, 96, CvType.CV_8UC3, new Scalar(255, 255, 255));
        Imgproc.rectangle(white, new Point(10, 10), new Point(40, 40), new Scalar(0, 0, 0), 1);
        FigureFeatures f = compute(white);
        white.release();
        return List.copyOf(f.names);
    }

    public static float[] extract(Mat bgr) {
        FigureFeatures f = compute(bgr);
        float[] out = new float[f.values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.values.get(i);
        }
        return out;
    }

    private void add(String name, double v) {
        names.add(name);
        values.add(Double.isFinite(v) ? (float) v : 0f);
    }

    private static FigureFeatures compute(Mat bgr) {
        FigureFeatures f = new FigureFeatures();
        List<Mat> temp = new ArrayList<>();
        try {
            Mat gray = track(temp, new Mat());
            Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
            int w = gray.cols();
            int h = gray.rows();
            double area = (double) w * h;
            f.add("log_aspect", Math.log((double) w / h));

            Mat ink = track(temp, new Mat());
            // ink = clearly darker than the (white) page; fixed threshold keeps pale fills out
            Imgproc.threshold(gray, ink, 200, 255, Imgproc.THRESH_BINARY_INV);
            f.intensity(gray, area);
            f.colour(bgr, temp, area);
            Mat edges = track(temp, new Mat());
            Imgproc.Canny(gray, edges, 50, 150);
            f.add("edge_density", Core.countNonZero(edges) / area);
            f.gradientOrientation(gray, edges, temp);
            f.houghLines(edges, w, h, temp);
            f.houghCircles(gray, temp);
            f.texture(gray, temp);
            f.contours(edges, area, temp);
            f.components(ink, w, h, temp);
            f.projections(ink, w, h);
            return f;
        } finally {
            temp.forEach(Mat::release);
        }
    }

    private static Mat track(List<Mat> temp, Mat m) {
        temp.add(m);
        return m;
    }

    private void intensity(Mat gray, double area) {
        Mat hist = new Mat();
        Imgproc.calcHist(List.of(gray), new MatOfInt(0), new Mat(), hist, new MatOfInt(8), new MatOfFloat(0, 256));
        double entropy = 0;
        for (int i = 0; i < 8; i++) {
            double p = hist.get(i, 0)[0] / area;
            add("gray_hist_" + i, p);
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        add("gray_entropy", entropy);
        hist.release();
        MatOfDoubleStats s = MatOfDoubleStats.of(gray);
        add("gray_mean", s.mean / 255);
        add("gray_std", s.std / 255);
    }

    private record MatOfDoubleStats(double mean, double std) {
        static MatOfDoubleStats of(Mat m) {
            org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
            org.opencv.core.MatOfDouble std = new org.opencv.core.MatOfDouble();
            Core.meanStdDev(m, mean, std);
            MatOfDoubleStats r = new MatOfDoubleStats(mean.toArray()[0], std.toArray()[0]);
            mean.release();
            std.release();
            return r;
        }
    }

    private void colour(Mat bgr, List<Mat> temp, double area) {
        Mat hsv = track(temp, new Mat());
        Imgproc.cvtColor(bgr, hsv, Imgproc.COLOR_BGR2HSV);
        Mat sat = track(temp, new Mat());
        Core.inRange(hsv, new Scalar(0, 60, 60), new Scalar(180, 255, 255), sat);
        int nSat = Core.countNonZero(sat);
        add("saturated_frac", nSat / area);
        Mat hueHist = track(temp, new Mat());
        Imgproc.calcHist(List.of(hsv), new MatOfInt(0), sat, hueHist, new MatOfInt(6), new MatOfFloat(0, 180));
        int nonEmptyHues = 0;
        for (int i = 0; i < 6; i++) {
            double p = nSat == 0 ? 0 : hueHist.get(i, 0)[0] / nSat;
            add("hue_hist_" + i, p);
            if (p > 0.05) {
                nonEmptyHues++;
            }
        }
        add("hue_count", nonEmptyHues);
        // distinct colours on a 4x4x4 grid: diagrams use a handful, photos and heat maps hundreds
        Mat q = track(temp, new Mat());
        Core.multiply(bgr, new Scalar(1.0 / 64, 1.0 / 64, 1.0 / 64), q);
        Mat hist = track(temp, new Mat());
        Imgproc.calcHist(List.of(q), new MatOfInt(0, 1, 2), new Mat(), hist, new MatOfInt(4, 4, 4),
                new MatOfFloat(0, 4, 0, 4, 0, 4));
        int used = 0;
        double entropy = 0;
        float[] hv = new float[64];
        hist.reshape(1, 64).get(0, 0, hv);
        for (float v : hv) {
            double p = v / area;
            if (p > 0.002) {
                used++;
            }
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        add("colour_bins_used", used);
        add("colour_entropy", entropy);
    }

    /** Orientation of strong gradients on edge pixels, folded to [0,180), 12 bins weighted by magnitude. */
    private void gradientOrientation(Mat gray, Mat edges, List<Mat> temp) {
        Mat gx = track(temp, new Mat());
        Mat gy = track(temp, new Mat());
        Imgproc.Sobel(gray, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(gray, gy, CvType.CV_32F, 0, 1);
        Mat mag = track(temp, new Mat());
        Mat ang = track(temp, new Mat());
        Core.cartToPolar(gx, gy, mag, ang, true);
        int n = (int) gray.total();
        float[] a = new float[n];
        float[] m = new float[n];
        byte[] e = new byte[n];
        ang.get(0, 0, a);
        mag.get(0, 0, m);
        edges.get(0, 0, e);
        double[] bins = new double[12];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (e[i] != 0) {
                double deg = a[i] % 180;
                int b = (int) ((deg + 7.5) / 15) % 12;
                bins[b] += m[i];
                total += m[i];
            }
        }
        for (int i = 0; i < 12; i++) {
            add("grad_orient_" + i, total == 0 ? 0 : bins[i] / total);
        }
        double axis = total == 0 ? 0 : (bins[0] + bins[6]) / total;
        add("grad_axis_frac", axis);
    }

    private void houghLines(Mat edges, int w, int h, List<Mat> temp) {
        Mat lines = track(temp, new Mat());
        int side = Math.max(w, h);
        Imgproc.HoughLinesP(edges, lines, 1, Math.PI / 180, 30, Math.max(12, side * 0.03), 2);
        int hor = 0;
        int ver = 0;
        int diag = 0;
        int steep = 0;
        double len = 0;
        int n = lines.rows();
        for (int i = 0; i < n; i++) {
            double[] l = lines.get(i, 0);
            double dx = l[2] - l[0];
            double dy = l[3] - l[1];
            double deg = Math.toDegrees(Math.atan2(Math.abs(dy), Math.abs(dx)));
            len += Math.hypot(dx, dy);
            if (deg < 3) {
                hor++;
            } else if (deg > 87) {
                ver++;
            } else if (deg >= 20 && deg <= 70) {
                diag++;
            } else {
                steep++;
            }
        }
        add("lines_log", Math.log1p(n));
        add("lines_h_frac", n == 0 ? 0 : (double) hor / n);
        add("lines_v_frac", n == 0 ? 0 : (double) ver / n);
        add("lines_diag_frac", n == 0 ? 0 : (double) diag / n);
        add("lines_other_frac", n == 0 ? 0 : (double) steep / n);
        add("lines_mean_len", n == 0 ? 0 : len / n / side);
        add("lines_diag_log", Math.log1p(diag));
        axes(lines, w, h);
        // edge pixels off every straight segment: curves of plots, photo texture, glyphs
        Mat onLines = Mat.zeros(edges.size(), CvType.CV_8UC1);
        for (int i = 0; i < n; i++) {
            double[] l = lines.get(i, 0);
            Imgproc.line(onLines, new Point(l[0], l[1]), new Point(l[2], l[3]), new Scalar(255), 3);
        }
        Mat off = new Mat();
        Core.bitwise_not(onLines, onLines);
        Core.bitwise_and(edges, onLines, off);
        int total = Core.countNonZero(edges);
        add("edges_off_lines_frac", total == 0 ? 0 : (double) Core.countNonZero(off) / total);
        onLines.release();
        off.release();
    }

    /**
     * Plot axes: a long horizontal line in the lower part meeting a long vertical line on the
     * left (an L), and short ticks hanging off the horizontal one. Diagrams rarely have both.
     */
    private void axes(Mat lines, int w, int h) {
        int n = lines.rows();
        double[] bestH = null;
        double[] bestV = null;
        for (int i = 0; i < n; i++) {
            double[] l = lines.get(i, 0);
            double dx = Math.abs(l[2] - l[0]);
            double dy = Math.abs(l[3] - l[1]);
            if (dy <= 2 && dx >= 0.4 * w && Math.min(l[1], l[3]) > 0.4 * h && (bestH == null || dx > Math.abs(bestH[2] - bestH[0]))) {
                bestH = l;
            }
            if (dx <= 2 && dy >= 0.4 * h && Math.max(l[0], l[2]) < 0.5 * w && (bestV == null || dy > Math.abs(bestV[3] - bestV[1]))) {
                bestV = l;
            }
        }
        boolean corner = false;
        int ticks = 0;
        if (bestH != null && bestV != null) {
            double hx = Math.min(bestH[0], bestH[2]);
            double hy = (bestH[1] + bestH[3]) / 2;
            double vx = (bestV[0] + bestV[2]) / 2;
            double vy = Math.max(bestV[1], bestV[3]);
            double tol = 0.04 * Math.max(w, h);
            corner = Math.abs(hx - vx) < tol && Math.abs(hy - vy) < tol;
        }
        if (bestH != null) {
            double hy = (bestH[1] + bestH[3]) / 2;
            double x0 = Math.min(bestH[0], bestH[2]);
            double x1 = Math.max(bestH[0], bestH[2]);
            for (int i = 0; i < n; i++) {
                double[] l = lines.get(i, 0);
                double len = Math.hypot(l[2] - l[0], l[3] - l[1]);
                boolean vertical = Math.abs(l[2] - l[0]) <= 1;
                double near = Math.min(Math.abs(l[1] - hy), Math.abs(l[3] - hy));
                if (vertical && len < 0.08 * h && near < 3 && l[0] > x0 && l[0] < x1) {
                    ticks++;
                }
            }
        }
        add("axis_h_len", bestH == null ? 0 : Math.abs(bestH[2] - bestH[0]) / w);
        add("axis_v_len", bestV == null ? 0 : Math.abs(bestV[3] - bestV[1]) / h);
        add("axis_corner", corner ? 1 : 0);
        add("axis_ticks_log", Math.log1p(ticks));
    }

    /**
     * Photo texture: share of 8x8 blocks (on a 256-pixel-wide copy) that are neither flat nor
     * plain strokes: mid-grey, varied. Photos, heat maps and sample grids fill most blocks;
     * line art leaves them white or two-tone.
     */
    private void texture(Mat gray, List<Mat> temp) {
        Mat small = track(temp, new Mat());
        double s = Math.min(1.0, 256.0 / Math.max(gray.cols(), gray.rows()));
        Imgproc.resize(gray, small, new Size(Math.max(8, gray.cols() * s), Math.max(8, gray.rows() * s)), 0, 0, Imgproc.INTER_AREA);
        int bw = small.cols() / 8;
        int bh = small.rows() / 8;
        int blocks = 0;
        int textured = 0;
        int midTone = 0;
        byte[] px = new byte[small.cols() * small.rows()];
        small.get(0, 0, px);
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double sum = 0;
                double sq = 0;
                int mid = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int v = px[(by * 8 + y) * small.cols() + bx * 8 + x] & 0xff;
                        sum += v;
                        sq += (double) v * v;
                        if (v > 40 && v < 215) {
                            mid++;
                        }
                    }
                }
                double mean = sum / 64;
                double std = Math.sqrt(Math.max(0, sq / 64 - mean * mean));
                blocks++;
                if (std > 12 && mid > 32) {
                    textured++;
                }
                if (mid > 56) {
                    midTone++;
                }
            }
        }
        add("texture_block_frac", blocks == 0 ? 0 : (double) textured / blocks);
        add("midtone_block_frac", blocks == 0 ? 0 : (double) midTone / blocks);
    }

    private void houghCircles(Mat gray, List<Mat> temp) {
        Mat small = track(temp, new Mat());
        double s = Math.min(1.0, 320.0 / Math.max(gray.cols(), gray.rows()));
        Imgproc.resize(gray, small, new Size(Math.max(1, gray.cols() * s), Math.max(1, gray.rows() * s)), 0, 0, Imgproc.INTER_AREA);
        Imgproc.medianBlur(small, small, 3);
        Mat circles = track(temp, new Mat());
        Imgproc.HoughCircles(small, circles, Imgproc.HOUGH_GRADIENT, 1, 6, 100, 18, 3, 30);
        add("hough_circles_log", Math.log1p(circles.cols()));
    }

    /** Closed shapes on the dilated edge map, approximated by polygons. */
    private void contours(Mat edges, double area, List<Mat> temp) {
        Mat closed = track(temp, new Mat());
        Imgproc.dilate(edges, closed, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        List<MatOfPoint> cs = new ArrayList<>();
        Mat hier = track(temp, new Mat());
        Imgproc.findContours(closed, cs, hier, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_SIMPLE);
        int rect = 0;
        int para = 0;
        int hex = 0;
        int circle = 0;
        int tri = 0;
        int big = 0;
        List<Double> rectAreas = new ArrayList<>();
        List<Double> rectAspect = new ArrayList<>();
        double minArea = Math.max(40, area * 0.0004);
        for (MatOfPoint c : cs) {
            double a = Imgproc.contourArea(c);
            if (a < minArea) {
                c.release();
                continue;
            }
            big++;
            MatOfPoint2f c2 = new MatOfPoint2f(c.toArray());
            double peri = Imgproc.arcLength(c2, true);
            MatOfPoint2f approx = new MatOfPoint2f();
            Imgproc.approxPolyDP(c2, approx, 0.03 * peri, true);
            Point[] p = approx.toArray();
            boolean convex = Imgproc.isContourConvex(new MatOfPoint(p));
            double circularity = 4 * Math.PI * a / (peri * peri);
            if (p.length == 4 && convex) {
                if (axisAligned(p)) {
                    rect++;
                    Rect r = Imgproc.boundingRect(c);
                    rectAreas.add(a / area);
                    rectAspect.add(Math.log((double) r.width / Math.max(1, r.height)));
                } else {
                    para++;
                }
            } else if (p.length == 6 && convex) {
                hex++;
            } else if (p.length == 3) {
                tri++;
            } else if (p.length > 6 && circularity > 0.78) {
                circle++;
            }
            c2.release();
            approx.release();
            c.release();
        }
        add("contours_log", Math.log1p(big));
        add("rect_log", Math.log1p(rect));
        add("para_log", Math.log1p(para));
        add("hex_log", Math.log1p(hex));
        add("circle_log", Math.log1p(circle));
        add("tri_log", Math.log1p(tri));
        double n = Math.max(1, big);
        add("rect_frac", rect / n);
        add("para_frac", para / n);
        add("hex_frac", hex / n);
        add("circle_frac", circle / n);
        add("rect_area_mean", mean(rectAreas));
        add("rect_area_cv", cv(rectAreas));
        add("rect_aspect_mean", mean(rectAspect));
        add("rect_aspect_std", std(rectAspect));
    }

    private static boolean axisAligned(Point[] p) {
        for (int i = 0; i < 4; i++) {
            Point a = p[i];
            Point b = p[(i + 1) % 4];
            double deg = Math.toDegrees(Math.atan2(Math.abs(b.y - a.y), Math.abs(b.x - a.x)));
            if (deg > 8 && deg < 82) {
                return false;
            }
        }
        return true;
    }

    /** Ink blobs: how many, how text-like, how the big ones are laid out. */
    private void components(Mat ink, int w, int h, List<Mat> temp) {
        Mat labels = track(temp, new Mat());
        Mat stats = track(temp, new Mat());
        Mat cents = track(temp, new Mat());
        int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, cents, 8, CvType.CV_32S);
        int small = 0;
        int large = 0;
        double largest = 0;
        double inkArea = 0;
        List<Double> lx = new ArrayList<>();
        List<Double> ly = new ArrayList<>();
        int side = Math.max(w, h);
        for (int i = 1; i < n; i++) {
            int bw = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
            int bh = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
            int a = (int) stats.get(i, Imgproc.CC_STAT_AREA)[0];
            inkArea += a;
            largest = Math.max(largest, (double) bw * bh / ((double) w * h));
            if (Math.max(bw, bh) < side * 0.03) {
                small++;
            } else if (Math.max(bw, bh) > side * 0.06) {
                large++;
                lx.add(cents.get(i, 0)[0] / w);
                ly.add(cents.get(i, 1)[0] / h);
            }
        }
        int comps = n - 1;
        add("cc_log", Math.log1p(comps));
        add("cc_small_frac", comps == 0 ? 0 : (double) small / comps);
        add("cc_large_log", Math.log1p(large));
        add("cc_largest_bbox", largest);
        add("ink_frac", inkArea / ((double) w * h));
        add("cc_large_xstd", std(lx));
        add("cc_large_ystd", std(ly));
    }

    /** Blank column / row runs: a left-to-right chain of blocks leaves many vertical gaps. */
    private void projections(Mat ink, int w, int h) {
        Mat col = new Mat();
        Mat row = new Mat();
        Core.reduce(ink, col, 0, Core.REDUCE_MAX);
        Core.reduce(ink, row, 1, Core.REDUCE_MAX);
        byte[] c = new byte[w];
        byte[] r = new byte[h];
        col.get(0, 0, c);
        row.get(0, 0, r);
        add("col_gaps", runs(c) / 10.0);
        add("row_gaps", runs(r) / 10.0);
        add("col_blank_frac", blank(c));
        add("row_blank_frac", blank(r));
        col.release();
        row.release();
    }

    private static int runs(byte[] v) {
        int n = 0;
        boolean inGap = false;
        boolean seenInk = false;
        for (byte b : v) {
            if (b == 0) {
                if (!inGap && seenInk) {
                    n++;
                }
                inGap = true;
            } else {
                inGap = false;
                seenInk = true;
            }
        }
        return n;
    }

    private static double blank(byte[] v) {
        int n = 0;
        for (byte b : v) {
            if (b == 0) {
                n++;
            }
        }
        return (double) n / v.length;
    }

    private static double mean(List<Double> v) {
        return v.isEmpty() ? 0 : v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double std(List<Double> v) {
        if (v.size() < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.size());
    }

    private static double cv(List<Double> v) {
        double m = mean(v);
        return m == 0 ? 0 : std(v) / m;
    }
}
