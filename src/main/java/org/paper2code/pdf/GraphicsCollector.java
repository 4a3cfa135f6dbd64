package org.paper2code.pdf;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Records where a page draws: the bounding box of every stroked or filled path and every
 * image, clipped to the current clip, in points from the page's top left. White fills and
 * page-sized backgrounds are dropped; Type 3 glyph procedures (bitmap fonts) are skipped,
 * since they are text, not drawings.
 */
final class GraphicsCollector extends PDFGraphicsStreamEngine {
    private final List<Graphic> out = new ArrayList<>();
    private final double left;
    private final double top;
    private final double pageW;
    private final double pageH;
    private double px0 = Double.MAX_VALUE, py0 = Double.MAX_VALUE, px1 = -Double.MAX_VALUE, py1 = -Double.MAX_VALUE;
    private final Point2D.Float current = new Point2D.Float();

    GraphicsCollector(PDPage page) {
        super(page);
        PDRectangle crop = page.getCropBox();
        left = crop.getLowerLeftX();
        top = crop.getUpperRightY();
        pageW = crop.getWidth();
        pageH = crop.getHeight();
    }

    List<Graphic> collect() throws IOException {
        processPage(getPage());
        return out;
    }

    private void addPoint(double x, double y) {
        px0 = Math.min(px0, x);
        py0 = Math.min(py0, y);
        px1 = Math.max(px1, x);
        py1 = Math.max(py1, y);
    }

    private void resetPath() {
        px0 = py0 = Double.MAX_VALUE;
        px1 = py1 = -Double.MAX_VALUE;
    }

    private void emit(Graphic.Kind kind, double x0, double y0, double x1, double y1, int pw, int ph, boolean whiteFill) {
        if (x1 < x0 || y1 < y0) {
            return;
        }
        Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
        double cx0 = Math.max(x0, clip.getMinX());
        double cy0 = Math.max(y0, clip.getMinY());
        double cx1 = Math.min(x1, clip.getMaxX());
        double cy1 = Math.min(y1, clip.getMaxY());
        if (cx1 < cx0 || cy1 < cy0) {
            return;
        }
        Rect r = Rect.ofCorners(cx0 - left, top - cy1, cx1 - left, top - cy0).intersect(new Rect(0, 0, pageW, pageH));
        if (r.isEmpty()) {
            return;
        }
        boolean pageSized = r.w() > 0.9 * pageW && r.h() > 0.9 * pageH;
        if (whiteFill || (pageSized && kind == Graphic.Kind.PATH)) {
            return;
        }
        out.add(new Graphic(kind, r, pw, ph));
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        for (Point2D p : new Point2D[] {p0, p1, p2, p3}) {
            addPoint(p.getX(), p.getY());
        }
        current.setLocation(p0.getX(), p0.getY());
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        double[][] corners = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] c : corners) {
            Point2D.Float p = m.transformPoint((float) c[0], (float) c[1]);
            x0 = Math.min(x0, p.x);
            y0 = Math.min(y0, p.y);
            x1 = Math.max(x1, p.x);
            y1 = Math.max(y1, p.y);
        }
        emit(Graphic.Kind.IMAGE, x0, y0, x1, y1, image.getWidth(), image.getHeight(), false);
    }

    @Override
    public void clip(int windingRule) {
        // the clip itself is applied by the engine; the path is consumed by endPath
    }

    @Override
    public void moveTo(float x, float y) {
        addPoint(x, y);
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        addPoint(x, y);
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        addPoint(x1, y1);
        addPoint(x2, y2);
        addPoint(x3, y3);
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
        resetPath();
    }

    @Override
    public void strokePath() {
        double lw = getGraphicsState().getLineWidth();
        emit(Graphic.Kind.PATH, px0 - lw / 2, py0 - lw / 2, px1 + lw / 2, py1 + lw / 2, 0, 0, false);
        resetPath();
    }

    @Override
    public void fillPath(int windingRule) {
        emit(Graphic.Kind.PATH, px0, py0, px1, py1, 0, 0, isWhite());
        resetPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        emit(Graphic.Kind.PATH, px0, py0, px1, py1, 0, 0, false);
        resetPath();
    }

    @Override
    public void shadingFill(COSName shadingName) {
        Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
        emit(Graphic.Kind.PATH, clip.getMinX(), clip.getMinY(), clip.getMaxX(), clip.getMaxY(), 0, 0, false);
    }

    @Override
    protected void showType3Glyph(Matrix textRenderingMatrix, PDType3Font font, int code, Vector displacement) {
        // bitmap and Type 3 fonts are text, not drawings
    }

    @Override
    protected void showFontGlyph(Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code,
                                 Vector displacement) {
        // glyph positions come from GlyphCollector
    }

    private boolean isWhite() {
        try {
            float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
            var cs = getGraphicsState().getNonStrokingColor().getColorSpace();
            if (cs == null) {
                return false;
            }
            float[] c = cs.toRGB(rgb);
            return c.length == 3 && c[0] > 0.97f && c[1] > 0.97f && c[2] > 0.97f;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
