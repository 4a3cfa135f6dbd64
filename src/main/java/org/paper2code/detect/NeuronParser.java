package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Neuron diagrams: circles (units) grouped into columns; each column is a layer, the first the input and the
 * rest dense layers, fully connected column to column (one edge each). A column's size comes from its label
 * ("Hidden layer 1 (64, relu)", "FC-4", "Dense(3, 'relu')") when it states one, else from the circles counted
 * ("..." for omitted units makes a count a lower bound, so a stated number wins).
 */
final class NeuronParser implements StyleParser {
    /** Smallest hole and smallest filled disc taken for a unit, in pixels (letter holes are smaller). */
    private static final int MIN_HOLE = 9;
    private static final int MIN_DISC = 14;
    /** Grey level below which ink is dark: black outlines around a mid-grey or coloured fill keep their hole. */
    private static final int DARK = 100;
    private final LabelGrammar grammar = new LabelGrammar();
    private final FigureText textSource;

    NeuronParser() {
        this(FigureText.ocr());
    }

    /** Where the figure's words come from (OCR, or a vector PDF's own text). */
    NeuronParser(FigureText textSource) {
        this.textSource = textSource;
    }

    @Override
    public Detected detect(Mat bgr) {
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 40);
        List<Rect> circles = distinct(circles(bgr, ink));
        if (circles.size() < 2) {
            return new Detected(List.of(), List.of(), false, "no neuron circles found");
        }
        int d = circles.stream().map(r -> r.width).sorted().toList().get(circles.size() / 2);
        Optional<Detected> unrolled = UnrolledRecurrence.read(new BoxDetector().detect(ink), circles, d);
        if (unrolled.isPresent()) {
            return unrolled.get();
        }
        List<List<Rect>> rows = group(circles, false, d);
        List<List<Rect>> cols = group(circles, true, d);
        // units of one layer sit closer together than layers do: when the spacing settles it, layers run across
        // the closer axis; else units of one layer are not joined to each other, units of consecutive layers are,
        // and layers run across the direction in which neighbours are joined by ink
        double inCols = spacing(cols, true);
        double inRows = spacing(rows, false);
        boolean vertical;
        if (inCols > 0 && inRows > 0 && Math.max(inCols, inRows) > 2 * Math.min(inCols, inRows)) {
            vertical = inRows < inCols;
        } else {
            vertical = rows.size() <= cols.size() && joined(ink, cols, true) > joined(ink, rows, false) + 0.15;
        }
        if (!vertical) {
            return columns(bgr, ink, circles);
        }
        return rows(ink, rows, d);
    }

    /** Top-down or bottom-up figures (one layer per row), side-by-side panels kept apart; crossed-out units are dropout. */
    private Detected rows(Mat ink, List<List<Rect>> rows, int d) {
        List<List<Rect>> segments = new ArrayList<>();
        int top = rows.get(0).get(0).y;
        List<Rect> lastRow = rows.get(rows.size() - 1);
        int bottom = lastRow.stream().mapToInt(r -> r.y + r.height).max().orElse(top);
        for (List<Rect> row : rows) {
            segments.addAll(split(ink, row, d, top, bottom));
        }
        // panels: segments whose horizontal spans overlap
        List<List<List<Rect>>> panels = new ArrayList<>();
        for (List<Rect> seg : segments) {
            Rect b = bounds(seg);
            List<List<Rect>> panel = panels.stream().filter(p -> p.stream().anyMatch(o -> spanOverlap(bounds(o), b))).findFirst().orElse(null);
            if (panel == null) {
                panel = new ArrayList<>();
                panels.add(panel);
            }
            panel.add(seg);
        }
        panels.sort(Comparator.comparingInt(p -> bounds(p.get(0)).x));
        List<Element> elements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (List<List<Rect>> panel : panels) {
            panel.sort(Comparator.comparingInt(seg -> bounds(seg).y));
            // the narrow end is the output: a panel with one unit on top reads bottom-up
            if (panel.size() > 1 && panel.get(0).size() < panel.get(panel.size() - 1).size()) {
                java.util.Collections.reverse(panel);
            }
            List<Integer> slots = slots(panel, d);
            if (System.getenv("P2C_DETECT_DEBUG") != null) {
                panel.forEach(seg -> System.err.println("panel row " + seg));
            }
            int prev = -1;
            for (int i = 0; i < panel.size(); i++) {
                List<Rect> seg = panel.get(i);
                Rect b = bounds(seg);
                int dropped = crossed(ink, slots, seg, b.y + b.height / 2, d);
                int units = seg.size() + dropped;
                ParsedLabel label = i == 0
                        ? new ParsedLabel("Input", java.util.Map.of("output_shape", List.of(units)), List.of(), 0.7, List.of(units), null)
                        : new ParsedLabel("Dense", java.util.Map.of("units", units), List.of(), 0.7, List.of(), null);
                int at = elements.size();
                elements.add(new Element(b, "", Optional.of(label), 0.85));
                if (prev >= 0) {
                    links.add(new Link(prev, at, 0.8));
                }
                prev = at;
                if (dropped > 0 && i + 1 < panel.size()) {
                    elements.add(new Element(b, "dropout", Optional.of(new ParsedLabel("Dropout", java.util.Map.of(), List.of(), 0.6, List.of(), null)),
                            0.6));
                    links.add(new Link(prev, elements.size() - 1, 0.7));
                    prev = elements.size() - 1;
                }
            }
        }
        return new Detected(elements, links, true, null);
    }

    /** Left-to-right figures: one layer per column of circles, labelled by the text above or below it. */
    private Detected columns(Mat bgr, Mat ink, List<Rect> circles) {
        circles.sort(Comparator.comparingInt(r -> r.x));
        List<List<Rect>> columns = new ArrayList<>();
        for (Rect c : circles) {
            List<Rect> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && Math.abs(centre(last.get(0)) - centre(c)) < last.get(0).width) {
                last.add(c);
            } else {
                List<Rect> col = new ArrayList<>();
                col.add(c);
                columns.add(col);
            }
        }
        dropStrayUnits(columns);
        List<MapSheets.Run> sheets = MapSheets.inGaps(ink, columns.stream().map(NeuronParser::bounds).toList());
        if (!sheets.isEmpty()) {
            return MapSheets.chain(columns, sheets);
        }
        List<TextLines.Line> lines = textSource.lines(Cv.grey(bgr));
        List<Element> elements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<Rect> col = columns.get(i);
            Rect box = col.get(0);
            for (Rect r : col) {
                box = BoxFlowParser.union(box, r);
            }
            double left = i > 0 ? (centre(columns.get(i - 1).get(0)) + centre(col.get(0))) / 2 : box.x - box.width * 3;
            double right = i + 1 < columns.size() ? (centre(columns.get(i + 1).get(0)) + centre(col.get(0))) / 2 : box.x + box.width * 4;
            List<String> texts = new ArrayList<>();
            Rect fb = box;
            lines.stream().filter(t -> t.cx() >= left && t.cx() <= right && (t.box().y + t.box().height <= fb.y + 3
                            || t.box().y >= fb.y + fb.height - 3))
                    .sorted(Comparator.comparingInt(t -> t.box().y)).forEach(t -> texts.add(t.text()));
            String text = String.join(" ", texts);
            elements.add(new Element(box, text, Optional.of(label(text, i == 0, i == columns.size() - 1, col.size())), 0.85));
            if (i > 0) {
                links.add(new Link(i - 1, i, 0.8));
            }
        }
        return new Detected(elements, links, false, null);
    }

    /**
     * A lone circle halfway between two layers, much closer to both than layers usually are to each other, is a
     * hole between crossing connection lines, not a layer of one unit.
     */
    private static void dropStrayUnits(List<List<Rect>> columns) {
        if (columns.size() < 4) {
            return;
        }
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < columns.size(); i++) {
            steps.add(centre(columns.get(i).get(0)) - centre(columns.get(i - 1).get(0)));
        }
        double usual = steps.stream().sorted().toList().get(steps.size() / 2);
        for (int i = columns.size() - 2; i >= 1; i--) {
            double x = centre(columns.get(i).get(0));
            if (columns.get(i).size() == 1 && x - centre(columns.get(i - 1).get(0)) < 0.6 * usual
                    && centre(columns.get(i + 1).get(0)) - x < 0.6 * usual) {
                columns.remove(i);
            }
        }
    }

    /**
     * Circles found twice or holes between crossing lines that overlap real circles: while circles overlap, the one
     * overlapping most (then the one furthest from the usual size) is dropped.
     */
    private static List<Rect> distinct(List<Rect> circles) {
        List<Rect> out = new ArrayList<>(circles);
        if (out.isEmpty()) {
            return out;
        }
        int d = out.stream().map(r -> r.width).sorted().toList().get(out.size() / 2);
        while (true) {
            Rect worst = null;
            double worstScore = 0;
            for (Rect c : out) {
                long n = out.stream().filter(o -> o != c && Cv.iou(o, c) > 0).count();
                double score = n * 1000 + Math.abs(c.width - d) + Math.abs(c.height - d);
                if (n > 0 && score > worstScore) {
                    worstScore = score;
                    worst = c;
                }
            }
            if (worst == null) {
                return out;
            }
            out.remove(worst);
        }
    }

    /** Circles grouped by their centre across one axis (byX: columns), each group sorted along the other. */
    private static List<List<Rect>> group(List<Rect> circles, boolean byX, int d) {
        List<Rect> sorted = new ArrayList<>(circles);
        sorted.sort(Comparator.comparingDouble(r -> byX ? centre(r) : r.y + r.height / 2.0));
        List<List<Rect>> out = new ArrayList<>();
        for (Rect c : sorted) {
            List<Rect> last = out.isEmpty() ? null : out.get(out.size() - 1);
            double k = byX ? centre(c) : c.y + c.height / 2.0;
            double lk = last == null ? 0 : byX ? centre(last.get(0)) : last.get(0).y + last.get(0).height / 2.0;
            if (last != null && Math.abs(k - lk) < d / 2.0) {
                last.add(c);
            } else {
                List<Rect> g = new ArrayList<>();
                g.add(c);
                out.add(g);
            }
        }
        for (List<Rect> g : out) {
            g.sort(Comparator.comparingDouble(r -> byX ? r.y : r.x));
        }
        return out;
    }

    /** Median distance between the centres of neighbouring circles within the groups (byX: along a column); 0 if none. */
    private static double spacing(List<List<Rect>> groups, boolean byX) {
        List<Double> gaps = new ArrayList<>();
        for (List<Rect> g : groups) {
            for (int i = 1; i < g.size(); i++) {
                gaps.add(byX ? (double) g.get(i).y - g.get(i - 1).y : (double) g.get(i).x - g.get(i - 1).x);
            }
        }
        return gaps.isEmpty() ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
    }

    /** Mean share of ink on the straight gap between neighbouring circles of each group (byX: vertical neighbours). */
    private static double joined(Mat ink, List<List<Rect>> groups, boolean byX) {
        double sum = 0;
        int n = 0;
        for (List<Rect> g : groups) {
            for (int i = 1; i < g.size(); i++) {
                Rect a = g.get(i - 1);
                Rect b = g.get(i);
                int on = 0;
                int all = 0;
                int from = byX ? a.y + a.height : a.x + a.width;
                int to = byX ? b.y : b.x;
                int mid = byX ? (a.x + a.width / 2 + b.x + b.width / 2) / 2 : (a.y + a.height / 2 + b.y + b.height / 2) / 2;
                for (int t = from + 2; t < to - 2; t++) {
                    int x = byX ? mid : t;
                    int y = byX ? t : mid;
                    if (x >= 0 && y >= 0 && x < ink.cols() && y < ink.rows()) {
                        all++;
                        on += ink.get(y, x)[0] > 0 ? 1 : 0;
                    }
                }
                if (all > 0) {
                    sum += on / (double) all;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * A row cut where a blank band crosses the whole drawing (two panels side by side); a wide gap holding a
     * crossed-out unit stays inside its panel.
     */
    private static List<List<Rect>> split(Mat ink, List<Rect> row, int d, int top, int bottom) {
        List<List<Rect>> out = new ArrayList<>();
        List<Rect> cur = new ArrayList<>();
        for (Rect r : row) {
            Rect last = cur.isEmpty() ? null : cur.get(cur.size() - 1);
            if (last != null && r.x - (last.x + last.width) > d && blankBand(ink, last.x + last.width, r.x, top, bottom, d)) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(r);
        }
        out.add(cur);
        return out;
    }

    /** True when some band of columns at least d/2 wide between x1 and x2 has no ink from top to bottom. */
    private static boolean blankBand(Mat ink, int x1, int x2, int top, int bottom, int d) {
        Rect area = Cv.clip(new Rect(x1, top, x2 - x1, bottom - top), ink);
        if (area.width <= 0 || area.height <= 0) {
            return false;
        }
        Mat cols = new Mat();
        org.opencv.core.Core.reduce(ink.submat(area), cols, 0, org.opencv.core.Core.REDUCE_MAX);
        int run = 0;
        for (int x = 0; x < cols.cols(); x++) {
            run = cols.get(0, x)[0] == 0 ? run + 1 : 0;
            if (run >= d / 2) {
                return true;
            }
        }
        return false;
    }

    /** The unit positions of a panel: centres across the flow used by any of its rows. */
    private static List<Integer> slots(List<List<Rect>> panel, int d) {
        List<Integer> xs = new ArrayList<>();
        for (List<Rect> seg : panel) {
            for (Rect r : seg) {
                int cx = r.x + r.width / 2;
                if (xs.stream().noneMatch(x -> Math.abs(x - cx) < d / 2)) {
                    xs.add(cx);
                }
            }
        }
        return xs;
    }

    /** Empty unit positions of a row holding a crossed-out unit (ink along both diagonals): dropped units. */
    private static int crossed(Mat ink, List<Integer> slots, List<Rect> seg, int cy, int d) {
        int n = 0;
        for (int x : slots) {
            if (seg.stream().anyMatch(r -> Math.abs(r.x + r.width / 2 - x) < d / 2)) {
                continue;
            }
            if (diagonal(ink, x, cy, d, 1) > 0.6 && diagonal(ink, x, cy, d, -1) > 0.6) {
                n++;
            }
        }
        return n;
    }

    private static double diagonal(Mat ink, int cx, int cy, int d, int dir) {
        int on = 0;
        int all = 0;
        int h = (int) (d * 0.22);
        for (int t = -h; t <= h; t++) {
            int x = cx + t;
            int y = cy + dir * t;
            if (x < 1 || y < 1 || x >= ink.cols() - 1 || y >= ink.rows() - 1) {
                continue;
            }
            all++;
            boolean hit = false;
            for (int dy = -1; dy <= 1 && !hit; dy++) {
                for (int dx = -1; dx <= 1 && !hit; dx++) {
                    hit = ink.get(y + dy, x + dx)[0] > 0;
                }
            }
            on += hit ? 1 : 0;
        }
        return all == 0 ? 0 : on / (double) all;
    }

    static Rect bounds(List<Rect> rs) {
        Rect b = rs.get(0);
        for (Rect r : rs) {
            b = BoxFlowParser.union(b, r);
        }
        return b;
    }

    private static boolean spanOverlap(Rect a, Rect b) {
        return Cv.overlapX(a, b) > -1;
    }

    private ParsedLabel label(String text, boolean first, boolean last, int counted) {
        List<Integer> nums = grammar.numbers(text.replaceAll("(?i)(hidden\\s*)?layer\\s*\\d+", " "));
        Integer stated = nums.isEmpty() ? null : nums.get(0);
        Optional<String> act = grammar.activationOf(text);
        if (first) {
            int n = stated != null ? stated : counted;
            return new ParsedLabel("Input", java.util.Map.of("output_shape", List.of(n)), stated == null ? List.of("output_shape") : List.of(),
                    stated == null ? 0.6 : 0.9, List.of(n), null);
        }
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("units", stated != null ? stated : counted);
        act.ifPresent(a -> params.put("activation", a));
        return new ParsedLabel("Dense", params, stated == null ? List.of("units") : List.of(), stated == null ? 0.6 : 0.9, List.of(), null);
    }

    private static boolean round(MatOfPoint c, int min) {
        Rect r = Imgproc.boundingRect(c);
        if (r.width < min || r.height < min || Math.abs(r.width - r.height) > 0.2 * Math.max(r.width, r.height)) {
            return false;
        }
        double area = Imgproc.contourArea(c);
        // the contour runs through boundary pixel centres: its extent is one pixel less than the bounding box
        double circle = Math.PI * (r.width - 1) * (r.height - 1) / 4;
        return area > 0.8 * circle && area < 1.12 * circle && radiusSpread(c) < 0.08;
    }

    /**
     * Coefficient of variation of the contour's distance from its centre: about 0.05 or less for a circle even at
     * 12 px, above 0.09 for the polygons left between crossing connection lines.
     */
    private static double radiusSpread(MatOfPoint c) {
        org.opencv.core.Point[] pts = c.toArray();
        double cx = 0;
        double cy = 0;
        for (org.opencv.core.Point p : pts) {
            cx += p.x;
            cy += p.y;
        }
        cx /= pts.length;
        cy /= pts.length;
        double sum = 0;
        double sq = 0;
        for (org.opencv.core.Point p : pts) {
            double d = Math.hypot(p.x - cx, p.y - cy);
            sum += d;
            sq += d * d;
        }
        double mean = sum / pts.length;
        return mean == 0 ? 1 : Math.sqrt(Math.max(0, sq / pts.length - mean * mean)) / mean;
    }

    private static double centre(Rect r) {
        return r.x + r.width / 2.0;
    }

    /**
     * Round blobs or rings of similar size: contour area close to that of the enclosing circle, near-square box.
     * Rings are read twice: as holes of all ink, and as holes of the lines darker than their surroundings (outlines),
     * because a light fill may count as ink (no hole then, or a speckled one in JPEG noise) and arrowheads touching
     * the rim spoil the filled blob, while the outline keeps its hole.
     */
    static List<Rect> circles(Mat bgr, Mat ink) {
        List<Rect> out = new ArrayList<>();
        Mat outline = new Mat();
        Mat smooth = Cv.grey(bgr);
        // JPEG ringing inside a darker fill would fray the hole's edge
        Imgproc.GaussianBlur(smooth, smooth, new org.opencv.core.Size(3, 3), 0);
        Imgproc.adaptiveThreshold(smooth, outline, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, 15, 12);
        Mat dark = new Mat();
        Imgproc.threshold(Cv.grey(bgr), dark, DARK, 255, Imgproc.THRESH_BINARY_INV);
        for (Mat mask : List.of(ink, outline, dark)) {
            for (Rect r : holes(mask)) {
                if (out.stream().noneMatch(o -> Cv.iou(o, r) > 0.3)) {
                    out.add(r);
                }
            }
        }
        // filled discs: lines erased by an opening first; once rings gave the unit size, an opening half that wide
        // also erases arrowheads touching a disc
        int[] kernels = out.isEmpty() ? new int[] {7} : new int[] {7, Math.max(7, usualDiameter(out) / 2)};
        for (int k : kernels) {
            Mat opened = new Mat();
            Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new org.opencv.core.Size(k, k)));
            List<MatOfPoint> blobs = new ArrayList<>();
            Imgproc.findContours(opened, blobs, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            for (MatOfPoint c : blobs) {
                Rect r = Imgproc.boundingRect(c);
                if (round(c, MIN_DISC) && out.stream().noneMatch(o -> Cv.iou(o, r) > 0.3)) {
                    out.add(r);
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        // units in one figure share a size: keep those near the usual diameter
        int med = usualDiameter(out);
        int m = med;
        out.removeIf(r -> r.width < 0.6 * m || r.width > 1.6 * m);
        return out;
    }

    /**
     * The median diameter weighted by area, so that the many small holes of letters in big type (o, e, a, 0) do not
     * outvote fewer but larger units.
     */
    private static int usualDiameter(List<Rect> found) {
        List<Integer> d = found.stream().map(r -> r.width).sorted().toList();
        long total = d.stream().mapToLong(w -> (long) w * w).sum();
        long run = 0;
        for (int w : d) {
            run += (long) w * w;
            if (2 * run >= total) {
                return w;
            }
        }
        return d.get(d.size() - 1);
    }

    /** Round holes of a mask (connection lines end at the rim, so a unit's inside is clean), grown to the rim. */
    private static List<Rect> holes(Mat mask) {
        List<Rect> out = new ArrayList<>();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(mask.clone(), contours, hierarchy, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_NONE);
        for (int i = 0; i < contours.size(); i++) {
            if (hierarchy.get(0, i)[3] >= 0 && round(contours.get(i), MIN_HOLE)) {
                out.add(Cv.grow(Imgproc.boundingRect(contours.get(i)), 2));
            }
        }
        return out;
    }
}
