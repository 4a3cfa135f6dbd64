package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Numbers printed 5-6 px high under a face's bottom edge, anti-aliased and blurred as a rendered figure's are. */
class SmallNumberTest {
    static {
        Cv.load();
    }

    @Test
    void readsABlurredTinyNumberUnderAnEdge() {
        for (String n : new String[] {"128", "512", "256"}) {
            Mat grey = render(n);
            assertEquals(n, SmallNumber.read(grey, new Rect(8, 11, 60, 22), FigureText.Ocr.MIN_DIGITS_CONF), n);
        }
    }

    /**
     * A figure drawn large and shrunk 4x (labels 5 px high, as on a wide 3D-box figure fitted to a page): OCR alone read
     * these as 312 and 4006; the counts' rendered templates read them right.
     */
    @Test
    void readsAShrunkTinyCountByItsTemplate() {
        assertEquals("512", SmallNumber.read(shrunk("512", Font.SANS_SERIF, 7), new Rect(8, 11, 60, 22), FigureText.Ocr.MIN_DIGITS_CONF));
        assertEquals("4096", SmallNumber.read(shrunk("4096", Font.SERIF, 6), new Rect(8, 11, 60, 22), FigureText.Ocr.MIN_DIGITS_CONF));
    }

    /** A count OCR reads that no list of drawn counts holds stays as read where its own template matches best. */
    @Test
    void keepsAnUnlistedCountOcrRead() {
        assertEquals("43", SmallNumber.read(shrunk("43", Font.SANS_SERIF, 10), new Rect(8, 11, 60, 22), FigureText.Ocr.MIN_DIGITS_CONF));
    }

    /** The number in a font of size px drawn 4x larger under an edge, then shrunk 4x by area averaging. */
    private static Mat shrunk(String n, String family, int px) {
        int k = 4;
        BufferedImage img = new BufferedImage(100 * k, 40 * k, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100 * k, 40 * k);
        g.scale(k, k);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setStroke(new java.awt.BasicStroke(0.5f));
        g.setColor(new Color(90, 90, 90));
        g.drawLine(10, 10, 60, 10);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(family, Font.PLAIN, px));
        g.drawString(n, 20, 19);
        g.dispose();
        byte[] px4 = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Mat big = new Mat(40 * k, 100 * k, CvType.CV_8UC1);
        big.put(0, 0, px4);
        Mat grey = new Mat();
        Imgproc.resize(big, grey, new Size(100, 40), 0, 0, Imgproc.INTER_AREA);
        return grey;
    }

    /** The number in an 8 px sans-serif font (6 px digits) 4 px under a grey edge, Gaussian-blurred (sigma 0.7). */
    private static Mat render(String n) {
        BufferedImage img = new BufferedImage(100, 40, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 40);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(90, 90, 90));
        g.drawLine(10, 10, 60, 10);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        g.drawString(n, 20, 21);
        g.dispose();
        byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Mat grey = new Mat(40, 100, CvType.CV_8UC1);
        grey.put(0, 0, px);
        Imgproc.GaussianBlur(grey, grey, new Size(0, 0), 0.7);
        return grey;
    }
}
