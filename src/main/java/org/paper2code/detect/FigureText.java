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

    /** The one short line of text in a small region: a count beside a brace ("x4"), a size beside an edge. */
    String lineIn(Mat grey, Rect region);

    /**
     * The number written in a small region (a cuboid's depth label), as text. OCR enlarges the region itself
     * ({@link SmallNumber}); drawn words are exact.
     */
    default String numberIn(Mat grey, Rect region) {
        return lineIn(grey, region);
    }

    /** Tesseract reads the pixels (the only source for a raster figure or a standalone image). */
    static FigureText ocr() {
        return Ocr.INSTANCE;
    }

    /** The PDF's own words for the figure (boxes in the image's pixels). */
    static FigureText drawn(List<Word> words) {
        return new Drawn(words);
    }

    /**
     * A word a PDF draws: its text (untrusted data), its box in the figure image's pixels (for a rotated word, the
     * upright box around it), its type height in (fractional) pixels and its angle in degrees, counter-clockwise from
     * level (90: read bottom to top).
     */
    record Word(String text, Rect box, double height, double angle) {
        /** A level word from a box in fractional pixels, widened to whole pixels. */
        public static Word of(String text, double x, double y, double w, double h) {
            return of(text, x, y, w, h, 0, h);
        }

        /** A word from its upright box in fractional pixels (widened to whole pixels), angle and type height. */
        public static Word of(String text, double x, double y, double w, double h, double angle, double height) {
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            Rect box = new Rect(x0, y0, Math.max(1, (int) Math.ceil(x + w) - x0), Math.max(1, (int) Math.ceil(y + h) - y0));
            return new Word(text, box, height, angle);
        }

        /** Whether the word runs level (the words free-text lines are built from). */
        public boolean level() {
            return angle == 0;
        }
    }

    /** OCR: {@link TextLines} for the free text, {@link TextSheet} for regions. */
    final class Ocr implements FigureText {
        /**
         * Least Tesseract confidence for a digits-only reading: a 5 px "512" comes back as "2" or "32" at confidence 0-35,
         * a legible "64" at 85 (synthetic 3d-box tune set: 75 kept the most right values, 60 and 88 fewer).
         */
        static final double MIN_DIGITS_CONF = 75;
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

        @Override
        public String lineIn(Mat grey, Rect region) {
            return org.paper2code.detect.Ocr.current().text(Cv.ocrCrop(grey, region, 3), org.paper2code.detect.Ocr.PSM_LINE);
        }

        @Override
        public String numberIn(Mat grey, Rect region) {
            String read = SmallNumber.read(grey, region, MIN_DIGITS_CONF);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("digits '" + read + "' in " + region);
            }
            return read;
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
            List<Word> readable = words.stream().filter(w -> w.level() && TextLines.readable(w.text()) && shown(grey, w.box())).toList();
            List<TextLines.Line> out = new ArrayList<>();
            for (List<Word> group : bySize(readable)) {
                out.addAll(TextLines.merge(group.stream().map(Word::box).toList(), group.stream().map(Word::text).toList()));
            }
            return out;
        }

        @Override
        public String lineIn(Mat grey, Rect region) {
            return inside(grey, List.of(region)).get(0).replace('\n', ' ');
        }

        /** Word heights within this ratio are one type size (the PDF states sizes exactly; this allows for rounding). */
        private static final double SAME_SIZE = 1.1;

        /**
         * The words in groups of one type size. A drawing sets each label at one size, and words of another size on
         * the same level are another label: a brace's count ("x4", set large to match the brace) beside the line it
         * ends, or beside the next column's first line, is no part of either. OCR cannot tell sizes apart this
         * exactly; the PDF's words can.
         */
        static List<List<Word>> bySize(List<Word> ws) {
            List<Word> sorted = new ArrayList<>(ws);
            sorted.sort(Comparator.comparingDouble(Word::height));
            List<List<Word>> groups = new ArrayList<>();
            List<Word> cur = new ArrayList<>();
            for (Word w : sorted) {
                if (!cur.isEmpty() && w.height() > SAME_SIZE * cur.get(0).height()) {
                    groups.add(cur);
                    cur = new ArrayList<>();
                }
                cur.add(w);
            }
            if (!cur.isEmpty()) {
                groups.add(cur);
            }
            return groups;
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
