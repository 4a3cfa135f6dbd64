package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.paper2code.classify.OpenCvNative;

/** Faint outlines are looked for only in drawings whose maps are outlines, not filled faces. */
class FaintOutlinesTest {

    @Test
    void filledFacesAreNotHollowAndOutlinesAre() {
        OpenCvNative.load();
        Mat ink = Mat.zeros(200, 400, CvType.CV_8U);
        List<Rect> filled = List.of(new Rect(20, 40, 60, 100), new Rect(120, 60, 50, 80), new Rect(220, 70, 40, 60));
        filled.forEach(r -> Imgproc.rectangle(ink, r.tl(), new Point(r.x + r.width - 1, r.y + r.height - 1), new Scalar(255), -1));
        assertFalse(FaintOutlines.hollow(ink, filled), "pastel faces fill their bounds");

        Mat outlines = Mat.zeros(200, 400, CvType.CV_8U);
        filled.forEach(r -> Imgproc.rectangle(outlines, r.tl(), new Point(r.x + r.width - 1, r.y + r.height - 1), new Scalar(255), 2));
        assertTrue(FaintOutlines.hollow(outlines, filled), "planes drawn as 2 px outlines");
        assertTrue(FaintOutlines.hollow(outlines, List.of()), "no solid shapes at all");
    }
}
