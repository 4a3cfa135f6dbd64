package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Reads many small regions in ONE Tesseract call: each region is upscaled, binarised (small text: contrast stretched) and stacked on a
 * white sheet with gaps; the words found are sent back to the region they fall in. One call costs far
 * less than one per box (Tesseract's per-call setup dominates for small crops).
 */
public final class TextSheet {
    private static final int GAP = 24;

    /** The text of each region (lines joined by newlines), in region order. */
    public List<String> read(Mat grey, List<Rect> regions) {
        List<String> out = new ArrayList<>();
        if (regions.isEmpty()) {
            return out;
        }
        List<Mat> crops = new ArrayList<>();
        int width = 0;
        int height = GAP;
        for (Rect r : regions) {
            double glyph = medianGlyphHeight(grey, r);
            double scale = scale(r, glyph);
            Mat c = glyph > 0 && glyph < SMALL_GLYPH ? Cv.ocrCropGrey(grey, r, scale) : Cv.ocrCrop(grey, r, scale);
            dropFrameSpecks(c);
            crops.add(c);
            width = Math.max(width, c.cols());
            height += c.rows() + GAP;
        }
        Mat sheet = new Mat(height, width + 2 * GAP, CvType.CV_8UC1, new Scalar(255));
        int[] top = new int[crops.size()];
        int y = GAP;
        for (int i = 0; i < crops.size(); i++) {
            Mat c = crops.get(i);
            c.copyTo(new Mat(sheet, new Rect(GAP, y, c.cols(), c.rows())));
            top[i] = y;
            y += c.rows() + GAP;
        }
        List<Map<String, List<Ocr.Word>>> lines = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            lines.add(new TreeMap<>());
        }
        for (Ocr.Word w : Ocr.current().words(sheet, Ocr.PSM_BLOCK)) {
            double cy = w.box().y + w.box().height / 2.0;
            for (int i = 0; i < crops.size(); i++) {
                if (cy >= top[i] && cy < top[i] + crops.get(i).rows()) {
                    lines.get(i).computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w);
                    break;
                }
            }
        }
        for (Map<String, List<Ocr.Word>> byLine : lines) {
            List<List<Ocr.Word>> ls = new ArrayList<>(byLine.values());
            ls.sort(Comparator.comparingInt(l -> l.get(0).box().y));
            List<String> text = new ArrayList<>();
            for (List<Ocr.Word> l : ls) {
                l.sort(Comparator.comparingInt(wd -> wd.box().x));
                text.add(String.join(" ", l.stream().map(Ocr.Word::text).toList()));
            }
            out.add(String.join("\n", text));
        }
        return out;
    }

    /**
     * Below this median glyph height (px) a region is read in grey ({@link Cv#ocrCropGrey}): the strokes of such small,
     * often blurred or JPEG-noisy letters break under a hard threshold after upscaling. Larger text (and the pictures
     * of pipeline stages) reads cleaner binarised: grey keeps a photo's texture, which OCR turns into words.
     */
    static final double SMALL_GLYPH = 10;

    /** Glyph height Tesseract reads best at (its models were trained near 20-30 px capitals). */
    private static final double GLYPH_TARGET = 24;
    private static final double MAX_SCALE = 5;

    /**
     * How much to enlarge a region before reading it: enough to bring its median glyph (connected component) to
     * about {@link #GLYPH_TARGET} px. Small text in a tall box (four 6 px lines in a 32 px box, as a figure shrunk
     * to fit a page draws) needs 4x where the box height alone would suggest 2x. Falls back to the box height
     * when no glyph stands out.
     */
    static double scale(Mat grey, Rect r) {
        return scale(r, medianGlyphHeight(grey, r));
    }

    private static double scale(Rect r, double glyph) {
        double byBox = r.height < 24 ? 2.5 : r.height < 60 ? 2 : r.height < 120 ? 1.5 : 1;
        return glyph <= 0 ? byBox : Math.max(1, Math.min(MAX_SCALE, Math.max(byBox, GLYPH_TARGET / glyph)));
    }

    /**
     * The median height of the ink blobs (glyphs) inside a region, those touching its frame or spanning most of it
     * left out; 0 when fewer than two stand out.
     */
    static double medianGlyphHeight(Mat grey, Rect r) {
        Mat bin = inkOf(grey, r);
        if (bin == null) {
            return 0;
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(bin, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<Integer> heights = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int x = (int) stats.get(i, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) stats.get(i, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
            boolean frame = x == 0 || y == 0 || x + w >= bin.cols() || y + h >= bin.rows();
            if (!frame && h >= 3 && h < 0.8 * bin.rows() && w < 0.5 * bin.cols()) {
                heights.add(h);
            }
        }
        if (heights.size() < 2) {
            return 0;
        }
        Collections.sort(heights);
        return heights.get(heights.size() / 2);
    }

    /**
     * The ink inside a region (white on black), split from its fill by Otsu; for light text on a dark fill the text.
     * Null when the region is too small to split.
     */
    static Mat inkOf(Mat grey, Rect r) {
        Mat crop = new Mat(grey, Cv.clip(r, grey));
        if (crop.rows() < 4 || crop.cols() < 4) {
            return null;
        }
        Mat bin = new Mat();
        Imgproc.threshold(crop, bin, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
        if (Core.countNonZero(bin) > bin.total() / 2) {
            Core.bitwise_not(bin, bin); // light text on a dark fill
        }
        return bin;
    }

    /**
     * Removes dark specks touching the crop's frame that are not letters: what is left of the box's own outline or
     * the cut corners of an octagonal box (read as "/", "\\", "4"): long along the frame, or thin strokes across it.
     */
    static void dropFrameSpecks(Mat padded) {
        Mat dark = new Mat();
        Imgproc.threshold(padded, dark, 127, 255, Imgproc.THRESH_BINARY_INV);
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(dark, labels, stats, new Mat(), 8, CvType.CV_32S);
        int pad = Cv.OCR_PAD;
        int innerW = padded.cols() - 2 * pad;
        int innerH = padded.rows() - 2 * pad;
        for (int i = 1; i < n; i++) {
            int x = (int) stats.get(i, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) stats.get(i, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
            int area = (int) stats.get(i, Imgproc.CC_STAT_AREA)[0];
            boolean left = x <= pad;
            boolean right = x + w >= pad + innerW;
            boolean top = y <= pad;
            boolean bottom = y + h >= pad + innerH;
            // an outline remnant runs along the side it touches; a cut corner touches two sides and is a sparse
            // diagonal; a letter touching the frame of a tight box is neither (it stays)
            boolean alongTopOrBottom = (top || bottom) && w >= 0.5 * innerW;
            boolean alongLeftOrRight = (left || right) && h >= 0.8 * innerH && w * 4 <= h;
            boolean corner = (left || right) && (top || bottom) && area < 0.3 * w * h;
            boolean notLetter = alongTopOrBottom || alongLeftOrRight || corner;
            if (notLetter) {
                Mat mask = new Mat();
                Core.compare(labels, new Scalar(i), mask, Core.CMP_EQ);
                // in a grey crop the speck's anti-aliased rim goes with it
                Imgproc.dilate(mask, mask, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new org.opencv.core.Size(3, 3)));
                padded.setTo(new Scalar(255), mask);
            }
        }
    }

    static boolean blank(Mat m) {
        return Core.countNonZero(m) == m.total();
    }
}
