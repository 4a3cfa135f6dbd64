package org.paper2code.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** White RGB images to draw small test figures on. */
public final class TestCanvas {
    private TestCanvas() {
    }

    /** A w x h RGB image, all white. */
    public static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A pen on {@code img}; antialiased strokes and text give the grey edges real figures have. */
    public static Graphics2D pen(BufferedImage img, boolean antialiased) {
        Graphics2D g = img.createGraphics();
        if (antialiased) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        return g;
    }
}
