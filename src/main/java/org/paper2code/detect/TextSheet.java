package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * Reads many small regions in ONE Tesseract call: each region is binarised, upscaled and stacked on a
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
            double scale = r.height < 24 ? 2.5 : r.height < 60 ? 2 : r.height < 120 ? 1.5 : 1;
            Mat c = Cv.ocrCrop(grey, r, scale);
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

    static boolean blank(Mat m) {
        return Core.countNonZero(m) == m.total();
    }
}
