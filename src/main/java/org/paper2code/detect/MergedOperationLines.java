package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opencv.core.Rect;

/**
 * Operations written under a chain of decks sit close together ("3x3 max-pooling" under one gap, "3x3 convolution"
 * under the next), and OCR joins them into one line running under a deck. Such a line is cut at the word boundary
 * nearest each deck centre it runs across (positions estimated from character counts), so each gap gets its own.
 */
final class MergedOperationLines {
    /** Operations sit within this many text heights under the chain. */
    private static final int NEAR = 3;

    private MergedOperationLines() {
    }

    /** The lines with each line under the chain that crosses deck centres cut there, when two or more pieces read as operations. */
    static List<TextLines.Line> cut(List<TextLines.Line> lines, List<Rect> decks, Predicate<String> isOperation) {
        int bottom = decks.stream().mapToInt(d -> d.y + d.height).max().orElse(Integer.MAX_VALUE);
        List<TextLines.Line> out = new ArrayList<>();
        for (TextLines.Line t : lines) {
            // only lines right under the whole chain: text between decks drawn one under another is read per gap
            // already, and a caption further down is sentences
            int below = t.box().y - bottom;
            List<TextLines.Line> pieces = below >= 0 && below <= NEAR * t.box().height ? pieces(t, decks) : List.of(t);
            out.addAll(pieces.stream().filter(p -> isOperation.test(p.text())).count() >= 2 ? pieces : List.of(t));
        }
        return out;
    }

    private static List<TextLines.Line> pieces(TextLines.Line t, List<Rect> decks) {
        Rect b = t.box();
        String text = t.text();
        List<Integer> cuts = new ArrayList<>();
        for (Rect d : decks) {
            double centre = d.x + d.width / 2.0;
            if (centre <= b.x || centre >= b.x + b.width) {
                continue;
            }
            int at = nearestSpace(text, (centre - b.x) / b.width * text.length());
            if (at > 0 && (cuts.isEmpty() || at > cuts.get(cuts.size() - 1))) {
                cuts.add(at);
            }
        }
        List<TextLines.Line> out = new ArrayList<>();
        int from = 0;
        cuts.add(text.length());
        for (int at : cuts) {
            String piece = text.substring(from, at).trim();
            int x0 = b.x + (int) Math.round((double) from / text.length() * b.width);
            int x1 = b.x + (int) Math.round((double) at / text.length() * b.width);
            if (!piece.isEmpty()) {
                out.add(new TextLines.Line(piece, new Rect(x0, b.y, Math.max(1, x1 - x0), b.height)));
            }
            from = at;
        }
        return out;
    }

    /** The index of the space nearest the estimated position, or -1 when the text has none. */
    private static int nearestSpace(String text, double position) {
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - position) < Math.abs(best - position))) {
                best = i;
            }
        }
        return best;
    }
}
