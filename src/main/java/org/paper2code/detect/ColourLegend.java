package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * A legend that names layer kinds by colour: a column of small icons, each followed by a line of text that reads as
 * a layer type ("max pooling", "fully connected+ReLU", "softmax"). Shapes drawn in an icon's colour are that kind of
 * layer; the icons themselves are not layers.
 */
final class ColourLegend {
    /** One entry: the icon's colour, the area it and its text cover, what the text says and where it starts. */
    record Entry(Tint tint, Rect area, ParsedLabel label, int textX) {
    }

    /**
     * A colour as anti-aliased outlines show it: a hue (OpenCV 0..180) when the ink is coloured, or neutral (black and
     * greys, hue -1). Thin lines blend into the background, so only hue and "coloured or not" survive, not lightness.
     */
    record Tint(int hue) {
        static final Tint NEUTRAL = new Tint(-1);

        boolean matches(Tint o) {
            if (hue < 0 || o.hue < 0) {
                return hue == o.hue;
            }
            int d = Math.abs(hue - o.hue);
            return Math.min(d, 180 - d) <= HUE_TOLERANCE;
        }
    }

    private static final int HUE_TOLERANCE = 12;
    /** Ink: differs from the background by this much in some channel. */
    private static final double INK = 25;
    /** A pixel this saturated (0..255) is coloured ink. */
    private static final int SATURATED = 70;

    private final List<Entry> entries;

    private ColourLegend(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The legend of a figure: text lines that read as a layer type, left-aligned in one column, each with ink of its
     * own just left of it; at least two entries of different tints, else there is no colour legend (empty).
     */
    static ColourLegend read(Mat bgr, List<TextLines.Line> text, LabelGrammar grammar) {
        List<Entry> found = new ArrayList<>();
        for (TextLines.Line t : text) {
            // the icon is often read as a symbol starting the line ("@ convolution+ReLU"): then it lies in the line
            String words = t.text().replaceFirst("^[^A-Za-z0-9]{1,3}\\s+", "");
            Optional<ParsedLabel> p = grammar.read(words);
            if (p.isEmpty() || p.get().type().equals("Output") || words.matches(".*\\d.*")) {
                continue;
            }
            Rect b = t.box();
            int h = Math.min(b.height, Math.max(8, b.width / Math.max(1, t.text().length()) * 2));
            int textX = b.x + b.width * (t.text().length() - words.length()) / Math.max(1, t.text().length());
            Rect icon = Cv.clip(new Rect(textX - 3 * h, b.y + b.height / 2 - h, 3 * h - 1, 2 * h), bgr);
            if (icon.width < h || ink(bgr, icon) < 2 * h) {
                continue;
            }
            found.add(new Entry(tint(bgr, icon), new Rect(icon.x, icon.y, b.x + b.width - icon.x, icon.height), p.get(), textX));
        }
        // a legend is a column: keep the entries whose text starts within a line height (an icon read as a symbol blurs where) of another entry
        List<Entry> column = new ArrayList<>();
        for (Entry e : found) {
            long aligned = found.stream().filter(o -> Math.abs(o.textX() - e.textX()) <= o.area().height).count();
            if (aligned >= 2) {
                column.add(e);
            }
        }
        boolean twoTints = column.stream().anyMatch(a -> column.stream().anyMatch(b -> !a.tint().matches(b.tint())));
        return new ColourLegend(twoTints ? column : List.of());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** True when a shape lies within a legend entry (its icon). */
    boolean covers(Rect r) {
        return entries.stream().anyMatch(e -> Cv.contains(Cv.grow(e.area(), 2), r));
    }

    /** What the legend says a shape drawn with this outline is: the entry of the same tint, if exactly one. */
    Optional<ParsedLabel> kindOf(Mat bgr, Rect outline) {
        if (entries.isEmpty()) {
            return Optional.empty(); // most figures have no colour key: no tint to measure
        }
        Tint t = tint(bgr, outline);
        List<Entry> same = entries.stream().filter(e -> e.tint().matches(t)).toList();
        return same.size() == 1 ? Optional.of(same.get(0).label()) : Optional.empty();
    }

    /** How many ink pixels a region holds. */
    private static int ink(Mat bgr, Rect r) {
        Mat crop = new Mat(bgr, r);
        return org.opencv.core.Core.countNonZero(Cv.ink(crop, Cv.background(bgr), INK));
    }

    /**
     * The tint of the ink in a region: the median hue of its coloured pixels when they are at least a third of the
     * ink, else neutral.
     */
    static Tint tint(Mat bgr, Rect r) {
        Rect c = Cv.clip(r, bgr);
        if (c.width == 0 || c.height == 0) {
            return Tint.NEUTRAL;
        }
        Mat crop = new Mat(bgr, c);
        Mat mask = Cv.ink(crop, Cv.background(bgr), INK);
        Mat hsv = new Mat();
        Imgproc.cvtColor(crop, hsv, Imgproc.COLOR_BGR2HSV);
        List<Integer> hues = new ArrayList<>();
        int inkPixels = 0;
        byte[] m = new byte[(int) mask.total()];
        mask.get(0, 0, m);
        byte[] px = new byte[(int) hsv.total() * 3];
        hsv.get(0, 0, px);
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) {
                continue;
            }
            inkPixels++;
            if ((px[3 * i + 1] & 0xff) >= SATURATED) {
                int hue = px[3 * i] & 0xff;
                hues.add(hue > 150 ? hue - 180 : hue); // reds sit on both ends of the hue circle
            }
        }
        if (inkPixels == 0 || hues.size() * 3 < inkPixels) {
            return Tint.NEUTRAL;
        }
        hues.sort(null);
        int median = hues.get(hues.size() / 2);
        return new Tint(median < 0 ? median + 180 : median);
    }
}
