package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.paper2code.testing.TestCanvas;

class InkTrimTest {

    @Test
    void aWhiteMarginIsCutAwayAndTheBoxFollows() {
        // 200x100 px crop of a 100x50 pt box (2 px per point) holding ink at px 40..139 x 20..59
        BufferedImage crop = TestCanvas.white(200, 100);
        Graphics2D g = crop.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(40, 20, 100, 40);
        g.dispose();
        InkTrim.Trimmed t = InkTrim.trim(crop, new Rect(10, 10, 100, 50));
        // ink plus 3 px each side: px 37..142 x 17..62 -> points 10 + 18.5 .. 10 + 71.5, 10 + 8.5 .. 10 + 31.5
        assertEquals(28.5, t.box().x(), 1e-9);
        assertEquals(18.5, t.box().y(), 1e-9);
        assertEquals(53.0, t.box().w(), 1e-9);
        assertEquals(23.0, t.box().h(), 1e-9);
        assertEquals(106, t.image().getWidth());
        assertEquals(46, t.image().getHeight());
    }

    @Test
    void aBlankCropAndAFullOneStayAsTheyAre() {
        BufferedImage blank = TestCanvas.white(50, 40);
        Rect box = new Rect(0, 0, 25, 20);
        assertSame(blank, InkTrim.trim(blank, box).image());
        assertEquals(box, InkTrim.trim(blank, box).box());
        BufferedImage full = TestCanvas.white(50, 40);
        full.setRGB(0, 0, 0);
        full.setRGB(49, 39, 0);
        assertSame(full, InkTrim.trim(full, box).image());
    }
}
