package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.testing.TestCanvas;

/** Box detection and blob splicing details of the 2d-box / pipeline parser, on drawn figures. */
class BoxFlowDetailsTest {

    /**
     * Two outlined boxes in large type, joined by an arrow whose filled head touches the lower box: exactly the two
     * boxes. Before, the counter of the large 'D' made its box a container (dropped) and the opened arrowhead
     * passed as a small box.
     */
    @Test
    void largeLettersAndArrowheadsAreNoBoxes() {
        BufferedImage img = TestCanvas.white(600, 520);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawRoundRect(100, 40, 400, 150, 30, 30);
        g.drawRoundRect(100, 330, 400, 150, 30, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 90));
        g.drawString("DROP", 170, 150);
        g.drawString("BIGRU", 150, 440);
        g.fillRect(297, 190, 6, 110);
        g.fillPolygon(new int[] {280, 320, 300}, new int[] {292, 292, 330}, 3);
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        List<Rect> boxes = new BoxDetector().detect(Cv.ink(bgr, Cv.background(bgr), 45));
        assertEquals(2, boxes.size(), "boxes " + boxes);
        assertTrue(boxes.stream().allMatch(b -> b.width > 350 && b.height > 120), "boxes " + boxes);
    }

    /** A Netscope output blob ("conv1" under "conv1 (Convolution)") is no layer: its links are bridged. */
    @Test
    void caffeBlobBoxesAreSplicedOut() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 100, 40), "conv1 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        es.add(new Element(new Rect(30, 60, 40, 20), "conv1", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 100, 100, 40), "pool1 (Pooling)\nkernel size: 2", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 160, 100, 40), "3x3, 64", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 220, 100, 40), "3x3, 64", Optional.empty(), 0.9));
        List<Link> links = BoxFlowParser.spliceTensorNames(es, new ArrayList<>(List.of(new Link(0, 1, 1), new Link(1, 2, 1),
                new Link(2, 3, 1), new Link(3, 4, 1))));
        assertEquals(List.of(new Link(2, 3, 1), new Link(3, 4, 1), new Link(0, 2, 1)), links);
        assertEquals("", es.get(1).text());
        assertEquals("3x3, 64", es.get(4).text(), "two boxes alike are two layers");
    }

    /**
     * A draw_net chain whose blob octagon (light grey fill) holds a name OCR cannot match to its writer ("b1x" under
     * "conv10 (Convolution)", as OCR reads "conv10" as "convle"): the blob is known by its grey fill and bridged, one
     * link conv10 -> conv11. Before, only a name equal to the writer's first word made a blob, and it stayed a node.
     */
    @Test
    void greyFilledBlobWithAnUnmatchedNameIsSplicedOut() {
        BufferedImage img = TestCanvas.white(360, 330);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setStroke(new BasicStroke(2));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String[] names = {"conv10 (Convolution)", "conv11 (Convolution)"};
        for (int k = 0; k < 2; k++) {
            int y = 20 + 200 * k;
            g.setColor(new Color(0xFF5050));
            g.fillRect(60, y, 240, 80);
            g.setColor(Color.BLACK);
            g.drawRect(60, y, 240, 80);
            g.drawString(names[k], 100, y + 30);
            g.drawString("kernel size: 3", 125, y + 55);
        }
        g.drawLine(180, 100, 180, 140); // box -> blob
        g.drawLine(180, 161, 180, 212); // blob -> next box
        g.fillPolygon(new int[] {174, 186, 180}, new int[] {208, 208, 219}, 3);
        int[] xs = {162, 198, 204, 204, 198, 162, 156, 156};
        int[] ys = {140, 140, 146, 155, 161, 161, 155, 146};
        g.setColor(new Color(0xE0E0E0));
        g.fillPolygon(xs, ys, 8);
        g.setColor(Color.BLACK);
        g.drawPolygon(xs, ys, 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("b1x", 170, 155);
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Rect writerBox = new Rect(60, 20, 241, 81);
        Rect blobBox = new Rect(156, 140, 49, 22);
        Rect readerBox = new Rect(60, 220, 241, 81);
        assertTrue(BlobShapes.lightGreyFill(bgr, 255, blobBox), "the octagon's grey fill");
        assertTrue(!BlobShapes.lightGreyFill(bgr, 255, writerBox), "a coloured layer box is no blob");
        List<Element> es = new ArrayList<>();
        es.add(new Element(writerBox, "conv10 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        es.add(new Element(blobBox, "b1x", Optional.empty(), 0.9));
        es.add(new Element(readerBox, "conv11 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        List<Link> drawn = List.of(new Link(0, 1, 1), new Link(1, 2, 1));
        // by name alone (the rule before) the blob stays a layer between the two
        assertEquals(drawn, BoxFlowParser.spliceTensorNames(new ArrayList<>(es), new ArrayList<>(drawn)));
        List<Link> links = BoxFlowParser.spliceTensorNames(es, new ArrayList<>(drawn), java.util.Set.of(1), java.util.Set.of());
        assertEquals(List.of(new Link(0, 2, 1)), links);
        assertEquals("", es.get(1).text());
        // the box detector missed the octagon: it is still found by its fill, and the coloured boxes are not
        List<Rect> missed = BlobShapes.missed(Cv.grey(bgr), 255, List.of(writerBox, readerBox));
        assertEquals(1, missed.size(), "shapes " + missed);
        assertTrue(Cv.iou(missed.get(0), blobBox) > 0.6, "shape " + missed.get(0));
    }

    /** A grey-filled box about its writer's size is a layer (a grey palette), not a blob. */
    @Test
    void greyLayerBoxesAreNoBlobs() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 200, 40), "Conv2D 3x3, 64", Optional.empty(), 0.9));
        es.add(new Element(new Rect(20, 60, 160, 40), "relu", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 120, 200, 40), "Conv2D 3x3, 64", Optional.empty(), 0.9));
        List<Link> drawn = List.of(new Link(0, 1, 1), new Link(1, 2, 1));
        assertEquals(drawn, BoxFlowParser.spliceTensorNames(es, new ArrayList<>(drawn), java.util.Set.of(1), java.util.Set.of()));
    }

    /** OCR reads the slanted corners of a blob octagon as two-letter words ("0 XN", "XQ 4"): still one name. */
    @Test
    void blobCornersReadAsWordsAreNoPartOfItsName() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 100, 40), "conv1 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        es.add(new Element(new Rect(30, 60, 40, 20), "0 XN\nconvl\nXQ 4", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 100, 100, 40), "pool1 (Pooling)\nkernel size: 2", Optional.empty(), 0.9));
        List<Link> links = BoxFlowParser.spliceTensorNames(es, new ArrayList<>(List.of(new Link(0, 1, 1), new Link(1, 2, 1))));
        assertEquals(List.of(new Link(0, 2, 1)), links);
    }

    /**
     * Caffe draw_net blobs whose OCR text carries specks read from the octagon's cut corners ("XN 14") are still blobs;
     * a box repeating its writer's words beside numbers ("Convolution 3 x 3 (64)" twice) stays a layer. Before, the
     * specks made the blob's text more than one word, and the blob became a second Conv2D.
     */
    @Test
    void caffeBlobsWithCornerSpecksAreSplicedOut() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 100, 40), "conv1 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        es.add(new Element(new Rect(30, 60, 40, 20), "7 \u201cN\nconvl\nXN 14", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 100, 100, 40), "Convolution 3 x 3 (64)\n64 x 16 x 16", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 160, 100, 40), "Convolution 3 x 3 (64)\n64 x 16 x 16", Optional.empty(), 0.9));
        List<Link> links = BoxFlowParser.spliceTensorNames(es, new ArrayList<>(List.of(new Link(0, 1, 1), new Link(1, 2, 1),
                new Link(2, 3, 1))));
        assertEquals(List.of(new Link(2, 3, 1), new Link(0, 2, 1)), links);
        assertEquals("", es.get(1).text());
        assertEquals("Convolution 3 x 3 (64)\n64 x 16 x 16", es.get(3).text(), "a box like its writer is a layer");
    }

    /** Four lines of 6 px text in a 32 px box are read at about 4x, not at the 2x the box height alone gives. */
    @Test
    void smallTextIsEnlargedByGlyphSize() {
        BufferedImage img = TestCanvas.white(120, 40);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        for (int i = 0; i < 4; i++) {
            g.drawString("conv1 kernel " + i, 8, 10 + 8 * i);
        }
        g.dispose();
        double s = TextSheet.scale(Cv.grey(Cv.fromBufferedImage(img)), new Rect(2, 2, 116, 34));
        assertTrue(s >= 3.5, "scale " + s);
    }

    /**
     * A box reading "2k scores" with "cls layer" and "1x1 conv" stacked under it becomes a 1x1 convolution; a box
     * that names its layer keeps it, and a sentence beside a box (a caption set into the figure) names nothing.
     */
    @Test
    void captionBesideABoxNamesItsLayer() {
        LabelGrammar grammar = new LabelGrammar();
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(85, 115, 151, 32), "2k scores", Optional.empty(), 0.9));
        es.add(new Element(new Rect(400, 115, 151, 32), "dense 10", grammar.read("dense 10"), 0.9));
        es.add(new Element(new Rect(700, 115, 151, 32), "output", Optional.empty(), 0.9));
        List<TextLines.Line> lines = List.of(
                new TextLines.Line("cls layer", new Rect(86, 156, 66, 18)),
                new TextLines.Line("1x1 conv", new Rect(75, 188, 81, 15)),
                new TextLines.Line("1x1 conv", new Rect(420, 156, 81, 15)),
                new TextLines.Line("the features are pooled by a conv layer", new Rect(700, 156, 300, 15)));
        new BoxCaptions(grammar).label(es, es.size(), lines);
        assertEquals("Conv2D", es.get(0).label().map(ParsedLabel::type).orElse("-"));
        assertEquals(1, es.get(0).label().get().params().get("kernel_row"));
        assertEquals("Dense", es.get(1).label().map(ParsedLabel::type).orElse("-"));
        assertTrue(es.get(2).label().isEmpty(), "sentence read as " + es.get(2).label());
    }

    /**
     * Keras plot_model draws a node as a name cell ruled against its shape table; two such nodes in one rank stand a
     * few pixels apart. The cells of each join into one node, the two nodes stay two. Before, boxes within 6 px were
     * one node, so the two side-by-side tables became one layer.
     */
    @Test
    void kerasTablesSideBySideAreTwoNodes() {
        BufferedImage img = TestCanvas.white(560, 120);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        for (int x0 : new int[] {20, 285}) { // the second table starts 5 px after the first ends
            g.drawRect(x0, 40, 130, 40); // name cell
            g.drawRect(x0 + 130, 40, 50, 20); // "input:" / "output:" cells
            g.drawRect(x0 + 130, 60, 50, 20);
            g.drawRect(x0 + 180, 40, 80, 20); // shapes
            g.drawRect(x0 + 180, 60, 80, 20);
        }
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), Cv.INK_CONTRAST);
        List<Rect> boxes = NoisyBoxes.detect(bgr, Cv.background(bgr), ink);
        List<List<Integer>> nodes = BoxFlowParser.clusters(ink, boxes, List.of(), boxes.size(), 12);
        assertEquals(2, nodes.size(), "boxes " + boxes + " nodes " + nodes);
        assertTrue(nodes.stream().allMatch(n -> n.size() >= 3), "nodes " + nodes);
    }

    /**
     * A Keras table drawn with a thick ruling (the cells found 7 px apart inside borders 10 px wide) is still one node. Before,
     * cells more than 6 px apart stayed apart, and every cell of the table became a layer of its own.
     */
    @Test
    void kerasTableWithThickRulingIsOneNode() {
        BufferedImage img = TestCanvas.white(420, 160);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(10));
        g.drawRect(20, 30, 180, 90);
        g.drawRect(200, 30, 80, 45);
        g.drawRect(200, 75, 80, 45);
        g.drawRect(280, 30, 110, 45);
        g.drawRect(280, 75, 110, 45);
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), Cv.INK_CONTRAST);
        List<Rect> boxes = NoisyBoxes.detect(bgr, Cv.background(bgr), ink);
        List<List<Integer>> nodes = BoxFlowParser.clusters(ink, boxes, List.of(), boxes.size(), 12);
        assertEquals(1, nodes.size(), "boxes " + boxes + " nodes " + nodes);
    }

    /**
     * OCR splits a blob's index from its name ("conv 12" in the octagon under "conv 12 (Convolution)"): still the
     * blob of that layer. A box as wide as its writer ("fc 4096" under "fc 4096 / relu") is a layer, not a blob.
     */
    @Test
    void blobNamesWithSplitIndexAreSplicedOut() {
        List<Element> es = new ArrayList<>();
        es.add(new Element(new Rect(0, 0, 140, 58), "conv 12 (Convolution)\nkernel size: 3", Optional.empty(), 0.9));
        es.add(new Element(new Rect(45, 80, 50, 20), "\u201cconv 12_", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 120, 140, 58), "pool4 (Pooling)\nkernel size: 2", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 200, 140, 40), "fc 40\nrelu", Optional.empty(), 0.9));
        es.add(new Element(new Rect(0, 260, 140, 40), "fc 40", Optional.empty(), 0.9));
        List<Link> links = BoxFlowParser.spliceTensorNames(es, new ArrayList<>(List.of(new Link(0, 1, 1), new Link(1, 2, 1),
                new Link(2, 3, 1), new Link(3, 4, 1))));
        assertEquals(List.of(new Link(2, 3, 1), new Link(3, 4, 1), new Link(0, 2, 1)), links);
        assertEquals("fc 40", es.get(4).text(), "a box as wide as its writer is a layer");
    }

    /**
     * An input of no stated shape (the one added in front of a graph whose drawn input box is unread, as OCR misses
     * Caffe draw_net's "input1 (Input)" octagon) feeding a dense layer: an MLP's vector, no Flatten owed; an input
     * stating an image shape still gets one. Before, the assumed 3 x ? x ? shape added a Flatten to such MLPs.
     */
    @Test
    void noFlattenAfterAnInputOfUnstatedShape() {
        LabelGrammar grammar = new LabelGrammar();
        for (String input : List.of("", "input 3x32x32")) {
            List<Element> es = new ArrayList<>();
            if (!input.isEmpty()) {
                es.add(new Element(new Rect(0, 0, 50, 50), input, grammar.read(input), 0.9));
            }
            es.add(new Element(new Rect(0, 100, 50, 50), "fc1 (InnerProduct)", grammar.read("fc1 (InnerProduct)"), 0.9));
            es.add(new Element(new Rect(0, 200, 50, 50), "fc2 (InnerProduct)", grammar.read("fc2 (InnerProduct)"), 0.9));
            List<Link> links = input.isEmpty() ? List.of(new Link(0, 1, 1)) : List.of(new Link(0, 1, 1), new Link(1, 2, 1));
            Assembler.Assembly a = new Assembler().assemble("t", es, links,
                    java.util.Comparator.comparingInt(i -> es.get(i).box().y), java.util.Map.of());
            List<String> types = a.graph().layers().stream().map(org.paper2code.graph.Layer::type).toList();
            assertEquals(input.isEmpty() ? List.of("Input", "Dense", "Dense") : List.of("Input", "Flatten", "Dense", "Dense"), types,
                    "input '" + input + "'");
        }
    }
}
