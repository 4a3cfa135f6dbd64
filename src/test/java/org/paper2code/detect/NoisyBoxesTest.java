package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.paper2code.testing.TestCanvas;

/** Boxes of noisy, blurred and JPEG-like figures (light fills under noise, faint outlines, speckled filled boxes). */
class NoisyBoxesTest {

    /** A row of outlined boxes with a fill of the given colour and text in each. */
    private static BufferedImage row(Color fill, Color ink, float stroke, int boxes) {
        BufferedImage img = new BufferedImage(40 + boxes * 160, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        for (int i = 0; i < boxes; i++) {
            int x = 20 + i * 160;
            g.setColor(fill);
            g.fillRect(x, 20, 120, 36);
            g.setColor(ink);
            g.setStroke(new BasicStroke(stroke));
            g.drawRect(x, 20, 120, 36);
            g.drawString("GRU 128", x + 30, 43);
            if (i + 1 < boxes) {
                g.drawLine(x + 120, 38, x + 160, 38);
            }
        }
        g.dispose();
        return img;
    }

    private static BufferedImage noise(BufferedImage img, double sigma, long seed) {
        Random r = new Random(seed);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * sigma);
                int red = Math.max(0, Math.min(255, ((p >> 16) & 0xff) + n));
                int green = Math.max(0, Math.min(255, ((p >> 8) & 0xff) + n));
                int blue = Math.max(0, Math.min(255, (p & 0xff) + n));
                out.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }

    private static List<Rect> plain(Mat bgr) {
        return new BoxDetector().detect(Cv.ink(bgr, Cv.background(bgr), 45));
    }

    private static List<Rect> robust(Mat bgr) {
        Scalar bg = Cv.background(bgr);
        return NoisyBoxes.detect(bgr, bg, Cv.ink(bgr, bg, 45));
    }

    /**
     * A light green fill (contrast 42, just under the ink threshold) under pixel noise turns into speckle: neither a
     * solid block nor a clean hole. The plain mask finds at most one of the four boxes; the hysteresis mask all four.
     */
    @Test
    void lightFillsUnderNoiseAreBoxes() {
        Mat bgr = Cv.fromBufferedImage(noise(row(new Color(0xDDEFD5), Color.BLACK, 2f, 4), 7, 3));
        assertTrue(NoisyBoxes.noise(bgr, Cv.background(bgr)) >= 2);
        assertTrue(plain(bgr).size() <= 1, "plain mask " + plain(bgr));
        List<Rect> boxes = robust(bgr);
        assertEquals(4, boxes.size(), "boxes " + boxes);
        assertTrue(boxes.stream().allMatch(b -> b.width >= 115 && b.width <= 128 && b.height >= 32 && b.height <= 44), "boxes " + boxes);
    }

    /** Thin grey outlines blurred to a contrast around the ink threshold break up; the faint figure is read anyway. */
    @Test
    void faintBlurredOutlinesAreBoxes() {
        float[] k = new float[9];
        java.util.Arrays.fill(k, 1f / 9);
        BufferedImage sharp = row(Color.WHITE, new Color(0x8C8C8C), 1f, 3);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(sharp, null);
        Mat bgr = Cv.fromBufferedImage(blurred);
        assertTrue(NoisyBoxes.faint(bgr, Cv.background(bgr)));
        assertTrue(plain(bgr).isEmpty(), "plain mask " + plain(bgr));
        assertEquals(3, robust(bgr).size(), "boxes " + robust(bgr));
    }

    /** A clean figure is read with the plain mask alone: a light grey octagon (a Caffe blob) stays no box. */
    @Test
    void cleanFiguresKeepThePlainMask() {
        Mat bgr = Cv.fromBufferedImage(row(new Color(0xE0E0E0), Color.BLACK, 1.5f, 3));
        assertEquals(0, NoisyBoxes.noise(bgr, Cv.background(bgr)), 1e-9);
        assertEquals(plain(bgr), robust(bgr));
    }

    /**
     * A filled box whose text left light specks in the ink (a JPEG halo round dark letters): the wide opening cuts it
     * into blocks. A block inside the box the narrow opening found is a piece of it, not a box that would make the
     * whole box a container and drop it.
     */
    @Test
    void specksInAFilledBoxDoNotSplitIt() {
        BufferedImage img = TestCanvas.white(260, 100);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(new Color(0xAEC6E8));
        g.fillRect(40, 28, 118, 43);
        g.setColor(Color.WHITE);
        // light specks where letters would be, in a band across the middle (as a q48 JPEG leaves round text)
        Random r = new Random(5);
        for (int i = 0; i < 60; i++) {
            g.fillRect(60 + r.nextInt(80), 40 + r.nextInt(20), 1, 1);
        }
        for (int x = 70; x < 140; x += 14) {
            g.fillRect(x, 45, 2, 2);
        }
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        List<Rect> boxes = plain(bgr);
        assertEquals(1, boxes.size(), "boxes " + boxes);
        assertTrue(boxes.get(0).width >= 110, "boxes " + boxes);
    }
}
