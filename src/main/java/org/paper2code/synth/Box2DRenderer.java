package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * Flat boxes with text and arrows ({@code 2d-box}). Variants of the look: plain phrased
 * labels, labels with the output shape, Keras {@code plot_model} (name: class plus an
 * input/output shape table) and Caffe {@code draw_net} (coloured layer boxes with parameters
 * and octagonal blobs). Branches stand side by side; skip connections arc around the boxes.
 */
public final class Box2DRenderer implements FigureRenderer {
    private static final Map<String, Color> CAFFE_COLOURS = Map.of("Convolution", new Color(0xFF5050), "Pooling", new Color(0xFF9900),
            "InnerProduct", new Color(0xCC33FF), "Deconvolution", new Color(0xFF7070));
    private static final Color CAFFE_OTHER = new Color(0x6495ED);

    @Override
    public DiagramStyle style() {
        return DiagramStyle.BOX_2D;
    }

    private record Node(Layer layer, List<String> lines, List<String> table, double w, double h, Color fill, int kind) {
    }

    @Override
    public Rendered render(Graph g, Look look, Random r) {
        Map<String, Shape> shapes = new GraphValidator().check(g);
        LayeredLayout lay = new LayeredLayout(g, l -> true);
        int variant = look.variant();
        if (variant == 3 && !g.layers().stream().allMatch(l -> caffeType(l) != null)) {
            variant = 0;
        }
        boolean vertical = look.vertical() || lay.ranks.size() > 12 || variant >= 2;
        Canvas c = new Canvas(look);
        Scene.FontSpec font = look.font();
        Scene.FontSpec small = font.withSize(Math.max(8f, font.size() - 2));
        double lh = Scene.lineHeight(font);
        double pad = 6 + 4 * look.spacing();
        Map<String, Integer> kerasCount = new HashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        for (Layer l : lay.drawn) {
            List<String> lines = new ArrayList<>();
            List<String> table = List.of();
            Shape out = shapes.get(l.name());
            switch (variant) {
                case 2 -> {
                    String cls = kerasClass(l);
                    String base = cls.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                            .replace("input_layer", "input").replace("2_d", "2d");
                    int n = kerasCount.merge(base, 1, Integer::sum);
                    lines.add(base + "_" + n + ": " + cls);
                    String in = l.from().isEmpty() ? keras(out) : l.from().size() == 1 ? keras(shapes.get(l.from().get(0)))
                            : "[" + String.join(", ", l.from().stream().map(f -> keras(shapes.get(f))).toList()) + "]";
                    table = List.of("input:", in, "output:", keras(out));
                }
                case 3 -> {
                    lines.add(l.name() + " (" + caffeType(l) + ")");
                    lines.addAll(caffeParams(l));
                }
                default -> {
                    lines.add(LabelPhrasing.label(l, out, look.phrasing()));
                    if (variant == 1 && out.rank() > 0) {
                        lines.add(LabelPhrasing.shape(out, Pick.one(r, "x", " x ", "×")));
                    }
                }
            }
            c.undrawn(l.name(), undrawn(l, variant));
            double w = 0;
            for (int i = 0; i < lines.size(); i++) {
                w = Math.max(w, Scene.textWidth(lines.get(i), i == 0 ? font : small));
            }
            double h = lh + (lines.size() - 1) * Scene.lineHeight(small) + 2 * pad * 0.6;
            if (!table.isEmpty()) {
                double tw = Math.max(Scene.textWidth(table.get(0), small), Scene.textWidth(table.get(2), small))
                        + Math.max(Scene.textWidth(table.get(1), small), Scene.textWidth(table.get(3), small)) + 4 * pad;
                w += tw;
                h = Math.max(h, 2 * Scene.lineHeight(small) + 2 * pad * 0.6);
            }
            w += 2 * pad;
            Color fill = variant == 3 ? CAFFE_COLOURS.getOrDefault(caffeType(l), CAFFE_OTHER)
                    : variant == 2 ? null : look.fill(category(l));
            nodes.put(l.name(), new Node(l, lines, table, w, h, fill, variant));
        }
        double gapIn = 18 * look.spacing();
        double gapRank = (variant == 3 ? 34 + lh : 26) * look.spacing() + 10;
        double margin = 20;
        // lay out ranks along the flow axis and centre each rank across it
        double[] rankSize = new double[lay.ranks.size()];
        double[] rankSpan = new double[lay.ranks.size()];
        for (int i = 0; i < lay.ranks.size(); i++) {
            for (Layer l : lay.ranks.get(i)) {
                Node n = nodes.get(l.name());
                rankSize[i] = Math.max(rankSize[i], vertical ? n.h : n.w);
                rankSpan[i] += (vertical ? n.w : n.h) + gapIn;
            }
            rankSpan[i] -= gapIn;
        }
        double maxSpan = 0;
        for (double s : rankSpan) {
            maxSpan = Math.max(maxSpan, s);
        }
        long skips = lay.edges.stream().filter(e -> lay.rank.get(e[1]) - lay.rank.get(e[0]) > 1).count();
        double laneRoom = skips > 0 ? 24 + 10 * Math.min(skips, 4) : 0;
        Map<String, Box> boxes = new HashMap<>();
        double flow = margin;
        double across0 = margin + laneRoom;
        for (int i = 0; i < lay.ranks.size(); i++) {
            double a = across0 + (maxSpan - rankSpan[i]) / 2;
            for (Layer l : lay.ranks.get(i)) {
                Node n = nodes.get(l.name());
                Box b = vertical ? new Box(a, flow + (rankSize[i] - n.h) / 2, n.w, n.h) : new Box(flow + (rankSize[i] - n.w) / 2, a, n.w, n.h);
                boxes.put(l.name(), b);
                a += (vertical ? n.w : n.h) + gapIn;
            }
            flow += rankSize[i] + gapRank;
        }
        double totalFlow = flow - gapRank + margin + (variant == 3 ? gapRank : 0);
        double totalAcross = maxSpan + 2 * margin + 2 * laneRoom;
        // edges first so boxes cover line ends
        Map<String, Box> blobs = new HashMap<>();
        if (variant == 3) {
            for (Layer l : lay.drawn) {
                Box b = boxes.get(l.name());
                double ow = Scene.textWidth(l.name(), small) + 16;
                double oh = Scene.lineHeight(small) + 8;
                double cx = b.x() + b.w() / 2;
                double top = b.y() + b.h() + (gapRank - oh) / 2;
                blobs.put(l.name(), new Box(cx - ow / 2, top, ow, oh));
            }
        }
        int skipIndex = 0;
        Color ink = look.ink();
        for (String[] e : lay.edges) {
            Box s = blobs.getOrDefault(e[0], boxes.get(e[0]));
            Box t = boxes.get(e[1]);
            boolean skip = lay.rank.get(e[1]) - lay.rank.get(e[0]) > 1;
            double[] xs;
            double[] ys;
            if (!skip) {
                xs = vertical ? new double[] {s.x() + s.w() / 2, t.x() + t.w() / 2} : new double[] {s.x() + s.w(), t.x()};
                ys = vertical ? new double[] {s.y() + s.h(), t.y()} : new double[] {s.y() + s.h() / 2, t.y() + t.h() / 2};
            } else {
                // route on the side of the figure the source is on, so the line crosses no sibling
                double centre = across0 + maxSpan / 2;
                boolean side = vertical ? s.x() + s.w() / 2 >= centre - 1 : s.y() + s.h() / 2 >= centre - 1;
                double off = 12 + 10 * (skipIndex % 4);
                skipIndex++;
                if (vertical) {
                    double lane = side ? extreme(boxes, lay, e, true, true) + off : extreme(boxes, lay, e, true, false) - off;
                    double sx = side ? s.x() + s.w() : s.x();
                    double tx = side ? t.x() + t.w() : t.x();
                    xs = new double[] {sx, lane, lane, tx};
                    ys = new double[] {s.y() + s.h() / 2, s.y() + s.h() / 2, t.y() + t.h() / 2, t.y() + t.h() / 2};
                } else {
                    double lane = side ? extreme(boxes, lay, e, false, true) + off : extreme(boxes, lay, e, false, false) - off;
                    double sy = side ? s.y() + s.h() : s.y();
                    double ty = side ? t.y() + t.h() : t.y();
                    xs = new double[] {s.x() + s.w() / 2, s.x() + s.w() / 2, t.x() + t.w() / 2, t.x() + t.w() / 2};
                    ys = new double[] {sy, lane, lane, ty};
                }
            }
            Box eb = c.arrow(xs, ys, ink, look.lineWidth());
            if (variant == 3) {
                Box own = boxes.get(e[0]);
                Box blob = blobs.get(e[0]);
                eb = Canvas.union(eb, new Box(own.x() + own.w() / 2 - 1, own.y() + own.h(), 2, blob.y() - own.y() - own.h()));
            }
            c.edge(e[0], e[1], eb);
        }
        for (Map.Entry<String, Box> bl : blobs.entrySet()) {
            Box b = boxes.get(bl.getKey());
            Box o = bl.getValue();
            c.arrow(new double[] {b.x() + b.w() / 2, b.x() + b.w() / 2}, new double[] {b.y() + b.h(), o.y()}, ink, look.lineWidth());
        }
        for (Layer l : lay.drawn) {
            Box blob = blobs.get(l.name());
            if (blob != null) {
                octagon(c, blob, new Color(0xE0E0E0), ink, look.lineWidth());
                c.textCentred(l.name(), blob.x() + blob.w() / 2, blob.y() + blob.h() / 2, small, ink, l.name());
            }
        }
        for (Layer l : lay.drawn) {
            Node n = nodes.get(l.name());
            Box b = boxes.get(l.name());
            double arc = look.rounded() && variant != 2 ? Math.min(14, b.h() / 2) : 0;
            c.scene.rect(b.x(), b.y(), b.w(), b.h(), arc, n.fill != null ? n.fill : look.background(), ink, look.lineWidth());
            c.node(l.name(), b);
            double textW = b.w();
            if (!n.table.isEmpty()) {
                textW = Scene.textWidth(n.lines.get(0), font) + 2 * pad;
                double x0 = b.x() + textW;
                double col = Math.max(Scene.textWidth(n.table.get(0), small), Scene.textWidth(n.table.get(2), small)) + 2 * pad;
                c.scene.line(x0, b.y(), x0, b.y() + b.h(), ink, look.lineWidth());
                c.scene.line(x0 + col, b.y(), x0 + col, b.y() + b.h(), ink, look.lineWidth());
                c.scene.line(x0, b.y() + b.h() / 2, b.x() + b.w(), b.y() + b.h() / 2, ink, look.lineWidth());
                for (int i = 0; i < 4; i++) {
                    double cx = i % 2 == 0 ? x0 + col / 2 : x0 + col + (b.x() + b.w() - x0 - col) / 2;
                    double cy = b.y() + b.h() / 4 + (i / 2) * b.h() / 2;
                    c.textCentred(n.table.get(i), cx, cy, small, ink, l.name());
                }
            }
            double total = lh + (n.lines.size() - 1) * Scene.lineHeight(small);
            double y = b.y() + (b.h() - total) / 2;
            for (int i = 0; i < n.lines.size(); i++) {
                Scene.FontSpec f = i == 0 ? font : small;
                double h = Scene.lineHeight(f);
                c.textCentred(n.lines.get(i), b.x() + textW / 2, y + h / 2, f, ink, l.name());
                y += h;
            }
        }
        return vertical ? c.finish(totalAcross, totalFlow) : c.finish(totalFlow, totalAcross);
    }

