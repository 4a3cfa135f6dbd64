package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Connections between detected boxes: the ink left once the boxes are erased falls into connected pieces
 * (a straight arrow, a bent skip line, a fork); each piece that touches two or more boxes connects them.
 * An end that widens into an arrow head near a box makes that box a target; ends without heads are sources.
 * Without heads the figure's reading direction (top-down for tall figures, else left-right) decides.
 */
public final class ConnectorTracer {
    private static final int MARGIN = 10;
    private static final int BAND = 12;

    public List<Link> trace(Mat ink, List<Rect> boxes, boolean vertical) {
        Mat rest = ink.clone();
        for (Rect b : boxes) {
            Imgproc.rectangle(rest, Cv.clip(Cv.grow(b, 2), rest), new Scalar(0), -1);
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(rest, labels, stats, new Mat(), 8, org.opencv.core.CvType.CV_32S);
        int w = labels.cols();
        int[] lab = new int[(int) labels.total()];
        labels.get(0, 0, lab);
        Set<Link> out = new LinkedHashSet<>();
        List<List<Integer>> undetermined = new ArrayList<>();
        double vote = 0;
        for (int c = 1; c < n; c++) {
            int area = (int) stats.get(c, Imgproc.CC_STAT_AREA)[0];
            if (area < 12) {
                continue;
            }
            Rect cb = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            List<Integer> touched = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                Rect zone = Cv.clip(Cv.grow(boxes.get(i), MARGIN), labels);
                if (overlaps(zone, cb) && count(lab, w, zone, c, boxes.get(i)) >= 3) {
                    touched.add(i);
                }
            }
            if (touched.size() < 2) {
                continue;
            }
            List<Boolean> heads = heads(labels, c, cb, touched, boxes);
            List<Integer> src = new ArrayList<>();
            List<Integer> dst = new ArrayList<>();
            for (int k = 0; k < touched.size(); k++) {
                (heads.get(k) ? dst : src).add(touched.get(k));
            }
            if (src.isEmpty() || dst.isEmpty()) {
                undetermined.add(touched);
                continue;
            }
            for (int s : src) {
                for (int d : dst) {
                    if (s != d) {
                        out.add(new Link(s, d, 0.9));
                        vote += Math.signum(major(boxes.get(d), vertical) - major(boxes.get(s), vertical));
                    }
                }
            }
        }
        // no heads seen: the figure's reading direction, which the arrows that do have heads reveal (some figures flow upwards)
        boolean backwards = vote < 0;
        for (List<Integer> touched : undetermined) {
            List<Integer> order = new ArrayList<>(touched);
            order.sort(Comparator.comparingDouble(i -> (backwards ? -1 : 1) * major(boxes.get(i), vertical)));
            for (int k = 1; k < order.size(); k++) {
                out.add(new Link(order.get(0), order.get(k), 0.6));
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    private static int count(int[] lab, int w, Rect zone, int c, Rect box) {
        int n = 0;
        for (int y = zone.y; y < zone.y + zone.height; y++) {
            for (int x = zone.x; x < zone.x + zone.width; x++) {
                if (lab[y * w + x] == c) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Arrow heads by thickness: the distance transform of a filled head peaks well above that of the line
     * it ends (a head 10 px wide has an inscribed radius near 3, a 2 px line 1), whatever the line's angle.
     */
    private static List<Boolean> heads(Mat labels, int c, Rect cb, List<Integer> touched, List<Rect> boxes) {
        Rect roi = Cv.clip(Cv.grow(cb, 2), labels);
        Mat mask = new Mat();
        Core.compare(new Mat(labels, roi), new Scalar(c), mask, Core.CMP_EQ);
        Mat dt = new Mat();
        Imgproc.distanceTransform(mask, dt, Imgproc.DIST_L2, 3);
        float[] d = new float[(int) dt.total()];
        dt.get(0, 0, d);
        int w = roi.width;
        List<Rect> zones = new ArrayList<>();
        for (int i : touched) {
            zones.add(Cv.grow(boxes.get(i), BAND));
        }
        List<Float> line = new ArrayList<>();
        float[] peak = new float[touched.size()];
        for (int k = 0; k < d.length; k++) {
            if (d[k] <= 0) {
                continue;
            }
            int x = roi.x + k % w;
            int y = roi.y + k / w;
            boolean inZone = false;
            for (int z = 0; z < zones.size(); z++) {
                if (zones.get(z).contains(new org.opencv.core.Point(x, y))) {
                    peak[z] = Math.max(peak[z], d[k]);
                    inZone = true;
                }
            }
            if (!inZone) {
                line.add(d[k]);
            }
        }
        float lineHalf = 1f;
        if (!line.isEmpty()) {
            line.sort(null);
            lineHalf = Math.max(1f, line.get((int) (line.size() * 0.9)));
        }
        List<Boolean> out = new ArrayList<>();
        for (float p : peak) {
            out.add(p >= 1.8f && p >= 1.6f * lineHalf);
        }
        return out;
    }

    private static double major(Rect r, boolean vertical) {
        return vertical ? centreY(r) : centreX(r);
    }

    static double centreX(Rect r) {
        return r.x + r.width / 2.0;
    }

    static double centreY(Rect r) {
        return r.y + r.height / 2.0;
    }
}
