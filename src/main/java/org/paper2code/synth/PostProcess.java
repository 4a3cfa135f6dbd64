package org.paper2code.synth;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Scan-like degradations (Gaussian blur, pixel noise) and the PNG/JPEG encoding of a figure. */
public final class PostProcess {
    private PostProcess() {
    }

    public static BufferedImage blur(BufferedImage img, double sigma) {
        if (sigma <= 0) {
            return img;
        }
        int radius = Math.max(1, (int) Math.ceil(2 * sigma));
        int size = 2 * radius + 1;
        float[] k1 = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            double x = i - radius;
            k1[i] = (float) Math.exp(-x * x / (2 * sigma * sigma));
            sum += k1[i];
        }
        for (int i = 0; i < size; i++) {
            k1[i] /= sum;
        }
        BufferedImage h = new ConvolveOp(new Kernel(size, 1, k1), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        return new ConvolveOp(new Kernel(1, size, k1), ConvolveOp.EDGE_NO_OP, null).filter(h, null);
    }

    public static BufferedImage noise(BufferedImage img, double sigma, Random r) {
        if (sigma <= 0) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int n = (int) Math.round(r.nextGaussian() * sigma);
            int p = px[i];
            int red = clamp(((p >> 16) & 0xFF) + n);
            int green = clamp(((p >> 8) & 0xFF) + n);
            int blue = clamp((p & 0xFF) + n);
            px[i] = (red << 16) | (green << 8) | blue;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage img, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
