package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Caffe draw_net's output blobs by their look: a small shape filled with a light grey (a few tens of levels under
 * the page, far from ink), as opposed to a layer box (a coloured or white fill). Used where OCR misreads the blob's
 * name, so the name no longer matches the layer that writes it.
 */
final class BlobShapes {
    private BlobShapes() {
    }

    /** Grey-level step from the page that a light fill reaches at least (Caffe's blobs: 31 levels under white). */
    private static final double FILL_STEP = 12;

    /**
     * Whether the box is filled with a light grey: the median of two strips just inside its left and right sides
     * (a blob's name is centred, so the strips hold fill, not letters) lies between a faint step and ink contrast
     * from the page grey, and its colour is grey (a pastel layer fill is not).
     */
    static boolean lightGreyFill(Mat bgr, double pageGrey, Rect box) {
        int inset = Math.max(3, box.height / 6);
        int strip = Math.max(2, box.height / 8);
        if (box.width < 2 * (inset + strip) + 4 || box.height < 8) {
            return false;
        }
        java.util.List<Double> greys = new java.util.ArrayList<>();
        double spread = 0;
        int y0 = box.y + box.height / 3;
        int y1 = box.y + 2 * box.height / 3;
        byte[] px = new byte[3];
        for (int y = y0; y <= y1; y++) {
            for (int dx = 0; dx < strip; dx++) {
                for (int x : new int[] {box.x + inset + dx, box.x + box.width - 1 - inset - dx}) {
                    if (x < 0 || y < 0 || x >= bgr.cols() || y >= bgr.rows()) {
                        continue;
                    }
                    bgr.get(y, x, px);
                    int b = px[0] & 0xff;
                    int g = px[1] & 0xff;
                    int r = px[2] & 0xff;
                    greys.add(Cv.greyOf(new Scalar(b, g, r)));
                    spread += Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r));
                }
            }
        }
        if (greys.isEmpty()) {
            return false;
        }
        java.util.Collections.sort(greys);
        double step = pageGrey - greys.get(greys.size() / 2);
        return step > FILL_STEP && step < Cv.INK_CONTRAST && spread / greys.size() < 20;
    }

    /**
     * Light grey filled shapes no box covers: draw_net's blob octagons the box detector missed (blurred or JPEG
     * figures). Their outline, left as ink, would join the line into the blob with the lines out of it and with
     * every other blob one traced piece runs through. A shape is a region of light grey fill (opened, so the soft
     * rims of lines and outlines drop out) wider than tall, filling most of its bounds; its box takes in the outline.
     */
    static List<Rect> missed(Mat grey, double pageGrey, List<Rect> boxes) {
        Mat fill = new Mat();
        Core.inRange(grey, new Scalar(pageGrey - Cv.INK_CONTRAST), new Scalar(pageGrey - FILL_STEP), fill);
        Imgproc.morphologyEx(fill, fill, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        Imgproc.morphologyEx(fill, fill, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        // the outer contour: the blob's name, darker than the fill, leaves holes its area does not count
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(fill, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<Rect> out = new ArrayList<>();
        for (MatOfPoint c : contours) {
            Rect r = Imgproc.boundingRect(c);
            if (r.height < 10 || r.height > 60 || r.width < 1.3 * r.height || Imgproc.contourArea(c) < 0.6 * r.area()) {
                continue;
            }
            Rect shape = Cv.clip(Cv.grow(r, 3), grey);
            if (boxes.stream().anyMatch(b -> Cv.overlapX(b, shape) > 0 && Cv.overlapY(b, shape) > 0)) {
                continue;
            }
            out.add(shape);
        }
        return out;
    }
}
