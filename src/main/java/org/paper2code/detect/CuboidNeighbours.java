package org.paper2code.detect;

import java.util.List;
import org.opencv.core.Rect;

/**
 * Counts a cuboid's own print did not give (its depth too small or blurred to read), taken from its neighbours in the
 * chain and marked inferred: a pooling keeps its input's channels, so the depth under a pooling is the filters of the
 * convolution right before it; cuboids of one type drawn alike side by side (box width and height within
 * {@link #SAME_PX}: a block of VGG convolutions, fc6 beside fc7) hold the same count, as the drawing sizes a cuboid's
 * thickness by its channels and a bar's length by its units.
 */
final class CuboidNeighbours {
    /** Boxes this close in width and height are drawn alike (anti-aliased edges move a box by a pixel). */
    static final int SAME_PX = 2;

    private CuboidNeighbours() {
    }

    /**
     * @param layers the chain, typed
     * @param shapes each layer's box
     * @param read   per layer, the count its own print states (filters, units, a pooling's depth), else null
     */
    static void fill(List<? extends ShapeReading> layers, List<Rect> shapes, Integer[] read) {
        agree(layers, shapes, read);
        drawnCounts(layers, read);
        Integer[] known = read.clone();
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (known[i] == null && "Conv2D".equals(layers.get(i).type) && "Pooling2D".equals(layers.get(i + 1).type)
                    && read[i + 1] != null) {
                known[i] = read[i + 1];
                put(layers.get(i), "filters", known[i]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < layers.size(); i++) {
                String key = countKey(layers.get(i).type);
                if (known[i] != null || key == null) {
                    continue;
                }
                for (int j : new int[] {i - 1, i + 1}) {
                    if (j >= 0 && j < layers.size() && known[j] != null && layers.get(i).type.equals(layers.get(j).type)
                            && alike(shapes.get(i), shapes.get(j))) {
                        known[i] = known[j];
                        put(layers.get(i), key, known[i]);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Cuboids of one type drawn alike side by side state one count, so where their readings differ by an OCR slip
     * ("256" beside "56" or "2", "512" beside "312") the slipped one takes its neighbour's reading, marked inferred.
     * Readings that differ otherwise are both kept: the drawing may size two counts alike.
     */
    private static void agree(List<? extends ShapeReading> layers, List<Rect> shapes, Integer[] read) {
        boolean changed = true;
        while (changed) { // each change moves a reading to a longer one or to a power of two, so this ends
            changed = false;
            for (int i = 0; i < layers.size(); i++) {
                for (int j : new int[] {i - 1, i + 1}) {
                    if (read[i] != null && j >= 0 && j < layers.size() && read[j] != null
                            && layers.get(i).type.equals(layers.get(j).type) && alike(shapes.get(i), shapes.get(j))
                            && DigitSlips.slipOf(read[i], read[j])) {
                        read[i] = read[j];
                        putCount(layers.get(i), read[i]);
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * A reading no neighbour put right that is none of the counts figures draw, one glyph from exactly one of them, is
     * that count ({@link DigitSlips#nearestCount}): small print slips a glyph ("312" for 512, "4036" for 4096). After
     * {@link #agree}, so a neighbour's full reading wins over a guess ("25" beside "256" is 256, not 20).
     */
    private static void drawnCounts(List<? extends ShapeReading> layers, Integer[] read) {
        for (int i = 0; i < layers.size(); i++) {
            if (read[i] == null) {
                continue;
            }
            int nearest = DigitSlips.nearestCount(read[i]);
            if (nearest != read[i]) {
                read[i] = nearest;
                putCount(layers.get(i), nearest);
            }
        }
    }

    /** The parameter a layer's drawn count is: a convolution's filters, a dense layer's units. */
    static String countKey(String type) {
        return switch (type == null ? "" : type) {
            case "Conv2D" -> "filters";
            case "Dense" -> "units";
            default -> null;
        };
    }

    private static boolean alike(Rect a, Rect b) {
        return Math.abs(a.width - b.width) <= SAME_PX && Math.abs(a.height - b.height) <= SAME_PX;
    }

    /** The layer's drawn count (filters or units by its type, none for other types), marked inferred. */
    private static void putCount(ShapeReading l, int value) {
        String key = countKey(l.type);
        if (key != null) {
            put(l, key, value);
        }
    }

    private static void put(ShapeReading l, String key, int value) {
        l.params.put(key, value);
        if (!l.inferred.contains(key)) {
            l.inferred.add(key);
        }
    }
}
