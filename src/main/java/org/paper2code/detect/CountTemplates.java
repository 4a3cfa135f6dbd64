package org.paper2code.detect;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a count printed 4-7 px high, where OCR drops or swaps glyphs ("512" as "332", "64" as "4") or reads nothing, by
 * comparing the ink with each count figures draw ({@link DigitSlips#COUNTS}) rendered in the common font families and
 * shrunk to the ink's size: at that size a glyph is a blur, but the blur of the whole number still tells "512" from
 * "256". Only a clear best match counts.
 */
final class CountTemplates {
    /** The families figures' labels are mostly set in (logical fonts: sans, serif, typewriter). */
    private static final String[] FAMILIES = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};
    /** Size the templates are rendered at before shrinking. */
    private static final int RENDER_PX = 48;
    /** Least correlation of ink and template for a match. */
    static final double MIN_SCORE = 0.6;
    /** Least lead of the best count's correlation over the next count's. */
    static final double MIN_LEAD = 0.02;
    /** Ink lower than this is too small to compare glyph shapes; taller ink OCR reads well. */
    static final int MIN_INK_PX = 4;
    static final int MAX_INK_PX = 9;

    /** Rendered templates: text and family to its tight grey ink (dark on white). */
    private static final Map<String, Mat> RENDERED = new ConcurrentHashMap<>();

    private CountTemplates() {
    }

    /** A match: the count and how well its template correlates with the ink, and the next best count's correlation. */
    record Match(int count, double score, double next) {
        boolean clear() {
            return score >= MIN_SCORE && score - next >= MIN_LEAD;
        }
    }

    /**
     * The count whose rendering best matches the ink in row (a band of glyph rows, dark on light, with a small margin),
     * empty where the ink is outside the heights compared.
     */
    static Optional<Match> match(Mat row) {
        Mat target = target(row);
        if (target == null) {
            return Optional.empty();
        }
        double best = -1;
        double next = -1;
        int bestCount = -1;
        for (int count : DigitSlips.COUNTS) {
            double score = bestOf(target, Integer.toString(count));
            if (score > best) {
                next = best;
                best = score;
                bestCount = count;
            } else if (score > next) {
                next = score;
            }
        }
        return bestCount < 0 ? Optional.empty() : Optional.of(new Match(bestCount, best, next));
    }

    /**
     * How well a number OCR read matches the ink in row (as {@link #match}, -1 where the ink is outside the heights
     * compared): a count no list holds ("43" classes) whose own rendering matches better than any listed count's is
     * no misreading.
     */
    static double score(Mat row, String text) {
        Mat target = target(row);
        return target == null || !text.matches("\\d{1,6}") ? -1 : bestOf(target, text);
    }

    /** The ink of the row as floats, null where outside the heights compared. */
    private static Mat target(Mat row) {
        Rect ink = inkBox(row);
        if (ink == null || ink.height < MIN_INK_PX || ink.height > MAX_INK_PX) {
            return null;
        }
        Mat target = new Mat();
        new Mat(row, ink).convertTo(target, CvType.CV_32F);
        return target;
    }

    /** The best correlation of the target with the text in any family and weight. */
    private static double bestOf(Mat target, String text) {
        double score = -1;
        for (String family : FAMILIES) {
            for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                score = Math.max(score, correlation(target, rendered(text, family, style)));
            }
        }
        return score;
    }

    /**
     * Correlation of the target ink with the template shrunk to the target's height, both centred on a canvas as wide as
     * the wider: a template of another width (another number of digits) leaves ink or paper unmatched.
     */
    private static double correlation(Mat target, Mat template) {
        int h = target.rows();
        int w = (int) Math.max(1, Math.round(template.cols() * (double) h / template.rows()));
        if (w > 2 * target.cols() || 2 * w < target.cols()) {
            return -1;
        }
        Mat small = new Mat();
        Imgproc.resize(template, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        int width = Math.max(w, target.cols());
        Mat a = canvas(target, width);
        Mat b = canvas(small, width);
        Mat result = new Mat();
        Imgproc.matchTemplate(a, b, result, Imgproc.TM_CCOEFF_NORMED);
        return Core.minMaxLoc(result).maxVal;
    }

    /** The image centred on a white canvas of the width given (its own height). */
    private static Mat canvas(Mat m, int width) {
        Mat out = new Mat(m.rows(), width, CvType.CV_32F, new org.opencv.core.Scalar(255));
        int x = (width - m.cols()) / 2;
        Mat f = new Mat();
        m.convertTo(f, CvType.CV_32F);
        f.copyTo(out.submat(new Rect(x, 0, m.cols(), m.rows())));
        return out;
    }

    /** The text rendered dark on white, cut to its ink. */
    private static Mat rendered(String text, String family, int style) {
        return RENDERED.computeIfAbsent(text + "/" + family + "/" + style, k -> {
            Font font = new Font(family, style, RENDER_PX);
            BufferedImage img = new BufferedImage(RENDER_PX * (text.length() + 2), RENDER_PX * 2, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.drawString(text, RENDER_PX / 2, RENDER_PX * 3 / 2);
            g.dispose();
            byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8U);
            m.put(0, 0, px);
            Rect box = inkBox(m);
            return new Mat(m, box).clone();
        });
    }

    /**
     * The tight box of the ink: the rows holding pixels darker than the midpoint grey, the columns holding pixels a
     * quarter of the way from the lightest grey to the darkest in those rows (faint anti-aliased strokes of a blurred
     * digit count; a midpoint cut loses them); null where there is no contrast.
     */
    static Rect inkBox(Mat grey) {
        Core.MinMaxLocResult mm = Core.minMaxLoc(grey);
        if (mm.maxVal - mm.minVal < 40) {
            return null;
        }
        Mat dark = new Mat();
        Imgproc.threshold(grey, dark, mm.maxVal - 0.25 * (mm.maxVal - mm.minVal), 255, Imgproc.THRESH_BINARY_INV);
        // rows at the midpoint: the faint blur of an edge right above the glyphs is no glyph row
        Mat solid = new Mat();
        Imgproc.threshold(grey, solid, (mm.maxVal + mm.minVal) / 2, 255, Imgproc.THRESH_BINARY_INV);
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int y = 0; y < solid.rows(); y++) {
            if (Core.countNonZero(solid.row(y)) > 0) {
                rows.add(y);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int y0 = rows.get(0);
        int y1 = rows.get(rows.size() - 1);
        Mat band = dark.rowRange(y0, y1 + 1);
        for (int x = 0; x < band.cols(); x++) {
            if (Core.countNonZero(band.col(x)) > 0) {
                cols.add(x);
            }
        }
        int x0 = cols.get(0);
        int x1 = cols.get(cols.size() - 1);
        return new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
