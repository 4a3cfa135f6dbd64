package org.paper2code.eval;

import java.util.List;

/** An axis-aligned box: x, y from the top left, width, height (pixels for figures, PDF points for pages). */
public record Box(double x, double y, double w, double h) {

    public static Box of(List<? extends Number> xywh) {
        if (xywh == null || xywh.size() != 4) {
            throw new IllegalArgumentException("a box is [x, y, width, height]");
        }
        return new Box(xywh.get(0).doubleValue(), xywh.get(1).doubleValue(), xywh.get(2).doubleValue(), xywh.get(3).doubleValue());
    }

    public List<Double> toList() {
        return List.of(x, y, w, h);
    }

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    /** Intersection over union, 0 when disjoint. */
    public double iou(Box o) {
        double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
