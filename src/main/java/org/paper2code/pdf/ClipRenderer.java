package org.paper2code.pdf;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDFBox renderer that can draw only some rectangles of a page. The image keeps the whole page's
 * frame (a page-sized image, nothing translated: PDFBox draws some transparency groups black when
 * the page is drawn translated into a box-sized image), but the page is drawn under a clip of the
 * rectangles, and glyphs, images, transparency groups and annotations that lie wholly outside them
 * are skipped rather than decoded and rasterised to no effect. The pixels inside the rectangles are
 * those of a whole-page render; outside them the image stays white.
 */
final class ClipRenderer extends PDFRenderer {
    /** Device-pixel rectangles of the next render; null draws the whole page. */
    private List<Rectangle> clip;

    ClipRenderer(PDDocument doc) {
        super(doc);
    }

    /** The page at the scale, drawn only inside the device-pixel rectangles (all of it when null). */
    BufferedImage render(int pageIndex, float scale, ImageType type, List<Rectangle> rectangles) throws IOException {
        clip = rectangles;
        try {
            return renderImage(pageIndex, scale, type);
        } finally {
            clip = null;
        }
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return clip == null ? super.createPageDrawer(parameters) : new ClippedDrawer(parameters, List.copyOf(clip));
    }

    private static final class ClippedDrawer extends PageDrawer {
        /** Glyphs closer than this many ems to the clip are drawn even when their font box says they miss it. */
        private static final double GLYPH_MARGIN_EM = 1;
        /** Page-space margin (points) around the clip for images, groups and annotations. */
        private static final double MARGIN = 2;

        private final List<Rectangle> device;
        private final List<Rectangle2D> pageSpace = new ArrayList<>();
        private final Map<PDFont, Rectangle2D> fontBoxes = new IdentityHashMap<>();
        private Graphics2D pageGraphics;

        ClippedDrawer(PageDrawerParameters parameters, List<Rectangle> device) throws IOException {
            super(parameters);
            this.device = device;
        }

        @Override
        public void drawPage(Graphics2D g, PDRectangle pageSize) throws IOException {
            AffineTransform base = g.getTransform();
            Area area = new Area();
            device.forEach(r -> area.add(new Area(r)));
            g.setTransform(new AffineTransform());
            g.setClip(area);
            g.setTransform(base);
            // the page-space (PDF user space) rectangles: drawPage flips y and moves the crop box's origin
            AffineTransform toDevice = new AffineTransform(base);
            toDevice.translate(0, pageSize.getHeight());
            toDevice.scale(1, -1);
            toDevice.translate(-pageSize.getLowerLeftX(), -pageSize.getLowerLeftY());
            try {
                AffineTransform toPage = toDevice.createInverse();
                for (Rectangle r : device) {
                    pageSpace.add(toPage.createTransformedShape(r).getBounds2D());
                }
            } catch (NoninvertibleTransformException e) {
                pageSpace.clear(); // nothing is skipped; the clip alone still applies
            }
            pageGraphics = g;
            super.drawPage(g, pageSize);
        }

        /**
         * True when a page-space box certainly lies outside every clip rectangle, so drawing it
         * would change no pixel. Only for drawing straight onto the page: tiling patterns and
         * transparency groups draw into their own images with their own frames.
         */
        private boolean outside(Rectangle2D box, double margin) {
            if (pageSpace.isEmpty() || getGraphics() != pageGraphics || box == null || box.isEmpty()) {
                return false;
            }
            for (Rectangle2D r : pageSpace) {
                if (box.intersects(r.getX() - margin, r.getY() - margin, r.getWidth() + 2 * margin, r.getHeight() + 2 * margin)) {
                    return false;
                }
            }
            return true;
        }

        private boolean glyphOutside(Matrix textRenderingMatrix, PDFont font) {
            if (pageSpace.isEmpty() || getGraphicsState().getTextState().getRenderingMode().isClip()) {
                return false; // a clipping glyph shapes what is drawn later, wherever it is
            }
            Rectangle2D glyphBox = fontBoxes.computeIfAbsent(font, ClippedDrawer::glyphSpaceBox);
            if (glyphBox == null) {
                return false;
            }
            AffineTransform at = textRenderingMatrix.createAffineTransform();
            at.concatenate(font.getFontMatrix().createAffineTransform());
            Rectangle2D box = at.createTransformedShape(glyphBox).getBounds2D();
            double em = Math.max(Math.abs(textRenderingMatrix.getScalingFactorX()), Math.abs(textRenderingMatrix.getScalingFactorY()));
            return outside(box, GLYPH_MARGIN_EM * em + MARGIN);
        }

        /** The font's box in glyph space, widened to at least the em square; null when the font gives none usable. */
        private static Rectangle2D glyphSpaceBox(PDFont font) {
            try {
                BoundingBox b = font.getBoundingBox();
                if (b == null || !(b.getWidth() > 0) || !(b.getHeight() > 0)) {
                    return null;
                }
                Rectangle2D box = new Rectangle2D.Double(b.getLowerLeftX(), b.getLowerLeftY(), b.getWidth(), b.getHeight());
                // the em square in glyph space: 1 unit scaled by the inverse font matrix
                AffineTransform fm = font.getFontMatrix().createAffineTransform();
                Rectangle2D em = fm.createInverse().createTransformedShape(new Rectangle2D.Double(0, 0, 1, 1)).getBounds2D();
                box.add(em);
                return box;
            } catch (IOException | RuntimeException | NoninvertibleTransformException e) {
                return null;
            }
        }

        @Override
        protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, org.apache.pdfbox.util.Vector displacement)
                throws IOException {
            if (!glyphOutside(textRenderingMatrix, font)) {
                super.showFontGlyph(textRenderingMatrix, font, code, displacement);
            }
        }

        @Override
        protected void showType3Glyph(Matrix textRenderingMatrix, PDType3Font font, int code, org.apache.pdfbox.util.Vector displacement)
                throws IOException {
            if (!glyphOutside(textRenderingMatrix, font)) {
                super.showType3Glyph(textRenderingMatrix, font, code, displacement);
            }
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            Shape unit = new Rectangle2D.Double(0, 0, 1, 1);
            Rectangle2D box = getGraphicsState().getCurrentTransformationMatrix().createAffineTransform()
                    .createTransformedShape(unit).getBounds2D();
            if (!outside(box, MARGIN)) {
                super.drawImage(image);
            }
        }

        @Override
        public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
            PDRectangle bbox = form.getBBox();
            if (bbox != null) {
                AffineTransform at = getGraphicsState().getCurrentTransformationMatrix().createAffineTransform();
                at.concatenate(form.getMatrix().createAffineTransform());
                if (outside(at.createTransformedShape(bbox.toGeneralPath()).getBounds2D(), MARGIN)) {
                    return;
                }
            }
            super.showTransparencyGroup(form);
        }

        @Override
        public void showAnnotation(PDAnnotation annotation) throws IOException {
            PDRectangle rect = annotation.getRectangle();
            if (rect != null && getCurrentPage().getRotation() == 0
                    && outside(new Rectangle2D.Double(rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()), MARGIN)) {
                return;
            }
            super.showAnnotation(annotation);
        }
    }
}
