package org.paper2code.detect;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a number printed a few pixels high (a cuboid's depth "128" at 5-7 px, blurred) from a region that holds it: the
 * region's first band of glyph rows is cut out with a small margin, enlarged so the glyphs stand 30 and 36 px high
 * (Tesseract reads digits best near there; a scale from the figure's line height left them at 15-20 px), and read both
 * in grey and Otsu-binarised at each size. The reading most of the four agree on wins (ties: the longer, then the more
 * confident): a single reading of a 5 px label drops or swaps a digit ("128" as "28" or "228") often, and the misreadings
 * rarely agree. Synthetic 3d-box tune set (40 figures), parameters right 584 to 595 of 706 with the face-bottom region.
 * Where the glyphs are 4-9 px high and OCR read nothing or no drawn count, {@link CountTemplates} compares the ink with
 * the drawn counts rendered at its size.
 */
final class SmallNumber {
    /** Glyph heights (px) the row is enlarged to, one reading each. */
    private static final double[] GLYPH_PX = {30, 36};
    /** Rows where ink covers more than this share of the region are a drawn line (the face's edge), not glyphs. */
    private static final double LINE_ROW = 0.5;
    /** A band of ink rows lower than this is no row of glyphs. */
    private static final int MIN_ROWS = 4;
    /** Pixels kept round the glyphs' tight box: their anti-aliased edges, which the midpoint threshold drops. */
    private static final int MARGIN = 2;

    private SmallNumber() {
    }

    /**
     * The digits read, "" where nothing was; a reading only one size gave counts only at confidence minConf or more.
     */
    static String read(Mat grey, Rect region, double minConf) {
        Rect clipped = Cv.clip(region, grey);
        if (clipped.width < 3 || clipped.height < 3) {
            return "";
        }
        Mat crop = new Mat(grey, clipped);
        Rect glyphs = firstRow(crop);
        if (glyphs == null) {
            return "";
        }
        Mat row = new Mat(crop, glyphs).clone();
        Map<String, double[]> votes = new LinkedHashMap<>(); // text -> {count, best confidence}
        for (double px : GLYPH_PX) {
            double scale = Math.max(1, px / (glyphs.height - 2 * MARGIN));
            Mat big = new Mat();
            Imgproc.resize(row, big, new Size(), scale, scale, Imgproc.INTER_CUBIC);
            for (boolean binary : new boolean[] {false, true}) {
                Mat img = big;
                if (binary) {
                    // Otsu on the enlarged glyphs: blurred mid-grey strokes become solid where grey left them too faint
                    img = Cv.otsu(big);
                }
                Mat padded = Cv.padded(img);
                StringBuilder text = new StringBuilder();
                double conf = 100;
                for (Ocr.Word w : Ocr.current().digits(padded)) {
                    text.append(w.text());
                    conf = Math.min(conf, w.conf());
                }
                if (!text.isEmpty()) {
                    double[] v = votes.computeIfAbsent(text.toString(), k -> new double[2]);
                    v[0]++;
                    v[1] = Math.max(v[1], conf);
                }
            }
        }
        String read = votes.entrySet().stream()
                .filter(e -> e.getValue()[0] >= 2 || e.getValue()[1] >= minConf)
                .max(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> e.getValue()[0])
                        .thenComparingInt(e -> e.getKey().length()).thenComparingDouble(e -> e.getValue()[1]))
                .map(Map.Entry::getKey).orElse("");
        // where OCR read nothing, no drawn count, or fewer digits, a clear template match is the better reading, unless
        // the reading's own rendering matches the ink better still (a count no list holds)
        Optional<CountTemplates.Match> matched = CountTemplates.match(row).filter(CountTemplates.Match::clear);
        if (matched.isPresent() && weak(read, Integer.toString(matched.get().count()))
                && (read.isEmpty() || CountTemplates.score(row, read) < matched.get().score())) {
            return Integer.toString(matched.get().count());
        }
        return read;
    }

    /** Whether an OCR reading is worse than a template's: empty, none of the drawn counts, or shorter. */
    private static boolean weak(String read, String matched) {
        return read.isEmpty() || read.length() > 6 || !DigitSlips.COUNTS.contains(Integer.parseInt(read))
                || read.length() < matched.length();
    }

    /**
     * The box of the topmost band of rows holding dark ink (the label right under a face), a pixel wider each way;
     * null where the region has none. Dark is below the midpoint of the region's darkest and lightest grey.
     */
    static Rect firstRow(Mat crop) {
        Core.MinMaxLocResult mm = Core.minMaxLoc(crop);
        if (mm.maxVal - mm.minVal < 60) {
            return null;
        }
        Mat dark = new Mat();
        Imgproc.threshold(crop, dark, (mm.maxVal + mm.minVal) / 2, 255, Imgproc.THRESH_BINARY_INV);
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < dark.rows(); y++) {
            int n = Core.countNonZero(dark.row(y));
            boolean glyphRow = n > 0 && n <= LINE_ROW * dark.cols();
            if (glyphRow) {
                top = top < 0 ? y : top;
                bottom = y;
            } else if (top >= 0 && bottom - top + 1 >= MIN_ROWS) {
                break;
            } else {
                top = -1; // a sliver (an edge's anti-aliasing), not glyphs
            }
        }
        if (top < 0 || bottom - top + 1 < MIN_ROWS) {
            return null;
        }
        Mat band = dark.rowRange(top, bottom + 1);
        int left = -1;
        int right = -1;
        for (int x = 0; x < band.cols(); x++) {
            if (Core.countNonZero(band.col(x)) > 0) {
                left = left < 0 ? x : left;
                right = x;
            }
        }
        int m = MARGIN;
        return Cv.clip(new Rect(left - m, top - m, right - left + 1 + 2 * m, bottom - top + 1 + 2 * m), crop);
    }
}
