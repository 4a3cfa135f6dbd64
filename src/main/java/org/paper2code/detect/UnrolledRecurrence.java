package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Rect;

/**
 * A recurrent net drawn unrolled in time: a chain of small square cells (the same cell, one per time step) with
 * input units (circles) below and output units above. One chain is a SimpleRNN; two chains (one running each way,
 * as in "A" and "A'") are a bidirectional one. The graph is the Input and the recurrent layer, not one layer per
 * drawn step.
 */
final class UnrolledRecurrence {
    private UnrolledRecurrence() {
    }

    /** The two-layer graph when the boxes hold a chain of at least three cells between rows of units. */
    static Optional<StyleParser.Detected> read(List<Rect> boxes, List<Rect> circles, int d) {
        // filled discs pass as boxes too: a cell is a box that is no unit
        List<Rect> cells = boxes.stream().filter(b -> circles.stream().noneMatch(c -> Cv.iou(b, c) > 0.3)).filter(b -> b.width <= 3 * d && b.width >= 0.7 * d
                && Math.abs(b.width - b.height) <= 0.3 * Math.max(b.width, b.height)).sorted(Comparator.comparingDouble(b -> b.y + b.height / 2.0)).toList();
        List<List<Rect>> chains = new ArrayList<>();
        for (Rect c : cells) {
            List<Rect> last = chains.isEmpty() ? null : chains.get(chains.size() - 1);
            if (last != null && Math.abs(cy(c) - cy(last.get(0))) < d / 2.0) {
                last.add(c);
            } else {
                List<Rect> chain = new ArrayList<>();
                chain.add(c);
                chains.add(chain);
            }
        }
        chains.removeIf(ch -> ch.size() < 3);
        if (chains.isEmpty() || chains.size() > 2) {
            return Optional.empty();
        }
        double top = chains.stream().flatMap(List::stream).mapToInt(r -> r.y).min().orElse(0);
        double bottom = chains.stream().flatMap(List::stream).mapToInt(r -> r.y + r.height).max().orElse(0);
        List<Rect> below = circles.stream().filter(c -> c.y >= bottom).toList();
        long above = circles.stream().filter(c -> c.y + c.height <= top).count();
        if (below.size() < 3 || above < 3) {
            return Optional.empty();
        }
        Rect in = NeuronParser.bounds(below);
        Rect cellsBox = NeuronParser.bounds(chains.stream().flatMap(List::stream).toList());
        ParsedLabel input = new ParsedLabel("Input", Map.of("output_shape", List.of(-1, -1)), List.of("output_shape"), 0.6, List.of(), null);
        // the cell's width is not drawn: the grammar's usual recurrent layer (its units marked inferred)
        ParsedLabel cell = LabelGrammar.parse("RNN").orElseThrow();
        Map<String, Object> params = new java.util.LinkedHashMap<>(cell.params());
        params.put("return_sequences", true);
        if (chains.size() == 2) {
            params.put("layer", cell.type());
        }
        ParsedLabel rnn = new ParsedLabel(chains.size() == 2 ? "Bidirectional" : cell.type(), params, cell.inferredKeys(), 0.6, List.of(), null);
        List<Element> elements = List.of(new Element(in, "", Optional.of(input), 0.7), new Element(cellsBox, "", Optional.of(rnn), 0.7));
        return Optional.of(new StyleParser.Detected(elements, List.of(new Link(0, 1, 0.7)), true, null));
    }

    private static double cy(Rect r) {
        return r.y + r.height / 2.0;
    }
}
