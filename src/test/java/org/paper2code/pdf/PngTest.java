package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fast PNG writer: ImageIO reads back the same pixels, for whole images and for sub-images (offset rows). */
class PngTest {
    @Test
    void decodesToTheSamePixels() throws Exception {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(173, 91, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, y % 3 == 0 ? 0xffffff : random.nextInt(0x1000000));
            }
        }
        same(image);
        same(image.getSubimage(17, 9, 100, 60)); // what InkTrim hands over
        BufferedImage grey = new BufferedImage(31, 20, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(5, 5, 0, 77);
        same(grey);
    }

    private static void same(BufferedImage image) throws Exception {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(image)));
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(image.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }
}
