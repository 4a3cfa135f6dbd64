package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the words inside a table's box into a grid. Rows are text baselines; columns are the
 * x-intervals that the cell chunks (words closer than about one em) occupy, found from the
 * narrow chunks first so that a header spanning several columns does not merge them. A chunk
 * goes into the column under its centre; several in one cell are joined with a space.
 */
final class TableGrid {
    /**
     * Lines whose baselines differ by more than this many ems start a new row. ResNet's Table 1 interleaves
     * the lines of two- and three-line cells 3.5 to 3.9 pt (0.4 em) apart: a looser tolerance fuses them.
     */
    private static final double ROW_TOLERANCE = 0.33;
    /** ... or that overlap it vertically for this share of the lower one's height. ResNet's interleaved lines overlap 54%. */
    private static final double OVERLAP = 0.75;

    private static final java.util.regex.Pattern MULTIPLIER = java.util.regex.Pattern.compile("[×xX]\\s*\\d{1,3}");

    private TableGrid() {
    }

    record Chunk(String text, Rect box) {
    }

    /** @param rules x positions of vertical rules drawn in the table: cells never cross them */
    static List<List<String>> cells(List<Line> lines, List<Double> rules) {
        List<List<Chunk>> rows = rows(lines, rules);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Chunk> all = rows.stream().flatMap(List::stream).toList();
        double tableW = all.stream().mapToDouble(c -> c.box().x1()).max().orElse(0)
                - all.stream().mapToDouble(c -> c.box().x()).min().orElse(0);
        // the fullest rows show every column: take the column intervals from them
        // only chunks with a letter or digit define columns: bracket pieces and blank glyphs (ResNet's tall
        // brackets) would make columns of their own; a chunk that crosses a drawn rule spans columns
        // (ResNet's "7x7, 64, stride 2") and must not merge them
        List<List<Chunk>> defining = rows.stream()
                .map(r -> r.stream().filter(c -> c.text().codePoints().anyMatch(Character::isLetterOrDigit)
                        && !crossesRule(rules, c.box())).toList()).toList();
        int most = defining.stream().mapToInt(List::size).max().orElse(0);
        List<double[]> cols = intervals(defining.stream().filter(r -> r.size() == most).flatMap(List::stream).toList(), rules);
        if (cols.size() != most) {
            cols = intervals(defining.stream().flatMap(List::stream).filter(c -> c.box().w() < 0.25 * tableW).toList(), rules);
        }
        if (cols.isEmpty()) {
            cols = intervals(all, rules);
        }
        List<double[]> bands = bands(cols, rules, defining.stream().flatMap(List::stream).toList());
        if (bands != null) {
            cols = bands;
        }
        List<List<String>> grid = new ArrayList<>();
        for (List<Chunk> row : rows) {
            String[] cells = new String[cols.size()];
            for (Chunk c : row) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int k = 0; k < cols.size(); k++) {
                    double[] iv = cols.get(k);
                    double d = c.box().cx() < iv[0] ? iv[0] - c.box().cx() : c.box().cx() > iv[1] ? c.box().cx() - iv[1] : 0;
                    if (d < bestD) {
                        bestD = d;
                        best = k;
                    }
                }
                cells[best] = cells[best] == null ? c.text() : cells[best] + " " + c.text();
            }
            List<String> r = new ArrayList<>();
            for (String s : cells) {
                r.add(s == null ? "" : s);
            }
            grid.add(r);
        }
        return grid;
    }

    private static List<List<Chunk>> rows(List<Line> lines, List<Double> rules) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble((Line l) -> l.box().y1()).thenComparingDouble(l -> l.box().x()));
        List<List<Chunk>> rows = new ArrayList<>();
        List<Chunk> row = null;
        Rect rowBox = Rect.EMPTY;
        double rowSize = 0;
        for (Line l : sorted) {
            if (row == null || !sameRow(rowBox, rowSize, l)) {
                row = new ArrayList<>();
                rows.add(row);
                rowBox = l.box();
                rowSize = l.fontSize();
            }
            row.addAll(chunks(l, rules));
        }
        rows.forEach(r -> r.sort(Comparator.comparingDouble(c -> c.box().x())));
        return rows;
    }

    /**
     * A line belongs to the row whose first line has (nearly) its baseline, or overlaps that line for most
     * of its height (a word with a subscript, "AP_S", reaches lower; a superscript line sits higher).
     */
    private static boolean sameRow(Rect rowBox, double rowSize, Line l) {
        if (Math.abs(l.box().y1() - rowBox.y1()) <= ROW_TOLERANCE * Math.max(rowSize, l.fontSize())) {
            return true;
        }
        double overlap = Math.min(rowBox.y1(), l.box().y1()) - Math.max(rowBox.y(), l.box().y());
        return overlap >= OVERLAP * Math.min(rowBox.h(), l.box().h());
    }

    /** Words closer than 0.6 em form one chunk, unless a rule runs between them. */
    private static List<Chunk> chunks(Line l, List<Double> rules) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Rect box = Rect.EMPTY;
        for (Line.Word w : l.words()) {
            double gap = w.box().x() - box.x1();
            // a rule splits words only across a gap wider than a word space: a spanning cell's words stay together
            if (!box.isEmpty() && (gap > 0.6 * l.fontSize() || gap > 0.3 * l.fontSize() && ruleBetween(rules, box.x1(), w.box().x()))) {
                out.add(new Chunk(sb.toString(), box));
                sb.setLength(0);
                box = Rect.EMPTY;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.text());
            box = box.union(w.box());
        }
        if (sb.length() > 0) {
            out.add(new Chunk(sb.toString(), box));
        }
        return out;
    }

    /**
     * In a fully ruled table (a rule between every two columns) the rules are the column boundaries: a
     * cell's parts that stand apart (ResNet's block "3x3, 64" and its multiplier "x3") stay one cell.
     * Null when the rules do not rule every column boundary the chunks show.
     */
    private static List<double[]> bands(List<double[]> cols, List<Double> rules, List<Chunk> chunks) {
        if (rules.size() < 2 || cols.size() < 3) {
            return null;
        }
        List<Double> xs = rules.stream().sorted().toList();
        List<double[]> bands = new ArrayList<>();
        for (double[] iv : cols) {
            double[] last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (last != null && !ruleBetween(xs, last[1], iv[0])) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                bands.add(new double[] {iv[0], iv[1]});
            }
        }
        // a band holding two chunk columns means an unruled boundary, unless the second holds only
        // block multipliers ("x3") that belong to the cell beside them
        int k = 0;
        for (double[] b : bands) {
            int n = 0;
            while (k < cols.size() && cols.get(k)[0] >= b[0] - 0.5 && cols.get(k)[1] <= b[1] + 0.5) {
                if (n > 0 && !multipliersOnly(cols.get(k), chunks)) {
                    return null;
                }
                n++;
                k++;
            }
        }
        return bands.size() >= 3 ? bands : null;
    }

    private static boolean multipliersOnly(double[] col, List<Chunk> chunks) {
        List<Chunk> in = chunks.stream().filter(c -> c.box().cx() >= col[0] && c.box().cx() <= col[1]).toList();
        return !in.isEmpty() && in.stream().allMatch(c -> MULTIPLIER.matcher(c.text().strip()).matches());
    }

    private static boolean crossesRule(List<Double> rules, Rect box) {
        return rules.stream().anyMatch(x -> x > box.x() + 1 && x < box.x1() - 1);
    }

    private static boolean ruleBetween(List<Double> rules, double a, double b) {
        return rules.stream().anyMatch(x -> x > a - 0.5 && x < b + 0.5);
    }

    private static List<double[]> intervals(List<Chunk> chunks, List<Double> rules) {
        List<double[]> iv = new ArrayList<>();
        chunks.stream().sorted(Comparator.comparingDouble(c -> c.box().x()))
                .forEach(c -> {
                    double[] last = iv.isEmpty() ? null : iv.get(iv.size() - 1);
                    if (last != null && c.box().x() <= last[1] + 1 && !ruleBetween(rules, last[0], c.box().x1())) {
                        last[1] = Math.max(last[1], c.box().x1());
                    } else {
                        iv.add(new double[] {c.box().x(), c.box().x1()});
                    }
                });
        return iv;
    }
}
