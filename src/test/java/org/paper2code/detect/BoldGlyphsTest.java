package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/** Letters of large bold titles are no filled boxes inside their stage box (BoldGlyphs, in BoxDetector). */
class BoldGlyphsTest {
    private static List<Rect> boxes(BufferedImage img) {
        Mat bgr = Cv.fromBufferedImage(img);
        Scalar bg = Cv.background(bgr);
        return NoisyBoxes.detect(bgr, bg, Cv.ink(bgr, bg, Cv.INK_CONTRAST));
    }

    private static Graphics2D pen(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /**
     * A rounded stage box titled in 40 px bold capitals (7 px strokes, as a pipeline figure drawn large has): the "B" of
     * "Backbone" survived the opening as a small filled box, the stage became its container and was dropped.
     */
    @Test
    void boldTitleLettersLeaveTheirBox() {
        BufferedImage img = new BufferedImage(760, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pen(img);
        g.setColor(new Color(240, 240, 240));
        g.fillRoundRect(60, 40, 620, 180, 40, 40);
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(5));
        g.drawRoundRect(60, 40, 620, 180, 40, 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.drawString("Backbone (VGG-16)", 100, 140);
        List<Rect> found = boxes(img);
        assertEquals(1, found.size(), "one box, no letter: " + found);
        assertTrue(found.get(0).width > 600, found.toString());
    }

    /** Small filled boxes side by side (not inside another box) stay boxes, however close together. */
    @Test
    void filledBoxesInARowStay() {
        BufferedImage img = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pen(img);
        g.setColor(new Color(70, 90, 160));
        for (int i = 0; i < 5; i++) {
            g.fillRect(20 + i * 70, 30, 60, 40);
        }
        assertEquals(5, boxes(img).size());
    }
}
