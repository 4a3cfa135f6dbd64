package org.paper2code.detect;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A second reading of a 3D-box figure's text, for parameters only: once the layers and their types are fixed, the
 * figure's small print read at glyph scale (the depth under a cuboid is often 5-7 px high, not read at the scale
 * the layers were found with) gives each layer the numbers its label or depth states. It never adds, removes or
 * retypes a layer: the same small print read before the layers were fixed turned single numbers into dense bars
 * and labels into extra layers (synthetic tune set: edge F1 0.894 to 0.861).
 */
final class CuboidNumbers {
    /** A line that is one number ("512", "4096"), the way a cuboid's depth or a bar's length is written. */
    private static final Pattern NUMBER = Pattern.compile("^[^A-Za-z0-9]*(\\d{1,5})[^A-Za-z0-9]*$");
    /** The label above a shape ends at most this many text heights over it. */
    private static final double NAME_GAP = 3;
    /** The depth under a shape starts at most this many text heights below it. */
    private static final double DEPTH_GAP = 2.5;
    /** Least width of the region a depth is read from alone, in text heights ("1024" is about three). */
    private static final double MIN_WIDTH = 4;
    /** A depth read with fewer digits than this is read again on its own, in case a glyph was lost ("256" as "26"). */
    private static final int SURE_DEPTH = 100;

    private final LabelGrammar grammar;
    private final FigureText textSource;

    CuboidNumbers(LabelGrammar grammar, FigureText textSource) {
        this.grammar = grammar;
        this.textSource = textSource;
    }

    /**
     * Fills the parameters the layers only inferred with what the small print states: the stated values of a label
     * above the shape that names the layer's own type, else the number written under it (a convolution's filters,
     * a dense bar's units). Shapes are in the order of the layers; grey is the figure the text is read from, with the
     * shapes painted out; figure is the whole figure (the painting, grown to hide outlines, cuts the top off a depth
     * label drawn a few pixels under a small cuboid).
     */
    void apply(List<? extends ShapeReading> layers, List<Rect> shapes, Mat grey, Mat figure) {
        apply(layers, shapes, List.of(), grey, figure);
    }

    /**
     * As above, with each shape's front face as drawn (empty where not measured): the depth is read under the face's
     * bottom edge, not under the shape's box, which also holds a depth label drawn touching the face.
     */
    void apply(List<? extends ShapeReading> layers, List<Rect> shapes, List<FrontFaces.Face> faces, Mat grey, Mat figure) {
        List<TextLines.Line> small = textSource.smallLines(grey);
        int th = CuboidParser.medianHeight(small);
        boolean debug = System.getenv("P2C_DETECT_DEBUG") != null;
        Integer[] read = new Integer[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            ShapeReading l = layers.get(i);
            Rect s = shapes.get(i);
            // the shape's column: up to half way to its neighbours
            double left = i > 0 ? (shapes.get(i - 1).x + shapes.get(i - 1).width + s.x) / 2.0 : Double.NEGATIVE_INFINITY;
            double right = i + 1 < shapes.size() ? (s.x + s.width + shapes.get(i + 1).x) / 2.0 : Double.POSITIVE_INFINITY;
            List<TextLines.Line> column = small.stream().filter(t -> t.cx() > left && t.cx() < right).toList();
            Optional<String> name = name(column, s, th);
            int bottom = bottom(faces, i, s);
            Optional<Integer> depth = depth(column, s, th, bottom);
            boolean counted = "Conv2D".equals(l.type) || "Dense".equals(l.type) || "Pooling2D".equals(l.type);
            if (depth.isEmpty() && counted) {
                depth = digitsUnder(figure, s, left, right, th, bottom);
            } else if (counted && (depth.get() < SURE_DEPTH || !DigitSlips.COUNTS.contains(depth.get()))) {
                // a short depth may be a longer one with a glyph lost in the figure-wide reading, one that is no drawn
                // count a misreading ("332" for 512): read it alone too
                int first = depth.get();
                depth = digitsUnder(figure, s, left, right, th, bottom)
                        .filter(d -> DigitSlips.dropped(first, d) || !DigitSlips.COUNTS.contains(first) && DigitSlips.COUNTS.contains(d))
                        .or(() -> Optional.of(first));
            }
            if (debug) {
                System.err.println("small print of " + i + " " + s + ": name " + name + ", depth " + depth);
            }
            name.flatMap(grammar::read).filter(p -> p.type().equals(l.type)).ifPresent(p -> stated(l, p));
            String key = CuboidNeighbours.countKey(l.type);
            depth.ifPresent(d -> {
                if (key != null) {
                    fill(l, key, d);
                    // the label's count with a glyph lost or misread, the depth under the shape in full
                    if (l.params.get(key) instanceof Integer stated && DigitSlips.slipOf(stated, d)) {
                        l.params.put(key, d);
                    }
                }
            });
            if (key != null && l.params.get(key) instanceof Integer v && !l.inferred.contains(key)) {
                read[i] = v;
            } else if ("Pooling2D".equals(l.type)) {
                read[i] = depth.orElse(null);
            }
        }
        CuboidNeighbours.fill(layers, shapes, read);
    }

