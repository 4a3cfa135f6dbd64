package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;

/**
 * Real 3D-box and neuron figures the parser reads exactly (all layers and edges, no extra ones): PlotNeuralNet's
 * LeNet and AlexNet (outlined cuboids, rotated size labels), YOLO (layers listed as text columns with "}x4"
 * repeats), the dropout figure (bottom-up rows of units in two panels, crossed-out units) and an unrolled
 * bidirectional RNN (two chains of cells "A", "A'" between input and output units: one Bidirectional layer, not a
 * dense layer per drawn column).
 */
class CuboidAndNeuronFiguresTest {

    @ParameterizedTest
    @ValueSource(strings = {"plotneuralnet_lenet", "plotneuralnet_alexnet", "aleju_yolo_architecture", "dropout_srivastava2014_fig1",
        "mwml_birnn"})
    void readsTheFigureExactly(String id) throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure(id);
        DetectionResult r = new FigureParser().parse(f.image(), f.truth().style());
        GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
        assertTrue(m.exact(), id + ": nodes " + m.nodes() + ", edges " + m.edges());
    }
}
