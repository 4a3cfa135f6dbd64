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
