package org.paper2code.synth;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/** Draws a {@link Scene} as PDF vector graphics (paths and text, no image) into a rectangle of a page. */
final class PdfFigure {
    private static final double KAPPA = 0.5522847498;

    private PdfFigure() {
    }

    static boolean isVectorOnly(Scene scene) {
        return scene.items().stream().noneMatch(i -> i instanceof Scene.Image);
    }

    /**
     * Draws the scene with its top-left corner at (x, top) in PDF coordinates (y up) and the
     * given scale from scene units to points.
     */
    static void draw(PDDocument doc, PDPageContentStream cs, Scene scene, float x, float top, float scale) throws IOException {
        cs.saveGraphicsState();
        // scene units (y down) to page points (y up)
        cs.transform(new Matrix(scale, 0, 0, -scale, x, top));
        cs.setNonStrokingColor(scene.background());
        cs.addRect(0, 0, (float) scene.width(), (float) scene.height());
        cs.fill();
        for (Scene.Item item : scene.items()) {
            if (item instanceof Scene.Rect r) {
                if (!visible(r.fill(), r.stroke(), r.width())) {
                    continue;
                }
                if (r.arc() > 0) {
                    roundRect(cs, r.x(), r.y(), r.w(), r.h(), r.arc() / 2);
                } else {
                    cs.addRect((float) r.x(), (float) r.y(), (float) r.w(), (float) r.h());
                }
                paint(cs, r.fill(), r.stroke(), r.width(), r.dashed());
            } else if (item instanceof Scene.Poly p) {
                if (!visible(p.closed() ? p.fill() : null, p.stroke(), p.width())) {
                    continue;
                }
                cs.moveTo((float) p.xs()[0], (float) p.ys()[0]);
                for (int i = 1; i < p.xs().length; i++) {
                    cs.lineTo((float) p.xs()[i], (float) p.ys()[i]);
                }
                if (p.closed()) {
                    cs.closePath();
                }
                paint(cs, p.closed() ? p.fill() : null, p.stroke(), p.width(), p.dashed());
            } else if (item instanceof Scene.Oval o) {
                if (!visible(o.fill(), o.stroke(), o.width())) {
                    continue;
                }
                oval(cs, o.x(), o.y(), o.w(), o.h());
                paint(cs, o.fill(), o.stroke(), o.width(), false);
            } else if (item instanceof Scene.Text t) {
                cs.setNonStrokingColor(t.color());
                cs.beginText();
                // flip back so glyphs stand upright under the y-down transform
                cs.setTextMatrix(new Matrix(1, 0, 0, -1, (float) t.x(), (float) t.baseline()));
                PdfText.show(cs, t.text(), PdfText.font(t.font().family(), t.font().style()), t.font().size());
                cs.endText();
            } else if (item instanceof Scene.Image i) {
                PDImageXObject img = LosslessFactory.createFromImage(doc, i.image());
                cs.drawImage(img, new Matrix((float) i.w(), 0, 0, (float) -i.h(), (float) i.x(), (float) (i.y() + i.h())));
            }
        }
        cs.restoreGraphicsState();
    }

    private static boolean visible(Color fill, Color stroke, float width) {
        return fill != null || stroke != null && width > 0;
    }

    private static void paint(PDPageContentStream cs, Color fill, Color stroke, float width, boolean dashed) throws IOException {
        boolean doStroke = stroke != null && width > 0;
        if (fill != null) {
            cs.setNonStrokingColor(fill);
        }
        if (doStroke) {
            cs.setStrokingColor(stroke);
            cs.setLineWidth(width);
            cs.setLineCapStyle(dashed ? 0 : 1);
            cs.setLineJoinStyle(1);
            cs.setLineDashPattern(dashed ? new float[] {4 * width, 3 * width} : new float[0], 0);
        }
        if (fill != null && doStroke) {
            cs.fillAndStroke();
        } else if (fill != null) {
            cs.fill();
        } else {
            cs.stroke();
        }
    }

    private static void oval(PDPageContentStream cs, double x, double y, double w, double h) throws IOException {
        float rx = (float) (w / 2);
        float ry = (float) (h / 2);
        float cx = (float) (x + rx);
        float cy = (float) (y + ry);
        float kx = (float) (rx * KAPPA);
        float ky = (float) (ry * KAPPA);
        cs.moveTo(cx + rx, cy);
        cs.curveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        cs.curveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        cs.curveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        cs.curveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        cs.closePath();
    }

    private static void roundRect(PDPageContentStream cs, double x, double y, double w, double h, double r) throws IOException {
        float rr = (float) Math.min(r, Math.min(w, h) / 2);
        float k = (float) (rr * KAPPA);
        float x0 = (float) x;
        float y0 = (float) y;
        float x1 = (float) (x + w);
        float y1 = (float) (y + h);
        cs.moveTo(x0 + rr, y0);
        cs.lineTo(x1 - rr, y0);
        cs.curveTo(x1 - rr + k, y0, x1, y0 + rr - k, x1, y0 + rr);
        cs.lineTo(x1, y1 - rr);
        cs.curveTo(x1, y1 - rr + k, x1 - rr + k, y1, x1 - rr, y1);
        cs.lineTo(x0 + rr, y1);
        cs.curveTo(x0 + rr - k, y1, x0, y1 - rr + k, x0, y1 - rr);
        cs.lineTo(x0, y0 + rr);
        cs.curveTo(x0, y0 + rr - k, x0 + rr - k, y0, x0 + rr, y0);
        cs.closePath();
    }
}
