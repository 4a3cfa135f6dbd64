package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Free text of a whole figure (sparse-text OCR, upscaled when small), words merged into lines. */
public final class TextLines {

    /** A line of text and its box in image pixels. */
    public record Line(String text, Rect box) {
        double cx() {
            return box.x + box.width / 2.0;
        }

        double cy() {
            return box.y + box.height / 2.0;
        }
    }

    public List<Line> read(Mat grey) {
        return read(grey, Math.max(grey.cols(), grey.rows()) < 1400 ? 2 : 1);
    }

    /**
     * Like {@link #read(Mat)}, but enlarged further when the figure's glyphs are small: a wide figure shrunk to a
     * page (labels 6-7 px high) is not read at all at 1x and half read at 2x.
     */
    public List<Line> readSmallText(Mat grey) {
        double base = Math.max(grey.cols(), grey.rows()) < 1400 ? 2 : 1;
        double glyph = TextSheet.medianGlyphHeight(grey, new Rect(0, 0, grey.cols(), grey.rows()));
        double byGlyph = glyph <= 0 ? base : Math.min(MAX_SCALE, GLYPH_TARGET / glyph);
        double byPixels = Math.sqrt(MAX_PIXELS / Math.max(1.0, grey.total()));
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            System.err.printf("glyph %.1f px: OCR scale %.2f%n", glyph, Math.max(base, Math.min(byGlyph, byPixels)));
        }
        return read(grey, Math.max(base, Math.min(byGlyph, byPixels)));
    }

    /** Glyph height sparse OCR reads small figure labels at (5 px lower-case letters, 7 px digits, read at 2x-3x, not at 1x). */
    private static final double GLYPH_TARGET = 12;
    private static final double MAX_SCALE = 4;
    /** Enlarged figures beyond this many pixels cost more OCR time than the few labels they recover. */
    private static final double MAX_PIXELS = 12e6;

    List<Line> read(Mat grey, double scale) {
        Mat img = grey;
        if (scale != 1) {
            img = new Mat();
            Imgproc.resize(grey, img, new Size(), scale, scale, Imgproc.INTER_CUBIC);
        }
        List<Rect> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Ocr.Word w : Ocr.current().words(img, Ocr.PSM_SPARSE)) {
            if (w.conf() < 20 || !readable(w.text())) {
                continue;
            }
            Rect b = w.box();
            boxes.add(new Rect((int) (b.x / scale), (int) (b.y / scale), (int) Math.ceil(b.width / scale), (int) Math.ceil(b.height / scale)));
            texts.add(w.text());
        }
        return merge(boxes, texts);
    }

    /** A word worth a line: a letter, digit, "@" or "+" in it (lone punctuation and rules read as dashes are not). */
    static boolean readable(String word) {
        return !word.replaceAll("[^A-Za-z0-9@+]", "").isEmpty();
    }

    static List<Line> merge(List<Rect> boxes, List<String> texts) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingInt(i -> boxes.get(i).x));
        List<Line> lines = new ArrayList<>();
        boolean[] used = new boolean[boxes.size()];
        for (int i : idx) {
            if (used[i]) {
                continue;
            }
            used[i] = true;
            Rect cur = boxes.get(i);
            StringBuilder text = new StringBuilder(texts.get(i));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j : idx) {
                    if (used[j]) {
                        continue;
                    }
                    Rect b = boxes.get(j);
                    double h = Math.max(cur.height, b.height);
                    double dy = Math.abs((cur.y + cur.height / 2.0) - (b.y + b.height / 2.0));
                    double gap = b.x - (cur.x + cur.width);
                    if (dy < 0.5 * h && gap > -2 && gap < 1.2 * h) {
                        used[j] = true;
                        text.append(' ').append(texts.get(j));
                        cur = BoxFlowParser.union(cur, b);
                        grew = true;
                    }
                }
            }
            lines.add(new Line(text.toString(), cur));
        }
        return lines;
    }
}
