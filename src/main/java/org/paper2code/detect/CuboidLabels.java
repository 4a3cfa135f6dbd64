package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * The one-line label written right over a cuboid ("Conv2D(32, (5,5))", "MaxPooling2D((2,2))", "Dense(4096, 'relu')"),
 * read on its own from the figure as drawn. Such labels are set 5-7 px high and often end a pixel or two above the
 * cuboid's back edge: the figure-wide reading, done with the shapes painted out, loses their bottom row or reads them
 * at a scale that garbles them ("Corw20{128, {3,3))", "Come (3.3))"). Here the lowest band of glyph rows over the
 * shape is cut out, the words in it nearest the shape's middle kept, enlarged so the glyphs stand about 30 px high
 * and read as one line.
 */
final class CuboidLabels {
    /** The label's bottom lies at most this many pixels over the shape's box (a label set a line above the cuboid). */
    private static final int REACH = 40;
    /** The label may dip this many pixels into the shape's box (the box's top row is the back edge's anti-aliasing). */
    private static final int DIP = 1;
    /** Rows where ink covers more than this share of the region are a drawn line, not glyphs. */
    private static final double LINE_ROW = 0.6;
    /** A band of glyph rows lower than this is no text; higher than this, no single small label. */
    private static final int MIN_ROWS = 4;
    private static final int MAX_ROWS = 24;
    /** Words closer than this many band heights may be one label (the space between "Conv2D(512," and "(3,3))"). */
    private static final double WORD_GAP = 2.5;
    /** Height (px) the band is enlarged to: Tesseract reads glyphs best at 30-40 px. */
    private static final double[] BAND_PX = {24, 30, 36, 48};
    /** Grey levels under the ground that count as ink: small labels are blurred to a light grey (150-200 on white). */
    private static final double INK = 35;
    /**
     * A layer's name ("conv4_3", "fc6", "pool2", read "convs 3"): its digits are indices, not values (a parameter
     * label has a bracket, a size or a count of three digits or more).
     */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("^[A-Za-z]+\\s?\\d{0,2}(?:[\\s_]\\d{1,2})?$");
    /** A label's values count where this many of the readings at different sizes agree on them (one alone is often garbled). */
    private static final int MIN_VOTES = 2;
    /** Pixels kept round the glyphs' tight box. */
    private static final int MARGIN = 2;

    private CuboidLabels() {
    }

