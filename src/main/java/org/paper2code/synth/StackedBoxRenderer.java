package org.paper2code.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;

/**
 * LeNet-style decks of offset feature-map sheets ({@code stacked-2d-box}): one deck per
 * layer, a label such as {@code C1: feature maps 6@28x28} above it, and converging lines
 * from a receptive field on one deck to the next, with the operation written below.
 */
public final class StackedBoxRenderer implements FigureRenderer {
    @Override
    public DiagramStyle style() {
        return DiagramStyle.STACKED_2D_BOX;
    }

    @Override
    public Rendered render(Graph g, Look look, Random r) {
        DeckModel model = new DeckModel(g);
        Canvas c = new Canvas(look);
        Scene.FontSpec font = look.font();
        double lh = Scene.lineHeight(font);
        int variant = look.variant();
        double maxSheet = Pick.between(r, 90.0, 160.0);
        double off = Pick.between(r, 3.5, 7.0);
        int maxSheets = Pick.between(r, 4, 8);
        double gap = Pick.between(r, 40.0, 80.0) * look.spacing();
        double margin = 20;
        List<List<String>> labels = new ArrayList<>();
        List<double[]> dims = new ArrayList<>(); // sheet w, sheet h, count, total w, total h
        double maxH = 0;
        for (DeckModel.Deck d : model.decks) {
            labels.add(label(d, variant, look));
            double sw;
            double sh;
            int n;
            if (d.isMap()) {
                sw = 14 + (maxSheet - 14) * Math.sqrt(d.width() / (double) model.maxSide);
                sh = 14 + (maxSheet - 14) * Math.sqrt(d.height() / (double) model.maxSide);
                n = Math.max(1, Math.min(d.channels(), maxSheets));
            } else {
                sw = 10;
                sh = Math.min(maxSheet * 1.1, 20 + 14 * Math.log(d.height()) / Math.log(2));
                n = 1;
            }
            double tw = sw + (n - 1) * off;
            double th = sh + (n - 1) * off;
            dims.add(new double[] {sw, sh, n, tw, th});
            maxH = Math.max(maxH, th);
        }
        double labelRoom = 2 * lh + 8;
        double opRoom = lh + 14;
        double top = margin + labelRoom;
        double midY = top + maxH / 2;
        List<Box> boxes = new ArrayList<>();
        double x = margin;
        for (int i = 0; i < model.decks.size(); i++) {
            double[] d = dims.get(i);
            double lw = 0;
            for (String s : labels.get(i)) {
                lw = Math.max(lw, Scene.textWidth(s, font));
            }
            double slot = Math.max(d[3], lw);
            boxes.add(new Box(x + (slot - d[3]) / 2, midY - d[4] / 2, d[3], d[4]));
            x += slot + gap;
        }
        double width = x - gap + margin;
        double height = top + maxH + opRoom + margin;
        Color ink = look.ink();
        for (int i = 0; i < model.decks.size(); i++) {
            DeckModel.Deck d = model.decks.get(i);
            double[] dm = dims.get(i);
            Box b = boxes.get(i);
            int n = (int) dm[2];
            for (int k = 0; k < n; k++) {
                double sx = b.x() + k * off;
                double sy = b.y() + k * off;
                Color fill = look.filled() ? look.fill(Box2DRenderer.category(d.layer())) : look.background();
                c.scene.rect(sx, sy, dm[0], dm[1], 0, fill == null ? look.background() : fill, ink, look.lineWidth());
            }
            c.node(d.layer().name(), b);
            c.undrawn(d.layer().name(), undrawn(d, variant, i == 0));
            double y = margin + lh / 2 + (2 - labels.get(i).size()) * lh;
            for (String s : labels.get(i)) {
                c.textCentred(s, b.x() + b.w() / 2, y, font, ink, d.layer().name());
                y += lh;
            }
            if (i > 0) {
                Box a = boxes.get(i - 1);
                double[] am = dims.get(i - 1);
                DeckModel.Deck prev = model.decks.get(i - 1);
                // receptive field square on the previous front sheet, lines converging on this deck
                double fx = a.x() + a.w() - am[0];
                double fy = a.y() + a.h() - am[1];
                double fs = Math.max(4, am[0] * 0.18);
                double rx = fx + am[0] * 0.55;
                double ry = fy + am[1] * 0.35;
                List<double[]> pts = new ArrayList<>();
                double tx = b.x() + (b.w() - dm[0]) + dm[0] * 0.35;
                double ty = b.y() + b.h() - dm[1] + dm[1] * 0.45;
                if (prev.isMap()) {
                    c.scene.rect(rx, ry, fs, fs, 0, null, ink, look.lineWidth());
                    if (look.arrowHead() == Look.ArrowHead.NONE) {
                        c.scene.line(rx + fs, ry, tx, ty, ink, look.lineWidth() * 0.8f);
                        c.scene.line(rx + fs, ry + fs, tx, ty, ink, look.lineWidth() * 0.8f);
                    } else {
                        c.arrow(new double[] {rx + fs, tx}, new double[] {ry + fs / 2, ty}, ink, look.lineWidth());
                    }
                    pts.add(new double[] {rx, ry});
                    pts.add(new double[] {rx + fs, ry + fs});
                } else {
                    c.arrow(new double[] {a.x() + a.w() + 2, b.x() - 2}, new double[] {midY, midY}, ink, look.lineWidth());
                    pts.add(new double[] {a.x() + a.w() + 2, midY});
                    tx = b.x() - 2;
                    ty = midY;
                }
                pts.add(new double[] {tx, ty});
                c.edge(prev.layer().name(), d.layer().name(), Canvas.bounds(pts, 2));
                String op = DeckModel.operation(d, variant);
                if (!op.isEmpty() && variant != 2) {
                    double cx = (a.x() + a.w() + b.x()) / 2;
                    c.textCentred(op, cx, top + maxH + 8 + lh / 2, font.withSize(Math.max(8f, font.size() - 1)), ink, d.layer().name());
                }
            }
        }
        return c.finish(width, height);
    }

