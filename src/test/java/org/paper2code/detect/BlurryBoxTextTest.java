package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.paper2code.synth.PostProcess;

/**
 * Box labels of a 2d-box figure shrunk to a page and saved as JPEG (synthetic "plain boxes" look: 8-9 px labels,
 * blurred, JPEG noise): read in grey, not binarised, they still give their layers.
 */
class BlurryBoxTextTest {

    @BeforeAll
    static void load() {
        Cv.load();
    }

    @Test
    void smallJpegBoxLabelsAreReadInGrey() throws Exception {
        String[] labels = {"max pool 2x2", "conv 5x5, 40", "conv 3x3, 20", "max pool 3x3"};
        BufferedImage img = new BufferedImage(120 * labels.length, 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, img.getWidth(), img.getHeight());
        List<Rect> boxes = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Rect b = new Rect(10 + 120 * i, 10, 90, 32);
            g2.setColor(new Color(0x33CC66));
            g2.drawRect(b.x, b.y, b.width, b.height);
            g2.setColor(Color.BLACK);
            g2.setFont(new Font("SansSerif", Font.PLAIN, 9));
            g2.drawString(labels[i], b.x + 10, b.y + 13);
            g2.setFont(new Font("SansSerif", Font.PLAIN, 7));
            g2.drawString("20 x 32 x 32", b.x + 22, b.y + 25);
            boxes.add(new Rect(b.x + 3, b.y + 3, b.width - 6, b.height - 6));
        }
        g2.dispose();
        byte[] jpeg = PostProcess.jpeg(PostProcess.blur(img, 0.8), 49);
        Mat grey = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_GRAYSCALE);
        List<String> texts = new TextSheet().read(grey, boxes);
        LabelGrammar g = new LabelGrammar();
        List<String> got = new ArrayList<>();
        for (String t : texts) {
            got.add(t.lines().map(g::read).flatMap(java.util.Optional::stream).findFirst()
                    .map(l -> l.type() + l.params().getOrDefault("kernel_row", "")).orElse("-"));
        }
        assertEquals(List.of("Pooling2D2", "Conv2D5", "Conv2D3", "Pooling2D3"), got, String.join(" | ", texts));
    }
}
