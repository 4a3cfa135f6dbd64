package org.paper2code.detect;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Letters of large bold text (a title of 30-40 px capitals, 7 px strokes) survive the opening that finds filled
 * boxes and look like small filled boxes ("B" of "Backbone", "Co" of "ConvNet"); one inside a stage's outline then
 * made the stage a container, and it was dropped. A letter has the next letter of its word beside it: a blob about
 * as tall, on the same line, a narrow gap away, and itself no wider than a few letters (an arrow head stopping short
 * of a box is joined to its line, which runs far out).
 */
final class BoldGlyphs {
    /** Largest gap between two letters of a word, in letter heights. */
    private static final double LETTER_GAP = 0.5;

    private BoldGlyphs() {
    }

    /** Whether a filled-box candidate is a letter of a word: an ink blob like a letter lies beside it on its line. */
    static boolean isLetter(Mat ink, Rect r) {
        if (r.height > MAX_LETTER) {
            return false;
        }
        int reach = (int) Math.ceil(LETTER_GAP * r.height);
        Rect window = Cv.clip(new Rect(r.x - reach - 2 * r.height, r.y - r.height / 2, r.width + 2 * reach + 4 * r.height, 2 * r.height), ink);
        Mat part = new Mat(ink, window).clone();
        // the candidate itself is not its own neighbour
        Rect self = new Rect(r.x - window.x, r.y - window.y, r.width, r.height);
        Imgproc.rectangle(part, Cv.clip(self, part), new org.opencv.core.Scalar(0), -1);
        for (Cv.Blob blob : Cv.blobs(part)) {
            int x = blob.box().x + window.x;
            int y = blob.box().y + window.y;
            int w = blob.box().width;
            int h = blob.box().height;
            int area = blob.area();
            // a letter is a dense blob (a capital up to 1.6 times as tall as lower-case letters the opening joined); a connector's bend or branch beside a shape is thin lines over a wide rectangle
            boolean letterSized = h >= 0.5 * r.height && h <= 1.6 * r.height && w <= 2.5 * r.height && area >= MIN_DENSITY * w * h;
            int overlapY = Math.min(y + h, r.y + r.height) - Math.max(y, r.y);
            int gap = x >= r.x + r.width ? x - (r.x + r.width) : r.x - (x + w);
            // the opening may cut a letter off right beside its neighbour (gap 0); an arrow head touching a box is
            // lower than the box, a letter of the same line about as tall
            boolean beside = (gap >= 1 || h >= 0.8 * r.height) && gap >= 0 && gap <= reach && (x >= r.x + r.width || x + w <= r.x);
            if (letterSized && beside && overlapY >= 0.5 * Math.min(h, r.height)) {
                return true;
            }
        }
        return false;
    }

    /** Least share of its rectangle a bold letter's ink fills (a bold "r" or "v" about 0.4, the bend of a connector about 0.25). */
    private static final double MIN_DENSITY = 0.3;
    /** Tallest letter considered (capitals of a large title). */
    private static final int MAX_LETTER = 60;
}
