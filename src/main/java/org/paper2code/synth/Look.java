package org.paper2code.synth;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Random;
import org.paper2code.eval.DiagramStyle;

/**
 * How one figure looks: font, colours, line width, arrow heads, label phrasing, orientation,
 * spacing, output width and post-processing. Drawn from the item's seeded {@link Random}.
 *
 * @param variant     a style-specific sub-look (e.g. Keras plot_model or Caffe draw_net for 2d-box)
 * @param jpegQuality 0 for PNG output, else the JPEG quality in percent
 */
public record Look(Scene.FontSpec font, Color ink, Color background, List<Color> palette, boolean filled, boolean rounded,
                   float lineWidth, ArrowHead arrowHead, LabelPhrasing.Phrasing phrasing, boolean vertical, double spacing,
                   int targetWidth, double blur, double noise, int jpegQuality, int variant) {

    public enum ArrowHead { FILLED, OPEN, STEALTH, NONE }

    static final List<List<Color>> PALETTES = List.of(
            List.of(new Color(0xAEC6E8), new Color(0xFFD8A8), new Color(0xB8E0B8), new Color(0xE8C8E8), new Color(0xFFF2AE), new Color(0xF4B6B6)),
            List.of(new Color(0xDCE9F5), new Color(0xF9E0C7), new Color(0xDDEFD5), new Color(0xEDE1F3), new Color(0xFDF5D0), new Color(0xF6D5D5)),
            List.of(new Color(0x8DD3C7), new Color(0xFFFFB3), new Color(0xBEBADA), new Color(0xFB8072), new Color(0x80B1D3), new Color(0xFDB462)),
            List.of(new Color(0xFF5050), new Color(0xFF9900), new Color(0xCC33FF), new Color(0x6699FF), new Color(0x33CC66), new Color(0xE0E0E0)),
            List.of(new Color(0xF0F0F0), new Color(0xD9D9D9), new Color(0xBDBDBD), new Color(0xE6E6E6), new Color(0xCCCCCC), new Color(0xF7F7F7)));

    public static Look random(Random r, DiagramStyle style) {
        String family = Pick.one(r, "SansSerif", "SansSerif", "Serif", "Monospaced", "Dialog");
        int fontStyle = Pick.chance(r, 0.7) ? Font.PLAIN : Pick.one(r, Font.BOLD, Font.ITALIC, Font.BOLD | Font.ITALIC);
        float size = (float) Pick.oneInt(r, 10, 11, 12, 12, 13, 14, 16);
        Color ink = Pick.chance(r, 0.8) ? Color.BLACK : Pick.one(r, new Color(0x333333), new Color(0x1F3A5F), new Color(0x444444));
        Color bg = Pick.chance(r, 0.9) ? Color.WHITE : Pick.one(r, new Color(0xFAFAF5), new Color(0xF5F7FA));
        List<Color> palette = Pick.one(r, PALETTES);
        boolean filled = Pick.chance(r, 0.65);
        boolean rounded = Pick.chance(r, 0.4);
        float lw = Pick.one(r, 0.8f, 1.0f, 1.0f, 1.5f, 2.0f);
        ArrowHead head = Pick.one(r, ArrowHead.FILLED, ArrowHead.FILLED, ArrowHead.OPEN, ArrowHead.STEALTH);
        if (style == DiagramStyle.STACKED_2D_BOX || style == DiagramStyle.NEURONS) {
            head = Pick.chance(r, 0.6) ? ArrowHead.NONE : head;
        }
        LabelPhrasing.Phrasing phrasing = Pick.one(r, LabelPhrasing.Phrasing.values());
        boolean vertical = Pick.chance(r, 0.5);
        double spacing = Pick.between(r, 0.7, 1.5);
        int width = Pick.between(r, 500, 1800);
        double blur = Pick.chance(r, 0.25) ? Pick.between(r, 0.4, 1.1) : 0;
        double noise = Pick.chance(r, 0.25) ? Pick.between(r, 2.0, 9.0) : 0;
        int jpeg = Pick.chance(r, 0.35) ? Pick.between(r, 45, 95) : 0;
        return new Look(new Scene.FontSpec(family, fontStyle, size), ink, bg, palette, filled, rounded, lw, head, phrasing,
                vertical, spacing, width, blur, noise, jpeg, r.nextInt(4));
    }

    public Color fill(int i) {
        return filled ? palette.get(Math.floorMod(i, palette.size())) : null;
    }

    /** A short description for the truth's origin field. */
    public String describe() {
        return font.family() + "/" + font.style() + "/" + (int) font.size() + " " + phrasing.name().toLowerCase() + " v" + variant
                + (vertical ? " vertical" : " horizontal") + (jpegQuality > 0 ? " jpeg" + jpegQuality : " png")
                + (blur > 0 ? String.format(java.util.Locale.ROOT, " blur%.1f", blur) : "")
                + (noise > 0 ? String.format(java.util.Locale.ROOT, " noise%.1f", noise) : "");
    }
}
