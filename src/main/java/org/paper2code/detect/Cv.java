package org.paper2code.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** OpenCV loading and the few image helpers the detectors share. */
public final class Cv {
    private static boolean loaded;

    private Cv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }

    /** Decodes an image with OpenCV, else ImageIO; BGR 8-bit. Throws with the reason when neither can. */
    public static Mat read(Path image) throws IOException {
        load();
        if (!Files.isRegularFile(image)) {
            throw new IOException("no such image file: " + image);
        }
        Mat m = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_COLOR);
        if (m.empty()) {
            BufferedImage bi;
            try {
                bi = ImageIO.read(image.toFile());
            } catch (IOException | RuntimeException e) {
                bi = null;
            }
            if (bi == null) {
                throw new IOException("cannot decode image " + image + ": neither OpenCV nor ImageIO reads this format");
            }
            m = fromBufferedImage(bi);
        }
        return m;
    }

    public static Mat fromBufferedImage(BufferedImage bi) {
        load();
        int w = bi.getWidth();
        int h = bi.getHeight();
        byte[] px = new byte[w * h * 3];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = bi.getRGB(x, y);
                int a = (argb >>> 24) & 0xff;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                // transparent pixels composite onto white, as figures are shown on paper
                px[i++] = (byte) ((b * a + 255 * (255 - a)) / 255);
                px[i++] = (byte) ((g * a + 255 * (255 - a)) / 255);
                px[i++] = (byte) ((r * a + 255 * (255 - a)) / 255);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        return m;
    }

    public static Mat grey(Mat bgr) {
        Mat g = new Mat();
        Imgproc.cvtColor(bgr, g, Imgproc.COLOR_BGR2GRAY);
        return g;
    }

    /** The background colour: per-channel median of the image border. */
    public static Scalar background(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        List<double[]> samples = new ArrayList<>();
        for (int x = 0; x < w; x += Math.max(1, w / 200)) {
            samples.add(bgr.get(0, x));
            samples.add(bgr.get(h - 1, x));
        }
        for (int y = 0; y < h; y += Math.max(1, h / 200)) {
            samples.add(bgr.get(y, 0));
            samples.add(bgr.get(y, w - 1));
        }
        double[] med = new double[3];
        for (int c = 0; c < 3; c++) {
            final int cc = c;
            double[] v = samples.stream().mapToDouble(s -> s[cc]).sorted().toArray();
            med[c] = v[v.length / 2];
        }
        return new Scalar(med);
    }

    /** The contrast with the background from which the box parsers count a pixel as ink. */
    public static final double INK_CONTRAST = 45;

    /** 255 where the pixel differs from the background by more than {@code threshold} in some channel. */
    public static Mat ink(Mat bgr, Scalar bg, double threshold) {
        Mat diff = new Mat();
        Core.absdiff(bgr, bg, diff);
        List<Mat> ch = new ArrayList<>();
        Core.split(diff, ch);
        Mat max = new Mat();
        Core.max(ch.get(0), ch.get(1), max);
        Core.max(max, ch.get(2), max);
        Mat out = new Mat();
        Imgproc.threshold(max, out, threshold, 255, Imgproc.THRESH_BINARY);
        return out;
    }

    public static Rect clip(Rect r, Mat m) {
        int x = Math.max(0, r.x);
        int y = Math.max(0, r.y);
        int x2 = Math.min(m.cols(), r.x + r.width);
        int y2 = Math.min(m.rows(), r.y + r.height);
        return new Rect(x, y, Math.max(0, x2 - x), Math.max(0, y2 - y));
    }

    public static Rect grow(Rect r, int d) {
        return new Rect(r.x - d, r.y - d, r.width + 2 * d, r.height + 2 * d);
    }

    /** Pixels two boxes share across; negative: the width of the gap between them. */
    public static int overlapX(Rect a, Rect b) {
        return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    }

    /** Pixels two boxes share down; negative: the height of the gap between them. */
    public static int overlapY(Rect a, Rect b) {
        return Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    }

    public static double iou(Rect a, Rect b) {
        int ix = Math.max(0, overlapX(a, b));
        int iy = Math.max(0, overlapY(a, b));
        double inter = (double) ix * iy;
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    public static boolean contains(Rect outer, Rect inner) {
        return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width
                && inner.y + inner.height <= outer.y + outer.height;
    }

    /** The grey level of a BGR colour (the weights of {@link #grey}'s conversion). */
    public static double greyOf(Scalar bgr) {
        return 0.114 * bgr.val[0] + 0.587 * bgr.val[1] + 0.299 * bgr.val[2];
    }

    /** A connected ink component: its bounding box (in the mask's coordinates) and its pixel count. */
    public record Blob(Rect box, int area) {
    }

    /** The 8-connected components of a binary mask, background left out. */
    public static List<Blob> blobs(Mat mask) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(mask, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<Blob> out = new ArrayList<>(Math.max(0, n - 1));
        for (int i = 1; i < n; i++) {
            out.add(new Blob(new Rect((int) stats.get(i, Imgproc.CC_STAT_LEFT)[0], (int) stats.get(i, Imgproc.CC_STAT_TOP)[0],
                    (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0], (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0]),
                    (int) stats.get(i, Imgproc.CC_STAT_AREA)[0]));
        }
        return out;
    }

    /** The white margin {@link #ocrCrop} puts round a crop. */
    public static final int OCR_PAD = 12;

    /** OCR-ready crop: grey, upscaled, Otsu-binarised to dark text on white, with a white margin of {@link #OCR_PAD}. */
    public static Mat ocrCrop(Mat grey, Rect r, double scale) {
        Mat bin = otsu(scaledCrop(grey, r, scale));
        if (lightOnDark(bin)) {
            Core.bitwise_not(bin, bin);
        }
        return padded(bin);
    }

    /**
     * OCR-ready crop that keeps grey levels: upscaled, turned to dark text on a light ground, its contrast stretched so
     * the ground is white and the darkest ink black, with a white margin of {@link #OCR_PAD}. Glyphs of 5-8 px in a
     * blurred or JPEG-noisy figure lose strokes to a hard threshold after upscaling ("max pool 2x2" read "man pao! 22");
     * Tesseract reads their anti-aliased grey far better.
     */
    public static Mat ocrCropGrey(Mat grey, Rect r, double scale) {
        Mat crop = scaledCrop(grey, r, scale);
        if (lightOnDark(otsu(crop))) {
            Core.bitwise_not(crop, crop);
        }
        double ink = Core.minMaxLoc(crop).minVal;
        double ground = median(crop);
        if (ground - ink > 1) {
            double gain = 255 / (ground - ink);
            crop.convertTo(crop, CvType.CV_8UC1, gain, -ink * gain); // saturates: the ground and lighter become white
        }
        return padded(crop);
    }

    static Mat otsu(Mat crop) {
        Mat bin = new Mat();
        Imgproc.threshold(crop, bin, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        return bin;
    }

    /** Light text on a dark fill: most of the Otsu-binarised crop is dark. */
    private static boolean lightOnDark(Mat bin) {
        return Core.countNonZero(bin) < bin.total() / 2;
    }

    private static Mat scaledCrop(Mat grey, Rect r, double scale) {
        Mat crop = new Mat(grey, clip(r, grey)).clone();
        if (scale != 1) {
            Imgproc.resize(crop, crop, new org.opencv.core.Size(), scale, scale, Imgproc.INTER_CUBIC);
        }
        return crop;
    }

    /** The crop with a white margin of {@link #OCR_PAD} (Tesseract misreads glyphs touching the edge). */
    static Mat padded(Mat crop) {
        Mat padded = new Mat();
        Core.copyMakeBorder(crop, padded, OCR_PAD, OCR_PAD, OCR_PAD, OCR_PAD, Core.BORDER_CONSTANT, new Scalar(255));
        return padded;
    }

    /** The median grey level of an 8-bit single-channel image. */
    static double median(Mat grey8) {
        byte[] px = new byte[(int) grey8.total()];
        (grey8.isContinuous() ? grey8 : grey8.clone()).get(0, 0, px);
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (2 * seen >= px.length) {
                return v;
            }
        }
        return 255;
    }
}
