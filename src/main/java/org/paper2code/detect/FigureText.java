package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * Where a parser gets a figure's words: OCR of its pixels, or the words the PDF itself draws there (a vector figure's
 * text layer, exact where OCR guesses). Both answer the same two questions, on the image the parser hands over, which
 * may have parts blanked out (boxes painted over to read only the text between them).
 */
public sealed interface FigureText permits FigureText.Ocr, FigureText.Drawn {

    /** The free text of the image, words merged into lines, boxes in its pixels. */
    List<TextLines.Line> lines(Mat grey);

    /** As {@link #lines}, for figures whose labels are tiny (OCR reads them scaled up; drawn words need no scale). */
    default List<TextLines.Line> smallLines(Mat grey) {
        return lines(grey);
    }

    /** The text of each region of the image (lines joined by newlines), in region order. */
    List<String> inside(Mat grey, List<Rect> regions);

    /** Tesseract reads the pixels (the only source for a raster figure or a standalone image). */
    static FigureText ocr() {
        return Ocr.INSTANCE;
    }

    /** The PDF's own words for the figure (boxes in the image's pixels). */
    static FigureText drawn(List<Word> words) {
        return new Drawn(words);
    }

    /** A word a PDF draws: its text (untrusted data) and its box in the figure image's pixels. */
    record Word(String text, Rect box) {
        /** A word from a box in fractional pixels, widened to whole pixels. */
        public static Word of(String text, double x, double y, double w, double h) {
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            return new Word(text, new Rect(x0, y0, Math.max(1, (int) Math.ceil(x + w) - x0), Math.max(1, (int) Math.ceil(y + h) - y0)));
        }
    }

    /** OCR: {@link TextLines} for the free text, {@link TextSheet} for regions. */
    final class Ocr implements FigureText {
        private static final Ocr INSTANCE = new Ocr();

        private Ocr() {
        }

        @Override
        public List<TextLines.Line> lines(Mat grey) {
            return new TextLines().read(grey);
        }

        @Override
        public List<TextLines.Line> smallLines(Mat grey) {
            return new TextLines().readSmallText(grey);
        }

        @Override
        public List<String> inside(Mat grey, List<Rect> regions) {
            return new TextSheet().read(grey, regions);
        }
    }

    /**
     * The PDF's words. A word counts only where the image still shows it: a word whose box the parser blanked out is
     * gone, as it would be for OCR of that image.
     */
    record Drawn(List<Word> words) implements FigureText {
        /** Least grey-level spread in a word's box for the word to be drawn there (a blanked box is one flat colour). */
        private static final double SHOWN_CONTRAST = 40;

        public Drawn {
            words = List.copyOf(words);
        }

        @Override
        public List<TextLines.Line> lines(Mat grey) {
            List<Rect> boxes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Word w : words) {
                if (TextLines.readable(w.text()) && shown(grey, w.box())) {
                    boxes.add(w.box());
                    texts.add(w.text());
                }
            }
            return TextLines.merge(boxes, texts);
        }

        @Override
        public List<String> inside(Mat grey, List<Rect> regions) {
            List<String> out = new ArrayList<>();
            for (Rect r : regions) {
                List<Rect> boxes = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Word w : words) {
                    Point centre = new Point(w.box().x + w.box().width / 2.0, w.box().y + w.box().height / 2.0);
                    if (r.contains(centre) && shown(grey, w.box())) {
                        boxes.add(w.box());
                        texts.add(w.text());
                    }
                }
                List<TextLines.Line> lines = new ArrayList<>(TextLines.merge(boxes, texts));
                lines.sort(Comparator.comparingInt((TextLines.Line l) -> l.box().y).thenComparingInt(l -> l.box().x));
                out.add(String.join("\n", lines.stream().map(TextLines.Line::text).toList()));
            }
            return out;
        }

        /** Whether the middle half (across) of the word's box still holds ink on its background in the image. */
        static boolean shown(Mat grey, Rect box) {
            Rect middle = Cv.clip(new Rect(box.x + box.width / 4, box.y, Math.max(1, box.width / 2), box.height), grey);
            if (middle.width <= 0 || middle.height <= 0) {
                return false;
            }
            Core.MinMaxLocResult m = Core.minMaxLoc(new Mat(grey, middle));
            return m.maxVal - m.minVal >= SHOWN_CONTRAST;
        }
    }
}
