package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelFrameTest {

    @Test
    void pagePointsMapToCropPixelsThroughTheRenderScaleAndTheCropCorner() {
        // a 100x50 pt box at (10.3, 20.6) rendered at 2 px/pt: the crop starts at page pixel (floor 20.6, floor 41.2)
        PixelFrame frame = new PixelFrame(2, 20, 41);
        Rect word = frame.toPixels(new Rect(40, 30, 12.5, 6));
        assertEquals(new Rect(60, 19, 25, 12), word);
    }

    @Test
    void aWordStaysOnItsInkWhenTheCropIsTrimmed() {
        // crop of the box (10, 10, 100, 50) at 2 px/pt; a word drawn at points (40, 30, 20, 5) is ink at px (60, 40, 40, 10)
        PixelFrame frame = new PixelFrame(2, 20, 20);
        Rect word = new Rect(40, 30, 20, 5);
        Rect px = frame.toPixels(word);
        BufferedImage crop = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.fillRect((int) px.x(), (int) px.y(), (int) px.w(), (int) px.h());
        g.dispose();
        InkTrim.Trimmed t = InkTrim.trim(crop, new Rect(10, 10, 100, 50));
        // the trim keeps 3 px round the ink, so the word now starts 3 px in, wherever it was before
        assertEquals(new Rect(3, 3, 40, 10), frame.cut(t.left(), t.top()).toPixels(word));
        assertEquals(57, t.left());
        assertEquals(37, t.top());
    }
}
