package org.paper2code.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the upright characters of one page with their positions, using PDFBox's text
 * engine only for glyph geometry; grouping into lines and columns is {@link LineBuilder}'s job.
 * Rotated text (arXiv side stamps, landscape tables) is skipped.
 */
final class GlyphCollector extends PDFTextStripper {
    private final List<Glyph> glyphs = new ArrayList<>();

    GlyphCollector() {
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
    }

    List<Glyph> collect(PDDocument doc, int pageNumber) throws IOException {
        glyphs.clear();
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(doc, Writer.nullWriter());
        return dedupe(new ArrayList<>(glyphs));
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        float dir = t.getDir();
        if (dir != 0f) {
            return;
        }
        String u = ot1(t.getUnicode(), t.getFont());
        if (u == null || u.isEmpty()) {
            return;
        }
        double fs = t.getFontSizeInPt();
        if (!(fs > 0.5) || fs > 400) {
            fs = estimateSize(t);
        }
        double base = t.getYDirAdj();
        double x = t.getXDirAdj();
        double w = Math.max(0.1, t.getWidthDirAdj());
        Rect box = box(x, base, w, fs);
        PDFont font = t.getFont();
        String name = font == null || font.getName() == null ? "" : font.getName();
        boolean bold = font == null ? isBold(null, name) : boldFonts.computeIfAbsent(font, f -> isBold(f, name));
        glyphs.add(new Glyph(Ligatures.normalise(u), box, base, fs, bold, name, drawnSize(t, fs)));
    }

    /** A glyph's box from its left edge, baseline, advance width and size. */
    static Rect box(double x, double baseline, double width, double size) {
        return new Rect(x, baseline - 0.75 * size, width, 0.95 * size);
    }

    /**
     * The size the glyph is drawn at: the text rendering matrix's vertical scale (font size, text matrix and the
     * page's transform together) where that is smaller than the font size, as for a figure's lettering scaled down
     * with its drawing. Type 3 fonts carry their size in their own font matrix, so theirs stays the font size.
     */
    private static double drawnSize(TextPosition t, double fs) {
        double y = Math.abs(t.getYScale());
        if (t.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDType3Font || !(y > 0.5) || y >= fs) {
            return fs;
        }
        return y;
    }

    /**
     * Old TeX PDFs set in bitmap (Type 3) fonts in the OT1 layout map its ligature slots to control
     * characters (PDFBox and pdftotext read "misclassi ed") and its opening quotes to a backslash.
     */
    static String ot1(String u, PDFont font) {
        if (u == null || u.length() != 1 || !(font instanceof org.apache.pdfbox.pdmodel.font.PDType3Font)) {
            return u;
        }
        return switch (u.charAt(0)) {
            case 11 -> "ff";
            case 12 -> "fi";
            case 13 -> "fl";
            case 14 -> "ffi";
            case 15 -> "ffl";
            case '\\' -> "\u201C";
            default -> u.charAt(0) < 0x20 ? "" : u;
        };
    }

    private final Map<String, double[]> widths = new java.util.HashMap<>();

    /**
     * Some Type 3 fonts (old bitmap-font PDFs) report no usable size: estimate it from the font's
     * mean glyph width so far (a Latin glyph is about half an em wide).
     */
    private double estimateSize(TextPosition t) {
        double h = t.getHeightDir();
        if (h > 2 && h < 60) {
            return h;
        }
        String key = System.identityHashCode(t.getFont()) + "/" + Math.round(t.getXScale() * 1000);
        double[] acc = widths.computeIfAbsent(key, k -> new double[2]);
        if (acc[1] < 200 && t.getWidthDirAdj() > 0) {
            acc[0] += t.getWidthDirAdj();
            acc[1]++;
        }
        double mean = acc[1] == 0 ? 5 : acc[0] / acc[1];
        return Math.max(4, Math.min(40, 2 * mean));
    }

    /** Boldness per font: decided once, not per glyph (the name tests cost more than the rest of the glyph's handling). */
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private static final Pattern NIMBUS_BOLD = Pattern.compile(".*(nimbussanl|nimbusroml)-bold.*");

    static boolean isBold(PDFont font, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int plus = n.indexOf('+');
        n = plus >= 0 ? n.substring(plus + 1) : n;
        if (n.contains("bold") || n.contains("cmbx") || n.contains("semibold") || n.contains("black") || n.contains("heavy")
                || n.contains("-bd") || n.contains(",bold") || NIMBUS_BOLD.matcher(n).matches() || n.contains("medi")
                || n.startsWith("cmb") || n.contains("ptmb") || n.contains("phvb")) {
            return true;
        }
        PDFontDescriptor d = font == null ? null : font.getFontDescriptor();
        return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
    }

    /** Drops characters drawn twice at the same place (fake bold, shadows). */
    private static List<Glyph> dedupe(List<Glyph> in) {
        List<Glyph> out = new ArrayList<>(in.size());
        for (Glyph g : in) {
            boolean dup = false;
            for (int k = out.size() - 1; k >= Math.max(0, out.size() - 4); k--) {
                Glyph o = out.get(k);
                if (o.text().equals(g.text()) && Math.abs(o.box().x() - g.box().x()) < 0.1 * Math.min(g.fontSize(), g.box().w() * 4)
                        && Math.abs(o.baseline() - g.baseline()) < 0.1 * g.fontSize()) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                out.add(g);
            }
        }
        return out;
    }
}
