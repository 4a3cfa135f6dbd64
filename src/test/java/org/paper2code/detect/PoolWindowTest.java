package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pooling window a chain's stated map sizes imply (deck and cuboid parsers share the rule). */
class PoolWindowTest {
    @Test
    void aHalvingOrThirdingSizeIsTheWindow() {
        assertEquals(2, ShapeReading.poolWindow(56, 28));
        assertEquals(3, ShapeReading.poolWindow(96, 32));
    }

    /** "224" then a misread "7" (or "206" read for "56" before a 12): no pooling has a 32-wide window. */
    @Test
    void aRatioNoPoolingWindowHasIsAMisreadSizeNotAWindow() {
        assertEquals(0, ShapeReading.poolWindow(224, 7));
        assertEquals(0, ShapeReading.poolWindow(144, 12));
        assertEquals(0, ShapeReading.poolWindow(28, 28));
        assertEquals(0, ShapeReading.poolWindow(-1, 14));
    }
}
