package org.paper2code.pdf;

/**
 * Where a crop's pixels lie on its page: page point (x, y) is crop pixel (x * scale - left, y * scale - top). The
 * one transform the crop render (and the ink trim after it) applied, so that anything found in page points, such
 * as the words of the text layer, can be placed on the crop's pixels.
 *
 * @param scale pixels per point
 * @param left  the crop's left edge in page pixels at that scale
 * @param top   the crop's top edge in page pixels at that scale
 */
record PixelFrame(double scale, double left, double top) {

    /** A box in page points as a box in the crop's pixels. */
    Rect toPixels(Rect points) {
        return new Rect(points.x() * scale - left, points.y() * scale - top, points.w() * scale, points.h() * scale);
    }

    /** The frame of a sub-image of this crop whose top-left corner is at crop pixel (dx, dy). */
    PixelFrame cut(int dx, int dy) {
        return new PixelFrame(scale, left + dx, top + dy);
    }
}
