package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.graph.Layer;
import org.paper2code.testing.TestCanvas;

/** How pipeline figures are read: stage titles, pastel and bold boxes, input pictures. */
class PipelineStagesTest {
    private final BoxFlowParser pipeline = new BoxFlowParser(FigureText.ocr(), StageTitles.standard());
    private final BoxFlowParser layers = new BoxFlowParser();

    private static String type(Optional<ParsedLabel> l) {
        return l.map(ParsedLabel::type).orElse("-");
    }

    /** A title naming a sub-system is one opaque stage even when it names a layer kind too. */
    @Test
    void subsystemTitlesAreOpaqueStages() {
        for (String title : List.of("LSTM decoder", "Embedding network (shared)", "Spatial stream ConvNet", "Pyramid pooling module",
                "Atrous Spatial Pyramid Pooling", "CNN encoder (Inception-v3)")) {
            Optional<ParsedLabel> l = pipeline.label(title);
            assertEquals("Lambda", type(l), title);
            assertEquals(title, l.get().params().get("note"));
        }
        assertEquals("LSTM", type(layers.label("LSTM decoder")), "a 2d-box figure still reads its layer words");
        assertEquals("RoIPooling", type(pipeline.label("RoI pooling 14x14")));
        assertEquals("Dense", type(pipeline.label("Dense(51)\n51")));
        assertEquals(51, pipeline.label("Dense(51)\n51").get().params().get("units"));
    }

    /** An output size under a title names no layer: "21x192x192" is no "3x3, 64" convolution (it was read as Conv2D). */
    @Test
    void outputSizeLinesNameNoLayer() {
        assertEquals("Conv2D", type(layers.label("Decoder\n21x192x192")), "the layer-by-layer reading, unchanged");
        Optional<ParsedLabel> l = pipeline.label("Decoder\n21x192x192");
        assertEquals("Lambda", type(l));
        assertEquals(List.of(21, 192, 192), l.get().params().get("output_shape"));
        assertEquals("Lambda", type(pipeline.label("r 'N\nPyramid pooling module\nMe a")), "OCR specks above the title");
        assertEquals("Upsampling2D", type(pipeline.label("UpSampling2D((4,4))\n21x768x768")));
    }

    /**
     * Detection heads are a sub-system, not attention ("Detection heads" over its size "405" was read as MultiHeadAttention
     * with 405 heads); a count of heads still names attention. A speck line OCR read off a thick rounded corner above
     * "Embedding network" made the title look like no sub-system, and the box a Keras Embedding layer.
     */
    @Test
    void headsAndSpeckedTitlesAreStages() {
        assertEquals("Lambda", type(pipeline.label("Detection heads\n405")));
        assertEquals("Lambda", type(pipeline.label("Heads (cls + bbox)\n105")));
        assertEquals("MultiHeadAttention", type(pipeline.label("Multi-head attention (8 heads)")));
        Optional<ParsedLabel> l = pipeline.label("v NX\nEmbedding network\n256");
        assertEquals("Lambda", type(l));
        assertEquals("Embedding network", l.get().params().get("note"));
        assertEquals(List.of(256), l.get().params().get("output_shape"));
    }

    /**
     * OCR of tiny stage titles (6-7 px glyphs) garbles "connected" ("commnected", "comocted") or "Fully" ("Pally")
     * while a later word still reads ("softmax"): the title was a softmax or nothing; with the class words put back
     * first it is the dense layer it names. A 2d-box label keeps its first reading.
     */
    @Test
    void garbledFullyConnectedTitlesAreDense() {
        Optional<ParsedLabel> l = pipeline.label("Pally connected (102), oo ftmax .");
        assertEquals("Dense", type(l));
        assertEquals(102, l.get().params().get("units"));
        assertEquals("softmax", l.get().params().get("activation"));
        assertEquals("Dense", type(pipeline.label("Pully connected (102), softmax")));
        assertEquals(512, pipeline.label("Fully commnected (512) .").get().params().get("units"));
        assertEquals("Dense", type(pipeline.label("Fubly commectod (512)")));
        assertEquals("Softmax", type(layers.label("Pully connected (102), softmax")), "the 2d-box reading, unchanged");
        assertEquals("GlobalPooling2D", type(pipeline.label("Global average pooling")));
        assertEquals("Dropout", type(pipeline.label("Dropout (p = 0.5)")));
    }

    /** "RNN language mode!" (the l of "model" read as "!") is still a language model, not a SimpleRNN layer. */
    @Test
    void languageModelWithMisreadLetterIsAStage() {
        Optional<ParsedLabel> l = pipeline.label("RNN language mode!\n20x10000");
        assertEquals("Lambda", type(l));
        assertEquals(List.of(20, 10000), l.get().params().get("output_shape"));
        assertEquals("Lambda", type(pipeline.label("RNN language model")));
    }