    /**
     * The scored parameters a variant's box never writes: Caffe draw_net prints a convolution's kernel, stride and pad
     * but not its num_output (no blob shape either); Keras plot_model prints class and shapes, never a kernel size (the
     * output shape does give the filters, the shapes the stride and sometimes the kernel). Phrased labels write both.
     */
    static List<String> undrawn(Layer l, int variant) {
        boolean conv = List.of("Conv2D", "Deconv2D", "Conv1D").contains(l.type());
        return switch (variant) {
            case 2 -> conv || l.type().equals("Pooling2D") ? Undrawn.kernelUnlessSized(l) : List.of();
            case 3 -> conv ? Undrawn.FILTERS : List.of();
            default -> List.of();
        };
    }

    /** The outermost box edge across the flow among the ranks an edge spans. */
    private static double extreme(Map<String, Box> boxes, LayeredLayout lay, String[] e, boolean vertical, boolean max) {
        int r0 = lay.rank.get(e[0]);
        int r1 = lay.rank.get(e[1]);
        double v = max ? -Double.MAX_VALUE : Double.MAX_VALUE;
        for (int i = r0; i <= r1; i++) {
            for (Layer l : lay.ranks.get(i)) {
                Box b = boxes.get(l.name());
                double lo = vertical ? b.x() : b.y();
                double hi = vertical ? b.x() + b.w() : b.y() + b.h();
                v = max ? Math.max(v, hi) : Math.min(v, lo);
            }
        }
        return v;
    }

