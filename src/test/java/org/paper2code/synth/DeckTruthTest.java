package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

/** A deck figure's truth is the graph it draws: no dropout, normalisation or activation layers it never shows. */
class DeckTruthTest {
    private final FigureFactory factory = new FigureFactory();

    @Test
    void deckFiguresTruthHoldsOnlyDrawnLayers() {
        for (DiagramStyle style : List.of(DiagramStyle.STACKED_2D_BOX, DiagramStyle.BOX_3D)) {
            for (long seed = 0; seed < 40; seed++) {
                FigureFactory.Drawing d = factory.draw(style, new Random(seed));
                Set<String> names = new HashSet<>();
                for (Layer l : d.graph().layers()) {
                    assertTrue(l.type().equals("Flatten") || !LabelPhrasing.HIDDEN_IN_DECKS.contains(l.type()),
                            style.id() + " seed " + seed + ": truth holds undrawn " + l.type() + " " + l.name());
                    names.add(l.name());
                }
                for (Layer l : d.graph().layers()) {
                    assertTrue(names.containsAll(l.from()), style.id() + " seed " + seed + ": " + l.name() + " takes a removed layer");
                }
                new GraphValidator().check(d.graph()); // throws when the folded truth no longer validates
            }
        }
    }

    @Test
    void withoutHiddenLayersPassesInputsOn() {
        var g = new Graph("t", null, List.of(
                new Layer("Input", "in", Map.of("output_shape", List.of(3, 8, 8)), List.of()),
                new Layer("Conv2D", "c", Map.of("filters", 4), List.of("in")),
                new Layer("Activation", "relu", Map.of(), List.of("c")),
                new Layer("Dropout", "drop", Map.of(), List.of("relu")),
                new Layer("Flatten", "flat", Map.of(), List.of("drop"))), null);
        var out = LabelPhrasing.withoutHiddenLayers(g);
        assertEquals(List.of("in", "c", "flat"), out.layers().stream().map(Layer::name).toList());
        assertEquals(List.of("c"), out.layers().get(2).from());
    }
}
