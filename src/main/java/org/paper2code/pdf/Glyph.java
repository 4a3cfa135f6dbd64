package org.paper2code.pdf;

/**
 * One character as drawn: its box (points from the page's top left), baseline, font size and weight, and the size it
 * is drawn at on the page. The two sizes differ for text scaled by the drawing's own transform, as in a figure
 * included as a PDF drawing: PDFBox's font size leaves that transform out (and is rounded down to whole points).
 */
record Glyph(String text, Rect box, double baseline, double fontSize, boolean bold, String font, double drawnSize) {

    /** The glyph boxed and sized as drawn on the page. */
    Glyph asDrawn() {
        if (drawnSize == fontSize) {
            return this;
        }
        return new Glyph(text, GlyphCollector.box(box.x(), baseline, box.w(), drawnSize), baseline, drawnSize, bold, font, drawnSize);
    }
}
