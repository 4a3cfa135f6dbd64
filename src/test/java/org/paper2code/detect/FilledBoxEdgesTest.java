package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** Filled boxes whose edges the plain ink mask spoils: heads of a join converging on one side, a fill full of pin holes. */
class FilledBoxEdgesTest {
    private static final Rect BOX = new Rect(300, 200, 160, 60);

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(760, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    private static void fillBox(Graphics2D g, Color fill) {
        g.setColor(fill);
        g.fillRect(BOX.x, BOX.y, BOX.width, BOX.height);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(BOX.x, BOX.y, BOX.width, BOX.height);
    }

    /** An arrow from (x0, y0) to (x1, y1) with a filled head 12 px long. */
    private static void arrow(Graphics2D g, int x0, int y0, int x1, int y1) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x0, y0, x1, y1);
        double a = Math.atan2(y1 - y0, x1 - x0);
        Polygon head = new Polygon();
        head.addPoint(x1, y1);
        head.addPoint((int) Math.round(x1 - 14 * Math.cos(a - 0.45)), (int) Math.round(y1 - 14 * Math.sin(a - 0.45)));
        head.addPoint((int) Math.round(x1 - 14 * Math.cos(a + 0.45)), (int) Math.round(y1 - 14 * Math.sin(a + 0.45)));
        g.fillPolygon(head);
    }

    private static boolean found(List<Rect> boxes) {
        return boxes.stream().anyMatch(b -> Cv.iou(b, BOX) > 0.8);
    }

    private static List<Rect> detect(BufferedImage img) {
        Mat bgr = Cv.fromBufferedImage(img);
        return new BoxDetector().detect(Cv.ink(bgr, Cv.background(bgr), 45));
    }

    /**
     * An Inception module's concat: three branches end on the top of one filled box, the outer two at a shallow
     * angle, so their lines run alongside its top edge and their heads sit on it side by side. The box must still be
     * found (the heads pushed its rectangle above the edge, and the lines made the edge look crooked).
     */
    @Test
    void joinHeadsOnATopEdgeKeepTheBox() {
        BufferedImage img = canvas();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        fillBox(g, new Color(0xB4B4B4));
        int tip = BOX.y - 1;
        arrow(g, 20, 150, 366, tip);
        arrow(g, 380, 120, 380, tip);
        arrow(g, 740, 150, 394, tip);
        g.dispose();
        assertTrue(found(detect(img)), "the concat box under the converging heads: " + detect(img));
    }

    /**
     * A fill whose grey lies just past the ink threshold, sprinkled with pin holes (JPEG ringing round its text
     * lifts pixels back over the threshold): the plain mask sees a sieve that an opening cuts into pieces.
     */
    @Test
    void aFillFullOfPinHolesIsOneBox() {
        BufferedImage img = canvas();
        Graphics2D g = img.createGraphics();
        fillBox(g, new Color(0xCBCBCB));
        arrow(g, 380, 100, 380, BOX.y - 1);
        g.dispose();
        Random r = new Random(5);
        for (int y = BOX.y + 4; y < BOX.y + BOX.height - 3; y++) {
            for (int x = BOX.x + 4; x < BOX.x + BOX.width - 3; x++) {
                if (r.nextDouble() < 0.08) {
                    img.setRGB(x, y, 0xE6E6E6);
                }
            }
        }
        assertTrue(found(detect(img)), "the pin-holed box: " + detect(img));
    }
}
