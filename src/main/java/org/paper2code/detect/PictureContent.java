package org.paper2code.detect;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Whether a box holds a picture (a photo, a rendered image) rather than a label: a label is thin ink on a plain fill,
 * so most of its pixels sit near the fill's grey; a photo spreads its pixels over many greys.
 * OCR of a photo reads fragments ("SI BN =") that may happen to hold a layer's abbreviation.
 */
final class PictureContent {
    /** A label's box keeps most of its pixels at its fill (0.6 and more in the real figures); a photo does not (0.3). */
    private static final double PICTURE_PLAIN_SHARE = 0.5;

    /** Whether the inside {@code r} of a box is a picture: under half of its pixels near its most common grey. */
    static boolean isPicture(Mat grey, Rect r) {
        return plainShare(grey, r) < PICTURE_PLAIN_SHARE;
    }

    private PictureContent() {
    }

    /** The share of the pixels inside {@code r} within 24 grey levels of its most common level (its fill). */
    static double plainShare(Mat grey, Rect r) {
        Rect c = Cv.clip(r, grey);
        int[] hist = new int[256];
        byte[] row = new byte[c.width];
        for (int y = c.y; y < c.y + c.height; y++) {
            grey.get(y, c.x, row);
            for (byte b : row) {
                hist[b & 0xff]++;
            }
        }
        int mode = 0;
        for (int v = 1; v < 256; v++) {
            if (hist[v] > hist[mode]) {
                mode = v;
            }
        }
        int near = 0;
        for (int v = Math.max(0, mode - 24); v <= Math.min(255, mode + 24); v++) {
            near += hist[v];
        }
        return near / ((double) c.width * c.height);
    }
}
