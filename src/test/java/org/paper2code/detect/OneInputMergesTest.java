package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

/** A merge symbol only one line reaches merges nothing: the assembled graph must still validate and emit. */
class OneInputMergesTest {

    @Test
    void aMergeWithOneInputIsDroppedAndItsReaderReadsItsInput() {
        List<Layer> layers = List.of(
                new Layer("Input", "in", Map.of(), List.of()),
                new Layer("Conv2D", "conv", Map.of(), List.of("in")),
                new Layer("Multiply", "mul", Map.of(), List.of("conv")),
                new Layer("Add", "add", Map.of(), List.of("mul", "conv")),
                new Layer("Dense", "fc", Map.of(), List.of("add")));
        List<String> repairs = new ArrayList<>();
        Map<String, Double> layerConf = new HashMap<>(Map.of("mul", 0.5, "conv", 0.9));
        Map<String, Double> edgeConf = new HashMap<>(Map.of("conv->mul", 0.8, "mul->add", 0.6));
        List<Layer> out = Assembler.mergesWithOneInput(layers, repairs, layerConf, edgeConf);
        // Add then reads conv twice, which is one input: it goes too, and the dense layer reads conv
        assertEquals(List.of("in", "conv", "fc"), out.stream().map(Layer::name).toList());
        assertEquals(List.of("conv"), out.get(2).from());
        assertEquals(2, repairs.size(), "repairs " + repairs);
        assertTrue(repairs.get(0).startsWith("dropped mul"), "repairs " + repairs);
        assertTrue(!layerConf.containsKey("mul") && edgeConf.keySet().stream().noneMatch(e -> e.contains("mul")),
                "confidences " + layerConf + " " + edgeConf);
    }

    @Test
    void twoInputMergesStay() {
        List<Layer> layers = List.of(
                new Layer("Input", "in", Map.of(), List.of()),
                new Layer("Conv2D", "a", Map.of(), List.of("in")),
                new Layer("Conv2D", "b", Map.of(), List.of("in")),
                new Layer("Concat", "cat", Map.of(), List.of("a", "b")));
        List<String> repairs = new ArrayList<>();
        assertEquals(layers, Assembler.mergesWithOneInput(layers, repairs, new HashMap<>(), new HashMap<>()));
        assertTrue(repairs.isEmpty());
    }

    /**
     * Mask R-CNN's overview draws its maps as gridded slabs; a grid cell read as a circled x used to leave a Multiply
     * with one input, and then every emitter refused the graph ("Multiply takes at least 2 input(s) but has 1").
     */
    @Test
    void realGriddedSlabsGiveAGraphThatValidates() throws Exception {
        Path image = Path.of("../shared/corpus-real/figures/aleju_mask_rcnn_architecture.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " not present");
        Graph g = new FigureParser().parse(image, DiagramStyle.PIPELINE).graph();
        assertTrue(g.layers().stream().noneMatch(l -> List.of("Add", "Multiply", "Concat", "Maximum").contains(l.type())
                && l.from().size() < 2), "layers " + g.layers());
        assertTrue(new GraphValidator().validate(g).problems().stream().noneMatch(p -> p.toString().contains("input(s)")),
                "problems " + new GraphValidator().validate(g).problems());
    }
}
