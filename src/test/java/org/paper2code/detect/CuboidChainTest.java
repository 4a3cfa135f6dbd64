package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** A VGG-like chain of cuboids whose labels were not read (6-8 px text): order and drawn sizes type them. */
class CuboidChainTest {
    static {
        Cv.load();
    }

    @Test
    void shrinkingMapIsPoolingAndThinMapsBeforeMapsAreNotDense() {
        // input seen edge-on (thin), two convolutions, a lower map (pooling), a convolution, two dense bars
        List<Rect> shapes = List.of(new Rect(10, 50, 12, 120), new Rect(60, 50, 28, 120), new Rect(120, 50, 30, 120),
                new Rect(180, 80, 30, 80), new Rect(240, 80, 34, 80), new Rect(320, 60, 6, 90), new Rect(360, 60, 6, 90));
        List<ShapeReading> layers = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            ShapeReading l = new ShapeReading();
            l.flat = true; // one number read beside each: the old reading took every one for a dense bar
            layers.add(l);
        }
        CuboidChain.refine(layers, shapes);
        for (int i = 0; i < 5; i++) {
            assertFalse(layers.get(i).flat, "shape " + i + " is a map");
        }
        assertTrue(layers.get(5).flat && layers.get(6).flat, "the trailing bars stay dense");
        assertEquals("Pooling2D", layers.get(3).type);
        assertNull(layers.get(2).type, "a convolution keeping its size is not a pooling");
        assertNull(layers.get(4).type, "the map after a pooling is not a second pooling");
    }
}
