package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups characters into lines: rows by baseline (super- and subscripts join their row), rows
 * split wherever a gap is wider than about one em (column gutters, table cells), spaces
 * inserted at word gaps.
 */
final class LineBuilder {
    private LineBuilder() {
    }

    static List<Line> build(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(g -> g.box().x()));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = null;
        double rowBase = 0;
        double rowSize = 0;
        for (Glyph g : sorted) {
            if (g.text().isBlank() && row == null) {
                continue;
            }
            if (row != null && Math.abs(g.baseline() - rowBase) <= 0.4 * Math.max(rowSize, g.fontSize())) {
                row.add(g);
                if (g.fontSize() > rowSize + 0.01) {
                    rowSize = g.fontSize();
                    rowBase = g.baseline();
                }
            } else {
                row = new ArrayList<>();
                row.add(g);
                rows.add(row);
                rowBase = g.baseline();
                rowSize = g.fontSize();
            }
        }
        joinSuperscripts(rows);
        List<Line> lines = new ArrayList<>();
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(g -> g.box().x()));
            List<Glyph> seg = new ArrayList<>();
            double lastX1 = Double.NaN;
            for (Glyph g : r) {
                double em = Math.max(g.fontSize(), seg.isEmpty() ? 0 : seg.get(0).fontSize());
                double split = isNumber(seg) ? 3.0 * em : 1.0 * em; // "1<quad>INTRODUCTION" stays one heading line
                if (!seg.isEmpty() && g.box().x() - lastX1 > split) {
                    addLine(lines, seg);
                    seg = new ArrayList<>();
                }
                if (g.text().isBlank() && seg.isEmpty()) {
                    continue;
                }
                seg.add(g);
                lastX1 = seg.size() == 1 ? g.box().x1() : Math.max(lastX1, g.box().x1());
                if (g.text().isBlank()) {
                    lastX1 = Math.max(lastX1, g.box().x());
                }
            }
            addLine(lines, seg);
        }
        lines = splitAtAlignedGaps(lines);
        lines.sort(Comparator.comparingDouble((Line l) -> l.box().y()).thenComparingDouble(l -> l.box().x()));
        return lines;
    }

    /**
     * Two captions set side by side with a narrow gap (less than the 1 em rows split at) read as one
     * line. A line is cut before a word that follows a gap of 0.3 em or more when lines just above and
     * just below both start at that word's x: the left edge of a second block of text.
     */
    static List<Line> splitAtAlignedGaps(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            int cut = -1;
            double em = l.fontSize();
            for (int k = 1; k < l.words().size() && cut < 0; k++) {
                Rect w = l.words().get(k).box();
                double gap = w.x() - l.words().get(k - 1).box().x1();
                if (gap >= 0.3 * em && startsAt(lines, l, w.x(), -1) && startsAt(lines, l, w.x(), 1)) {
                    cut = k;
                }
            }
            if (cut < 0) {
                out.add(l);
            } else {
                out.add(part(l, l.words().subList(0, cut), l.firstBold()));
                out.add(part(l, l.words().subList(cut, l.words().size()), false));
            }
        }
        return out;
    }

    /** Whether another line within 2.5 line heights above (dir -1) or below (+1) l starts at x. */
    private static boolean startsAt(List<Line> lines, Line l, double x, int dir) {
        double h = Math.max(l.box().h(), l.fontSize());
        for (Line o : lines) {
            double dy = (o.box().y() - l.box().y()) * dir;
            if (o != l && dy > 0.5 * h && dy < 2.5 * h && Math.abs(o.box().x() - x) < 0.8) {
                return true;
            }
        }
        return false;
    }

    private static Line part(Line l, List<Line.Word> words, boolean firstBold) {
        Rect box = Rect.EMPTY;
        for (Line.Word w : words) {
            box = box.union(w.box());
        }
        String text = String.join(" ", words.stream().map(Line.Word::text).toList());
        return new Line(box, text, List.copyOf(words), l.fontSize(), l.bold(), firstBold);
    }

    /**
     * A row of small glyphs only (a superscript such as the "10" of "e^10") raised up to 0.55 em over the
     * row below joins that row: it sits higher than the 0.4 em rows allow (which keep tightly set lines
     * apart), and left alone it would split its line in two at the gap it leaves.
     */
    private static void joinSuperscripts(List<List<Glyph>> rows) {
        for (int i = rows.size() - 2; i >= 0; i--) {
            List<Glyph> sup = rows.get(i);
            List<Glyph> below = rows.get(i + 1);
            double supSize = sup.stream().mapToDouble(Glyph::fontSize).max().orElse(0);
            double size = below.stream().mapToDouble(Glyph::fontSize).max().orElse(0);
            double supBase = sup.stream().mapToDouble(Glyph::baseline).max().orElse(0);
            double base = below.stream().mapToDouble(Glyph::baseline).min().orElse(0);
            double x0 = below.stream().mapToDouble(g -> g.box().x()).min().orElse(0);
            double x1 = below.stream().mapToDouble(g -> g.box().x1()).max().orElse(0);
            boolean inside = sup.stream().allMatch(g -> g.box().x() >= x0 - 2 && g.box().x1() <= x1 + 2);
            if (supSize < 0.85 * size && base - supBase > 0 && base - supBase <= 0.55 * size && inside && sup.size() <= 6) {
                below.addAll(sup);
                rows.remove(i);
            }
        }
    }

    private static boolean isNumber(List<Glyph> seg) {
        if (seg.isEmpty() || seg.size() > 6) {
            return false;
        }
        for (int i = 1; i < seg.size(); i++) {
            if (seg.get(i).box().x() - seg.get(i - 1).box().x1() > 0.25 * seg.get(i).fontSize()) {
                return false; // "66.4 21": two table cells, not one section number
            }
        }
        StringBuilder sb = new StringBuilder();
        seg.forEach(g -> sb.append(g.text()));
        return sb.toString().strip().matches("(\\d+|[A-Z])(\\.\\d+)*\\.?");
    }

    private static void addLine(List<Line> out, List<Glyph> seg) {
        while (!seg.isEmpty() && seg.get(seg.size() - 1).text().isBlank()) {
            seg.remove(seg.size() - 1);
        }
        if (seg.isEmpty()) {
            return;
        }
        List<Line.Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        Rect wordBox = Rect.EMPTY;
        double prevX1 = Double.NaN;
        Map<Double, Integer> sizes = new HashMap<>();
        int boldCount = 0;
        int chars = 0;
        Rect box = Rect.EMPTY;
        boolean firstBold = false;
        for (Glyph g : seg) {
            boolean space = g.text().isBlank();
            boolean gap = !Double.isNaN(prevX1) && g.box().x() - prevX1 > 0.16 * g.fontSize();
            if ((space || gap) && word.length() > 0) {
                words.add(new Line.Word(word.toString(), wordBox));
                word.setLength(0);
                wordBox = Rect.EMPTY;
            }
            if (!space) {
                word.append(g.text());
                wordBox = wordBox.union(g.box());
                box = box.union(g.box());
                sizes.merge(Math.round(g.fontSize() * 2) / 2.0, g.text().length(), Integer::sum);
                chars += g.text().length();
                if (g.bold()) {
                    boldCount += g.text().length();
                }
                if (words.isEmpty()) {
                    firstBold = g.bold();
                }
                prevX1 = g.box().x1();
            } else {
                prevX1 = Math.max(Double.isNaN(prevX1) ? g.box().x() : prevX1, g.box().x());
            }
        }
        if (word.length() > 0) {
            words.add(new Line.Word(word.toString(), wordBox));
        }
        if (words.isEmpty()) {
            return;
        }
        double size = sizes.entrySet().stream().max(Map.Entry.<Double, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).get().getKey();
        String text = String.join(" ", words.stream().map(Line.Word::text).toList());
        out.add(new Line(box, text, List.copyOf(words), size, boldCount * 2 > chars, firstBold));
    }
}