    /**
     * A deck's kernel is written only in the operation under the arrow into it, which odd variants phrase with the
     * kernel ("5x5 convolution", {@link DeckModel#operation}); even ones say "Convolutions" (variant 2 writes none), an
     * up-convolution never has one, and the first deck has no arrow. The labels give the channels and map sizes (and
     * from those some kernels: {@link Undrawn#kernelFromSizes}).
     */
    static List<String> undrawn(DeckModel.Deck d, int variant, boolean first) {
        String type = d.layer().type();
        boolean stated = !first && variant % 2 == 1 && (type.equals("Conv2D") || type.equals("Pooling2D"));
        return !stated && List.of("Conv2D", "Deconv2D", "Pooling2D").contains(type) ? Undrawn.kernelUnlessSized(d.layer()) : List.of();
    }

    static List<String> label(DeckModel.Deck d, int variant, Look look) {
        String dims = d.isMap() ? d.channels() + "@" + d.height() + "x" + d.width() : String.valueOf(d.height());
        String id = d.letter() + d.index();
        boolean conv = d.letter().equals("C");
        List<String> out = new ArrayList<>();
        if (d.layer().type().equals("Input")) {
            out.add(variant == 1 ? "input" : "INPUT");
            out.add(d.isMap() ? d.height() + "x" + d.width() + (d.channels() > 1 ? "x" + d.channels() : "") : dims);
            return out;
        }
        switch (variant) {
            case 0 -> out.add(id + ": " + (d.isMap() ? (conv ? "feature maps " : "f. maps ") + dims : "layer " + dims));
            case 1 -> {
                out.add(d.layer().name());
                out.add(dims);
            }
            case 2 -> {
                out.add(id + ":");
                out.add(d.isMap() ? dims : dims + " units");
            }
            default -> {
                out.add(d.isMap() ? (conv ? "Feature maps" : "Pooled maps") : "Fully connected");
                out.add(dims);
            }
        }
        return out;
    }
}
