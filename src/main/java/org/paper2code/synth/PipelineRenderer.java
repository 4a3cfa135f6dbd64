package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Whole systems as stages ({@code pipeline}): inputs as hatched pictures (or a waveform for 1D
 * signals) with a caption, every other stage as a rounded box with its title and, in some
 * looks, its output size; arrows between stages. The truth graph is the coarse stage graph
 * (see {@link PipelineGraphs}).
 */
public final class PipelineRenderer implements FigureRenderer {
    @Override
    public DiagramStyle style() {
        return DiagramStyle.PIPELINE;
    }

    @Override
    public Rendered render(Graph g, Look look, Random r) {
        Map<String, Shape> shapes = new GraphValidator().check(g);
        LayeredLayout lay = new LayeredLayout(g, l -> true);
        boolean vertical = look.vertical() && Pick.chance(r, 0.5);
        Canvas c = new Canvas(look);
        Scene.FontSpec font = look.font().withStyle(Pick.chance(r, 0.4) ? java.awt.Font.BOLD : look.font().style());
        Scene.FontSpec small = look.font().withSize(Math.max(8f, look.font().size() - 2));
        double lh = Scene.lineHeight(font);
        boolean sizes = look.variant() % 2 == 1;
        Map<String, List<String>> text = new HashMap<>();
        Map<String, double[]> dims = new HashMap<>();
        int inputIndex = 0;
        for (Layer l : lay.drawn) {
            List<String> lines = new ArrayList<>();
            Shape s = shapes.get(l.name());
            if (l.type().equals("Input")) {
                lines.add(inputCaption(g, s, inputIndex++));
                double w = s.rank() == 3 ? Pick.between(r, 60.0, 90.0) : 90;
                double h = s.rank() == 3 ? w * Pick.between(r, 0.75, 1.0) : 40;
                dims.put(l.name(), new double[] {w, h});
            } else {
                lines.add(LabelPhrasing.label(l, s, look.phrasing()));
                if (sizes && s.rank() > 0) {
                    lines.add(LabelPhrasing.shape(s, "×"));
                }
                double w = 0;
                for (int i = 0; i < lines.size(); i++) {
                    w = Math.max(w, Scene.textWidth(lines.get(i), i == 0 ? font : small));
                }
                double pad = 10 + 6 * look.spacing();
                dims.put(l.name(), new double[] {w + 2 * pad, lh + (lines.size() - 1) * Scene.lineHeight(small) + pad * 1.4});
            }
            text.put(l.name(), lines);
        }
        double gapRank = Pick.between(r, 35.0, 70.0) * look.spacing();
        double gapIn = Pick.between(r, 20.0, 40.0);
        double margin = 20;
        double captionRoom = Scene.lineHeight(small) + 6;
        int nr = lay.ranks.size();
        double[] rankSize = new double[nr];
        double[] rankSpan = new double[nr];
        for (int i = 0; i < nr; i++) {
            for (Layer l : lay.ranks.get(i)) {
                double[] d = dims.get(l.name());
                double extra = l.type().equals("Input") ? captionRoom : 0;
                double w = l.type().equals("Input") ? Math.max(d[0], Scene.textWidth(text.get(l.name()).get(0), small)) : d[0];
                rankSize[i] = Math.max(rankSize[i], vertical ? d[1] + extra : w);
                rankSpan[i] += (vertical ? w : d[1] + extra) + gapIn;
            }
            rankSpan[i] -= gapIn;
        }
        double maxSpan = 0;
        for (double s : rankSpan) {
            maxSpan = Math.max(maxSpan, s);
        }
        Map<String, Box> boxes = new HashMap<>();
        double flow = margin;
        for (int i = 0; i < nr; i++) {
            double a = margin + (maxSpan - rankSpan[i]) / 2;
            for (Layer l : lay.ranks.get(i)) {
                double[] d = dims.get(l.name());
                double extra = l.type().equals("Input") ? captionRoom : 0;
                double w = l.type().equals("Input") ? Math.max(d[0], Scene.textWidth(text.get(l.name()).get(0), small)) : d[0];
                Box b = vertical ? new Box(a + (w - d[0]) / 2, flow + (rankSize[i] - d[1] - extra) / 2, d[0], d[1])
                        : new Box(flow + (rankSize[i] - d[0]) / 2, a, d[0], d[1]);
                boxes.put(l.name(), b);
                a += (vertical ? w : d[1] + extra) + gapIn;
            }
            flow += rankSize[i] + gapRank;
        }
        double totalFlow = flow - gapRank + margin;
        double totalAcross = maxSpan + 2 * margin;
        Color ink = look.ink();
        for (String[] e : lay.edges) {
            Box s = boxes.get(e[0]);
            Box t = boxes.get(e[1]);
            double[] xs;
            double[] ys;
            if (vertical) {
                double sy = s.y() + s.h() + (g.layer(e[0]).map(x -> x.type().equals("Input")).orElse(false) ? captionRoom : 0);
                xs = new double[] {s.x() + s.w() / 2, t.x() + t.w() / 2};
                ys = new double[] {sy + 2, t.y() - 2};
            } else {
                xs = new double[] {s.x() + s.w() + 2, t.x() - 2};
                ys = new double[] {s.y() + s.h() / 2, t.y() + t.h() / 2};
            }
            if (lay.rank.get(e[1]) - lay.rank.get(e[0]) > 1) {
                // around the ranks in between, below (horizontal) or right (vertical) of everything
                if (vertical) {
                    double lane = margin + maxSpan + 12;
                    xs = new double[] {s.x() + s.w(), lane, lane, t.x() + t.w()};
                    ys = new double[] {s.y() + s.h() / 2, s.y() + s.h() / 2, t.y() + t.h() / 2, t.y() + t.h() / 2};
                    totalAcross = Math.max(totalAcross, lane + margin);
                } else {
                    double lane = margin + maxSpan + 12;
                    xs = new double[] {s.x() + s.w() / 2, s.x() + s.w() / 2, t.x() + t.w() / 2, t.x() + t.w() / 2};
                    ys = new double[] {s.y() + s.h(), lane, lane, t.y() + t.h()};
                    totalAcross = Math.max(totalAcross, lane + margin);
                }
            }
            Box eb = c.arrow(xs, ys, ink, Math.max(1f, look.lineWidth()),
                    look.arrowHead() == Look.ArrowHead.NONE ? Look.ArrowHead.FILLED : look.arrowHead());
            c.edge(e[0], e[1], eb);
        }
        int k = 0;
        for (Layer l : lay.drawn) {
            Box b = boxes.get(l.name());
            List<String> lines = text.get(l.name());
            if (l.type().equals("Input")) {
                drawInput(c, b, shapes.get(l.name()), look, r);
                c.node(l.name(), b);
                c.textCentred(lines.get(0), b.x() + b.w() / 2, b.y() + b.h() + captionRoom / 2 + 2, small, ink, l.name());
                continue;
            }
            Color fill = look.filled() ? look.palette().get(k++ % look.palette().size()) : look.background();
            c.scene.rect(b.x(), b.y(), b.w(), b.h(), Math.min(16, b.h() / 2), fill, ink, look.lineWidth());
            c.node(l.name(), b);
            double total = lh + (lines.size() - 1) * Scene.lineHeight(small);
            double y = b.y() + (b.h() - total) / 2;
            for (int i = 0; i < lines.size(); i++) {
                Scene.FontSpec f = i == 0 ? font : small;
                c.textCentred(lines.get(i), b.x() + b.w() / 2, y + Scene.lineHeight(f) / 2, f, ink, l.name());
                y += Scene.lineHeight(f);
            }
        }
        return vertical ? c.finish(totalAcross, totalFlow) : c.finish(totalFlow, totalAcross);
    }

