package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/** Real stacked-2d-box figures whose drawing conventions the deck parser reads (eval/annotations truths). */
class RealStackedFiguresTest {

    /**
     * HardNet: a chain of decks wrapped onto a second row, each arrow labelled "3x3 Conv / pad 1" above and
     * "BN + ReLU" below. Before: decks read by x across both rows and each arrow one Conv (8 of 22 layers, edge
     * F1 0.07); now row by row, each arrow a Conv, BatchNorm, ReLU chain: exact.
     */
    @Test
    void wrappedRowsWithBnReluArrowsParseExactly() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("aleju_hardnet_architecture");
        GraphMatcher.Match m = new GraphMatcher().match(new FigureParser().parse(f.image(), f.truth().style()).graph(), f.truth().graph());
        assertTrue(m.exact(), "nodes " + m.nodes() + " edges " + m.edges());
    }

    /**
     * ZFNet: in each layer column the pooled map sits under the conv map, "3x3 max pool stride 2 | contrast norm."
     * written in the gap on both sides of the down arrow; lone numbers over square maps are their sides, and the
     * output bar labelled "softmax" is a dense layer. Before: node F1 0.65, edge F1 0.21 (maps read as Dense).
     */
    @Test
    void columnGapOperationsAndSquareMapsOfZfnet() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("alphatree_zfnet");
        Graph g = new FigureParser().parse(f.image(), f.truth().style()).graph();
        GraphMatcher.Match m = new GraphMatcher().match(g, f.truth().graph());
        assertTrue(m.nodes().f1() >= 0.9, "node F1 " + m.nodes().f1());
        assertTrue(m.edges().f1() >= 0.85, "edge F1 " + m.edges().f1());
        List<String> types = g.layers().stream().map(Layer::type).toList();
        assertEquals(2, types.stream().filter("LRN"::equals).count(), "types " + types);
        Layer last = g.layers().get(g.layers().size() - 1);
        assertEquals("Dense", last.type());
        assertEquals("softmax", last.param("activation"));
    }

    /**
     * VDSR: maps, then a circled plus fed by a pale skip line from the input image, then the result image. Before:
     * no Add, the line into the symbol read as a Dense bar and the result image as a Conv (edge F1 0.50).
     */
    @Test
    void residualSumOnADeckChainIsAnAddFedByTheSkip() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("aleju_vdsr_architecture");
        Graph g = new FigureParser().parse(f.image(), f.truth().style()).graph();
        List<String> types = g.layers().stream().map(Layer::type).toList();
        assertTrue(types.stream().noneMatch("Dense"::equals), "types " + types);
        Layer add = g.layers().stream().filter(l -> l.type().equals("Add")).findFirst().orElseThrow(() -> new AssertionError("no Add: " + types));
        String input = g.layers().stream().filter(l -> l.type().equals("Input")).findFirst().orElseThrow().name();
        assertTrue(add.from().contains(input) && add.from().size() == 2, "add fed by " + add.from());
        assertEquals(add.name(), g.layers().get(g.layers().size() - 1).name(), "the result image after the sum is no layer");
    }
}
