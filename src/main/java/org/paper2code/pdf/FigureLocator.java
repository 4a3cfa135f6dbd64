package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the box of each captioned figure or table on a page. From the caption it looks into the
 * caption's column (the whole page for a wide caption or wide drawing): above for figures,
 * below for tables, the other way when that side is empty; the search stops at the nearest line of
 * running text or another caption. Inside, it grows a cluster from the caption: drawing operations
 * (paths, images) within 4 caption em of the cluster (40 points at 10 pt), text lines within 2 em. Raster images of
 * some size that no caption claims become uncaptioned figures.
 */
final class FigureLocator {
    private static final Pattern HEADING = Pattern.compile("^(\\d+(\\.\\d+)*\\.?|[A-Z]\\.(\\d+\\.?)*)\\s+\\p{Lu}.*");
    /** Cluster gaps in caption font sizes (40 and 20 points at 10 pt). */
    private static final Pattern SECTION_NUMBER = Pattern.compile("(\\d+)");
    /** No paper numbers its sections beyond this. */
    private static final int MAX_SECTION = 30;
    private static final double GRAPHIC_GAP = 4;
    private static final double TEXT_GAP = 2;

    private final PageLayout page;
    private final double bodySize;
    private final List<Caption> captions;
    private final Set<Line> captionLines = new HashSet<>();

    FigureLocator(PageLayout page, double bodySize, List<Caption> captions) {
        this.page = page;
        this.bodySize = bodySize;
        this.captions = captions;
        captions.forEach(c -> captionLines.addAll(c.lines()));
    }

    List<Region> locate() {
        List<Region> out = new ArrayList<>();
        for (Caption c : captions) {
            Region r = locate(c);
            if (r != null) {
                out.add(r);
            }
        }
        out.addAll(uncaptionedImages(out));
        return out;
    }

    /**
     * Figures: above the caption unless nothing is there. Tables: the side whose content starts
     * nearer the caption (captions sit close to their own table, farther from the next one).
     */
    private Region locate(Caption c) {
        Region up = search(c, true, c.column());
        Region down = search(c, false, c.column());
        if (up == null || down == null) {
            return up != null ? up : down;
        }
        if (!c.table()) {
            return up;
        }
        double gapUp = c.box().y() - up.box().y1();
        double gapDown = down.box().y() - c.box().y1();
        return gapUp <= gapDown + 2 ? up : down;
    }

    /** The caption's column, or for a narrow off-centre caption (a wrapped figure) the side of the page it is on. */
    private double[] spanFor(Caption c, int column) {
        double[] span = page.span(column);
        double w = span[1] - span[0];
        double mid = (span[0] + span[1]) / 2;
        // text running beside the caption or just above it: a wrapped figure
        Rect near = new Rect(c.box().x(), c.box().y() - 6 * c.lines().get(0).fontSize(), c.box().w(),
                c.box().h() + 6 * c.lines().get(0).fontSize());
        boolean textBeside = page.ordered().stream().anyMatch(l -> !c.lines().contains(l) && l.wordCount() >= 3
                && l.box().y() < near.y1() && l.box().y1() > near.y() && l.box().xOverlap(near) <= 0
                && l.box().x() >= span[0] && l.box().x1() <= span[1]);
        if (textBeside && c.box().w() < 0.6 * w && Math.abs(c.box().cx() - mid) > 0.12 * w) {
            return c.box().cx() > mid ? new double[] {Math.max(span[0], c.box().x() - 15), span[1]}
                    : new double[] {span[0], Math.min(span[1], c.box().x1() + 15)};
        }
        return span;
    }

    private Region search(Caption c, boolean above, int column) {
        double[] span = spanFor(c, column);
        Rect window = window(c, above, span);
        Grown g = grow(c, window, above);
        if (g == null) {
            return null;
        }
        if (column >= 0 && page.twoColumns()) {
            // a drawing that runs into the other column belongs to a page-wide figure
            boolean crosses = page.graphics().stream().anyMatch(x -> x.box().overlapArea(window) > 0
                    && x.box().distance(g.box) < GRAPHIC_GAP * c.lines().get(0).fontSize() && (x.box().x() < span[0] - 6 || x.box().x1() > span[1] + 6));
            if (crosses) {
                Region wide = search(c, above, -1);
                if (wide != null) {
                    return wide;
                }
            }
        }
        if (!c.table() && !g.hasGraphics) {
            return null;
        }
        if (c.table() && g.lines.isEmpty() && !g.hasGraphics) {
            return null;
        }
        Paper.FigureKind kind = g.hasImage && g.hasPath ? Paper.FigureKind.MIXED
                : g.hasImage ? Paper.FigureKind.RASTER : Paper.FigureKind.VECTOR;
        if (g.hasImage && !g.hasPath && !g.lines.isEmpty()) {
            kind = Paper.FigureKind.MIXED;
        }
        return new Region(c, g.box, kind, g.lines, c.table());
    }

