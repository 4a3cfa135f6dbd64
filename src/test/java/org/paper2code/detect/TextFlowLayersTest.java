package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Graph;

/** Pipeline figures that name their layers in free text with no box drawn (SPP-net's figure). */
class TextFlowLayersTest {

    private static TextLines.Line line(String text, int x, int y, int w) {
        return new TextLines.Line(text, new Rect(x, y, w, 16));
    }

    @Test
    void shortLabelsThatNameALayerAreNodesSentencesAndTensorsAreNot() {
        List<TextLines.Line> lines = List.of(
                line("input image", 160, 317, 80),
                line("convolutional layers", 190, 284, 160),
                line("feature maps of conv5", 290, 226, 150),   // the output of a layer: no node
                line("spatial pyramid", 350, 137, 100),         // two stacked lines, one label
                line("pooling layer", 357, 157, 90),
                line("fixed-length representation", 110, 57, 180), // names no layer
                line("then mapped to a feature vector by fully connected layers", 6, 400, 390)); // a sentence
        List<TextFlowLayers.TextNode> nodes = new TextFlowLayers(new LabelGrammar()).find(lines, List.of());
        List<String> types = nodes.stream().map(n -> n.label().type()).sorted().toList();
        assertEquals(List.of("Conv2D", "Input", "Pooling2D"), types, "nodes " + nodes);
        assertTrue(nodes.stream().anyMatch(n -> n.text().equals("spatial pyramid pooling layer")), "nodes " + nodes);
    }

    @Test
    void textBesideABoxIsItsCaptionNotANode() {
        List<TextLines.Line> lines = List.of(line("1x1 conv", 100, 60, 60));
        assertTrue(new TextFlowLayers(new LabelGrammar()).find(lines, List.of(new Rect(90, 20, 80, 32))).isEmpty());
    }

    @Test
    void aPluralLabelListingItsLayersStandsForEachOfThem() {
        assertEquals(2, TextFlowLayers.listed("fully-connected layers (fc6, fc7)"));
        assertEquals(2, TextFlowLayers.listed("fully-connected layers (fc,, fe7)")); // as OCR reads it
        assertEquals(3, TextFlowLayers.listed("conv layers (conv3, conv4, conv5)"));
        assertEquals(1, TextFlowLayers.listed("pooling layer"));
        assertEquals(1, TextFlowLayers.listed("conv (3x3, 64)"));
    }

    @Test
    void aChainOfTextsStartsAtTheInputEvenWhenItIsDrawnAtTheBottom() {
        LabelGrammar g = new LabelGrammar();
        List<Element> es = List.of(
                new Element(new Rect(100, 10, 100, 16), "fc", g.read("fc"), 0.6),
                new Element(new Rect(100, 150, 100, 16), "pooling layer", g.read("pooling layer"), 0.6),
                new Element(new Rect(100, 300, 100, 16), "input image", g.read("input image"), 0.6));
        List<Link> links = TextFlowLayers.chain(es, true);
        assertEquals(List.of(new Link(2, 1, 0.4), new Link(1, 0, 0.4)), links);
    }

    /**
     * SPP-net (He 2014): no box at all, the stages written as text ("input image", "convolutional layers", "spatial
     * pyramid pooling layer", "fully-connected layers (fc6, fc7)"), arrows pointing up. Before: "no boxes found", an
     * empty graph (node F1 0). The truth's three poolings, three flattens and a concat are drawn as one pyramid.
     */
    @Test
    void sppFigureReadsItsTextStagesBottomUp() throws Exception {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/figures").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(shared.resolve("alphatree_spp.png")), "skipped: " + shared + " not present");
        Graph g = new FigureParser().parse(shared.resolve("alphatree_spp.png"), DiagramStyle.PIPELINE).graph();
        List<String> types = g.layers().stream().map(l -> l.type()).toList();
        assertEquals(List.of("Input", "Conv2D", "Pooling2D", "Flatten", "Dense", "Dense"), types, "layers " + g.layers());
        for (int k = 1; k < g.layers().size(); k++) {
            assertEquals(List.of(g.layers().get(k - 1).name()), g.layers().get(k).from(), "a chain: " + g.layers());
        }
        TruthCorpus corpus = TruthCorpus.load(Path.of("eval/annotations"), List.of(shared));
        TruthCorpus.FigureItem spp = corpus.figures().stream().filter(f -> f.id().contains("alphatree_spp")).findFirst().orElseThrow();
        GraphMatcher.Match m = new GraphMatcher().match(g, spp.truth().graph());
        assertTrue(m.nodes().f1() >= 0.65, "node F1 " + m.nodes().f1());
        assertTrue(m.edges().f1() >= 0.4, "edge F1 " + m.edges().f1());
    }
}
