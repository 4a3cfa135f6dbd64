package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Layer;

/**
 * A network-in-network drawing (AlphaTree NIN): feature maps drawn as upright slanted sheets, with boxed columns of
 * units between them. The columns are 1x1 convolutions and each run of sheets a convolution; before, the columns
 * were read as a chain of dense layers and the sheets ignored (node F1 0.10).
 */
class NeuronMapSheetsTest {

    @Test
    void columnsBetweenMapSheetsAreOneByOneConvolutions() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("alphatree_nin");
        DetectionResult r = new FigureParser().parse(f.image(), f.truth().style());
        List<Layer> layers = r.graph().layers();
        assertEquals("Input", layers.get(0).type(), "the first sheet is the input: " + layers);
        long oneByOne = layers.stream().filter(l -> l.type().equals("Conv2D") && Integer.valueOf(1).equals(l.params().get("kernel_row"))).count();
        assertEquals(6, oneByOne, "six boxed unit columns between sheets: " + layers);
        long sheetConvs = layers.stream().filter(l -> l.type().equals("Conv2D") && !Integer.valueOf(1).equals(l.params().get("kernel_row"))).count();
        assertEquals(4, sheetConvs, "three blocks' convolutions and the class maps: " + layers);
        GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
        assertTrue(m.nodes().f1() >= 0.8 && m.edges().f1() >= 0.7, "nodes " + m.nodes() + ", edges " + m.edges());
    }
}