    /** The area between the caption and the nearest running text (or other caption, or page edge). */
    private Rect window(Caption c, boolean above, double[] span) {
        double limit = above ? 0 : page.height();
        Rect spanRect = new Rect(span[0], 0, span[1] - span[0], page.height());
        for (Line l : page.ordered()) {
            if (c.lines().contains(l) || spanRect.xOverlap(l.box()) < 0.5 * l.box().w() || l.box().xOverlap(c.box()) <= 0) {
                continue;
            }
            boolean blocks = captionLines.contains(l) || isProse(l, span[1] - span[0]) || isHeading(l);
            if (!blocks) {
                continue;
            }
            if (above && l.box().y1() <= c.box().y() + 1) {
                limit = Math.max(limit, l.box().y1());
            } else if (!above && l.box().y() >= c.box().y1() - 1) {
                limit = Math.min(limit, l.box().y());
            }
        }
        return above ? new Rect(span[0], limit, span[1] - span[0], c.box().y() - limit)
                : new Rect(span[0], c.box().y1(), span[1] - span[0], limit - c.box().y1());
    }

    boolean isProse(Line l, double spanWidth) {
        // on a two-column page a full-width caption's window still stops at a column's running text
        double width = page.twoColumns() ? Math.min(spanWidth, 0.45 * page.width()) : spanWidth;
        if (Math.abs(l.fontSize() - bodySize) > 0.8 || l.wordCount() < 6 || l.box().w() < 0.6 * Math.min(width, 0.9 * page.width())) {
            return false;
        }
        long letters = l.text().chars().filter(Character::isLetter).count();
        long visible = l.text().chars().filter(ch -> !Character.isWhitespace(ch)).count();
        if (letters < 0.7 * visible) {
            return false;
        }
        for (int i = 1; i < l.words().size(); i++) {
            if (l.words().get(i).box().x() - l.words().get(i - 1).box().x1() > 0.8 * l.fontSize()) {
                return false; // table rows have wide gaps
            }
        }
        for (Graphic g : page.graphics()) {
            if (g.box().w() > 20 && g.box().h() > 8 && g.box().overlapArea(l.box()) > 0.5 * l.box().area()) {
                return false; // text inside a drawn box belongs to the drawing
            }
        }
        return true;
    }

    /** The last line of a paragraph (or heading) that stops the window continues it; it is not figure text. */
    private boolean continuesBlocker(Line l, Rect window) {
        for (Line b : page.ordered()) {
            if (b == l || Math.abs(b.fontSize() - l.fontSize()) > Math.max(0.5, 0.05 * l.fontSize()) || b.box().y1() > l.box().y() + 1
                    || l.box().y() - b.box().y1() > 2 * l.fontSize() || l.box().x() < b.box().x() - 3 || l.box().x1() > b.box().x1() + 3) {
                continue;
            }
            if (Math.abs(b.box().y1() - window.y()) < 1 && (isProse(b, window.w()) || isHeading(b))) {
                return true;
            }
        }
        return false;
    }

    boolean isHeading(Line l) {
        return (l.bold() || l.fontSize() > bodySize + 0.8) && l.wordCount() <= 12 && HEADING.matcher(l.text()).matches()
                && !plotTick(l.text());
    }

    /** "76 ResNet-50": a plot's axis tick glued to a point label, not section 76 (papers do not have that many). */
    private static boolean plotTick(String text) {
        Matcher m = SECTION_NUMBER.matcher(text);
        return m.lookingAt() && m.group(1).length() <= 3 && Integer.parseInt(m.group(1)) > MAX_SECTION;
    }

    private record Grown(Rect box, List<Line> lines, boolean hasGraphics, boolean hasImage, boolean hasPath) {
    }

