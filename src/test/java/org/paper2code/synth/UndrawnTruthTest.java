package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/** A figure's truth marks inferred exactly the parameters its look does not draw, so they are not scored. */
class UndrawnTruthTest {
    private final FigureFactory factory = new FigureFactory();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** 32 -> 14 (5x5/2) -> 7 (pool 2/2) -> 5 (3x3/1, no padding) -> 2 (pool 3/2) -> fc 10. */
    private static Graph net() {
        return new Graph("t", null, List.of(
                new Layer("Input", "data", Map.of("output_shape", List.of(3, 32, 32)), List.of()),
                new Layer("Conv2D", "conv1", Map.of("filters", 16, "kernel_row", 5, "stride_row", 2), List.of("data")),
                new Layer("Pooling2D", "pool1", Map.of("kernel_row", 2, "function", "MAX"), List.of("conv1")),
                new Layer("Conv2D", "conv2", Map.of("filters", 32, "kernel_row", 3), List.of("pool1")),
                new Layer("Pooling2D", "pool2", Map.of("kernel_row", 3, "stride_row", 2, "function", "MAX"), List.of("conv2")),
                new Layer("Flatten", "flat", Map.of(), List.of("pool2")),
                new Layer("Dense", "fc1", Map.of("units", 10), List.of("flat"))), null);
    }

    /** The truth graph of {@link #net()} drawn in the style with the given look variant. */
    private Graph truth(DiagramStyle style, int variant) {
        Random r = new Random(7);
        Look l = Look.random(r, style);
        Look look = new Look(l.font(), l.ink(), l.background(), l.palette(), l.filled(), l.rounded(), l.lineWidth(), l.arrowHead(),
                LabelPhrasing.Phrasing.PAPER, l.vertical(), l.spacing(), l.targetWidth(), l.blur(), l.noise(), l.jpegQuality(), variant);
        Rendered rendered = factory.renderer(style).render(net(), look, r);
        return new FigureFactory.Drawing(style, "t", net(), look, rendered).truthGraph();
    }

    private static Object inferred(Graph g, String layer) {
        return g.byName().get(layer).param("inferred");
    }

    @Test
    void caffeLookMarksConvFiltersInferredAndPhrasedLabelsDoNot() {
        Graph caffe = truth(DiagramStyle.BOX_2D, 3);
        assertEquals(List.of("filters"), inferred(caffe, "conv1"), "draw_net prints no num_output");
        assertEquals(null, inferred(caffe, "pool1"), "draw_net prints the pooling kernel and stride");
        assertEquals(null, inferred(caffe, "fc1"), "draw_net prints an inner product's num output");
        Graph phrased = truth(DiagramStyle.BOX_2D, 0);
        phrased.layers().forEach(l -> assertEquals(null, l.param("inferred"), "a phrased label states " + l.name()));
    }

    @Test
    void kerasLookMarksKernelsTheShapesDoNotGiveButNotFilters() {
        Graph keras = truth(DiagramStyle.BOX_2D, 2);
        assertEquals(List.of("kernel_row"), inferred(keras, "conv1"), "plot_model prints no kernel; its output shape gives the filters");
        assertEquals(List.of("kernel_row"), inferred(keras, "pool2"), "5 -> 2 at stride 2 fits a kernel of 2 or 3");
        assertEquals(null, inferred(keras, "pool1"), "14 -> 7 reads as a 2x2 pooling");
        assertEquals(null, inferred(keras, "conv2"), "7 -> 5 without padding reads as 3x3");
        assertEquals(null, inferred(keras, "fc1"), "the output shape (None, 10) gives the units");
    }

    @Test
    void cuboidsLabelledByNameOnlyMarkKernelsInferred() {
        for (int variant : new int[] {1, 3}) {
            Graph names = truth(DiagramStyle.BOX_3D, variant);
            assertEquals(List.of("kernel_row"), inferred(names, "conv1"), "variant " + variant);
            assertEquals(List.of("kernel_row"), inferred(names, "pool2"), "variant " + variant);
            assertEquals(null, inferred(names, "conv2"), "the sizes give 3x3");
            assertEquals(null, inferred(names, "fc1"), "the bar's label gives the units");
        }
        for (int variant : new int[] {0, 2}) {
            truth(DiagramStyle.BOX_3D, variant).layers().forEach(l -> assertEquals(null, l.param("inferred"), l.name()));
        }
    }

    @Test
    void stackedSheetsMarkKernelsOnlyWhereNoOperationNamesThem() {
        assertEquals(List.of("kernel_row"), inferred(truth(DiagramStyle.STACKED_2D_BOX, 0), "conv1"), "\"Convolutions\"");
        assertEquals(null, inferred(truth(DiagramStyle.STACKED_2D_BOX, 1), "conv1"), "\"5x5 convolution\"");
    }

    @Test
    void markingKeepsAnExistingInferredListAndOnlyNamesParametersTheLayerSets() {
        Graph g = net().withLayers(net().layers().stream()
                .map(l -> l.name().equals("conv1") ? l.withParam("inferred", List.of("stride_row")) : l).toList());
        Graph marked = Undrawn.markInferred(g, Map.of("conv1", List.of("kernel_row", "kernel_col", "filters"), "fc1", List.of("kernel_row")));
        assertEquals(List.of("stride_row", "kernel_row", "filters"), inferred(marked, "conv1"));
        assertEquals(null, inferred(marked, "fc1"));
    }
}
