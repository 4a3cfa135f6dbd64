package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.synth.CorpusSynth;
import org.paper2code.synth.FigureFactory;

/**
 * Stacked-deck figures of the synthetic tune corpus ({@code corpus synth --seed 7}), drawn again here from their
 * seed, whose small labels OCR garbles in ways the parser must see through.
 */
class DeckTuneFiguresTest {
    @TempDir
    Path dir;

    /** The truth and the parse of tune figure {@code index}, the truth's layers keyed by the parse's names. */
    private record Parsed(Graph graph, Map<String, Layer> truthOf, GraphMatcher.Match match) {
    }

    private Parsed parse(int index) throws Exception {
        return parse(7, index);
    }

    /** Figure {@code index} of the corpus made with {@code seed} (41: a second tune set, {@code corpus synth -n 300 --seed 41}). */
    private Parsed parse(long seed, int index) throws Exception {
        CorpusSynth corpus = new CorpusSynth(seed, 1);
        String id = CorpusSynth.figureId(index);
        FigureFactory.Figure f = new FigureFactory().make(id, DiagramStyle.STACKED_2D_BOX, corpus.figureSeed(index), "test");
        Path image = Files.write(dir.resolve(f.fileName()), f.bytes());
        Graph g = new FigureParser().parse(image, DiagramStyle.STACKED_2D_BOX).graph();
        Graph truth = f.truth().graph();
        GraphMatcher.Match m = new GraphMatcher().match(g, truth);
        Map<String, Layer> truthOf = new java.util.HashMap<>();
        m.pairs().forEach((p, t) -> truthOf.put(p, truth.byName().get(t)));
        return new Parsed(g, truthOf, m);
    }

    private static Object param(Graph g, String layer, String key) {
        return g.byName().get(layer).params().get(key);
    }

    /**
     * Bars labelled "FT: layer 10" and "F6: layer" over "84" (tag garbled, so no type word): the bar's length is the
     * number the label ends in. Before: 128, the default. The map count "164 10x10" of C3 next to S4's "16@5x5" is
     * 16 with its '@' read as 4 (before: 164 filters).
     */
    @Test
    void garbledTagsAndCountsOfLeNet() throws Exception {
        Parsed p = parse(43);
        Layer last = p.graph().layers().get(p.graph().layers().size() - 1);
        assertEquals(10, last.params().get("units"));
        String c3 = p.match().pairs().entrySet().stream().filter(e -> e.getValue().equals("C3")).findFirst().orElseThrow().getKey();
        assertEquals(16, param(p.graph(), c3, "filters"));
    }

    /**
     * The last bar of a row: "F1l: layer 1000" (tag garbled) over a thin bar whose label column, two bar widths
     * wide, cuts the number off, and "fc3" over "10" over a bar shorter than its neighbours, the label on their band
     * 81 px above it. Before: 128 units (the default) both.
     */
    @Test
    void lastBarKeepsTheLengthItsLabelStates() throws Exception {
        Parsed wide = parse(41, 218);
        Layer f11 = wide.graph().layers().get(wide.graph().layers().size() - 1);
        assertEquals(1000, f11.params().get("units"));
        Parsed low = parse(41, 220);
        Layer fc3 = low.graph().layers().get(low.graph().layers().size() - 1);
        assertEquals(10, fc3.params().get("units"));
    }

    /**
     * VGG drawn as LeNet decks: "S12: f. maps 128@14x14" read "12: f. maps 128@14x14" after "C11: feature maps 28x28"
     * (count lost) is the subsampling that halves the maps. Before: a convolution, and the pooling was missed.
     */
    @Test
    void mapsOnlyDeckHalvingAnUncountedConvolutionIsItsPooling() throws Exception {
        Parsed p = parse(38);
        assertEquals(1.0, p.match().nodes().f1(), 1e-9, p.graph().layers().stream().map(Layer::type).toList().toString());
        assertEquals(1.0, p.match().edges().f1(), 1e-9);
    }

    /**
     * The figure-wide OCR kept only "32x32" of "INPUT 32x32" over the first deck, while the deck's own label column
     * reads "INPUT 32x32" at three scales: the column's words win. Before: a convolution (and one node too many).
     */
    @Test
    void labelColumnWordsNameADeckTheFigureWideReadingLeftUntyped() throws Exception {
        Parsed p = parse(11);
        assertEquals("Input", p.graph().layers().get(0).type());
        assertEquals(1.0, p.match().nodes().f1(), 1e-9);
    }
}
