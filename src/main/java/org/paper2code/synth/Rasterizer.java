package org.paper2code.synth;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Paints a {@link Scene} into an RGB image at a given scale (Java2D, headless). */
public final class Rasterizer {
    private Rasterizer() {
    }

    public static BufferedImage paint(Scene scene, double scale) {
        int w = Math.max(1, (int) Math.ceil(scene.width() * scale));
        int h = Math.max(1, (int) Math.ceil(scene.height() * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(scene.background());
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            for (Scene.Item item : scene.items()) {
                draw(g, item);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(Graphics2D g, Scene.Item item) {
        if (item instanceof Scene.Rect r) {
            Shape s = r.arc() > 0 ? new RoundRectangle2D.Double(r.x(), r.y(), r.w(), r.h(), r.arc(), r.arc())
                    : new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
            fillStroke(g, s, r.fill(), r.stroke(), r.width(), r.dashed());
        } else if (item instanceof Scene.Poly p) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(p.xs()[0], p.ys()[0]);
            for (int i = 1; i < p.xs().length; i++) {
                path.lineTo(p.xs()[i], p.ys()[i]);
            }
            if (p.closed()) {
                path.closePath();
            }
            fillStroke(g, path, p.closed() ? p.fill() : null, p.stroke(), p.width(), p.dashed());
        } else if (item instanceof Scene.Oval o) {
            fillStroke(g, new Ellipse2D.Double(o.x(), o.y(), o.w(), o.h()), o.fill(), o.stroke(), o.width(), false);
        } else if (item instanceof Scene.Text t) {
            g.setFont(t.font().awt());
            g.setColor(t.color());
            g.drawString(t.text(), (float) t.x(), (float) t.baseline());
        } else if (item instanceof Scene.Image i) {
            g.drawImage(i.image(), (int) Math.round(i.x()), (int) Math.round(i.y()),
                    (int) Math.round(i.w()), (int) Math.round(i.h()), null);
        }
    }

    private static void fillStroke(Graphics2D g, Shape s, java.awt.Color fill, java.awt.Color stroke, float width, boolean dashed) {
        if (fill != null) {
            g.setColor(fill);
            g.fill(s);
        }
        if (stroke != null && width > 0) {
            g.setColor(stroke);
            g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {4 * width, 3 * width}, 0f) : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
        }
    }
}
