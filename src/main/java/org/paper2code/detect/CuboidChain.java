package org.paper2code.detect;

import java.util.List;
import org.opencv.core.Rect;

/**
 * What the order and sizes of a chain of cuboids say about layers whose labels were not read (labels of wide
 * cuboid chains are often 6-8 px tall): feature maps come before dense bars, and a map that shrinks while keeping
 * its channels is a pooling.
 */
final class CuboidChain {
    /** A map at most this share of its predecessor's drawn height has shrunk (drawings compress sizes). */
    private static final double SHRUNK = 0.9;
    /** Faces this close in width (px, or share of the width) are drawn alike: the same channels. */
    private static final int ALIKE_PX = 2;
    private static final double ALIKE_SHARE = 0.08;

    private CuboidChain() {
    }

    /**
     * Corrects the readings in place, before types are inferred; shapes are in the same order as the layers, and the
     * maps' sizes are judged by their drawn faces.
     */
    static void refine(List<? extends ShapeReading> layers, List<Rect> shapes, List<FrontFaces.Face> faces) {
        for (int i = 0; i < layers.size(); i++) {
            // a bar is thin as drawn; one number read beside a map (its depth, the others unread) does not make it one
            layers.get(i).flat = DeckParser.thin(shapes.get(i)) || stated(layers.get(i), "Dense");
        }
        thinMapsAreMaps(layers);
        poolingsByShrinking(layers, faces.stream().map(FrontFaces.Face::height).toList(), faces.stream().map(FrontFaces.Face::width).toList());
    }

    /**
     * Dense bars close the chain: a thin shape followed by a map is a map seen edge-on (one channel, or only its
     * front face found), not a dense layer.
     */
    private static void thinMapsAreMaps(List<? extends ShapeReading> layers) {
        int lastMap = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).flat && !stated(layers.get(i), "Dense")) {
                lastMap = i;
            }
        }
        for (int i = 0; i < lastMap; i++) {
            ShapeReading l = layers.get(i);
            if (l.flat && !stated(l, "Dense")) {
                l.flat = false;
            }
        }
    }

    /**
     * An unlabelled map after a convolution that is smaller than it, with the same channels when both depths were
     * read (a halving size label, or a lower drawn face), is its pooling; a convolution that keeps its size keeps
     * its drawn height, one that changes channels says so in its depth label. Where the drawing shows the channels as
     * the face's width, a lower face as wide as the one before is a pooling whatever the small print under them was
     * read as (depths like "128" read as "228" or "3" would veto it).
     *
     * @param widths the faces' drawn widths, -1 where not measured; empty where the drawing has none (sheets)
     */
    static void poolingsByShrinking(List<? extends ShapeReading> layers, List<Integer> heights, List<Integer> widths) {
        for (int i = 2; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            ShapeReading prev = layers.get(i - 1);
            if (l.type != null || l.flat || prev.flat || "Pooling2D".equals(prev.type)) {
                continue;
            }
            boolean sameDepth = l.depth > 0 && l.depth == prev.depth;
            boolean otherDepth = l.depth > 0 && prev.depth > 0 && l.depth != prev.depth;
            boolean smallerLabel = l.spatial > 0 && prev.spatial > 0 && l.spatial < prev.spatial;
            boolean sameLabel = l.spatial > 0 && l.spatial == prev.spatial;
            boolean lower = heights.get(i) < SHRUNK * heights.get(i - 1);
            if (lower && drawnAlike(widths, i) || !otherDepth && !sameLabel && (smallerLabel || lower) && (sameDepth || lower)) {
                l.type = "Pooling2D";
            }
        }
    }

    /** Both faces' widths were measured and are the same within drawing precision. */
    private static boolean drawnAlike(List<Integer> widths, int i) {
        if (widths.size() <= i) {
            return false;
        }
        int a = widths.get(i - 1);
        int b = widths.get(i);
        return a > 0 && b > 0 && Math.abs(a - b) <= Math.max(ALIKE_PX, ALIKE_SHARE * a);
    }

    private static boolean stated(ShapeReading l, String type) {
        return l.parsed != null && type.equals(l.parsed.type());
    }
}
