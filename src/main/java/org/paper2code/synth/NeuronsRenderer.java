package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * Columns of circles, one column per layer (the {@code neurons} style). Wide layers show a
 * few units, then vertical dots, then the last unit; some looks wrap big layers in an
 * ellipse. Every unit of one column is joined to every unit of the next (Dense); the label
 * under a column names the layer and its width.
 */
public final class NeuronsRenderer implements FigureRenderer {
    @Override
    public DiagramStyle style() {
        return DiagramStyle.NEURONS;
    }

    @Override
    public Rendered render(Graph g, Look look, Random r) {
        Map<String, Shape> shapes = new GraphValidator().check(g);
        LayeredLayout lay = new LayeredLayout(g, l -> l.type().equals("Input") || l.type().equals("Dense"));
        if (!lay.isChain()) {
            throw new IllegalArgumentException("the neurons style draws a chain of dense layers");
        }
        Canvas c = new Canvas(look);
        int cap = Pick.oneInt(r, 6, 7, 8, 10);
        double radius = Pick.between(r, 7.0, 13.0);
        double vgap = radius * Pick.between(r, 0.5, 1.2);
        double colGap = Pick.between(r, 90.0, 160.0) * look.spacing();
        boolean ellipse = look.variant() == 0;
        boolean topLabels = look.variant() == 1;
        Scene.FontSpec font = look.font();
        List<Integer> sizes = new ArrayList<>();
        for (Layer l : lay.drawn) {
            sizes.add((int) shapes.get(l.name()).last());
        }
        int maxShown = 0;
        for (int n : sizes) {
            maxShown = Math.max(maxShown, shown(n, cap));
        }
        double colHeight = maxShown * (2 * radius + vgap) + (maxShown > 0 ? radius : 0);
        double margin = 24;
        double labelRoom = 3 * Scene.lineHeight(font) + 10;
        double top = margin + (topLabels ? labelRoom : 0);
        List<double[][]> centres = new ArrayList<>();
        List<Box> cols = new ArrayList<>();
        double x = margin + radius + Math.max(0, Scene.textWidth("Output layer (1000)", font) / 2 - radius);
        for (int i = 0; i < lay.drawn.size(); i++) {
            int n = sizes.get(i);
            int k = shown(n, cap);
            boolean dots = k < n;
            double slots = dots ? k + 1 : k;
            double h = slots * (2 * radius) + (slots - 1) * vgap;
            double y0 = top + (colHeight - h) / 2 + radius;
            double[][] pts = new double[k][];
            int slot = 0;
            for (int u = 0; u < k; u++) {
                if (dots && u == k - 1) {
                    slot++;
                }
                pts[u] = new double[] {x, y0 + slot * (2 * radius + vgap)};
                slot++;
            }
            centres.add(pts);
            cols.add(new Box(x - radius, y0 - radius, 2 * radius, h));
            x += colGap;
        }
        double width = x - colGap + radius + margin + Math.max(0, Scene.textWidth("Output layer (1000)", font) / 2 - radius);
        Color lineColour = Pick.chance(r, 0.5) ? look.ink() : new Color(0x888888);
        float lw = Math.max(0.5f, look.lineWidth() * 0.6f);
        for (int i = 0; i + 1 < centres.size(); i++) {
            double[][] a = centres.get(i);
            double[][] b = centres.get(i + 1);
            List<double[]> pts = new ArrayList<>();
            for (double[] p : a) {
                for (double[] q : b) {
                    if (look.arrowHead() == Look.ArrowHead.NONE) {
                        c.scene.line(p[0] + radius, p[1], q[0] - radius, q[1], lineColour, lw);
                    } else {
                        c.arrow(new double[] {p[0] + radius, q[0] - radius}, new double[] {p[1], q[1]}, lineColour, lw, Look.ArrowHead.FILLED);
                    }
                    pts.add(new double[] {p[0] + radius, p[1]});
                    pts.add(new double[] {q[0] - radius, q[1]});
                }
            }
            c.edge(lay.drawn.get(i).name(), lay.drawn.get(i + 1).name(), Canvas.bounds(pts, 1));
        }
        double labelY = top + colHeight + 8;
        for (int i = 0; i < centres.size(); i++) {
            Layer l = lay.drawn.get(i);
            Color fill = look.filled() ? look.palette().get(i == 0 ? 0 : i == centres.size() - 1 ? 2 : 1) : look.background();
            Box col = cols.get(i);
            if (ellipse && sizes.get(i) > cap) {
                c.scene.oval(col.x() - radius * 0.6, col.y() - radius * 0.6, col.w() + radius * 1.2, col.h() + radius * 1.2, null,
                        look.ink(), look.lineWidth());
                col = new Box(col.x() - radius * 0.6, col.y() - radius * 0.6, col.w() + radius * 1.2, col.h() + radius * 1.2);
            }
            double[][] pts = centres.get(i);
            for (double[] p : pts) {
                c.scene.oval(p[0] - radius, p[1] - radius, 2 * radius, 2 * radius, fill, look.ink(), look.lineWidth());
            }
            if (pts.length < sizes.get(i)) {
                double ya = pts[pts.length - 2][1];
                double yb = pts[pts.length - 1][1];
                for (int d = 1; d <= 3; d++) {
                    double yy = ya + (yb - ya) * d / 4.0;
                    c.scene.oval(pts[0][0] - 1.8, yy - 1.8, 3.6, 3.6, look.ink(), null, 0);
                }
            }
            c.node(l.name(), col);
            List<String> text = columnLabel(l, i, centres.size(), sizes.get(i), look);
            double y = topLabels ? margin : labelY;
            for (String s : text) {
                Box b = c.textCentred(s, pts[0][0], y + Scene.lineHeight(font) / 2, font, look.ink(), l.name());
                y += b.h();
            }
        }
        double height = labelY + (topLabels ? 0 : labelRoom) + margin;
        return c.finish(width, height);
    }

    private static int shown(int n, int cap) {
        return n <= cap ? n : cap - 2;
    }

    private static List<String> columnLabel(Layer l, int i, int n, int units, Look look) {
        String act = l.type().equals("Dense") ? LayerParams.of(l).getString("activation") : null;
        String a = act == null || act.equals("linear") ? "" : act;
        List<String> out = new ArrayList<>();
        switch (look.phrasing()) {
            case CODE -> out.add(l.type().equals("Input") ? "Input(" + units + ")" : "Dense(" + units + (a.isEmpty() ? "" : ", '" + a + "'") + ")");
            case CAPS, VGG -> {
                out.add(i == 0 ? "INPUT" : i == n - 1 ? "OUTPUT" : "FC-" + units);
                out.add(i == 0 || i == n - 1 ? String.valueOf(units) : a.toUpperCase(java.util.Locale.ROOT));
            }
            default -> {
                out.add(i == 0 ? "Input layer" : i == n - 1 ? "Output layer" : "Hidden layer " + i);
                out.add("(" + units + (a.isEmpty() ? "" : ", " + a) + ")");
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
