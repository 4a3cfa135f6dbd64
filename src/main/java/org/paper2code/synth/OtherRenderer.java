package org.paper2code.synth;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;

/**
 * Negatives ({@code other}): figures papers contain that are not architectures — line plots,
 * bar charts, scatter plots, tables of numbers, photo-like textures and flowcharts of a
 * procedure. Text is recorded as labels; there are no nodes or edges.
 */
public final class OtherRenderer implements FigureRenderer {
    private static final String[] SERIES = {"ours", "baseline", "ResNet-50", "VGG-16", "train", "val", "SGD", "Adam", "w/o aug."};

    @Override
    public DiagramStyle style() {
        return DiagramStyle.OTHER;
    }

    @Override
    public Rendered render(Graph ignored, Look look, Random r) {
        Canvas c = new Canvas(look);
        return switch (r.nextInt(6)) {
            case 0 -> linePlot(c, look, r);
            case 1 -> barChart(c, look, r);
            case 2 -> scatter(c, look, r);
            case 3 -> table(c, look, r);
            case 4 -> texture(c, r);
            default -> flowchart(c, look, r);
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.0f" : "%.1f", v);
    }

    /** Axes with ticks and labels; returns the plot area. */
    private static Box axes(Canvas c, Look look, Random r, double w, double h, double y0, double y1, String xl, String yl, int xTicks) {
        Scene.FontSpec f = look.font().withSize(Math.max(9f, look.font().size() - 1));
        double left = 60;
        double top = 20;
        Box area = new Box(left, top, w, h);
        Color ink = look.ink();
        c.scene.line(left, top + h, left + w, top + h, ink, look.lineWidth());
        c.scene.line(left, top, left, top + h, ink, look.lineWidth());
        for (int i = 0; i <= 4; i++) {
            double y = top + h - h * i / 4;
            c.scene.line(left - 4, y, left, y, ink, look.lineWidth());
            String t = fmt(y0 + (y1 - y0) * i / 4);
            c.text(t, left - 8 - Scene.textWidth(t, f), y + Scene.ascent(f) / 2 - 1, f, ink, null);
        }
        for (int i = 0; i <= xTicks; i++) {
            double x = left + w * i / xTicks;
            c.scene.line(x, top + h, x, top + h + 4, ink, look.lineWidth());
            c.textCentred(String.valueOf(i * (xTicks > 5 ? 10 : 20)), x, top + h + 6 + Scene.lineHeight(f) / 2, f, ink, null);
        }
        c.textCentred(xl, left + w / 2, top + h + 10 + 1.5 * Scene.lineHeight(f), f, ink, null);
        c.text(yl, 4, top - 6, f, ink, null);
        return area;
    }

    private Rendered linePlot(Canvas c, Look look, Random r) {
        double w = Pick.between(r, 300.0, 500.0);
        double h = w * Pick.between(r, 0.5, 0.75);
        boolean loss = r.nextBoolean();
        Box a = axes(c, look, r, w, h, 0, loss ? 2.5 : 100, "epoch", loss ? "loss" : "accuracy (%)", 5);
        int series = Pick.between(r, 1, 4);
        Scene.FontSpec f = look.font().withSize(Math.max(9f, look.font().size() - 1));
        for (int s = 0; s < series; s++) {
            int n = 30;
            double[] xs = new double[n];
            double[] ys = new double[n];
            double rate = Pick.between(r, 0.05, 0.2);
            double end = Pick.between(r, 0.1, 0.4);
            for (int i = 0; i < n; i++) {
                double v = end + (1 - end) * Math.exp(-rate * i) + r.nextGaussian() * 0.015;
                xs[i] = a.x() + a.w() * i / (n - 1);
                ys[i] = loss ? a.y() + a.h() * (1 - v) : a.y() + a.h() * v;
            }
            Color col = Look.PALETTES.get(3).get(s);
            c.scene.poly(xs, ys, false, null, col, 1.5f);
            double ly = a.y() + 10 + s * Scene.lineHeight(f);
            c.scene.line(a.x() + a.w() - 90, ly, a.x() + a.w() - 70, ly, col, 1.5f);
            c.text(Pick.one(r, SERIES), a.x() + a.w() - 64, ly + Scene.ascent(f) / 2 - 1, f, look.ink(), null);
        }
        return c.finish(a.x() + a.w() + 30, a.y() + a.h() + 60);
    }

    private Rendered barChart(Canvas c, Look look, Random r) {
        double w = Pick.between(r, 300.0, 500.0);
        double h = w * Pick.between(r, 0.5, 0.75);
        Box a = axes(c, look, r, w, h, 0, 100, "method", "top-1 (%)", 5);
        int bars = Pick.between(r, 3, 8);
        double bw = a.w() / bars * 0.6;
        for (int i = 0; i < bars; i++) {
            double v = Pick.between(r, 0.3, 0.95);
            double x = a.x() + a.w() * (i + 0.2) / bars;
            c.scene.rect(x, a.y() + a.h() * (1 - v), bw, a.h() * v, 0, look.palette().get(i % look.palette().size()), look.ink(), 0.8f);
            c.textCentred(fmt(v * 100), x + bw / 2, a.y() + a.h() * (1 - v) - 8, look.font().withSize(9f), look.ink(), null);
        }
        return c.finish(a.x() + a.w() + 30, a.y() + a.h() + 60);
    }

    private Rendered scatter(Canvas c, Look look, Random r) {
        double w = Pick.between(r, 300.0, 450.0);
        Box a = axes(c, look, r, w, w * 0.8, -3, 3, "t-SNE 1", "t-SNE 2", 5);
        int clusters = Pick.between(r, 2, 5);
        for (int k = 0; k < clusters; k++) {
            double cx = Pick.between(r, 0.2, 0.8);
            double cy = Pick.between(r, 0.2, 0.8);
            Color col = Look.PALETTES.get(3).get(k);
            for (int i = 0; i < 40; i++) {
                double x = a.x() + a.w() * Math.max(0.02, Math.min(0.98, cx + r.nextGaussian() * 0.07));
                double y = a.y() + a.h() * Math.max(0.02, Math.min(0.98, cy + r.nextGaussian() * 0.07));
                c.scene.oval(x - 2.5, y - 2.5, 5, 5, col, null, 0);
            }
        }
        return c.finish(a.x() + a.w() + 30, a.y() + a.h() + 60);
    }

    private Rendered table(Canvas c, Look look, Random r) {
        Scene.FontSpec f = look.font();
        int rows = Pick.between(r, 3, 8);
        int cols = Pick.between(r, 3, 6);
        String[] heads = {"Method", "Top-1", "Top-5", "Params", "FLOPs", "mAP", "Time (ms)"};
        List<String[]> cells = new ArrayList<>();
        String[] head = new String[cols];
        for (int j = 0; j < cols; j++) {
            head[j] = heads[j];
        }
        cells.add(head);
        for (int i = 0; i < rows; i++) {
            String[] row = new String[cols];
            row[0] = Pick.one(r, SERIES) + (i > 0 ? " (" + (char) ('a' + i) + ")" : "");
            for (int j = 1; j < cols; j++) {
                row[j] = String.format(Locale.ROOT, "%.1f", Pick.between(r, 1.0, 95.0));
            }
            cells.add(row);
        }
        double[] colW = new double[cols];
        for (String[] row : cells) {
            for (int j = 0; j < cols; j++) {
                colW[j] = Math.max(colW[j], Scene.textWidth(row[j], f) + 16);
            }
        }
        double rowH = Scene.lineHeight(f) + 8;
        double x0 = 10;
        double y0 = 10;
        double total = 0;
        for (double w : colW) {
            total += w;
        }
        boolean grid = r.nextBoolean();
        for (int i = 0; i <= cells.size(); i++) {
            if (grid || i == 0 || i == 1 || i == cells.size()) {
                c.scene.line(x0, y0 + i * rowH, x0 + total, y0 + i * rowH, look.ink(), i == 1 ? look.lineWidth() : look.lineWidth() * 1.3f);
            }
        }
        double x = x0;
        for (int j = 0; j <= cols; j++) {
            if (grid) {
                c.scene.line(x, y0, x, y0 + cells.size() * rowH, look.ink(), look.lineWidth());
            }
            if (j < cols) {
                for (int i = 0; i < cells.size(); i++) {
                    c.text(cells.get(i)[j], x + 8, y0 + i * rowH + 4 + Scene.ascent(f), i == 0 ? f.withStyle(java.awt.Font.BOLD) : f, look.ink(), null);
                }
                x += colW[j];
            }
        }
        return c.finish(x0 + total + 10, y0 + cells.size() * rowH + 10);
    }

    /** Smooth value noise in colour: looks like an out-of-focus photograph. */
    private Rendered texture(Canvas c, Random r) {
        int w = Pick.between(r, 160, 320);
        int h = (int) (w * Pick.between(r, 0.6, 1.0));
        int grid = Pick.between(r, 4, 10);
        float[][][] lattice = new float[grid + 2][grid + 2][3];
        for (float[][] row : lattice) {
            for (float[] p : row) {
                for (int k = 0; k < 3; k++) {
                    p[k] = r.nextFloat();
                }
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = x * (double) grid / w;
                double gy = y * (double) grid / h;
                int ix = (int) gx;
                int iy = (int) gy;
                double fx = smooth(gx - ix);
                double fy = smooth(gy - iy);
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    double v = lerp(lerp(lattice[iy][ix][k], lattice[iy][ix + 1][k], fx), lerp(lattice[iy + 1][ix][k], lattice[iy + 1][ix + 1][k], fx), fy);
                    rgb = (rgb << 8) | (int) (v * 255);
                }
                img.setRGB(x, y, rgb);
            }
        }
        c.scene.image(img, 0, 0, w, h);
        return c.finish(w, h);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private Rendered flowchart(Canvas c, Look look, Random r) {
        Scene.FontSpec f = look.font();
        String[] steps = {"Start", Pick.one(r, "Load data", "Read config", "Collect samples"), Pick.one(r, "Preprocess", "Normalize inputs", "Augment"),
            "Converged?", Pick.one(r, "Update parameters", "Adjust threshold"), Pick.one(r, "Save results", "Report metrics"), "End"};
        double cx = 160;
        double y = 20;
        double gap = 30 * look.spacing();
        List<Box> boxes = new ArrayList<>();
        for (String s : steps) {
            double w = Scene.textWidth(s, f) + 30;
            double h = Scene.lineHeight(f) + 16;
            if (s.endsWith("?")) {
                w *= 1.5;
                h *= 1.8;
            }
            boxes.add(new Box(cx - w / 2, y, w, h));
            y += h + gap;
        }
        Color ink = look.ink();
        for (int i = 0; i + 1 < steps.length; i++) {
            if (i == 4) {
                continue;
            }
            Box a = boxes.get(i);
            Box b = boxes.get(i + 1 == 4 ? 5 : i + 1);
            if (i == 3) {
                c.arrow(new double[] {cx, cx}, new double[] {a.y() + a.h(), b.y()}, ink, look.lineWidth());
                c.text("yes", cx + 6, a.y() + a.h() + 14, f, ink, null);
                Box u = boxes.get(4);
                c.arrow(new double[] {a.x() + a.w(), a.x() + a.w() + 40, a.x() + a.w() + 40},
                        new double[] {a.y() + a.h() / 2, a.y() + a.h() / 2, u.y() + u.h() + 40}, ink, look.lineWidth(), Look.ArrowHead.NONE);
                c.text("no", a.x() + a.w() + 6, a.y() + a.h() / 2 - 4, f, ink, null);
                continue;
            }
            c.arrow(new double[] {cx, cx}, new double[] {a.y() + a.h(), b.y()}, ink, look.lineWidth());
        }
        for (int i = 0; i < steps.length; i++) {
            Box b = boxes.get(i);
            String s = steps[i];
            if (i == 4) {
                Box d = boxes.get(3);
                b = new Box(d.x() + d.w() + 40 - b.w() / 2, d.y() + d.h() + 40, b.w(), b.h());
            }
            if (s.endsWith("?")) {
                double mx = b.x() + b.w() / 2;
                double my = b.y() + b.h() / 2;
                c.scene.poly(new double[] {mx, b.x() + b.w(), mx, b.x()}, new double[] {b.y(), my, b.y() + b.h(), my}, true, look.fill(1), ink,
                        look.lineWidth());
            } else if (i == 0 || i == steps.length - 1) {
                c.scene.oval(b.x(), b.y(), b.w(), b.h(), look.fill(0), ink, look.lineWidth());
            } else {
                c.scene.rect(b.x(), b.y(), b.w(), b.h(), look.rounded() ? 8 : 0, look.fill(2), ink, look.lineWidth());
            }
            c.textCentred(s, b.x() + b.w() / 2, b.y() + b.h() / 2, f, ink, null);
        }
        return c.finish(cx * 2 + 120, y + 10);
    }
}
