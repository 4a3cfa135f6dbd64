package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Boxes drawn as a dark outline around a light (pastel) fill. The ink mask counts a pastel fill as ink or not
 * depending on how far its colour is from the background, often patchily (a fill near the ink threshold, under
 * noise or JPEG), so such a box is neither a clean hole nor a clean filled shape there, and a rounded filled box
 * has no straight sides. On a mask of dark strokes only, the fill drops out and the outline encloses a hole.
 */
public final class OutlinedBoxes {
    /** How much darker than the background a stroke is (outlines and text are near black; pastel fills are not). */
    private static final double DARK = 110;

    private OutlinedBoxes() {
    }

    /** The boxes found, plus those only the dark-stroke mask shows (a duplicate keeps one, a container is dropped). */
    public static List<Rect> withLightlyFilled(Mat bgr, Scalar bg, List<Rect> found) {
        Mat grey = Cv.grey(bgr);
        double bgGrey = 0.114 * bg.val[0] + 0.587 * bg.val[1] + 0.299 * bg.val[2];
        Mat dark = new Mat();
        Imgproc.threshold(grey, dark, bgGrey - DARK, 255, Imgproc.THRESH_BINARY_INV);
        List<Rect> all = new ArrayList<>(found);
        all.addAll(new BoxDetector().detect(dark));
        return BoxDetector.innermostDistinct(all);
    }
}