    static void octagon(Canvas c, Box b, Color fill, Color ink, float lw) {
        double k = Math.min(b.w(), b.h()) * 0.3;
        double x0 = b.x();
        double y0 = b.y();
        double x1 = b.x() + b.w();
        double y1 = b.y() + b.h();
        c.scene.poly(new double[] {x0 + k, x1 - k, x1, x1, x1 - k, x0 + k, x0, x0},
                new double[] {y0, y0, y0 + k, y1 - k, y1, y1, y1 - k, y0 + k}, true, fill, ink, lw);
    }

    static int category(Layer l) {
        return switch (l.type()) {
            case "Conv2D", "Deconv2D", "Conv1D" -> 0;
            case "Pooling2D", "GlobalPooling2D", "Upsampling2D", "RoIPooling" -> 1;
            case "Dense", "Embedding" -> 2;
            case "BatchNorm", "LayerNorm", "LRN", "Dropout" -> 3;
            case "Concat", "Add", "MultiHeadAttention" -> 4;
            case "LSTM", "GRU", "SimpleRNN", "Bidirectional" -> 2;
            default -> 5;
        };
    }

    static String keras(Shape s) {
        List<Integer> d = s.dims();
        List<String> parts = new ArrayList<>();
        parts.add("None");
        if (d.size() == 3) {
            parts.add(String.valueOf(d.get(1)));
            parts.add(String.valueOf(d.get(2)));
            parts.add(String.valueOf(d.get(0)));
        } else {
            d.forEach(x -> parts.add(x < 0 ? "None" : String.valueOf(x)));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    static String kerasClass(Layer l) {
        LayerParams p = LayerParams.of(l);
        return switch (l.type()) {
            case "Input" -> "InputLayer";
            case "Pooling2D" -> "MAX".equals(p.getString("function")) ? "MaxPooling2D" : "AveragePooling2D";
            case "GlobalPooling2D" -> "MAX".equals(p.getString("function")) ? "GlobalMaxPooling2D" : "GlobalAveragePooling2D";
            case "BatchNorm" -> "BatchNormalization";
            case "LayerNorm" -> "LayerNormalization";
            case "Concat" -> "Concatenate";
            case "Deconv2D" -> "Conv2DTranspose";
            case "Upsampling2D" -> "UpSampling2D";
            // Keras has no LRN class: models define one (class LRN(Layer)), which plot_model prints by its name. A Keras
            // Lambda wrapping tf.nn.lrn would print "Lambda", naming no layer type, while the truth says LRN
            case "LRN" -> "LRN";
            default -> l.type();
        };
    }

    static String caffeType(Layer l) {
        return switch (l.type()) {
            case "Input" -> "Input";
            case "Conv2D" -> "Convolution";
            case "Deconv2D" -> "Deconvolution";
            case "Pooling2D" -> "Pooling";
            case "Dense" -> "InnerProduct";
            case "Dropout" -> "Dropout";
            case "BatchNorm" -> "BatchNorm";
            case "LRN" -> "LRN";
            case "Softmax" -> "Softmax";
            case "Flatten" -> "Flatten";
            case "Concat" -> "Concat";
            case "Add" -> "Eltwise";
            case "Activation" -> switch (LayerParams.of(l).getString("function")) {
                case "relu" -> "ReLU";
                case "tanh" -> "TanH";
                case "sigmoid" -> "Sigmoid";
                default -> null;
            };
            case "GlobalPooling2D" -> "Pooling";
            default -> null;
        };
    }

    static List<String> caffeParams(Layer l) {
        LayerParams p = LayerParams.of(l);
        List<String> out = new ArrayList<>();
        switch (l.type()) {
            case "Conv2D", "Deconv2D" -> {
                out.add("kernel size: " + p.getInt("kernel_row"));
                out.add("stride: " + p.getInt("stride_row"));
                Integer pad = p.getIntOrNull("pad_row");
                out.add("pad: " + (pad != null ? pad : "same".equals(p.getString("border_mode")) ? p.getInt("kernel_row") / 2 : 0));
            }
            case "Pooling2D" -> {
                out.add("kernel size: " + p.getInt("kernel_row"));
                out.add("stride: " + p.getInt("stride_row"));
                out.add("pool: " + p.getString("function"));
            }
            case "GlobalPooling2D" -> out.add("global pooling: " + p.getString("function"));
            case "Dense" -> out.add("num output: " + p.getInt("units"));
            case "Dropout" -> out.add("ratio: " + LabelPhrasing.num(p.getDouble("rate")));
            default -> {
            }
        }
        return out;
    }
}