    /**
     * The number under the shape read on its own, where the figure-wide small print found none there: the region under
     * the shape's front half (the depth is centred under the front face), enlarged by {@link SmallNumber} and read
     * with digits only, which keeps a 5 px "512" from turning into "$12" or vanishing among words.
     */
    private Optional<Integer> digitsUnder(Mat grey, Rect s, double left, double right, int th, int bottom) {
        // at least MIN_WIDTH text heights wide: a count under a thin bar ("4096" under a dense layer) is wider than the bar
        double half = Math.max(s.width / 4.0 + th, MIN_WIDTH * th / 2.0);
        double centre = s.x + s.width / 4.0;
        int x0 = (int) Math.max(Math.max(0, left), centre - half);
        int x1 = (int) Math.min(Math.min(grey.cols(), right), centre + half);
        int y0 = Math.max(0, bottom + 1); // below the face's bottom edge
        int y1 = (int) Math.min(grey.rows(), bottom + DEPTH_GAP * th);
        if (x1 - x0 < th || y1 - y0 < th) {
            return Optional.empty();
        }
        List<Integer> ns = grammar.numbers(textSource.numberIn(grey, new Rect(x0, y0, x1 - x0, y1 - y0)));
        return ns.isEmpty() ? Optional.empty() : Optional.of(ns.get(ns.size() - 1)).filter(v -> v > 0);
    }

    /** The row the shape's front face ends on: the face's bottom edge where measured inside the box, else the box's. */
    private static int bottom(List<FrontFaces.Face> faces, int i, Rect s) {
        int b = i < faces.size() ? faces.get(i).bottom() : -1;
        return b > s.y && b < s.y + s.height ? b : s.y + s.height;
    }

    /** The lines right above the shape, joined top-down (a label broken over lines: "Conv2D(512," over "(3,3))"). */
    private static Optional<String> name(List<TextLines.Line> column, Rect s, int th) {
        List<String> above = column.stream()
                .filter(t -> {
                    int gap = s.y - (t.box().y + t.box().height);
                    return gap >= -th / 2 && gap < NAME_GAP * th && t.cx() >= s.x - th && t.cx() <= s.x + s.width + th;
                })
                .sorted(Comparator.comparingInt(t -> t.box().y)).map(TextLines.Line::text).toList();
        return above.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", above));
    }

    /** The number written right under the shape, the lowest one when two are (a size label beside the depth). */
    private static Optional<Integer> depth(List<TextLines.Line> column, Rect s, int th, int bottom) {
        return column.stream()
                .filter(t -> t.box().y >= bottom - th && t.box().y <= bottom + DEPTH_GAP * th)
                .filter(t -> t.cx() >= s.x - th && t.cx() <= s.x + s.width + th)
                .filter(t -> NUMBER.matcher(t.text()).matches())
                .max(Comparator.comparingDouble(TextLines.Line::cy))
                .map(t -> {
                    Matcher m = NUMBER.matcher(t.text());
                    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
                })
                .filter(v -> v > 0);
    }

    /** The label's stated values where the layer only guessed them. */
    private static void stated(ShapeReading l, ParsedLabel p) {
        p.params().forEach((key, value) -> {
            if (!p.inferredKeys().contains(key)) {
                fill(l, key, value);
            }
        });
    }

    private static void fill(ShapeReading l, String key, Object value) {
        if (!l.params.containsKey(key) || l.inferred.contains(key)) {
            l.params.put(key, value);
            l.inferred.remove(key);
        }
    }
}
