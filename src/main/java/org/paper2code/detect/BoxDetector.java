package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    public List<Rect> detect(Mat ink) {
        int minW = 22;
        int minH = 12;
        double maxArea = 0.6 * ink.total();
        List<Rect> cands = new ArrayList<>();

        // two openings: 7 px erases thin arrows and text, 15 px the thick arrows of bold figures
        for (int k : new int[] {7, 15}) {
            Mat opened = new Mat();
            Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(k, k)));
            List<MatOfPoint> outer = new ArrayList<>();
            Imgproc.findContours(opened, outer, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            for (MatOfPoint c : outer) {
                Rect r = Imgproc.boundingRect(c);
                if (r.width >= minW && r.height >= minH && r.area() < maxArea
                        && Imgproc.contourArea(c) >= RECTANGULARITY * r.area()) {
                    cands.add(r);
                }
            }
        }

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
            if (r.width >= minW && r.height >= minH && r.area() < maxArea
                    && Imgproc.contourArea(c) >= RECTANGULARITY * r.area()) {
                cands.add(Cv.grow(r, 1));
            }
        }
        return innermostDistinct(cands);
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
