package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.LayerParams;

/**
 * AlexNet/VGG-style cuboids ({@code 3d-box}): each feature map is a box drawn as three faces,
 * its height and receding depth proportional to H and W and its thickness to the channel
 * count (log scale), with dimension labels ({@code 224}, {@code 55}, {@code 96}); dense layers
 * are thin tall bars labelled with their width. Optional small kernel cuboids project onto
 * the next box.
 */
public final class Box3DRenderer implements FigureRenderer {
    @Override
    public DiagramStyle style() {
        return DiagramStyle.BOX_3D;
    }

    private record Cuboid(double x, double y, double t, double h, double dx, double dy) {
        Box bounds() {
            return new Box(x, y - dy, t + dx, h + dy);
        }
    }

    @Override
    public Rendered render(Graph g, Look look, Random r) {
        DeckModel model = new DeckModel(g);
        Canvas c = new Canvas(look);
        Scene.FontSpec font = look.font();
        Scene.FontSpec small = font.withSize(Math.max(8f, font.size() - 2));
        double lh = Scene.lineHeight(font);
        double maxFace = Pick.between(r, 110.0, 190.0);
        double angle = Math.toRadians(Pick.between(r, 30.0, 50.0));
        double depthRatio = Pick.between(r, 0.45, 0.8);
        double gap = Pick.between(r, 35.0, 70.0) * look.spacing();
        boolean kernels = Pick.chance(r, 0.5);
        boolean flat = look.variant() == 3;
        double margin = 24;
        List<Cuboid> cubes = new ArrayList<>();
        double x = margin + Scene.textWidth("224", small) + 6;
        double maxH = 0;
        double maxDy = 0;
        List<double[]> geo = new ArrayList<>();
        for (DeckModel.Deck d : model.decks) {
            double h;
            double depth;
            double t;
            if (d.isMap()) {
                h = 16 + (maxFace - 16) * Math.sqrt(d.height() / (double) model.maxSide);
                depth = (16 + (maxFace - 16) * Math.sqrt(d.width() / (double) model.maxSide)) * depthRatio;
                t = 3 + 5 * Math.log(Math.max(1, d.channels())) / Math.log(2);
            } else {
                h = Math.min(maxFace * 1.2, 20 + 10 * Math.log(d.height()) / Math.log(2));
                depth = flat ? 0 : 6;
                t = 6;
            }
            double dx = depth * Math.cos(angle);
            double dy = depth * Math.sin(angle);
            geo.add(new double[] {t, h, dx, dy});
            maxH = Math.max(maxH, h);
            maxDy = Math.max(maxDy, dy);
        }
        double top = margin + lh + 6 + maxDy;
        double mid = top + maxH / 2;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < model.decks.size(); i++) {
            double[] q = geo.get(i);
            String name = name(model.decks.get(i), look);
            names.add(name);
            double need = Math.max(q[0] + q[2], Scene.textWidth(name, small) * 0.9);
            Cuboid cu = new Cuboid(x + (need - q[0] - q[2]) / 2, mid - q[1] / 2 + q[3] / 2, q[0], q[1], q[2], q[3]);
            cubes.add(cu);
            x += need + gap;
        }
        double width = x - gap + margin + 20;
        double height = top + maxH + 3 * lh + margin;
        Color ink = look.ink();
        float lw = look.lineWidth();
        for (int i = 0; i < cubes.size(); i++) {
            DeckModel.Deck d = model.decks.get(i);
            Cuboid cu = cubes.get(i);
            Color base = look.fill(Box2DRenderer.category(d.layer()));
            if (base == null) {
                base = look.background();
            }
            drawCuboid(c, cu, base, ink, lw);
            String layer = d.layer().name();
            c.node(layer, cu.bounds());
            c.undrawn(layer, undrawn(d, look));
            c.textCentred(names.get(i), cu.x() + (cu.t() + cu.dx()) / 2, cu.y() - cu.dy() - lh / 2 - 4, small, ink, layer);
            if (d.isMap()) {
                c.textCentred(String.valueOf(d.height()), cu.x() - Scene.textWidth(String.valueOf(d.height()), small) / 2 - 4,
                        cu.y() + cu.h() / 2, small, ink, layer);
                c.textCentred(String.valueOf(d.width()), cu.x() + cu.t() + cu.dx() / 2 + 8, cu.y() + cu.h() - cu.dy() / 2 + 6, small, ink, layer);
                c.textCentred(String.valueOf(d.channels()), cu.x() + cu.t() / 2, cu.y() + cu.h() + lh / 2 + 3, small, ink, layer);
            } else {
                c.textCentred(String.valueOf(d.height()), cu.x() + cu.t() / 2, cu.y() + cu.h() + lh / 2 + 3, small, ink, layer);
            }
            if (i > 0) {
                Cuboid a = cubes.get(i - 1);
                DeckModel.Deck prev = model.decks.get(i - 1);
                List<double[]> pts = new ArrayList<>();
                if (kernels && prev.isMap() && d.isMap() && d.layer().type().equals("Conv2D")) {
                    int k = LayerParams.of(d.layer()).getInt("kernel_row");
                    double ks = Math.max(5, Math.min(a.h() * 0.45, 4 + 2.2 * k));
                    Cuboid kc = new Cuboid(a.x() + a.t() + a.dx() * 0.3, a.y() + a.h() * 0.35 - a.dy() * 0.3 + ks / 2, ks * 0.5, ks,
                            ks * 0.5 * Math.cos(angle), ks * 0.5 * Math.sin(angle));
                    drawCuboid(c, kc, look.palette().get(4), ink, lw * 0.8f);
                    double px = cu.x() + cu.t() + cu.dx() * 0.4;
                    double py = cu.y() + cu.h() * 0.45 - cu.dy() * 0.4;
                    c.scene.line(kc.x() + kc.t() + kc.dx(), kc.y() - kc.dy(), px, py, ink, lw * 0.7f);
                    c.scene.line(kc.x() + kc.t(), kc.y() + kc.h(), px, py, ink, lw * 0.7f);
                    pts.add(new double[] {kc.x(), kc.y() - kc.dy()});
                    pts.add(new double[] {kc.x() + kc.t() + kc.dx(), kc.y() + kc.h()});
                    pts.add(new double[] {px, py});
                } else {
                    double y0 = mid;
                    double x0 = a.x() + a.t() + a.dx() + 3;
                    double x1 = cu.x() - 3;
                    Box eb = c.arrow(new double[] {x0, x1}, new double[] {y0, y0}, ink, lw,
                            look.arrowHead() == Look.ArrowHead.NONE ? Look.ArrowHead.FILLED : look.arrowHead());
                    pts.add(new double[] {eb.x(), eb.y()});
                    pts.add(new double[] {eb.x() + eb.w(), eb.y() + eb.h()});
                }
                c.edge(prev.layer().name(), layer, Canvas.bounds(pts, 1));
            }
        }
        return c.finish(width, height);
    }

    private static String name(DeckModel.Deck d, Look look) {
        if (d.layer().type().equals("Input")) {
            return look.phrasing() == LabelPhrasing.Phrasing.CAPS ? "INPUT" : "input";
        }
        return namesOnly(look) ? d.layer().name() : LabelPhrasing.label(d.layer(), d.shape(), look.phrasing());
    }

    /** Odd variants label each cuboid with its layer name ("conv1") rather than a phrased label. */
    private static boolean namesOnly(Look look) {
        return look.variant() % 2 == 1;
    }

    /**
     * Name-only labels write no kernel size (the optional kernel cuboid's size is a sketch, not a number); the
     * dimension labels give the channels (filters, units), the map sizes (strides, and some kernels: {@link Undrawn}).
     */
    static List<String> undrawn(DeckModel.Deck d, Look look) {
        return namesOnly(look) && List.of("Conv2D", "Deconv2D", "Pooling2D").contains(d.layer().type())
                ? Undrawn.kernelUnlessSized(d.layer()) : List.of();
    }

    static void drawCuboid(Canvas c, Cuboid q, Color base, Color ink, float lw) {
        double x = q.x();
        double y = q.y();
        double t = q.t();
        double h = q.h();
        double dx = q.dx();
        double dy = q.dy();
        c.scene.rect(x, y, t, h, 0, base, ink, lw);
        if (dx > 0 || dy > 0) {
            c.scene.poly(new double[] {x, x + dx, x + t + dx, x + t}, new double[] {y, y - dy, y - dy, y}, true, shade(base, 1.12), ink, lw);
            c.scene.poly(new double[] {x + t, x + t + dx, x + t + dx, x + t}, new double[] {y, y - dy, y + h - dy, y + h}, true,
                    shade(base, 0.85), ink, lw);
        }
    }

    static Color shade(Color c, double f) {
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
