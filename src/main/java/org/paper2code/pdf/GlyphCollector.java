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
 * Rotated text (arXiv side stamps, landscape tables, a figure's labels turned along an edge) is kept apart
 * ({@link #turned()}): it is no part of the page's lines.
 */
final class GlyphCollector extends PDFTextStripper {
    private final List<Glyph> glyphs = new ArrayList<>();
    private final List<TurnedGlyph> turned = new ArrayList<>();

    /**
     * A glyph of text turned by a quarter, half or three-quarter turn: boxed in its own reading frame (where it runs
     * left to right, as {@link LineBuilder} needs), with the page point (top-down) of its frame's origin.
     *
     * @param angle degrees counter-clockwise on the page (90: reads bottom to top)
     */
    record TurnedGlyph(Glyph framed, int angle, double originX, double originY) {
        /** A box of the reading frame as the upright box it covers on the page (points, top-down). */
        Rect onPage(Rect r) {
            double[][] corners = {{r.x(), r.y()}, {r.x1(), r.y()}, {r.x(), r.y1()}, {r.x1(), r.y1()}};
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (double[] c : corners) {
                double[] p = toPage(c[0], c[1]);
                x0 = Math.min(x0, p[0]);
                y0 = Math.min(y0, p[1]);
                x1 = Math.max(x1, p[0]);
                y1 = Math.max(y1, p[1]);
            }
            return new Rect(x0, y0, x1 - x0, y1 - y0);
        }

        private double[] toPage(double fx, double fy) {
            // the frame's x runs along the reading direction, its y down the glyphs; both turned by the angle
            double dx = fx - framed.box().x();
            double dy = fy - framed.baseline();
            return switch (angle) {
                case 90 -> new double[] {originX + dy, originY - dx};
                case 180 -> new double[] {originX - dx, originY - dy};
                default -> new double[] {originX - dy, originY + dx};
            };
        }
    }

    GlyphCollector() {
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
    }

    List<Glyph> collect(PDDocument doc, int pageNumber) throws IOException {
        glyphs.clear();
        turned.clear();
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(doc, Writer.nullWriter());
        return dedupe(new ArrayList<>(glyphs));
    }

    /** The turned glyphs of the page last collected. */
    List<TurnedGlyph> turned() {
        return List.copyOf(turned);
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        float dir = t.getDir();
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
        Glyph g = new Glyph(Ligatures.normalise(u), box, base, fs, bold, name, drawnSize(t, fs));
        if (dir == 0f) {
            glyphs.add(g);
        } else {
            turned.add(new TurnedGlyph(g, Math.round(dir), t.getX(), t.getY()));
        }
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
