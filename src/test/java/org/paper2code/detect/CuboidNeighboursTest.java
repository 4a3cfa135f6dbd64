package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** Counts along a 3D chain: readings of cuboids drawn alike that differ by an OCR slip agree, others stay. */
class CuboidNeighboursTest {
    static {
        Cv.load();
    }

    private static List<ShapeReading> convs(int... filters) {
        List<ShapeReading> layers = new ArrayList<>();
        for (int f : filters) {
            ShapeReading l = new ShapeReading();
            l.type = "Conv2D";
            l.params.put("filters", f);
            layers.add(l);
        }
        return layers;
    }

    private static Integer[] read(List<ShapeReading> layers) {
        return layers.stream().map(l -> (Integer) l.params.get("filters")).toArray(Integer[]::new);
    }

    /** A VGG block of three convolutions drawn alike, its depths read "2", "256" and "56": a glyph lost twice. */
    @Test
    void aDroppedOrMisreadDigitTakesTheAlikeNeighboursReading() {
        List<ShapeReading> block = convs(2, 256, 56, 512, 312);
        List<Rect> shapes = List.of(new Rect(0, 0, 60, 80), new Rect(90, 0, 61, 80), new Rect(180, 1, 60, 79),
                new Rect(270, 10, 50, 60), new Rect(360, 10, 50, 60));
        CuboidNeighbours.fill(block, shapes, read(block));
        for (int i : new int[] {0, 2}) {
            assertEquals(256, block.get(i).params.get("filters"));
            assertTrue(block.get(i).inferred.contains("filters"), "taken from a neighbour: inferred");
        }
        assertFalse(block.get(1).inferred.contains("filters"));
        assertEquals(512, block.get(4).params.get("filters"), "one digit misread: the power of two");
        assertEquals(512, block.get(3).params.get("filters"), "a different block is drawn smaller: its own reading");
    }

    /** LeNet's 6 and 16 filters: 6 is 16 with a digit dropped, but the two maps are drawn apart, so both stay. */
    @Test
    void countsOfCuboidsDrawnUnalikeStay() {
        List<ShapeReading> lenet = convs(6, 16);
        CuboidNeighbours.fill(lenet, List.of(new Rect(0, 0, 40, 80), new Rect(90, 10, 30, 50)), read(lenet));
        assertEquals(6, lenet.get(0).params.get("filters"));
        assertEquals(16, lenet.get(1).params.get("filters"));
    }

    @Test
    void slips() {
        assertTrue(DigitSlips.dropped(56, 256));
        assertTrue(DigitSlips.dropped(26, 256));
        assertFalse(DigitSlips.dropped(256, 256));
        assertFalse(DigitSlips.dropped(65, 256));
        assertEquals(4096, DigitSlips.better(4036, 4096));
        assertEquals(4096, DigitSlips.better(4096, 4036), "a power of two is not replaced by a misread");
        assertEquals(500, DigitSlips.better(500, 512), "two digits apart: no slip");
        assertEquals(1000, DigitSlips.better(1000, 1024), "two digits apart: kept");
    }
}