    /**
     * A stage title the one-sheet reading garbled into another kind that still parses ("fo 3), softms" a softmax for
     * "fc 37, softmax") is read again, and the rereads that agree overrule it; a title the sheet read right keeps its text.
     */
    @Test
    void garbledTitlesThatParseAreReadAgain() {
        BufferedImage img = TestCanvas.white(360, 80);
        Graphics2D g = TestCanvas.pen(img, true);
        int[] xs = {20, 200};
        for (int x : xs) {
            g.setColor(new Color(205, 225, 250)); // pastel fill
            g.fillRoundRect(x, 20, 140, 34, 10, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawRoundRect(x, 20, 140, 34, 10, 10);
        }
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14));
        g.drawString("fc 37, softmax", xs[0] + 18, 42);
        g.drawString("dropout 0.5", xs[1] + 25, 42);
        g.dispose();
        Mat grey = Cv.grey(Cv.fromBufferedImage(img));
        List<Rect> inner = List.of(new Rect(xs[0] + 3, 23, 134, 28), new Rect(xs[1] + 3, 23, 134, 28));
        List<String> sheet = List.of("fo 3), softms", "dropout 0.5");
        assertEquals("Softmax", type(pipeline.label(sheet.get(0))), "the garbled title parses, as the wrong kind");
        List<String> read = StageRereads.reread(grey, inner, sheet, pipeline::label);
        assertEquals("Dense", type(pipeline.label(read.get(0))), read.get(0));
        assertEquals("dropout 0.5", read.get(1));
    }

    /**
     * A stage box on the flow whose tiny title OCR read as nothing or as specks ("aN", "—") is an opaque stage:
     * dropped, it cut the flow input -> backbone -> RPN in two. A wordless box on the flow that holds a picture
     * (hatching running into its frame) or nothing at all is no stage; neither is a wordless box that feeds nothing.
     */
    @Test
    void unreadTitledStagesOnTheFlowAreKept() {
        BufferedImage img = TestCanvas.white(560, 80);
        Graphics2D g = TestCanvas.pen(img, true);
        int[] xs = {20, 120, 220, 320, 420};
        for (int x : xs) {
            g.setColor(new Color(255, 250, 205)); // pastel fill
            g.fillRoundRect(x, 20, 80, 30, 10, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawRoundRect(x, 20, 80, 30, 10, 10);
        }
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 7));
        g.drawString("RPN", xs[1] + 30, 39); // a title too small to read
        g.drawString("fc 256", xs[4] + 25, 39); // same, in a box that feeds nothing
        for (int d = -30; d < 80; d += 6) { // a hatched picture
            g.drawLine(xs[2] + d, 50, xs[2] + d + 30, 20);
        }
        g.dispose();
        Mat grey = Cv.grey(Cv.fromBufferedImage(img));
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(xs[0], 20, 80, 30), "", Optional.empty(), 0.9)); // an input before them
        es.add(new Element(new Rect(xs[1], 20, 80, 30), "aN", Optional.empty(), 0.9));
        es.add(new Element(new Rect(xs[2], 20, 80, 30), "", Optional.empty(), 0.9));
        es.add(new Element(new Rect(xs[3], 20, 80, 30), "", Optional.empty(), 0.9));
        es.add(new Element(new Rect(xs[4], 20, 80, 30), "", Optional.empty(), 0.9));
        List<Link> links = List.of(new Link(0, 1, 1), new Link(1, 2, 1), new Link(2, 3, 1), new Link(3, 4, 1));
        UnreadStages.label(grey, es, links, es.size());
        assertEquals(List.of("-", "Lambda", "-", "-", "-"), es.stream().map(e -> type(e.label())).toList());
    }

    /** A box drawn as a dark outline around a pastel fill near the ink threshold, with noise, rounded. */
    @Test
    void pastelBoxesAreFound() {
        BufferedImage img = TestCanvas.white(500, 120);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(new Color(253, 228, 203)); // 52 from white in blue: just over the ink threshold of 45
        g.fillRoundRect(100, 30, 300, 44, 40, 40);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRoundRect(100, 30, 300, 44, 40, 40);
        g.dispose();
        Random r = new Random(3);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                int n = (int) Math.round(r.nextGaussian() * 7);
                img.setRGB(x, y, new Color(clamp(c.getRed() + n), clamp(c.getGreen() + n), clamp(c.getBlue() + n)).getRGB());
            }
        }
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        List<Rect> plain = new BoxDetector().detect(ink);
        List<Rect> found = OutlinedBoxes.withLightlyFilled(bgr, Cv.background(bgr), ink, plain);
        assertTrue(plain.isEmpty(), "the ink mask alone misses it (else this test guards nothing): " + plain);
        assertEquals(1, found.size(), "boxes " + found);
        assertTrue(Cv.iou(found.get(0), new Rect(100, 30, 300, 44)) > 0.85, "box " + found.get(0));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** A box found inside a 9 px outline is grown over the outline (else the outline joins all its arrows into one piece). */
    @Test
    void boldOutlinesAreErasedWithTheirBox() {
        BufferedImage img = TestCanvas.white(300, 200);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(Color.BLACK);
        g.fillRect(50, 50, 200, 100);
        g.setColor(Color.WHITE);
        g.fillRect(59, 59, 182, 82);
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        List<Rect> grown = OutlinedBoxes.withBorders(ink, List.of(new Rect(59, 59, 182, 82)));
        assertEquals(new Rect(50, 50, 200, 100), grown.get(0));
    }

    /** The arrow drawn from below an input picture's caption leaves that picture: no second input from its free end. */
    @Test
    void arrowFromACaptionLeavesThePicture() {
        LabelGrammar grammar = new LabelGrammar();
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(100, 20, 100, 100), "", Optional.empty(), 0.9)); // the picture
        es.add(new Element(new Rect(50, 300, 200, 50), "Embedding network", pipeline.label("Embedding network"), 0.9));
        es.add(new Element(new Rect(146, 146, 9, 9), "", grammar.read("input"), 0.6)); // the free end under the caption
        List<TextLines.Line> text = List.of(new TextLines.Line("Image A", new Rect(115, 126, 70, 16)));
        PipelineInputs inputs = new PipelineInputs(grammar);
        List<Link> links = inputs.captionStarts(es, List.of(new Link(2, 1, 0.6)), List.of(2), 2, text, r -> "");
        assertEquals(List.of(new Link(0, 1, 0.6)), links);
        assertEquals("Input", type(es.get(0).label()));
        assertTrue(es.get(2).label().isEmpty() && es.get(2).text().isEmpty(), "the free end is blanked");
    }

    /**
     * The whole-figure reading missed the caption: the gap between the picture and the free end under it is read on
     * its own, and holds it. Only that gap is read (a region elsewhere yields nothing).
     */
    @Test
    void captionTheFigureReadingMissedIsReadInTheGap() {
        LabelGrammar grammar = new LabelGrammar();
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(100, 20, 100, 100), "", Optional.empty(), 0.9)); // the picture
        es.add(new Element(new Rect(50, 300, 200, 50), "Embedding network", pipeline.label("Embedding network"), 0.9));
        es.add(new Element(new Rect(146, 146, 9, 9), "", grammar.read("input"), 0.6)); // the free end under the caption
        List<Rect> read = new ArrayList<>();
        java.util.function.Function<Rect, String> ocr = r -> {
            read.add(r);
            return r.equals(new Rect(100, 120, 100, 30)) ? "Image A" : "";
        };
        List<Link> links = new PipelineInputs(grammar).captionStarts(es, List.of(new Link(2, 1, 0.6)), List.of(2), 2, List.of(), ocr);
        assertEquals(List.of(new Link(0, 1, 0.6)), links, "gaps read " + read);
        assertEquals("Input", type(es.get(0).label()));
    }

    /** A text-less picture that only feeds others is an input; one fed by another box is not. */
    @Test
    void textlessSourcesAreInputs() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 60, 60), "", Optional.empty(), 0.9));
        es.add(new Element(new Rect(100, 0, 60, 60), "Decoder", pipeline.label("Decoder"), 0.9));
        es.add(new Element(new Rect(200, 0, 60, 60), "", Optional.empty(), 0.9));
        new PipelineInputs(new LabelGrammar()).textlessSources(es, List.of(new Link(0, 1, 1), new Link(1, 2, 1)), 3, false, List::of);
        assertEquals("Input", type(es.get(0).label()));
        assertFalse(es.get(2).label().isPresent());
    }

    /** An opaque stage of unknown size before a dense layer owes no Flatten (one was added after every such stage). */
    @Test
    void noFlattenAfterAnOpaqueStage() {
        LabelGrammar grammar = new LabelGrammar();
        List<Element> es = List.of(new Element(new Rect(0, 0, 50, 50), "input", grammar.read("input"), 0.9),
                new Element(new Rect(100, 0, 50, 50), "Embedding network", pipeline.label("Embedding network"), 0.9),
                new Element(new Rect(200, 0, 50, 50), "Dense(1)", grammar.read("Dense(1)"), 0.9));
        Assembler.Assembly a = new Assembler().assemble("t", es, List.of(new Link(0, 1, 1), new Link(1, 2, 1)),
                Comparator.comparingInt(i -> es.get(i).box().x), Map.of());
        assertEquals(List.of("Input", "Lambda", "Dense"), a.graph().layers().stream().map(Layer::type).toList());
    }
}
