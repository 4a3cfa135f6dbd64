package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page's lines in reading order. Two-column pages are found by the vertical strip near the
 * middle that the fewest lines cross; lines crossing it (titles, wide captions) cut the page
 * into bands, and within a band the left column is read before the right one, so columns never
 * interleave.
 *
 * @param gutter x of the column gap, NaN on single-column pages
 */
record PageLayout(int page, double width, double height, double gutter, List<Line> ordered, List<Graphic> graphics) {

    static PageLayout of(int page, double width, double height, List<Line> lines, List<Graphic> graphics, double bodySize,
                         double documentGutter) {
        double gutter = findGutter(width, lines, bodySize);
        if (Double.isNaN(gutter) && !Double.isNaN(documentGutter) && fits(documentGutter, lines, bodySize)) {
            gutter = documentGutter; // a page whose right column is one tall figure still has two columns
        }
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble((Line l) -> l.box().y()).thenComparingDouble(l -> l.box().x()));
        if (Double.isNaN(gutter)) {
            return new PageLayout(page, width, height, gutter, List.copyOf(sorted), List.copyOf(graphics));
        }
        List<Line> ordered = new ArrayList<>();
        List<Line> left = new ArrayList<>();
        List<Line> right = new ArrayList<>();
        for (Line l : sorted) {
            int c = column(l, gutter);
            if (c < 0) {
                flush(ordered, left, right);
                ordered.add(l);
            } else {
                (c == 0 ? left : right).add(l);
            }
        }
        flush(ordered, left, right);
        return new PageLayout(page, width, height, gutter, List.copyOf(ordered), List.copyOf(graphics));
    }

    boolean twoColumns() {
        return !Double.isNaN(gutter);
    }

    int columns() {
        return twoColumns() ? 2 : 1;
    }

    /** 0 left (or the only column), 1 right, -1 crossing the gutter. */
    int columnOf(Rect r) {
        if (!twoColumns()) {
            return 0;
        }
        if (r.x() < gutter - 4 && r.x1() > gutter + 4) {
            return -1;
        }
        return r.cx() < gutter ? 0 : 1;
    }

    /** The horizontal extent of a column (-1: the whole page). */
    double[] span(int column) {
        if (column < 0 || !twoColumns()) {
            return new double[] {0, width};
        }
        return column == 0 ? new double[] {0, gutter} : new double[] {gutter, width};
    }

    private static int column(Line l, double gutter) {
        if (l.box().x() < gutter - 4 && l.box().x1() > gutter + 4) {
            return -1;
        }
        return l.box().cx() < gutter ? 0 : 1;
    }

    private static void flush(List<Line> out, List<Line> left, List<Line> right) {
        out.addAll(left);
        out.addAll(right);
        left.clear();
        right.clear();
    }

    /** Whether the page's running text leaves the document's gutter free and has text on both sides. */
    static boolean fits(double gutter, List<Line> lines, double bodySize) {
        List<Line> body = lines.stream().filter(l -> Math.abs(l.fontSize() - bodySize) <= 1.2 && l.wordCount() >= 3).toList();
        long cross = body.stream().filter(l -> l.box().x() < gutter - 2 && l.box().x1() > gutter + 2).count();
        long left = body.stream().filter(l -> l.box().x1() <= gutter + 2).count();
        return body.size() >= 5 && cross <= 0.1 * body.size() && left >= 3;
    }

    /** The x of the column gap, or NaN when the page reads as one column. */
    static double findGutter(double width, List<Line> lines, double bodySize) {
        List<Line> body = lines.stream()
                .filter(l -> Math.abs(l.fontSize() - bodySize) <= 1.2 && l.wordCount() >= 3 && l.box().w() > 0.2 * width)
                .toList();
        if (body.size() < 10) {
            return Double.NaN;
        }
        double best = Double.NaN;
        int bestCross = Integer.MAX_VALUE;
        for (double x = 0.38 * width; x <= 0.62 * width; x += 1.5) {
            int cross = 0;
            for (Line l : body) {
                if (l.box().x() < x - 2 && l.box().x1() > x + 2) {
                    cross++;
                }
            }
            double mid = Math.abs(x - width / 2);
            if (cross < bestCross || (cross == bestCross && mid < Math.abs(best - width / 2))) {
                bestCross = cross;
                best = x;
            }
        }
        final double g = best;
        long left = body.stream().filter(l -> l.box().x1() <= g + 2 && l.box().w() > 0.28 * width).count();
        long right = body.stream().filter(l -> l.box().x() >= g - 2 && l.box().w() > 0.28 * width).count();
        if (left >= 4 && right >= 4 && bestCross <= 0.2 * (left + right)) {
            return best;
        }
        return Double.NaN;
    }
}
