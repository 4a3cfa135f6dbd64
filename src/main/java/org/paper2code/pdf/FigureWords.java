package org.paper2code.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * The text-layer words inside a figure, placed on its crop's pixels: a vector figure's own lettering, exact where
 * OCR of the crop would guess. Turned text (a label along an edge) comes as whole lines, each with its angle.
 * The words are rebuilt from the glyphs at the size they are drawn at: a figure included as a scaled PDF drawing
 * reports font sizes several times its lettering's, and lines built at those sizes merge a box's two lines of
 * text ("Conv" over "1x1+1(S)") into one.
 */
final class FigureWords {
    /** A word belongs to the figure when this share of its box lies inside the figure's box. */
    private static final double INSIDE = 0.6;

    private FigureWords() {
    }

    /**
     * The words the glyphs inside the box make, in the crop's pixels.
     *
     * @param box   the figure's box on the page (points), after any trim
     * @param frame where the crop's pixels lie on the page
     */
    static List<Paper.Figure.Word> inside(List<Glyph> glyphs, List<GlyphCollector.TurnedGlyph> turned, Rect box, PixelFrame frame) {
        List<Glyph> drawn = new ArrayList<>();
        for (Glyph g : glyphs) {
            Glyph d = g.asDrawn();
            if (box.overlapArea(d.box()) > 0) {
                drawn.add(d);
            }
        }
        double typical = drawn.stream().mapToDouble(Glyph::fontSize).sorted().skip(drawn.size() / 2).findFirst().orElse(0);
        drawn.removeIf(g -> isMark(g, typical));
        List<Paper.Figure.Word> out = new ArrayList<>();
        for (Line l : LineBuilder.build(drawn)) {
            for (Line.Word w : l.words()) {
                if (box.overlapArea(w.box()) > INSIDE * w.box().area()) {
                    out.add(new Paper.Figure.Word(w.text(), frame.toPixels(w.box())));
                }
            }
        }
        out.addAll(turnedLines(turned, box, frame));
        return out;
    }

    /**
     * The turned text inside the box, one word per line (a turned label's words stack across the page, where
     * level-text line building would not join them), built in each angle's own reading frame.
     */
    private static List<Paper.Figure.Word> turnedLines(List<GlyphCollector.TurnedGlyph> turned, Rect box, PixelFrame frame) {
        List<Paper.Figure.Word> out = new ArrayList<>();
        for (int angle : new int[] {90, 180, 270}) {
            List<GlyphCollector.TurnedGlyph> at = turned.stream().filter(t -> t.angle() == angle).toList();
            if (at.isEmpty()) {
                continue;
            }
            // one page, one angle: the frame is the page turned, so any glyph's origin places them all
            GlyphCollector.TurnedGlyph placed = at.get(0);
            for (Line l : LineBuilder.build(at.stream().map(t -> t.framed().asDrawn()).toList())) {
                Rect onPage = placed.onPage(l.box());
                if (box.overlapArea(onPage) > INSIDE * onPage.area() && TEXT.matcher(l.text()).find()) {
                    out.add(new Paper.Figure.Word(l.text(), frame.toPixels(onPage), angle));
                }
            }
        }
        return out;
    }

    /** A turned line worth carrying holds a letter or digit (not a column of dots). */
    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]");

    /** A drawn size this many times the figure's typical glyph makes a punctuation glyph a mark, not lettering. */
    private static final double MARK_SIZE = 1.5;

    /**
     * A tall brace or bracket spanning several lines of the drawing ("} x4" beside a block of layers): a shape set in a
     * font, which joins whatever line its baseline meets ("3x3x512}") and is no part of a word.
     */
    private static boolean isMark(Glyph g, double typical) {
        return g.fontSize() > MARK_SIZE * typical && g.text().codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
