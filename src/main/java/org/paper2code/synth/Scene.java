package org.paper2code.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.paper2code.eval.Box;

/**
 * A vector drawing: the primitives a renderer laid out, in drawing order, in the renderer's
 * own units. {@link Rasterizer} paints it into a {@link BufferedImage}; {@link PdfFigure}
 * draws the same primitives as PDF vector graphics. Text is measured with Java2D metrics so
 * that label boxes in the truth match the raster.
 */
public final class Scene {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** A font by Java logical family name ({@code SansSerif}, {@code Serif}, {@code Monospaced}, {@code Dialog}). */
    public record FontSpec(String family, int style, float size) {
        public Font awt() {
            return new Font(family, style, 1).deriveFont(size);
        }

        public FontSpec withSize(float s) {
            return new FontSpec(family, style, s);
        }

        public FontSpec withStyle(int st) {
            return new FontSpec(family, st, size);
        }
    }

    public sealed interface Item permits Rect, Poly, Oval, Text, Image {
    }

    public record Rect(double x, double y, double w, double h, double arc, Color fill, Color stroke, float width, boolean dashed)
            implements Item {
    }

    /** A polyline or polygon (closed). */
    public record Poly(double[] xs, double[] ys, boolean closed, Color fill, Color stroke, float width, boolean dashed)
            implements Item {
    }

    public record Oval(double x, double y, double w, double h, Color fill, Color stroke, float width) implements Item {
    }

    public record Text(String text, double x, double baseline, FontSpec font, Color color) implements Item {
    }

    public record Image(BufferedImage image, double x, double y, double w, double h) implements Item {
    }

    private final List<Item> items = new ArrayList<>();
    private final Color background;
    private double width;
    private double height;

    public Scene(Color background) {
        this.background = background;
    }

    public List<Item> items() {
        return items;
    }

    public Color background() {
        return background;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public void size(double w, double h) {
        width = w;
        height = h;
    }

    public void rect(double x, double y, double w, double h, double arc, Color fill, Color stroke, float lw) {
        items.add(new Rect(x, y, w, h, arc, fill, stroke, lw, false));
    }

    public void dashedRect(double x, double y, double w, double h, Color stroke, float lw) {
        items.add(new Rect(x, y, w, h, 0, null, stroke, lw, true));
    }

    public void poly(double[] xs, double[] ys, boolean closed, Color fill, Color stroke, float lw) {
        items.add(new Poly(xs.clone(), ys.clone(), closed, fill, stroke, lw, false));
    }

    public void line(double x1, double y1, double x2, double y2, Color c, float lw) {
        poly(new double[] {x1, x2}, new double[] {y1, y2}, false, null, c, lw);
    }

    public void dashedLine(double x1, double y1, double x2, double y2, Color c, float lw) {
        items.add(new Poly(new double[] {x1, x2}, new double[] {y1, y2}, false, null, c, lw, true));
    }

    public void oval(double x, double y, double w, double h, Color fill, Color stroke, float lw) {
        items.add(new Oval(x, y, w, h, fill, stroke, lw));
    }

    public void image(BufferedImage img, double x, double y, double w, double h) {
        items.add(new Image(img, x, y, w, h));
    }

    /** Draws text with its left end at x and its baseline at y; returns the text's box. */
    public Box text(String s, double x, double baseline, FontSpec font, Color color) {
        items.add(new Text(s, x, baseline, font, color));
        return textBox(s, x, baseline, font);
    }

    /** Draws text centred on cx with its box's vertical centre at cy; returns the box. */
    public Box textCentred(String s, double cx, double cy, FontSpec font, Color color) {
        double w = textWidth(s, font);
        LineMetrics m = font.awt().getLineMetrics(s, FRC);
        double baseline = cy + (m.getAscent() - m.getDescent()) / 2;
        return text(s, cx - w / 2, baseline, font, color);
    }

    public static double textWidth(String s, FontSpec font) {
        return font.awt().getStringBounds(s, FRC).getWidth();
    }

    public static double ascent(FontSpec font) {
        return font.awt().getLineMetrics("Hg", FRC).getAscent();
    }

    public static double lineHeight(FontSpec font) {
        LineMetrics m = font.awt().getLineMetrics("Hg", FRC);
        return m.getAscent() + m.getDescent();
    }

    public static Box textBox(String s, double x, double baseline, FontSpec font) {
        LineMetrics m = font.awt().getLineMetrics(s, FRC);
        return new Box(x, baseline - m.getAscent(), textWidth(s, font), m.getAscent() + m.getDescent());
    }
}
