package org.paper2code.detect;

import java.util.List;
import org.opencv.core.Mat;

/**
 * Cuboids drawn with thin anti-aliased outlines (1 px lines rendered at a small size, often coloured: red pooling,
 * cyan dense boxes): their pixels are mid greys or light colours that a dark-ink threshold drops, so no front face
 * closes. They are looked for again in everything that differs from the background.
 */
final class FaintOutlines {
    /** Least difference from the background, in any colour channel, that still counts as a line pixel. */
    private static final double FAINT = 25;

    private FaintOutlines() {
    }

    /** The cuboids found in the faint line mask; used only when dark lines gave none. */
    static List<CuboidFaces.Cuboid> find(Mat bgr) {
        return CuboidFaces.find(Cv.ink(bgr, Cv.background(bgr), FAINT));
    }
}