    private Grown grow(Caption c, Rect window, boolean above) {
        if (window.h() < 4) {
            return null;
        }
        double margin = 0.055 * page.height();
        List<Graphic> gs = new ArrayList<>();
        for (Graphic g : page.graphics()) {
            Rect in = g.box().intersect(window);
            boolean inside = g.box().area() < 1 ? window.grow(0.5).overlapArea(g.box().grow(0.5)) > 0
                    : in.area() >= 0.5 * g.box().area();
            if (inside) {
                gs.add(g);
            }
        }
        List<Line> ls = new ArrayList<>();
        for (Line l : page.ordered()) {
            if (captionLines.contains(l) || c.lines().contains(l)) {
                continue;
            }
            if (window.overlapArea(l.box()) >= 0.6 * l.box().area() && !continuesBlocker(l, window)
                    && !((l.box().y1() < margin || l.box().y() > page.height() - margin) && l.box().w() < 0.8 * page.width())) {
                ls.add(l);
            }
        }
        // seed: the caption edge facing the window
        Rect seed = above ? new Rect(c.box().x(), c.box().y() - 0.5, c.box().w(), 0.5)
                : new Rect(c.box().x(), c.box().y1(), c.box().w(), 0.5);
        Rect cluster = seed;
        double em = c.lines().get(0).fontSize();
        Rect box = Rect.EMPTY;
        Set<Object> used = new HashSet<>();
        boolean changed = true;
        boolean img = false, path = false;
        List<Line> taken = new ArrayList<>();
        while (changed) {
            changed = false;
            for (Graphic g : gs) {
                if (!used.contains(g) && g.box().distance(cluster) <= GRAPHIC_GAP * em) {
                    used.add(g);
                    Rect clipped = g.box().intersect(window);
                    box = box.union(clipped.isEmpty() ? g.box() : clipped);
                    cluster = cluster.union(box);
                    img |= g.isImage();
                    path |= !g.isImage();
                    changed = true;
                }
            }
            for (Line l : ls) {
                if (!used.contains(l) && l.box().distance(cluster) <= TEXT_GAP * em) {
                    used.add(l);
                    taken.add(l);
                    box = box.union(l.box());
                    cluster = cluster.union(box);
                    changed = true;
                }
            }
        }
        if (box.isEmpty()) {
            return null;
        }
        // a lone thin rule (table rules, header lines) is not a figure
        if (!img && taken.isEmpty() && (box.h() < 4 || box.w() < 4)) {
            return null;
        }
        return new Grown(box, taken, img || path, img, path);
    }

    private List<Region> uncaptionedImages(List<Region> found) {
        List<Region> out = new ArrayList<>();
        List<Rect> boxes = new ArrayList<>();
        for (Graphic g : page.graphics()) {
            if (!g.isImage() || g.box().w() < 50 || g.box().h() < 50 || g.box().area() > 0.8 * page.width() * page.height()
                    || Math.min(g.pixelWidth(), g.pixelHeight()) < 32) {
                continue;
            }
            boolean claimed = found.stream().anyMatch(r -> r.box().grow(2).overlapArea(g.box()) > 0.3 * g.box().area());
            long prose = page.ordered().stream().filter(l -> g.box().overlapArea(l.box()) > 0.8 * l.box().area()
                    && l.wordCount() >= 6 && Math.abs(l.fontSize() - bodySize) < 0.8).count();
            if (!claimed && prose < 3) { // an image under running text is a background or highlight layer
                boxes.add(g.box());
            }
        }
        mergeTouching(boxes);
        for (Rect b : boxes) {
            List<Line> inside = page.ordered().stream().filter(l -> b.overlapArea(l.box()) > 0.6 * l.box().area()).toList();
            out.add(new Region(null, b, Paper.FigureKind.RASTER, inside, false));
        }
        return out;
    }

    private static void mergeTouching(List<Rect> boxes) {
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    if (boxes.get(i).distance(boxes.get(j)) <= 8) {
                        boxes.set(i, boxes.get(i).union(boxes.remove(j)));
                        merged = true;
                        break outer;
                    }
                }
            }
        }
    }

    static Set<Line> linesOf(Collection<Region> regions) {
        Set<Line> s = new HashSet<>();
        regions.forEach(r -> s.addAll(r.lines()));
        return s;
    }
}
