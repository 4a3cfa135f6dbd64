package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Rect;

/**
 * Pipeline figures often name a step beside its shape rather than inside it ("1x1 conv" under a box that reads
 * "2k scores", "input image" under a photo). A box whose own text names no layer takes the layer named by the
 * block of free text lines next to it: lines directly below, above, left or right of the box, within a line's
 * height or two, each line going to the box it is nearest to. Sentences (a caption set into the image) are no
 * labels.
 */
final class BoxCaptions {
    /** A label line is short; a figure caption inside the image is a sentence. */
    private static final int MAX_WORDS = 5;

    /** A caption has a word; OCR of a photo yields fragments ("ad co", "Lf Hi"). */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z]{3,}");

    private final LabelGrammar grammar;

    BoxCaptions(LabelGrammar grammar) {
        this.grammar = grammar;
    }

    /**
     * Relabels, in place, the elements among the first {@code boxCount} whose label is absent or an opaque step
     * (Lambda) and that have a caption naming a layer. Returns the lines used, so that no one else reads them again.
     */
    List<TextLines.Line> label(List<Element> elements, int boxCount, List<TextLines.Line> lines) {
        List<List<TextLines.Line>> beside = new ArrayList<>();
        for (int i = 0; i < boxCount; i++) {
            beside.add(new ArrayList<>());
        }
        // a caption of two lines ("cls layer" over "1x1 conv") reaches its box through its first line
        List<TextLines.Line> left = new ArrayList<>(lines.stream().filter(t -> isShort(t.text())).toList());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (java.util.Iterator<TextLines.Line> it = left.iterator(); it.hasNext(); ) {
                TextLines.Line t = it.next();
                int best = -1;
                double bestGap = Double.MAX_VALUE;
                for (int i = 0; i < boxCount; i++) {
                    double g = gap(elements.get(i).box(), t.box());
                    for (TextLines.Line o : beside.get(i)) {
                        g = Math.min(g, gap(o.box(), t.box()));
                    }
                    if (g < bestGap) {
                        bestGap = g;
                        best = i;
                    }
                }
                if (best >= 0 && bestGap <= 2.0 * t.box().height) {
                    beside.get(best).add(t);
                    it.remove();
                    grew = true;
                }
            }
        }
        if (System.getenv("P2C_DETECT_DEBUG") != null) {
            for (int i = 0; i < boxCount; i++) {
                System.err.printf("  caption %s %s: %s%n", elements.get(i).box(), elements.get(i).text().replace('\n', '|'), beside.get(i));
            }
            System.err.println("  free " + lines);
        }
        List<TextLines.Line> used = new ArrayList<>();
        for (int i = 0; i < boxCount; i++) {
            Element e = elements.get(i);
            if (e.label().isPresent() && !e.label().get().type().equals("Lambda") || beside.get(i).isEmpty()) {
                continue;
            }
            List<TextLines.Line> block = beside.get(i);
            block.sort(java.util.Comparator.comparingInt((TextLines.Line t) -> t.box().y).thenComparingInt(t -> t.box().x));
            Optional<ParsedLabel> lab = layer(String.join(" ", block.stream().map(TextLines.Line::text).toList()));
            for (int k = 0; k < block.size() && lab.isEmpty(); k++) {
                lab = layer(block.get(k).text());
            }
            if (lab.isPresent()) {
                String text = String.join("\n", block.stream().map(TextLines.Line::text).toList());
                elements.set(i, e.withLabel(e.text().isBlank() ? text : e.text() + "\n" + text, lab));
                used.addAll(block);
            }
        }
        return used;
    }

    /**
     * The lines of a whole-figure reading that lie outside every element (neither covering much of one nor much
     * covered by one) and hold a word (OCR reads a caption more reliably
     * on the figure as drawn than with the boxes blanked out, where it loses words beside the blanks).
     */
    static List<TextLines.Line> outside(List<TextLines.Line> lines, List<Element> elements) {
        return lines.stream().filter(t -> hasWord(t.text())).filter(t -> elements.stream().noneMatch(e -> {
            Rect a = e.box();
            Rect b = t.box();
            double w = Cv.overlapX(a, b);
            double h = Cv.overlapY(a, b);
            return w > 0 && h > 0 && (w * h > 0.3 * b.area() || w * h > 0.5 * a.area()); // OCR may merge a line across boxes
        })).toList();
    }

    /** Whether a text holds a word (three letters in a row). */
    static boolean hasWord(String text) {
        return WORD.matcher(text).find();
    }

    /** Whether a text is short enough to be a label (a sentence of a caption set into the image is none). */
    static boolean isShort(String text) {
        return text.strip().split("\\s+").length <= MAX_WORDS;
    }

    /** The grammar's reading when it names a layer (not an opaque step). */
    private Optional<ParsedLabel> layer(String text) {
        return grammar.read(text).filter(p -> !p.type().equals("Lambda"));
    }

    /**
     * How far a text line lies from a box, when it sits beside it (overlapping it along the other axis by half the
     * line's extent at least); infinite otherwise, and for text inside the box.
     */
    static double gap(Rect box, Rect line) {
        double overlapX = Cv.overlapX(box, line);
        double overlapY = Cv.overlapY(box, line);
        double below = line.y - (box.y + box.height);
        double above = box.y - (line.y + line.height);
        double right = line.x - (box.x + box.width);
        double left = box.x - (line.x + line.width);
        if (overlapX > 0 && overlapY > 0) {
            return 0; // OCR merged a line over its neighbour ("1x1 layer" over "conv")
        }
        double best = Double.MAX_VALUE;
        if (overlapX >= 0.5 * Math.min(line.width, box.width)) {
            if (below >= -2) {
                best = Math.min(best, Math.max(0, below));
            }
            if (above >= -2) {
                best = Math.min(best, Math.max(0, above));
            }
        }
        if (overlapY >= 0.5 * Math.min(line.height, box.height)) {
            if (right >= -2) {
                best = Math.min(best, Math.max(0, right));
            }
            if (left >= -2) {
                best = Math.min(best, Math.max(0, left));
            }
        }
        return best;
    }
}
