package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Layer;

/** Stacked-2D-box (LeNet-style deck) figures: the operation written between decks makes the deck after it. */
class DeckFiguresTest {

    @Test
    void operationBetweenDecksTypesTheNextDeck() {
        LabelGrammar g = new LabelGrammar();
        ParsedLabel label = g.read("Feature maps 8@30x30").orElseThrow();
        ParsedLabel op = g.read("2x2 avg-pooling").orElseThrow();
        ParsedLabel deck = DeckParser.combine(label, op);
        assertEquals("Pooling2D", deck.type());
        assertEquals(2, deck.params().get("kernel_row"));
        assertEquals(List.of(8, 30, 30), deck.mapShape());
        ParsedLabel conv = DeckParser.combine(g.read("C1: feature maps 6@28x28").orElseThrow(), g.read("5x5 convolution").orElseThrow());
        assertEquals("Conv2D", conv.type());
        assertEquals(6, conv.params().get("filters"));
        assertEquals(5, conv.params().get("kernel_row"));
        assertTrue(!conv.inferredKeys().contains("filters") && !conv.inferredKeys().contains("kernel_row"), conv.inferredKeys().toString());
    }

    /**
     * draw_convnet: the input and first feature maps overlap and the hidden layers are dotted diagonals, so the
     * decks come from the label columns; "Max-pooling", "Flatten", "Fully connected" below type them. Before:
     * 4 of 8 layers, not exact.
     */
    @Test
    void drawConvnetParsesExactly() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("draw_convnet_fig");
        DetectionResult r = new FigureParser().parse(f.image(), DiagramStyle.STACKED_2D_BOX);
        GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
        assertTrue(m.exact(), "types: " + r.graph().layers().stream().map(Layer::type).toList());
        Layer conv = r.graph().layers().stream().filter(l -> l.type().equals("Conv2D")).findFirst().orElseThrow();
        assertEquals(32, conv.params().get("filters"));
        assertEquals(5, conv.params().get("kernel_row"));
    }
}
