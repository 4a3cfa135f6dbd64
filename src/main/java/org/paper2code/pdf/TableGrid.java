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
        int most = rows.stream().mapToInt(List::size).max().orElse(0);
        List<double[]> cols = intervals(rows.stream().filter(r -> r.size() == most).flatMap(List::stream).toList(), rules);
        if (cols.size() != most) {
            cols = intervals(all.stream().filter(c -> c.box().w() < 0.25 * tableW).toList(), rules);
        }
        if (cols.isEmpty()) {
            cols = intervals(all, rules);
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
        double rowBottom = -1e9;
        double rowSize = 0;
        for (Line l : sorted) {
            if (row == null || Math.abs(l.box().y1() - rowBottom) > 0.45 * Math.max(rowSize, l.fontSize())) {
                row = new ArrayList<>();
                rows.add(row);
                rowBottom = l.box().y1();
                rowSize = l.fontSize();
            }
            row.addAll(chunks(l, rules));
        }
        rows.forEach(r -> r.sort(Comparator.comparingDouble(c -> c.box().x())));
        return rows;
    }

    /** Words closer than 0.6 em form one chunk. */
    private static List<Chunk> chunks(Line l, List<Double> rules) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Rect box = Rect.EMPTY;
        for (Line.Word w : l.words()) {
            if (!box.isEmpty() && (w.box().x() - box.x1() > 0.6 * l.fontSize() || ruleBetween(rules, box.x1(), w.box().x()))) {
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

    private static boolean ruleBetween(List<Double> rules, double a, double b) {
        return rules.stream().anyMatch(x -> x > a - 0.5 && x < b + 0.5);
    }

    private static List<double[]> intervals(List<Chunk> chunks, List<Double> rules) {
        List<double[]> iv = new ArrayList<>();
        chunks.stream().sorted(Comparator.comparingDouble(c -> c.box().x()))
                .forEach(c -> {
                    double[] last = iv.isEmpty() ? null : iv.get(iv.size() - 1);
                    if (last != null && c.box().x() <= last[1] + 1 && !ruleBetween(rules, last[1], c.box().x())) {
                        last[1] = Math.max(last[1], c.box().x1());
                    } else {
                        iv.add(new double[] {c.box().x(), c.box().x1()});
                    }
                });
        return iv;
    }
}
