package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paper2code.eval.Box;
import org.paper2code.eval.FigureTruth;

/** A {@link Scene} plus the truth boxes gathered while drawing; renderers draw through it. */
final class Canvas {
    final Scene scene;
    final Look look;
    private final List<FigureTruth.NodeBox> nodes = new ArrayList<>();
    private final List<FigureTruth.EdgeBox> edges = new ArrayList<>();
    private final List<FigureTruth.LabelBox> labels = new ArrayList<>();
    private final Map<String, List<String>> undrawn = new LinkedHashMap<>();

    Canvas(Look look) {
        this.look = look;
        this.scene = new Scene(look.background());
    }

    void node(String layer, Box b) {
        nodes.add(new FigureTruth.NodeBox(layer, b));
    }

    /** Records parameters of a layer that the figure does not draw (see {@link Undrawn}). */
    void undrawn(String layer, List<String> keys) {
        if (!keys.isEmpty()) {
            undrawn.computeIfAbsent(layer, k -> new ArrayList<>()).addAll(keys);
        }
    }

    void edge(String from, String to, Box b) {
        edges.add(new FigureTruth.EdgeBox(from, to, b));
    }

    Box text(String s, double x, double baseline, Scene.FontSpec f, Color c, String layer) {
        Box b = scene.text(s, x, baseline, f, c);
        labels.add(new FigureTruth.LabelBox(s, b, layer));
        return b;
    }

    Box textCentred(String s, double cx, double cy, Scene.FontSpec f, Color c, String layer) {
        Box b = scene.textCentred(s, cx, cy, f, c);
        labels.add(new FigureTruth.LabelBox(s, b, layer));
        return b;
    }

    /** Draws a polyline ending in the look's arrow head; returns the bounding box of line and head. */
    Box arrow(double[] xs, double[] ys, Color c, float lw) {
        return arrow(xs, ys, c, lw, look.arrowHead());
    }

    Box arrow(double[] xs, double[] ys, Color c, float lw, Look.ArrowHead head) {
        int n = xs.length;
        double size = 4 + 3 * lw;
        double dx = xs[n - 1] - xs[n - 2];
        double dy = ys[n - 1] - ys[n - 2];
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double tipX = xs[n - 1];
        double tipY = ys[n - 1];
        double[] lx = xs.clone();
        double[] ly = ys.clone();
        List<double[]> pts = new ArrayList<>();
        if (head != Look.ArrowHead.NONE) {
            double bx = tipX - ux * size;
            double by = tipY - uy * size;
            double px = -uy * size * 0.5;
            double py = ux * size * 0.5;
            if (head == Look.ArrowHead.OPEN) {
                scene.poly(new double[] {bx + px, tipX, bx - px}, new double[] {by + py, tipY, by - py}, false, null, c, lw);
            } else {
                double[] hx = head == Look.ArrowHead.STEALTH
                        ? new double[] {tipX, bx + px, tipX - ux * size * 0.6, bx - px} : new double[] {tipX, bx + px, bx - px};
                double[] hy = head == Look.ArrowHead.STEALTH
                        ? new double[] {tipY, by + py, tipY - uy * size * 0.6, by - py} : new double[] {tipY, by + py, by - py};
                scene.poly(hx, hy, true, c, c, 0.5f);
                lx[n - 1] = tipX - ux * size * 0.6;
                ly[n - 1] = tipY - uy * size * 0.6;
            }
            pts.add(new double[] {bx + px, by + py});
            pts.add(new double[] {bx - px, by - py});
        }
        scene.poly(lx, ly, false, null, c, lw);
        for (int i = 0; i < n; i++) {
            pts.add(new double[] {xs[i], ys[i]});
        }
        return bounds(pts, lw / 2 + 0.5);
    }

    static Box bounds(List<double[]> pts, double pad) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] p : pts) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return new Box(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad);
    }

    static Box union(Box a, Box b) {
        if (a == null) {
            return b;
        }
        double x0 = Math.min(a.x(), b.x());
        double y0 = Math.min(a.y(), b.y());
        double x1 = Math.max(a.x() + a.w(), b.x() + b.w());
        double y1 = Math.max(a.y() + a.h(), b.y() + b.h());
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** Sets the scene's size to cover everything drawn plus a margin, shifting nothing (drawing starts at the margin). */
    Rendered finish(double width, double height) {
        scene.size(width, height);
        return new Rendered(scene, nodes, edges, labels, undrawn);
    }
}
