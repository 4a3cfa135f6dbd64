package org.paper2code.pdf;

import java.util.List;

/** An axis-aligned box in PDF points: x, y from the page's top left, width, height. */
public record Rect(double x, double y, double w, double h) {
    public static final Rect EMPTY = new Rect(0, 0, -1, -1);

    public static Rect ofCorners(double x0, double y0, double x1, double y1) {
        return new Rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    public boolean isEmpty() {
        return w < 0 || h < 0;
    }

    public double x1() {
        return x + w;
    }

    public double y1() {
        return y + h;
    }

    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public double area() {
        return isEmpty() ? 0 : w * h;
    }

    public Rect union(Rect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        return ofCorners(Math.min(x, o.x), Math.min(y, o.y), Math.max(x1(), o.x1()), Math.max(y1(), o.y1()));
    }

    public Rect intersect(Rect o) {
        double ix0 = Math.max(x, o.x);
        double iy0 = Math.max(y, o.y);
        double ix1 = Math.min(x1(), o.x1());
        double iy1 = Math.min(y1(), o.y1());
        return ix1 < ix0 || iy1 < iy0 ? EMPTY : new Rect(ix0, iy0, ix1 - ix0, iy1 - iy0);
    }

    public double overlapArea(Rect o) {
        return intersect(o).area();
    }

    /** Horizontal overlap length. */
    public double xOverlap(Rect o) {
        return Math.max(0, Math.min(x1(), o.x1()) - Math.max(x, o.x));
    }

    public Rect grow(double d) {
        return isEmpty() ? this : new Rect(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    /** Gap between the boxes (0 when they touch or overlap). */
    public double distance(Rect o) {
        double dx = Math.max(0, Math.max(o.x - x1(), x - o.x1()));
        double dy = Math.max(0, Math.max(o.y - y1(), y - o.y1()));
        return Math.hypot(dx, dy);
    }

    public double iou(Rect o) {
        double inter = overlapArea(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    public List<Double> toList() {
        return List.of(round(x), round(y), round(w), round(h));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
