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
        double scale = Math.max(grey.cols(), grey.rows()) < 1400 ? 2 : 1;
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