    private static String inputCaption(Graph g, Shape s, int index) {
        String name = g.name() == null ? "" : g.name();
        if (s.rank() != 3) {
            return name.startsWith("speech") ? "Audio waveform" : "Input sequence";
        }
        if (name.startsWith("two-stream")) {
            return index == 0 ? "RGB frame" : "Optical flow stack";
        }
        if (name.startsWith("siamese")) {
            return index == 0 ? "Image A" : "Image B";
        }
        return "Input image " + s.dim(1) + "×" + s.dim(2);
    }

    /** An input picture: a framed rectangle with diagonal hatching, or a waveform for 1D signals. */
    private static void drawInput(Canvas c, Box b, Shape s, Look look, Random r) {
        Color ink = look.ink();
        c.scene.rect(b.x(), b.y(), b.w(), b.h(), 0, new Color(0xF2F2F2), ink, look.lineWidth());
        if (s.rank() == 3) {
            double step = Pick.between(r, 6.0, 10.0);
            for (double d = step; d < b.w() + b.h(); d += step) {
                double x0 = b.x() + Math.max(0, d - b.h());
                double y0 = b.y() + Math.min(d, b.h());
                double x1 = b.x() + Math.min(d, b.w());
                double y1 = b.y() + Math.max(0, d - b.w());
                c.scene.line(x0, y0, x1, y1, new Color(0x999999), 0.7f);
            }
        } else {
            int n = 40;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = b.x() + 4 + (b.w() - 8) * i / (n - 1);
                ys[i] = b.y() + b.h() / 2 + Math.sin(i * 0.9) * (b.h() / 3) * Math.abs(Math.sin(i * 0.17));
            }
            c.scene.poly(xs, ys, false, null, new Color(0x3366AA), 1f);
        }
    }
}
