package org.paper2code.synth;

import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text with the standard 14 PDF fonts (nothing embedded, so the bytes stay stable): Java's
 * logical families map to Helvetica, Times and Courier; Greek letters (those in GREEK) go through the Symbol
 * font, so "β1 = 0.9" extracts as written.
 */
final class PdfText {
    private static final PDFont SYMBOL = new PDType1Font(Standard14Fonts.FontName.SYMBOL);
    private static final java.util.Set<Character> GREEK = java.util.Set.of('α', 'β', 'γ', 'ε', 'η', 'λ', 'μ');
    private static final Map<String, PDFont> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private PdfText() {
    }

    static PDFont font(String family, int style) {
        boolean bold = (style & Font.BOLD) != 0;
        boolean italic = (style & Font.ITALIC) != 0;
        Standard14Fonts.FontName name = switch (family) {
            case "Serif" -> bold ? (italic ? Standard14Fonts.FontName.TIMES_BOLD_ITALIC : Standard14Fonts.FontName.TIMES_BOLD)
                    : italic ? Standard14Fonts.FontName.TIMES_ITALIC : Standard14Fonts.FontName.TIMES_ROMAN;
            case "Monospaced" -> bold ? (italic ? Standard14Fonts.FontName.COURIER_BOLD_OBLIQUE : Standard14Fonts.FontName.COURIER_BOLD)
                    : italic ? Standard14Fonts.FontName.COURIER_OBLIQUE : Standard14Fonts.FontName.COURIER;
            default -> bold ? (italic ? Standard14Fonts.FontName.HELVETICA_BOLD_OBLIQUE : Standard14Fonts.FontName.HELVETICA_BOLD)
                    : italic ? Standard14Fonts.FontName.HELVETICA_OBLIQUE : Standard14Fonts.FontName.HELVETICA;
        };
        return FONTS.computeIfAbsent(name.name(), k -> new PDType1Font(name));
    }

    private record Run(String text, boolean symbol) {
    }

    private static List<Run> runs(String s) {
        List<Run> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean sym = false;
        for (char ch : s.toCharArray()) {
            boolean isSym = GREEK.contains(ch);
            if (isSym != sym && b.length() > 0) {
                out.add(new Run(b.toString(), sym));
                b.setLength(0);
            }
            sym = isSym;
            b.append(isSym ? ch : safe(ch));
        }
        if (b.length() > 0) {
            out.add(new Run(b.toString(), sym));
        }
        return out;
    }

    /** WinAnsi has Latin-1 plus a few signs; anything else becomes '?'. */
    private static char safe(char ch) {
        if (ch < 0x7F && ch >= 0x20 || ch >= 0xA0 && ch <= 0xFF || "–—‘’“”•…€".indexOf(ch) >= 0) {
            return ch;
        }
        return '?';
    }

    static float width(String s, PDFont font, float size) throws IOException {
        float w = 0;
        for (Run r : runs(s)) {
            w += (r.symbol ? SYMBOL : font).getStringWidth(r.text) / 1000f * size;
        }
        return w;
    }

    /** Shows text inside an open text object at the current position. */
    static void show(PDPageContentStream cs, String s, PDFont font, float size) throws IOException {
        for (Run r : runs(s)) {
            cs.setFont(r.symbol ? SYMBOL : font, size);
            cs.showText(r.text);
        }
    }

    /** Shows one line with its left end at x and baseline at y (PDF coordinates, y up). */
    static void line(PDPageContentStream cs, String s, float x, float y, PDFont font, float size) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        show(cs, s, font, size);
        cs.endText();
    }
}
