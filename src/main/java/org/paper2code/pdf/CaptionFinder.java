package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds captions, the anchors for figures and tables (as PDFFigures 2.0 does): lines that
 * start "Figure N", "Fig. N" or "Table N" and look like a caption rather than a sentence that
 * mentions one (punctuation after the number, a bold label, a smaller font, a gap above). When
 * a label occurs several times the most caption-like occurrence wins. The caption's text is the
 * run of lines below it in the same column with caption spacing.
 */
final class CaptionFinder {
    static final Pattern START = Pattern.compile(
            "^(Figure|FIGURE|Fig\\.?|FIG\\.?|Table|TABLE|Tab\\.)\\s*([0-9]{1,3}|[IVX]{1,6})(?![0-9])(.*)$");

    private CaptionFinder() {
    }

    record Candidate(PageLayout page, Line line, boolean table, String label, String number, int score) {
    }

    static Map<Integer, List<Caption>> find(List<PageLayout> pages, double bodySize, Set<String> compounds) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (PageLayout p : pages) {
            for (int i = 0; i < p.ordered().size(); i++) {
                Line l = p.ordered().get(i);
                Candidate c = candidate(p, l, bodySize);
                if (c == null) {
                    continue;
                }
                String key = (c.table ? "T" : "F") + c.number;
                Candidate old = best.get(key);
                if (old == null || c.score > old.score) {
                    best.put(key, c);
                }
            }
        }
        Map<Integer, List<Caption>> out = new LinkedHashMap<>();
        Set<Line> starts = new HashSet<>();
        best.values().forEach(c -> starts.add(c.line));
        for (Candidate c : best.values()) {
            out.computeIfAbsent(c.page.page(), k -> new ArrayList<>()).add(block(c, starts, compounds));
        }
        return out;
    }

    static Candidate candidate(PageLayout p, Line l, double bodySize) {
        Matcher m = START.matcher(l.text());
        if (!m.matches()) {
            return null;
        }
        String word = m.group(1);
        boolean table = word.toLowerCase().startsWith("tab");
        String rest = m.group(3);
        int score = 0;
        String r = rest.strip();
        if (r.startsWith(":") || r.startsWith("|")) {
            score += 3;
        } else if (r.startsWith(".")) {
            score += 2;
        } else if (r.isEmpty()) {
            score += 1;
        } else if (Character.isUpperCase(r.charAt(0)) && rest.startsWith(" ")) {
            score += 0;
        } else {
            score -= 4;
        }
        if (l.firstBold() && !l.bold()) {
            score += 2;
        }
        if (l.fontSize() < bodySize - 0.4) {
            score += 1;
        }
        Line prev = lineAbove(p, l);
        if (prev == null || l.box().y() - prev.box().y1() > 0.6 * l.fontSize()) {
            score += 1;
        } else if (Math.abs(prev.fontSize() - l.fontSize()) < 0.3 && !prev.text().endsWith(".")
                && Math.abs(prev.box().x() - l.box().x()) < 3 && !CaptionFinder.START.matcher(prev.text()).matches()) {
            score -= 3;
        }
        if (score < 1) {
            return null;
        }
        String norm = word.startsWith("F") || word.startsWith("f") ? (word.length() > 4 ? "Figure" : "Fig.")
                : "Table";
        if (word.equals("Tab.")) {
            norm = "Table";
        }
        return new Candidate(p, l, table, norm + " " + m.group(2), m.group(2), score);
    }

    /** The nearest line above l that overlaps it horizontally. */
    static Line lineAbove(PageLayout p, Line l) {
        Line best = null;
        for (Line o : p.ordered()) {
            if (o != l && o.box().y1() <= l.box().y() + 1 && o.box().xOverlap(l.box()) > 0.3 * Math.min(o.box().w(), l.box().w())) {
                if (best == null || o.box().y1() > best.box().y1()) {
                    best = o;
                }
            }
        }
        return best;
    }

    /**
     * Whether a line below continues the caption by its size: the same size, or (font sizes read from
     * expanded or scaled fonts wobble by a point from line to line) nearly the same size and aligned
     * with the caption's left edge or centred under it.
     */
    private static boolean sameFont(Line next, double size, Rect caption) {
        double d = Math.abs(next.fontSize() - size);
        if (d <= 0.6) {
            return true;
        }
        boolean aligned = Math.abs(next.box().x() - caption.x()) < 2.5 || Math.abs(next.box().cx() - caption.cx()) < 2.5;
        return d <= 1.1 && aligned;
    }

    private static Caption block(Candidate c, Set<Line> starts, Set<String> compounds) {
        PageLayout p = c.page;
        int col = p.columnOf(c.line.box());
        double[] span = p.span(col);
        List<Line> lines = new ArrayList<>();
        lines.add(c.line);
        Rect box = c.line.box();
        Rect firstBox = box;
        double size = c.line.fontSize();
        while (true) {
            double bottom = box.y1();
            Line next = null;
            for (Line o : p.ordered()) {
                if (lines.contains(o) || starts.contains(o) || o.box().y() < bottom - 0.3 * size) {
                    continue;
                }
                double ov = Math.max(0, Math.min(span[1], o.box().x1()) - Math.max(span[0], o.box().x()));
                if (ov < 0.7 * o.box().w() || o.box().xOverlap(box) <= 0) {
                    continue;
                }
                if (next == null || o.box().y() < next.box().y()) {
                    next = o;
                }
            }
            if (next == null || next.box().y() - bottom > 0.65 * size || !sameFont(next, size, box)) {
                break;
            }
            // row-mates (a line split by a wide gap) join too
            final Line n = next;
            List<Line> row = new ArrayList<>(p.ordered().stream().filter(o -> !lines.contains(o)
                    && Math.abs(o.box().y() - n.box().y()) < 0.3 * size && o.box().xOverlap(firstBox) > 0
                    && !starts.contains(o)).toList());
            row.sort(java.util.Comparator.comparingDouble(o -> o.box().x()));
            for (Line o : row) {
                lines.add(o);
                box = box.union(o.box());
            }
            if (lines.size() > 40) {
                break;
            }
        }
        StringBuilder text = new StringBuilder();
        for (Line l : lines) {
            TextJoin.append(text, l.text(), compounds);
        }
        return new Caption(c.table, c.label, c.number, List.copyOf(lines), box, text.toString(), col);
    }
}
