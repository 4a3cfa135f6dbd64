package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A merge symbol on a chain of decks (VDSR's residual: maps, then {@code ⊕} joined by a skip line from the input,
 * then the result image): an Add (or Multiply) step after the deck just before it, fed also by every deck a line
 * from the symbol reaches. A line entering the symbol that the shape finder took for a thin bar is no deck, and a
 * last deck drawn after the symbol is the merge's result (the figure's output image), not another layer.
 */
final class DeckMerges {
    private DeckMerges() {
    }

    /**
     * @param box    the symbol
     * @param type   Add or Multiply
     * @param after  index of the deck the chain reaches the symbol from
     * @param skips  indices of other decks a line joins to the symbol
     */
    record Merge(Rect box, String type, int after, List<Integer> skips) {
    }

    /** The merges found and the decks that remain (the line stubs and a result image left out), in order. */
    record Reading(List<Merge> merges, List<Rect> decks) {
    }

    static Reading read(Mat bgr, Mat ink, List<Rect> decks, List<TextLines.Line> lines) {
        int top = decks.stream().mapToInt(r -> r.y).min().orElse(0);
        int bottom = decks.stream().mapToInt(r -> r.y + r.height).max().orElse(0);
        // a symbol on the chain lies within the decks' band; a round letter of a word or a caption is no symbol
        List<MergeSymbols.Symbol> symbols = new MergeSymbols().find(Cv.grey(bgr), ink, decks).stream()
                .filter(s -> s.box().y + s.box().height / 2.0 > top && s.box().y + s.box().height / 2.0 < bottom)
                .filter(s -> !BoxFlowParser.insideWord(s.box(), lines)).toList();
        if (symbols.isEmpty()) {
            return new Reading(List.of(), decks);
        }
        List<Rect> kept = new ArrayList<>();
        for (Rect d : decks) {
            boolean stub = DeckParser.thin(d) && symbols.stream().anyMatch(s -> d.x < s.box().x + s.box().width && s.box().x < d.x + d.width);
            if (!stub) {
                kept.add(d);
            }
        }
        // the symbol sits in the chain's gaps: after the last deck that starts before it
        List<Rect> boxes = new ArrayList<>(kept);
        symbols.forEach(s -> boxes.add(s.box()));
        // pale connectors (a light-blue skip line) count: the symbol's lines are what is traced here
        ConnectorTracer.Traced traced = new ConnectorTracer().trace(Cv.ink(bgr, Cv.background(bgr), 25), boxes, false);
        List<Merge> merges = new ArrayList<>();
        for (int k = 0; k < symbols.size(); k++) {
            Rect sb = symbols.get(k).box();
            int after = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (kept.get(i).x + kept.get(i).width / 2.0 < sb.x) {
                    after = i;
                }
            }
            if (after < 0) {
                continue;
            }
            int id = kept.size() + k;
            List<Integer> skips = new ArrayList<>();
            for (Link l : traced.links()) {
                int other = l.to() == id ? l.from() : l.from() == id ? l.to() : -1;
                if (other >= 0 && other < kept.size() && other != after && other < after && !skips.contains(other)) {
                    skips.add(other);
                }
            }
            merges.add(new Merge(sb, symbols.get(k).type(), after, skips));
        }
        // the last deck right after the last symbol is its result
        if (!merges.isEmpty() && merges.get(merges.size() - 1).after() == kept.size() - 2) {
            kept = kept.subList(0, kept.size() - 1);
        }
        return new Reading(merges, kept);
    }
}
