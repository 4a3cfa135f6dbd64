package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Boxes of scanned-looking figures. The plain ink mask (a fixed contrast threshold) fails two kinds of drawing:
 * a light fill near the threshold under pixel noise turns into speckle, so the box is neither a solid block nor a
 * clean hole; and thin lines blurred and JPEG-compressed stay under the threshold in places, so outlines break.
 * For such figures (noise measured on the background, or no dark ink at all) boxes are also looked for in a
 * hysteresis mask: any contrast above {@link #WEAK} that is connected to clear ink. A speckled fill then becomes a
 * solid block, a faint outline a closed loop. Clean figures keep the plain mask alone (there, the low threshold
 * would turn light grey shapes such as Caffe's blob octagons into boxes).
 */
final class NoisyBoxes {
    /** Contrast a pixel needs to join clear ink it touches. */
    private static final double WEAK = 20;
    /** Grey-level noise (standard deviation on the background) from which a figure counts as noisy. */
    private static final double NOISY_SIGMA = 2;
    /** Contrast of dark ink (text, black lines); a faint figure has almost none (under 0.1% of its pixels). */
    private static final double DARK = 128;
    private static final int BORDER = 6;

    private NoisyBoxes() {
    }

    /** The boxes of the plain ink mask, plus those of the hysteresis mask when the figure is noisy or faint. */
    static List<Rect> detect(Mat bgr, Scalar bg, Mat ink) {
        BoxDetector detector = new BoxDetector();
        List<Rect> boxes = detector.detect(ink);
        if (noise(bgr, bg) < NOISY_SIGMA && !faint(bgr, bg)) {
            return boxes;
        }
        List<Rect> cands = new ArrayList<>(boxes);
        cands.addAll(detector.detect(hysteresis(ink, Cv.ink(bgr, bg, WEAK))));
        return BoxDetector.innermostDistinct(cands);
    }

    /** Standard deviation of the grey level over the figure's border strips, ignoring ink (more than 30 off). */
    static double noise(Mat bgr, Scalar bg) {
        Mat g = Cv.grey(bgr);
        double bgGrey = Cv.greyOf(bg);
        byte[] row = new byte[g.cols()];
        double sum = 0;
        double sum2 = 0;
        long n = 0;
        for (int y = 0; y < g.rows(); y++) {
            g.get(y, 0, row);
            boolean edgeRow = y < BORDER || y >= g.rows() - BORDER;
            for (int x = 0; x < g.cols(); x++) {
                if (!edgeRow && x >= BORDER && x < g.cols() - BORDER) {
                    x = g.cols() - BORDER - 1;
                    continue;
                }
                double v = (row[x] & 0xff) - bgGrey;
                if (Math.abs(v) <= 30) {
                    sum += v;
                    sum2 += v * v;
                    n++;
                }
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sum2 / n - mean * mean));
    }

    /** Whether the figure has (almost) no dark ink: all its lines and text are light or blurred grey. */
    static boolean faint(Mat bgr, Scalar bg) {
        Mat dark = Cv.ink(bgr, bg, DARK);
        return Core.countNonZero(dark) < 0.001 * dark.total();
    }

    /** The pixels of {@code weak} whose 8-connected component holds at least one pixel of {@code strong}. */
    static Mat hysteresis(Mat strong, Mat weak) {
        Mat labels = new Mat();
        int n = Imgproc.connectedComponents(weak, labels, 8, CvType.CV_32S);
        int[] lab = new int[(int) labels.total()];
        labels.get(0, 0, lab);
        byte[] st = new byte[(int) strong.total()];
        strong.get(0, 0, st);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < lab.length; i++) {
            if (st[i] != 0) {
                keep[lab[i]] = true;
            }
        }
        keep[0] = false;
        byte[] out = new byte[lab.length];
        for (int i = 0; i < lab.length; i++) {
            out[i] = keep[lab[i]] ? (byte) 255 : 0;
        }
        Mat m = new Mat(strong.rows(), strong.cols(), CvType.CV_8UC1);
        m.put(0, 0, out);
        return m;
    }
}
