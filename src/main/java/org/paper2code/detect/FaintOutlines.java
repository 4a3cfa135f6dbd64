package org.paper2code.detect;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Cuboids drawn with thin anti-aliased outlines (1 px lines rendered at a small size, often coloured: red pooling,
 * cyan dense boxes): their pixels are mid greys or light colours that a dark-ink threshold drops, so no front face
 * closes. They are looked for again in everything that differs from the background, but only in drawings whose maps are
 * outlines: where faces are filled with colour, the faint mask joins anti-aliased lettering into false faces and the
 * filled shapes are the better reading.
 */
final class FaintOutlines {
    /** Least difference from the background, in any colour channel, that still counts as a line pixel. */
    private static final double FAINT = 25;

    private FaintOutlines() {
    }

    /** Most ink, as a share of a solid shape's bounds, of a map drawn as an outline (filled faces hold 0.7-1.0). */
    private static final double HOLLOW_FILL = 0.5;

    /** Whether the solid shapes found in {@code ink} are mostly outlines: the median share of ink in their bounds. */
    static boolean hollow(Mat ink, List<Rect> solidShapes) {
        if (solidShapes.isEmpty()) {
            return true;
        }
        double[] fills = solidShapes.stream().mapToDouble(r -> Core.countNonZero(ink.submat(r)) / (double) r.area()).sorted().toArray();
        return fills[fills.length / 2] < HOLLOW_FILL;
    }

    /** The cuboids found in the faint line mask; used only when dark lines gave none. */
    static List<CuboidFaces.Cuboid> find(Mat bgr) {
        return CuboidFaces.find(Cv.ink(bgr, Cv.background(bgr), FAINT));
    }
}
