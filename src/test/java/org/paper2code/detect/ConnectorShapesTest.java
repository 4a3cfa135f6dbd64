package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.testing.TestCanvas;

/** Connector shapes of 2d-box figures the tracer must read: short arrows, Caffe blob forks, flows read backwards. */
class ConnectorShapesTest {

    private static Set<String> trace(BufferedImage img, List<Rect> boxes, boolean against) {
        Mat bgr = Cv.fromBufferedImage(img);
        ConnectorTracer.Traced t = new ConnectorTracer().trace(Cv.ink(bgr, Cv.background(bgr), 45), boxes, true, against);
        Set<String> out = new HashSet<>();
        t.links().forEach(l -> out.add(l.from() + "->" + l.to()));
        return out;
    }

    /**
     * Keras plot_model stacks boxes 14 px apart: the box erasure leaves ten pixels of the arrow between them, which
     * the old speck filter (12 px) dropped, so the boxes were joined only by the reading-order fallback.
     */
    @Test
    void shortArrowBetweenCloseBoxesIsALink() {
        BufferedImage img = TestCanvas.white(200, 120);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(40, 20, 120, 25);
        g.drawRect(40, 60, 120, 25);
        g.drawLine(100, 46, 100, 59);
        g.dispose();
        Set<String> links = trace(img, List.of(new Rect(40, 20, 121, 26), new Rect(40, 60, 121, 26)), false);
        assertEquals(Set.of("0->1"), links);
    }

    /**
     * An arrow drawn from one box that stops 7 px short of the next, pointing straight at it, ends on that box (the
     * fixed 4.5 px reach missed it); a line passing 7 px beside a box, along its side, does not.
     */
    @Test
    void lineStoppingShortHeadOnEndsOnTheBox() {
        BufferedImage img = TestCanvas.white(200, 160);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(40, 20, 120, 25);
        g.drawRect(40, 100, 120, 25);
        g.drawLine(100, 46, 100, 92); // stops 7 px above the lower box
        g.dispose();
        List<Rect> boxes = List.of(new Rect(40, 20, 121, 26), new Rect(40, 100, 121, 26));
        assertEquals(Set.of("0->1"), trace(img, boxes, false));

        BufferedImage passing = TestCanvas.white(260, 160);
        Graphics2D p = TestCanvas.pen(passing, false);
        p.setColor(Color.DARK_GRAY);
        p.drawRect(40, 20, 120, 25);
        p.drawRect(40, 100, 120, 25);
        p.drawLine(100, 46, 100, 70);
        p.drawLine(100, 70, 167, 70);
        p.drawLine(167, 70, 167, 150); // runs down 7 px beside the lower box's right side
        p.dispose();
        assertEquals(Set.of(), trace(passing, boxes, false));
    }

    /**
     * Caffe's draw_net: a layer's output blob (an octagon) sends one line to the next layer and a skip line around
     * to a layer further down. One piece of ink reaches all three boxes; the next layer does not feed the far one
     * (the line between them runs back through the blob). Before: next -> far was linked too.
     */
    @Test
    void blobForkLinksNoSiblings() {
        BufferedImage img = TestCanvas.white(260, 330);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        g.drawRect(60, 20, 120, 40); // 0: the blob's writer
        g.drawLine(120, 61, 120, 72);
        g.drawPolygon(new int[] {105, 135, 142, 142, 135, 105, 98, 98}, new int[] {73, 73, 79, 87, 93, 93, 87, 79}, 8);
        g.drawLine(120, 94, 120, 119);
        g.drawRect(60, 120, 120, 40); // 1: next layer
        g.drawLine(143, 83, 220, 83);
        g.drawLine(220, 83, 220, 280);
        g.drawLine(220, 280, 181, 280);
        g.drawRect(60, 260, 120, 40); // 2: the far layer
        g.drawLine(120, 161, 120, 259); // 1 -> 2, a piece of its own
        g.dispose();
        List<Rect> boxes = List.of(new Rect(60, 20, 121, 41), new Rect(60, 120, 121, 41), new Rect(60, 260, 121, 41));
        Set<String> links = trace(img, boxes, false);
        assertEquals(Set.of("0->1", "0->2", "1->2"), links, "the chain line 1 -> 2 is its own piece");
        // without the chain line, the only line into 2 is the skip line from the blob
        Graphics2D e = TestCanvas.pen(img, false);
        e.setColor(Color.WHITE);
        e.fillRect(110, 162, 20, 96);
        e.dispose();
        assertEquals(Set.of("0->1", "0->2"), trace(img, boxes, false));
        // the same figure known to flow upwards
        assertEquals(Set.of("1->0", "2->0"), trace(img, boxes, true));
    }

    /** A figure whose links all lead into its drawn Input was read against its flow; one whose Input feeds is not. */
    @Test
    void inputsThatOnlyReceiveAreSinks() {
        LabelGrammar grammar = new LabelGrammar();
        List<Element> es = List.of(
                new Element(new Rect(0, 0, 50, 20), "input", grammar.read("input"), 0.9),
                new Element(new Rect(0, 40, 50, 20), "conv 3x3", grammar.read("conv 3x3"), 0.9),
                new Element(new Rect(0, 80, 50, 20), "dense 10", grammar.read("dense 10"), 0.9));
        assertTrue(BoxFlowParser.inputsAreSinks(es, List.of(new Link(1, 0, 0.6), new Link(2, 1, 0.6))));
        assertFalse(BoxFlowParser.inputsAreSinks(es, List.of(new Link(0, 1, 0.6), new Link(2, 1, 0.6))));
        assertFalse(BoxFlowParser.inputsAreSinks(es, List.of(new Link(2, 1, 0.6))), "an Input no link reaches says nothing");
        assertFalse(BoxFlowParser.inputsAreSinks(es.subList(1, 3), List.of(new Link(1, 0, 0.6))), "no Input drawn");
        assertTrue(es.get(0).label().isPresent() && es.get(0).label().get().type().equals("Input"));
    }
}