    /**
     * Gives each layer the values its label over the shape states, read on its own ({@link #read}), where the label
     * names the type the layer already has and the layer only guessed them. Shapes are in the order of the layers;
     * grey is the whole figure as drawn.
     */
    static void apply(List<? extends ShapeReading> layers, List<Rect> shapes, Mat grey, LabelGrammar grammar) {
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            Rect s = shapes.get(i);
            double left = i > 0 ? shapes.get(i - 1).x + shapes.get(i - 1).width / 2.0 : s.x - s.width;
            double right = i + 1 < shapes.size() ? shapes.get(i + 1).x + shapes.get(i + 1).width / 2.0 : s.x + 2.0 * s.width;
            Optional<Reading> r = read(grey, s, left, right, grammar);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("LABEL " + s.x + "," + s.y + "," + s.width + "," + s.height + " " + l.type + " " + l.params + " inf " + l.inferred
                        + " <- " + r.orElse(null));
            }
            r.filter(x -> x.type().equals(l.type)).ifPresent(x -> x.stated().forEach((key, value) -> {
                if (!l.params.containsKey(key) || l.inferred.contains(key)) {
                    l.params.put(key, value);
                    l.inferred.remove(key);
                }
            }));
        }
    }

    /**
     * The label over the shape: the type and the values most of its readings agree on. The band is read at each of
     * {@link #BAND_PX} heights; the type most readings name wins if {@link #MIN_VOTES} name it, and of the values
     * its readings state, each one that many give and no other value of its key as often. A reading that is a
     * layer's name ({@link #NAME}) gives a type but no values. Empty where no type wins. left and right bound the
     * shape's column.
     */
    static Optional<Reading> read(Mat grey, Rect shape, double left, double right, LabelGrammar grammar) {
        Optional<Rect> band = band(grey, shape, left, right);
        if (band.isEmpty()) {
            return Optional.empty();
        }
        List<ParsedLabel> readings = new ArrayList<>();
        List<Boolean> names = new ArrayList<>();
        for (double px : BAND_PX) {
            double scale = Math.max(1, px / (band.get().height - 2 * MARGIN));
            String text = line(Cv.ocrCropGrey(grey, band.get(), scale));
            Optional<ParsedLabel> p = grammar.read(text);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                System.err.println("label over " + shape + " at " + px + " px: '" + text + "' -> " + p.map(x -> x.type() + " " + stated(x)).orElse("-"));
            }
            p.ifPresent(readings::add);
            p.ifPresent(x -> names.add(NAME.matcher(text).matches()));
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        readings.forEach(p -> types.merge(p.type(), 1, Integer::sum));
        Optional<String> type = winner(types);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<Object, Integer>> values = new TreeMap<>();
        for (int k = 0; k < readings.size(); k++) {
            if (readings.get(k).type().equals(type.get()) && !names.get(k)) {
                stated(readings.get(k)).forEach((key, v) -> values.computeIfAbsent(key, x -> new LinkedHashMap<>()).merge(v, 1, Integer::sum));
            }
        }
        Map<String, Object> agreed = new TreeMap<>();
        values.forEach((key, counts) -> winner(counts).ifPresent(v -> agreed.put(key, v)));
        return Optional.of(new Reading(type.get(), agreed));
    }

    /** The value given most often, if given at least {@link #MIN_VOTES} times and more often than any other. */
    private static <T> Optional<T> winner(Map<T, Integer> counts) {
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<T> top = counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        return most >= MIN_VOTES && top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    /** A label as its readings agree on it: the layer type and the values stated. */
    record Reading(String type, Map<String, Object> stated) {
    }

    /** The values the label states (not the ones the grammar filled in). */
    private static Map<String, Object> stated(ParsedLabel p) {
        Map<String, Object> m = new TreeMap<>(p.params());
        p.inferredKeys().forEach(m::remove);
        return m;
    }

    /** The words of an enlarged line, read as one line of text. */
    private static String line(Mat img) {
        StringBuilder sb = new StringBuilder();
        for (Ocr.Word w : Ocr.current().words(img, Ocr.PSM_LINE)) {
            sb.append(w.text()).append(' ');
        }
        return sb.toString().strip();
    }

    /** The box (in the figure, with a margin) of the label line over the shape, if there is one. */
    static Optional<Rect> band(Mat grey, Rect shape, double left, double right) {
        int x0 = (int) Math.max(0, Math.ceil(left));
        int x1 = (int) Math.min(grey.cols(), Math.floor(right));
        int y1 = Math.min(grey.rows(), shape.y + DIP);
        int y0 = Math.max(0, shape.y - REACH);
        if (x1 - x0 < 8 || y1 - y0 < MIN_ROWS) {
            return Optional.empty();
        }
        Mat crop = new Mat(grey, new Rect(x0, y0, x1 - x0, y1 - y0));
        return lowestBand(crop, shape.x - x0, shape.x + shape.width - x0)
                .map(b -> Cv.clip(new Rect(x0 + b.x - MARGIN, y0 + b.y - MARGIN, b.width + 2 * MARGIN, b.height + 2 * MARGIN), grey));
    }

    /**
     * The glyphs of the lowest band of text rows in the crop, as one box: the rows from the bottom up to the first row
     * with ink (skipping drawn lines), up to the next blank row; across, the run of ink columns (gaps under
     * {@link #WORD_GAP} band heights) that overlaps the shape's span [from, to) most.
     */
    static Optional<Rect> lowestBand(Mat crop, int from, int to) {
        double ground = Cv.median(crop);
        Mat dark = new Mat();
        Imgproc.threshold(crop, dark, ground - INK, 255, Imgproc.THRESH_BINARY_INV);
        // ink joined to the shape (the outlines of a cuboid's top face, drawn over its solid box) is no label
        Mat labels = new Mat();
        Mat stats = new Mat();
        int k = Imgproc.connectedComponentsWithStats(dark, labels, stats, new Mat(), 8, org.opencv.core.CvType.CV_32S);
        for (int c = 1; c < k; c++) {
            if (stats.get(c, Imgproc.CC_STAT_TOP)[0] + stats.get(c, Imgproc.CC_STAT_HEIGHT)[0] >= dark.rows()) {
                Mat mask = new Mat();
                Core.compare(labels, new org.opencv.core.Scalar(c), mask, Core.CMP_EQ);
                dark.setTo(new org.opencv.core.Scalar(0), mask);
            }
        }
        int bottom = -1;
        int top = -1;
        for (int y = dark.rows() - 1; y >= 0; y--) {
            int n = Core.countNonZero(dark.row(y));
            boolean glyphRow = n > 0 && n <= LINE_ROW * dark.cols();
            if (glyphRow) {
                bottom = bottom < 0 ? y : bottom;
                top = y;
            } else if (bottom >= 0) {
                if (bottom - top + 1 >= MIN_ROWS) {
                    break;
                }
                bottom = -1; // a sliver (an edge's anti-aliasing), not glyphs
            }
        }
        int h = bottom - top + 1;
        if (bottom < 0 || h < MIN_ROWS || h > MAX_ROWS) {
            return Optional.empty();
        }
        Mat rows = dark.rowRange(top, bottom + 1);
        List<int[]> runs = new ArrayList<>();
        int gap = (int) Math.round(WORD_GAP * h);
        for (int x = 0; x < rows.cols(); x++) {
            if (Core.countNonZero(rows.col(x)) == 0) {
                continue;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && x - last[1] <= h) {
                last[1] = x;
            } else {
                runs.add(new int[] {x, x});
            }
        }
        // the label is centred over its shape and stands apart from its neighbours' labels by more than its own
        // words do: of such spans of runs, those centred nearest the shape's middle (within a glyph), and of these the
        // one with the narrowest word gaps (a neighbour's label cut at the column's edge on each side is centred too)
        double middle = (from + to) / 2.0;
        List<int[]> spans = new ArrayList<>(); // x0, x1, widest gap inside, centre offset
        for (int a = 0; a < runs.size(); a++) {
            int inner = 0;
            for (int b = a; b < runs.size(); b++) {
                if (b > a) {
                    inner = Math.max(inner, runs.get(b)[0] - runs.get(b - 1)[1]);
                }
                if (inner > gap) {
                    break;
                }
                int x0 = runs.get(a)[0];
                int x1 = runs.get(b)[1];
                int apart = Math.min(a > 0 ? x0 - runs.get(a - 1)[1] : Integer.MAX_VALUE, b + 1 < runs.size() ? runs.get(b + 1)[0] - x1 : Integer.MAX_VALUE);
                if (x0 < to && x1 >= from && apart > inner) {
                    spans.add(new int[] {x0, x1, inner, (int) Math.round(Math.abs((x0 + x1) / 2.0 - middle))});
                }
            }
        }
        int nearest = spans.stream().mapToInt(sp -> sp[3]).min().orElse(0);
        int[] best = spans.stream().filter(sp -> sp[3] <= nearest + h)
                .min(Comparator.<int[]>comparingInt(sp -> sp[2]).thenComparingInt(sp -> sp[0] - sp[1])).orElse(null);
        return best == null ? Optional.empty() : Optional.of(new Rect(best[0], top, best[1] - best[0] + 1, h));
    }
}
