package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Feature maps drawn as upright sheets (slanted parallelograms with solid upright sides) between the columns of units of
 * a network-in-network drawing: there the columns are per-pixel perceptrons (1x1 convolutions) and each run of sheets
 * between them is one convolution, the first run also holding the input map. Dashed connectors and text are too short
 * to be a sheet's side; the boxes drawn around the columns are skipped, and so are upright strips inside a dense fan of
 * connections.
 */
final class MapSheets {
    /** The sheets drawn in one gap: the bounds of their upright sides and how many sides (two per whole sheet). */
    record Run(Rect bounds, int sides) {
        Run plus(Rect side) {
            return new Run(BoxFlowParser.union(bounds, side), sides + 1);
        }
    }

    private MapSheets() {
    }

    /**
     * The sheets drawn in each gap of a left-to-right chain of columns (gap 0 before the first column, gap i between
     * columns i-1 and i, gap n after the last): the run of sheets there, or null when none. Empty when
     * fewer than two gaps hold sheets (not a drawing of maps and units).
     */
    static List<Run> inGaps(Mat ink, List<Rect> columns) {
        int tallest = columns.stream().mapToInt(c -> c.height).max().orElse(0);
        int unit = columns.stream().mapToInt(c -> c.width).min().orElse(0);
        if (columns.size() < 2 || tallest <= 0) {
            return List.of();
        }
        int minSide = Math.max(3 * unit, (int) Math.round(0.6 * tallest));
        Mat sides = new Mat();
        Imgproc.morphologyEx(ink, sides, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, minSide)));
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(sides, labels, stats, new Mat(), 8, CvType.CV_32S);
        List<Run> gaps = new ArrayList<>();
        for (int g = 0; g <= columns.size(); g++) {
            gaps.add(null);
        }
        for (int c = 1; c < n; c++) {
            Rect r = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            int cx = r.x + r.width / 2;
            // a column's own frame is drawn within about a unit of its circles
            boolean frame = columns.stream().anyMatch(col -> cx >= col.x - unit && cx <= col.x + col.width + unit);
            if (frame || !standsClear(ink, r)) {
                continue;
            }
            int g = 0;
            while (g < columns.size() && columns.get(g).x + columns.get(g).width / 2 < cx) {
                g++;
            }
            gaps.set(g, gaps.get(g) == null ? new Run(r, 1) : gaps.get(g).plus(r));
        }
        long held = gaps.stream().filter(r -> r != null).count();
        return held >= 2 ? gaps : List.of();
    }

    /** Most ink beside a sheet's side (a sheet's side is a line on the page; strips in a fan of dense connections are not). */
    private static final double CLEAR_BESIDE = 0.5;

    /**
     * Whether an upright side stands clear: the 3 px strips left and right of its middle three fifths hold little ink.
     * Where lines fan out densely between two columns, the opening leaves upright strips that sit inside ink.
     */
    static boolean standsClear(Mat ink, Rect side) {
        int y0 = side.y + side.height / 5;
        int h = Math.max(1, side.height * 3 / 5);
        double beside = 0;
        int strips = 0;
        for (int x : new int[] {side.x - 4, side.x + side.width + 1}) {
            Rect strip = new Rect(Math.max(0, x), y0, 3, h);
            if (strip.x + strip.width > ink.cols() || strip.y + strip.height > ink.rows()) {
                continue;
            }
            beside += Core.countNonZero(ink.submat(strip)) / (double) strip.area();
            strips++;
        }
        return strips == 0 || beside / strips < CLEAR_BESIDE;
    }

    /**
     * The layers of a drawing of maps and units, left to right: the first run of sheets is the input (and, when it
     * shows more than one sheet's two sides, a convolution after it), every later run of sheets one convolution, every column
     * before the last run a 1x1 convolution with a filter per unit, a column after it a dense layer (the classes).
     */
    static StyleParser.Detected chain(List<List<Rect>> columns, List<Run> sheets) {
        int lastRun = sheets.size() - 1;
        while (sheets.get(lastRun) == null) {
            lastRun--;
        }
        List<Element> elements = new ArrayList<>();
        for (int g = 0; g < sheets.size(); g++) {
            Run run = sheets.get(g);
            if (run != null) {
                if (elements.isEmpty()) {
                    elements.add(layer(run.bounds(), new ParsedLabel("Input", Map.of("output_shape", List.of(3, -1, -1)), List.of("output_shape"), 0.6,
                            List.of(), null)));
                }
                if (g > 0 || run.sides() > 2) {
                    elements.add(layer(run.bounds(), new ParsedLabel("Conv2D", Map.of("filters", 64, "kernel_row", 3), List.of("filters", "kernel_row"),
                            0.5, List.of(), null)));
                }
            }
            if (g < columns.size()) {
                List<Rect> col = columns.get(g);
                ParsedLabel unit = g < lastRun
                        ? new ParsedLabel("Conv2D", Map.of("filters", col.size(), "kernel_row", 1), List.of("filters"), 0.6, List.of(), null)
                        : new ParsedLabel("Dense", Map.of("units", col.size()), List.of("units"), 0.6, List.of(), null);
                elements.add(layer(NeuronParser.bounds(col), unit));
            }
        }
        List<Link> links = new ArrayList<>();
        for (int i = 1; i < elements.size(); i++) {
            links.add(new Link(i - 1, i, 0.7));
        }
        return new StyleParser.Detected(elements, links, false, null);
    }

    private static Element layer(Rect box, ParsedLabel label) {
        return new Element(box, "", Optional.of(label), 0.7);
    }
}
