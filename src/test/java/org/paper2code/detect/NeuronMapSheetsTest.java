package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Layer;
import org.paper2code.testing.TestCanvas;

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

    /**
     * Three columns of ten units, each pair fully connected by lines: near a column the fan is nearly solid ink, and
     * the upright opening leaves strips there. They sit inside ink, so they are no sheets (a synthetic autoencoder
     * drawing was read as five convolutions before).
     */
    @Test
    void stripsInsideADenseFanAreNoSheets() {
        BufferedImage img = TestCanvas.white(640, 180);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(new Color(150, 150, 150));
        g.setStroke(new BasicStroke(1.5f));
        int[] xs = {60, 310, 560};
        for (int c = 0; c + 1 < xs.length; c++) {
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    g.drawLine(xs[c], 20 + 14 * i, xs[c + 1], 20 + 14 * j);
                }
            }
        }
        List<Rect> columns = new ArrayList<>();
        g.setColor(Color.BLACK);
        for (int x : xs) {
            for (int i = 0; i < 10; i++) {
                g.drawOval(x - 5, 15 + 14 * i, 10, 10);
            }
            columns.add(new Rect(x - 5, 15, 11, 136));
        }
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        assertEquals(List.of(), MapSheets.inGaps(ink, columns));
    }
}
