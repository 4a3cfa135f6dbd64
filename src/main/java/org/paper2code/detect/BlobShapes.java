package org.paper2code.detect;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

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
                    greys.add(0.114 * b + 0.587 * g + 0.299 * r);
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
}
