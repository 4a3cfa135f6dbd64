package org.paper2code.pdf;

import java.awt.image.BufferedImage;

/**
 * Shrinks a figure's crop to the ink it holds. Embedded raster images often carry white margins (Inception-v3's
 * figures are images several points wider than their drawing, reaching into the caption), so the image object's
 * bounds are not the figure's; the rendered pixels are.
 */
final class InkTrim {
    /** A pixel is ink when one of its channels is darker than this (paper white renders as 255). */
    private static final int INK = 240;
    /** What is kept around the ink, in crop pixels. */
    private static final int MARGIN = 3;

    /** The trimmed crop, its box on the page (PDF points), and the crop pixel its top-left corner was at. */
    record Trimmed(BufferedImage image, Rect box, int left, int top) {
    }

    private InkTrim() {
    }

    /** The crop cut to its ink plus a small margin; the crop itself when it is blank or has no white margin. */
    static Trimmed trim(BufferedImage crop, Rect box) {
        int w = crop.getWidth();
        int h = crop.getHeight();
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            Pixels.rgbRow(crop, y, row);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.min(r, Math.min(g, b)) < INK) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return new Trimmed(crop, box, 0, 0);
        }
        x0 = Math.max(0, x0 - MARGIN);
        y0 = Math.max(0, y0 - MARGIN);
        x1 = Math.min(w - 1, x1 + MARGIN);
        y1 = Math.min(h - 1, y1 + MARGIN);
        if (x0 == 0 && y0 == 0 && x1 == w - 1 && y1 == h - 1) {
            return new Trimmed(crop, box, 0, 0);
        }
        double sx = box.w() / w;
        double sy = box.h() / h;
        Rect trimmed = Rect.ofCorners(box.x() + x0 * sx, box.y() + y0 * sy, box.x() + (x1 + 1) * sx, box.y() + (y1 + 1) * sy);
        return new Trimmed(crop.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1), trimmed, x0, y0);
    }
}
