package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.testing.TestCanvas;

/** Connections and inputs of pipeline figures drawn large and bold, on drawn figures. */
class PipelineArrowsTest {

    /** Two outlined stage boxes, one above the other. */
    private static Graphics2D stages(BufferedImage img, int stroke) {
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(stroke));
        g.drawRect(100, 40, 300, 120);
        g.drawRect(100, 400, 300, 120);
        return g;
    }

    private static ConnectorTracer.Traced trace(BufferedImage img) {
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        List<Rect> boxes = OutlinedBoxes.withBorders(ink, List.of(new Rect(100, 40, 301, 121), new Rect(100, 400, 301, 121)));
        return new ConnectorTracer().trace(ink, boxes, true);
    }

    /**
     * A thick arrow whose filled head (its length grows with the line's width) reaches far beyond the 12 px port band:
     * it points down. Before, the head went unseen at the lower box and the thick line's start read as the head.
     */
    @Test
    void boldArrowHeadPointsDown() {
        BufferedImage img = TestCanvas.white(500, 560);
        Graphics2D g = stages(img, 8);
        g.fillRect(245, 166, 10, 190);
        g.fillPolygon(new int[] {225, 275, 250}, new int[] {348, 348, 396}, 3);
        g.dispose();
        ConnectorTracer.Traced t = trace(img);
        assertEquals(List.of(new Link(0, 1, 0.6)), t.links(), "links " + t.links());
        assertEquals(Boolean.TRUE, t.vertical());
    }

    /**
     * Two parallel streams drawn one over the other, the lower box a little wider so its centre lies a few px left of
     * the upper one's: layers are numbered top to bottom within the column (by centre alone the lower stream came
     * first, lambda1, while its picture came second, and symmetric branches were then paired crosswise).
     */
    @Test
    void parallelStreamsAreNumberedTopDown() {
        BufferedImage img = TestCanvas.white(760, 260);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 18));
        g.drawRect(130, 30, 250, 50);
        g.drawString("Spatial stream ConvNet", 150, 62);
        g.drawRect(110, 160, 280, 50);
        g.drawString("Temporal stream ConvNet", 135, 192);
        g.drawRect(500, 95, 110, 50);
        g.drawString("concat", 525, 127);
        g.drawLine(380, 55, 490, 110);
        g.drawLine(390, 185, 490, 130);
        g.fillPolygon(new int[] {499, 486, 490}, new int[] {115, 113, 103}, 3);
        g.fillPolygon(new int[] {499, 490, 486}, new int[] {125, 137, 127}, 3);
        g.dispose();
        var r = new FigureParser().parse(Cv.fromBufferedImage(img), org.paper2code.eval.DiagramStyle.PIPELINE, "streams", null);
        var byName = r.graph().byName();
        assertEquals("Spatial stream ConvNet", byName.get("lambda1").param("note"), r.graph().layers().toString());
        assertEquals("Temporal stream ConvNet", byName.get("lambda2").param("note"), r.graph().layers().toString());
    }

    /**
     * A two-stream figure whose input pictures are not drawn: each stream is fed by an arrow from nowhere, the lower
     * arrow starting further left. The made-up inputs follow the streams they feed (input1 feeds the upper stream);
     * before, they were numbered by where their arrows start, input1 fed the lower stream, and the scorer paired the
     * twin inputs crosswise.
     */
    @Test
    void madeUpInputsFollowTheirStreams() {
        BufferedImage img = TestCanvas.white(760, 260);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 18));
        g.drawRect(200, 30, 250, 50);
        g.drawString("Spatial stream ConvNet", 215, 62);
        g.drawRect(200, 160, 250, 50);
        g.drawString("Temporal stream ConvNet", 205, 192);
        g.drawRect(560, 95, 110, 50);
        g.drawString("concat", 585, 127);
        g.drawLine(120, 55, 190, 55);
        g.fillPolygon(new int[] {199, 187, 187}, new int[] {55, 49, 61}, 3);
        g.drawLine(20, 185, 190, 185);
        g.fillPolygon(new int[] {199, 187, 187}, new int[] {185, 179, 191}, 3);
        g.drawLine(450, 55, 550, 110);
        g.drawLine(450, 185, 550, 130);
        g.fillPolygon(new int[] {559, 546, 550}, new int[] {115, 113, 103}, 3);
        g.fillPolygon(new int[] {559, 550, 546}, new int[] {125, 137, 127}, 3);
        g.dispose();
        var r = new FigureParser().parse(Cv.fromBufferedImage(img), org.paper2code.eval.DiagramStyle.PIPELINE, "streams", null);
        var byName = r.graph().byName();
        String layers = r.graph().layers().toString();
        assertEquals("Spatial stream ConvNet", byName.get("lambda1").param("note"), layers);
        assertEquals(List.of("input1"), byName.get("lambda1").from(), layers);
        assertEquals(List.of("input2"), byName.get("lambda2").from(), layers);
        assertEquals(List.of("input1", "input2"), r.graph().layers().stream().filter(l -> l.type().equals("Input")).map(l -> l.name()).toList(), layers);
    }

    /**
     * Seed 45 figure 331 ({@code corpus synth -n 300 --seed 45}, drawn again here from its seed): a pipeline drawn
     * large (1197x2391), whose filled arrow heads, 50 px across, are as big as a merge circle and came out of the box
     * detector as boxes (then stages on the flow: two extra nodes, and the skip line into "RoI pooling" lost). A
     * head narrows from its base to its tip; a circle does not. The figure now parses exactly.
     */
    @Test
    void largeArrowHeadsAreNoBoxes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.paper2code.synth.CorpusSynth corpus = new org.paper2code.synth.CorpusSynth(45, 1);
        org.paper2code.synth.FigureFactory.Figure f = new org.paper2code.synth.FigureFactory().make(
                org.paper2code.synth.CorpusSynth.figureId(331), org.paper2code.eval.DiagramStyle.PIPELINE, corpus.figureSeed(331), "test");
        java.nio.file.Path image = java.nio.file.Files.write(dir.resolve(f.fileName()), f.bytes());
        var g = new FigureParser().parse(image, org.paper2code.eval.DiagramStyle.PIPELINE).graph();
        var m = new org.paper2code.eval.GraphMatcher().match(g, f.truth().graph());
        assertTrue(m.exact(), "nodes " + m.nodes() + " edges " + m.edges() + " " + g.layers());
    }

    /** An input picture whose hatching OCR read as fragments (",|4") that feeds a stage is an input. */
    @Test
    void pictureWithFragmentTextIsAnInput() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 80, 60), ",\n4", Optional.empty(), 0.9));
        es.add(new Element(new Rect(120, 0, 200, 60), "Spatial stream ConvNet", Optional.empty(), 0.9));
        new PipelineInputs(new LabelGrammar()).textlessSources(es, List.of(new Link(0, 1, 0.6)), 2, false, List::of);
        assertEquals("Input", es.get(0).label().map(ParsedLabel::type).orElse("-"));
        assertTrue(es.get(1).label().isEmpty(), "a titled stage stays as it is");
    }

    /** A box whose text is only a size ("256-d", "7x7x512") is a drawn tensor feeding the next box, not an input picture. */
    @Test
    void boxWithOnlyASizeIsNoInputPicture() {
        for (String size : List.of("256-d", "512", "7x7x512")) {
            List<Element> es = new ArrayList<>();
            es.add(new Element(new Rect(0, 0, 80, 60), size, Optional.empty(), 0.9));
            es.add(new Element(new Rect(120, 0, 200, 60), "Spatial stream ConvNet", Optional.empty(), 0.9));
            new PipelineInputs(new LabelGrammar()).textlessSources(es, List.of(new Link(0, 1, 0.6)), 2, false, List::of);
            assertTrue(es.get(0).label().isEmpty(), size + " became " + es.get(0).label());
        }
    }

    /**
     * Thin arrows with open heads (a chevron of two strokes, 16 px long) between three boxes in a row: each points
     * right. Before, the chevron's two arms crossing the port's outer ring counted as two more lines entering, so the
     * head's ink per line fell below the plain tail's and every arrow read backwards.
     */
    @Test
    void openChevronHeadsPointAlongTheLine() {
        BufferedImage img = TestCanvas.white(760, 200);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        List<Rect> boxes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            g.drawRect(40 + 250 * k, 50, 180, 90);
            boxes.add(new Rect(40 + 250 * k, 50, 181, 91));
        }
        for (int k = 0; k < 2; k++) {
            int tip = 40 + 250 * (k + 1) - 3;
            g.drawLine(40 + 250 * k + 183, 95, tip, 95);
            g.drawLine(tip - 16, 87, tip, 95);
            g.drawLine(tip - 16, 103, tip, 95);
        }
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        ConnectorTracer.Traced t = new ConnectorTracer().trace(ink, OutlinedBoxes.withBorders(ink, boxes), false);
        assertEquals(List.of(new Link(0, 1, 0.6), new Link(1, 2, 0.6)), t.links().stream().sorted(java.util.Comparator.comparingInt(Link::from)).toList(),
                "links " + t.links());
    }

    /**
     * A waveform whose strokes OCR read as a word ("WWW") with "Audio waveform" under it begins the flow: an input. A
     * captioned picture further on ("2. Extract region proposals" under a step drawn as a picture) is no input.
     */
    @Test
    void captionedPictureBeginningTheFlowIsAnInput() {
        for (int x : new int[] {0, 400}) {
            List<Element> es = new ArrayList<>();
            es.add(new Element(new Rect(x, 0, 80, 40), "WWW", Optional.empty(), 0.9));
            es.add(new Element(new Rect(200, 0, 150, 40), "Log-mel filterbank", Optional.empty(), 0.9));
            List<TextLines.Line> caption = List.of(new TextLines.Line("Audio waveform", new Rect(x - 5, 46, 90, 10)));
            new PipelineInputs(new LabelGrammar()).textlessSources(es, List.of(new Link(0, 1, 0.6)), 2, false, () -> caption);
            assertEquals(x == 0 ? "Input" : "-", es.get(0).label().map(ParsedLabel::type).orElse("-"), "picture at x " + x);
        }
    }

    /**
     * A figure drawn large: the arrow between two stages stops a few px short of both (7 px below the upper box, its
     * head 8 px above the lower one). Before, a piece that touched neither box was no connector at all, and the stages
     * were linked by reading order only (a branch's second input was lost).
     */
    @Test
    void arrowShortOfBothBoxesLinksThem() {
        BufferedImage img = TestCanvas.white(500, 560);
        Graphics2D g = stages(img, 4);
        g.fillRect(246, 169, 8, 195);
        g.fillPolygon(new int[] {232, 268, 250}, new int[] {360, 360, 390}, 3);
        g.dispose();
        ConnectorTracer.Traced t = trace(img);
        assertEquals(List.of(new Link(0, 1, 0.6)), t.links(), "links " + t.links());
    }
}
