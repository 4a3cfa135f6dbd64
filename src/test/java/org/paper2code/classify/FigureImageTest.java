package org.paper2code.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Decoding edge cases: every readable image becomes 8-bit BGR on white, bounded in size; bad files get a named error. */
class FigureImageTest {
    private static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "ImageIO wrote " + format);
        return out.toByteArray();
    }

    private static BufferedImage drawing(int type) {
        BufferedImage img = new BufferedImage(300, 200, type);
        Graphics2D g = img.createGraphics();
        if (type != BufferedImage.TYPE_INT_ARGB) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 200);
        }
        g.setColor(Color.BLACK);
        g.drawRect(20, 20, 100, 60);
        g.drawRect(160, 20, 100, 60);
        g.drawLine(120, 50, 160, 50);
        g.dispose();
        return img;
    }

    private static void assertBgr(Mat m, int w, int h) {
        assertEquals(CvType.CV_8UC3, m.type());
        assertEquals(w, m.cols());
        assertEquals(h, m.rows());
    }

    @Test
    void zeroSizeFileIsANamedError(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("empty.png");
        Files.write(f, new byte[0]);
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> FigureImage.read(f));
        assertTrue(e.getMessage().contains("empty.png") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void missingAndNonImageFilesAreNamedErrors(@TempDir Path tmp) throws Exception {
        assertThrows(UnreadableImageException.class, () -> FigureImage.read(tmp.resolve("nope.png")));
        Path txt = tmp.resolve("notes.png");
        Files.writeString(txt, "this is not a picture");
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> FigureImage.read(txt));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
    }

    @Test
    void truncatedPngIsANamedErrorOrAPartialImageNeverACrash(@TempDir Path tmp) throws Exception {
        byte[] png = encode(drawing(BufferedImage.TYPE_INT_RGB), "png");
        Path f = tmp.resolve("cut.png");
        Files.write(f, Arrays.copyOf(png, 40));
        assertThrows(UnreadableImageException.class, () -> FigureImage.read(f));
    }

    @Test
    void grayscalePngAndJpegBecomeBgr() throws Exception {
        BufferedImage gray = drawing(BufferedImage.TYPE_BYTE_GRAY);
        assertBgr(FigureImage.decode(encode(gray, "png"), "gray.png"), 300, 200);
        assertBgr(FigureImage.decode(encode(gray, "jpg"), "gray.jpg"), 300, 200);
    }

    @Test
    void transparentBackgroundBecomesWhiteNotBlack() throws Exception {
        Mat m = FigureImage.decode(encode(drawing(BufferedImage.TYPE_INT_ARGB), "png"), "alpha.png");
        assertBgr(m, 300, 200);
        double[] corner = m.get(5, 5);
        assertEquals(255, corner[0], 1);
        assertEquals(255, corner[2], 1);
        double[] line = m.get(20, 50);
        assertTrue(line[0] < 60, "the drawn black line stays dark: " + Arrays.toString(line));
    }

    @Test
    void sixteenBitPngIsScaledTo8Bit() throws Exception {
        BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_USHORT_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        Mat m = FigureImage.decode(encode(img, "png"), "deep.png");
        assertBgr(m, 120, 80);
        assertEquals(255, m.get(10, 10)[1], 1);
    }

    @Test
    void cmykJpegIsDecodedToBgr() throws Exception {
        // ImageIO writes a 4-band Raster (no colour model) as an Adobe CMYK JPEG
        int w = 160;
        int h = 100;
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean ink = x > 40 && x < 120 && (y == 30 || y == 70);
                r.setPixel(x, y, ink ? new int[] {0, 0, 0, 255} : new int[] {0, 0, 0, 0});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        Mat m = FigureImage.decode(out.toByteArray(), "cmyk.jpg");
        assertBgr(m, w, h);
    }

    @Test
    void hugeImageIsDownscaledWithoutRunningOutOfMemory() throws Exception {
        // 12000 x 12000, 1 bit per pixel: 18 MB in Java, 144 Mpixel for the decoder
        BufferedImage big = new BufferedImage(12000, 12000, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 12000, 12000);
        g.setColor(Color.BLACK);
        g.fillRect(1000, 1000, 4000, 3000);
        g.dispose();
        byte[] png = encode(big, "png");
        big = null;
        Mat m = FigureImage.decode(png, "huge.png");
        assertBgr(m, FigureImage.MAX_SIDE, FigureImage.MAX_SIDE);
        assertTrue(m.get(FigureImage.MAX_SIDE / 6, FigureImage.MAX_SIDE / 6)[0] < 50, "the black block survives downscaling");
        float[] f = FigureFeatures.extract(m);
        assertEquals(FigureFeatures.names().size(), f.length);
    }

    @Test
    void hugeJpegIsDecodedReduced() throws Exception {
        BufferedImage big = new BufferedImage(6000, 5000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 6000, 5000);
        g.dispose();
        Mat m = FigureImage.decode(encode(big, "jpg"), "huge.jpg");
        assertBgr(m, FigureImage.MAX_SIDE, 533);
    }
}
