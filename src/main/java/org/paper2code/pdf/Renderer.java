package org.paper2code.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.rendering.ImageType;

/** Renders crops, overlays and OCR pages with PDFBox, never larger than the pixel cap (the scale shrinks instead). */
final class Renderer {
    private final ClipRenderer pdf;
    private final long maxPixels;

    Renderer(ClipRenderer pdf, long maxPixels) {
        this.pdf = pdf;
        this.maxPixels = maxPixels;
    }

    /** Points-to-pixels scale for a w x h point area at the DPI, reduced to fit the cap. */
    double scale(double w, double h, int dpi) {
        double s = dpi / 72.0;
        double px = Math.max(1, w * s) * Math.max(1, h * s);
        if (px > maxPixels) {
            s *= Math.sqrt(maxPixels / px);
        }
        return s;
    }

    /** A rendered crop and where its pixels lie on the page. */
    record Crop(BufferedImage image, PixelFrame frame) {
    }

    /**
     * Renders the area of the box, cut from a render of the page in its own frame that draws only
     * the boxes of the page's crops (see {@link ClipRenderer}: the pixels are those of a whole-page
     * render, at a fraction of its cost). The last render is kept, as pages often carry two figures.
     *
     * @param pageBoxes all boxes that will be cropped from this page (the box among them), drawn in one render
     */
    Crop crop(int pageIndex, Rect box, List<Rect> pageBoxes, int dpi, double pageWidth, double pageHeight) throws IOException {
        double s = scale(box.w(), box.h(), dpi);
        int w = Math.max(1, (int) Math.ceil(box.w() * s));
        int h = Math.max(1, (int) Math.ceil(box.h() * s));
        if (Math.max(1, pageWidth * s) * Math.max(1, pageHeight * s) > maxPixels) {
            return new Crop(clipped(pageIndex, box, s, w, h), new PixelFrame(s, box.x() * s, box.y() * s));
        }
        Rectangle needed = pixels(box, s);
        if (lastPage != pageIndex || lastScale != s || lastDrawn.stream().noneMatch(r -> r.contains(needed))) {
            List<Rectangle> drawn = new ArrayList<>();
            drawn.add(needed);
            pageBoxes.forEach(b -> drawn.add(pixels(b, s)));
            lastImage = pdf.render(pageIndex, (float) s, ImageType.RGB, drawn);
            lastPage = pageIndex;
            lastScale = s;
            lastDrawn = drawn;
        }
        int x0 = Math.min(Math.max(0, (int) Math.floor(box.x() * s)), lastImage.getWidth() - 1);
        int y0 = Math.min(Math.max(0, (int) Math.floor(box.y() * s)), lastImage.getHeight() - 1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            BufferedImage sub = lastImage.getSubimage(x0, y0, Math.min(w, lastImage.getWidth() - x0), Math.min(h, lastImage.getHeight() - y0));
            g.drawImage(sub, 0, 0, null);
        } finally {
            g.dispose();
        }
        return new Crop(img, new PixelFrame(s, x0, y0));
    }

    /** The device pixels a crop of the box reads at the scale (one pixel spare on the far sides). */
    private static Rectangle pixels(Rect box, double s) {
        int x0 = (int) Math.floor(box.x() * s);
        int y0 = (int) Math.floor(box.y() * s);
        return new Rectangle(x0, y0, (int) Math.ceil(box.w() * s) + 1, (int) Math.ceil(box.h() * s) + 1);
    }

    private int lastPage = -1;
    private double lastScale;
    private List<Rectangle> lastDrawn = List.of();
    private BufferedImage lastImage;

    /** Only the box's area drawn (for pages too big to render whole under the cap). */
    private BufferedImage clipped(int pageIndex, Rect box, double s, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.translate(-box.x() * s, -box.y() * s);
            g.setClip((int) Math.floor(box.x() * s), (int) Math.floor(box.y() * s), w + 1, h + 1);
            pdf.renderPageToGraphics(pageIndex, g, (float) s);
        } finally {
            g.dispose();
        }
        return img;
    }

    BufferedImage page(int pageIndex, double width, double height, int dpi, ImageType type) throws IOException {
        return pdf.renderImage(pageIndex, (float) scale(width, height, dpi), type);
    }

    record Box(Rect rect, Color color) {
    }

    byte[] overlay(int pageIndex, double width, double height, int dpi, List<Box> boxes) throws IOException {
        double s = scale(width, height, dpi);
        BufferedImage img = pdf.renderImage(pageIndex, (float) s, ImageType.RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setStroke(new BasicStroke((float) Math.max(1.5, 2 * s / 1.4)));
            for (Box b : boxes) {
                g.setColor(b.color());
                g.drawRect((int) (b.rect().x() * s), (int) (b.rect().y() * s), (int) (b.rect().w() * s), (int) (b.rect().h() * s));
            }
        } finally {
            g.dispose();
        }
        return Png.encode(img);
    }
}
