package org.paper2code.classify;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes a figure file into an 8-bit BGR image on white, no side above {@link #MAX_SIDE}:
 * grayscale, 16-bit, palette, alpha (composited on white, as a page shows it) and CMYK JPEGs all
 * end up the same way. Huge JPEGs are decoded reduced (libjpeg DCT scaling) so a 12000x12000
 * figure never needs its full raster in memory.
 */
public final class FigureImage {
    /** Longest side the features see; the features are ratios, so this only bounds the time. */
    public static final int MAX_SIDE = 640;
    /** Above this many pixels a JPEG is decoded at 1/2, 1/4 or 1/8 by libjpeg itself. */
    private static final long REDUCE_PIXELS = 4_000_000L;
    /** OpenCV refuses more than 2^30 pixels; we stop earlier with a named error. */
    private static final long MAX_PIXELS = 400_000_000L;

    private FigureImage() {
    }

    public static Mat read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableImageException(file + ": no such file");
        }
        byte[] bytes = Files.readAllBytes(file);
        return decode(bytes, file.toString());
    }

    public static Mat decode(byte[] bytes, String name) throws UnreadableImageException {
        OpenCvNative.load();
        if (bytes.length == 0) {
            throw new UnreadableImageException(name + ": empty file (0 bytes)");
        }
        int[] size = headerSize(bytes);
        if (size != null && (long) size[0] * size[1] > MAX_PIXELS) {
            throw new UnreadableImageException(name + ": image too large (" + size[0] + "x" + size[1] + ")");
        }
        Mat decoded = decodeWithOpenCv(bytes, size);
        if (decoded == null || decoded.empty()) {
            decoded = decodeWithImageIo(bytes, name);
        }
        // shrink first: a 12000x12000 grayscale PNG never gets a full-size BGR copy
        Mat small = shrink(decoded);
        Mat bgr = toBgrOnWhite(small);
        small.release();
        return bgr;
    }

    private static Mat decodeWithOpenCv(byte[] bytes, int[] size) {
        MatOfByte buf = new MatOfByte(bytes);
        try {
            int flags = Imgcodecs.IMREAD_UNCHANGED;
            if (size != null && isJpeg(bytes)) {
                long px = (long) size[0] * size[1];
                // reduced decoding is a libjpeg feature: same image at 1/k without the full raster
                if (px > 16 * REDUCE_PIXELS) {
                    flags = Imgcodecs.IMREAD_REDUCED_COLOR_8;
                } else if (px > 4 * REDUCE_PIXELS) {
                    flags = Imgcodecs.IMREAD_REDUCED_COLOR_4;
                } else if (px > REDUCE_PIXELS) {
                    flags = Imgcodecs.IMREAD_REDUCED_COLOR_2;
                }
            }
            return Imgcodecs.imdecode(buf, flags);
        } catch (RuntimeException e) {
            return null;
        } finally {
            buf.release();
        }
    }

    /** ImageIO as a second opinion (e.g. GIF, BMP variants); truncated files fail here too. */
    private static Mat decodeWithImageIo(byte[] bytes, String name) throws UnreadableImageException {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(name + ": not a readable image (" + e.getMessage() + ")");
        }
        if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
            throw new UnreadableImageException(name + ": not a readable image (unknown or truncated format)");
        }
        double s = Math.min(1.0, (double) MAX_SIDE / Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * s));
        int h = Math.max(1, (int) Math.round(img.getHeight() * s));
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, data);
        return m;
    }

    /** Width and height from the header without decoding pixels; null when ImageIO cannot tell. */
    static int[] headerSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
    }

    /** Any depth and channel count to 8-bit BGR; transparent pixels become white. */
    static Mat toBgrOnWhite(Mat in) {
        List<Mat> temp = new ArrayList<>();
        try {
            Mat m = in;
            if (m.depth() != CvType.CV_8U) {
                Mat m8 = new Mat();
                double scale = m.depth() == CvType.CV_16U ? 1.0 / 257 : (m.depth() == CvType.CV_32F || m.depth() == CvType.CV_64F ? 255 : 1);
                m.convertTo(m8, CvType.CV_8U, scale);
                m = m8;
            }
            Mat out = new Mat();
            switch (m.channels()) {
                case 1 -> Imgproc.cvtColor(m, out, Imgproc.COLOR_GRAY2BGR);
                case 3 -> m.copyTo(out);
                case 4 -> compositeOnWhite(m, out);
                default -> throw new IllegalStateException("unexpected channel count " + m.channels());
            }
            if (m != in) {
                temp.add(m);
            }
            return out;
        } finally {
            temp.forEach(Mat::release);
        }
    }

    private static void compositeOnWhite(Mat bgra, Mat out) {
        List<Mat> ch = new ArrayList<>();
        Core.split(bgra, ch);
        Mat alpha = new Mat();
        ch.get(3).convertTo(alpha, CvType.CV_32F, 1.0 / 255);
        List<Mat> res = new ArrayList<>();
        Mat inv = new Mat();
        Core.subtract(Mat.ones(alpha.size(), CvType.CV_32F), alpha, inv);
        for (int i = 0; i < 3; i++) {
            Mat c = new Mat();
            ch.get(i).convertTo(c, CvType.CV_32F);
            Core.multiply(c, alpha, c);
            Mat white = new Mat();
            Core.multiply(inv, new Scalar(255), white);
            Core.add(c, white, c);
            Mat c8 = new Mat();
            c.convertTo(c8, CvType.CV_8U);
            res.add(c8);
            c.release();
            white.release();
        }
        Core.merge(res, out);
        ch.forEach(Mat::release);
        res.forEach(Mat::release);
        alpha.release();
        inv.release();
    }

    private static Mat shrink(Mat m) {
        int side = Math.max(m.cols(), m.rows());
        if (side <= MAX_SIDE) {
            return m;
        }
        double s = (double) MAX_SIDE / side;
        Mat out = new Mat();
        Imgproc.resize(m, out, new Size(Math.max(1, Math.round(m.cols() * s)), Math.max(1, Math.round(m.rows() * s))),
                0, 0, Imgproc.INTER_AREA);
        m.release();
        return out;
    }
}
