package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.graph.Graph;
import org.paper2code.testing.TestCanvas;

/** Like boxes an ellipsis joins are examples of one pipeline stage, one node. */
class EllipsisRunsTest {

    /** Three boxes in a column, "⋮" between the first two, a plain gap between the last two. */
    @Test
    void onlyTheGapWithDotsJoins() {
        Cv.load();
        BufferedImage img = TestCanvas.white(200, 160);
        Graphics2D g = TestCanvas.pen(img, true);
        g.setColor(Color.BLACK);
        List<Rect> boxes = List.of(new Rect(50, 10, 90, 20), new Rect(50, 50, 90, 20), new Rect(50, 100, 90, 20));
        for (Rect b : boxes) {
            g.drawRect(b.x, b.y, b.width, b.height);
        }
        for (int y : new int[] {34, 39, 44}) {
            g.fillRect(94, y, 2, 2);
        }
        g.drawLine(95, 72, 95, 98); // a line, not an ellipsis, between the second and third
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        List<int[]> pairs = EllipsisRuns.pairs(ink, boxes);
        assertEquals(1, pairs.size(), "pairs " + pairs.stream().map(java.util.Arrays::toString).toList());
        assertEquals(List.of(0, 1), List.of(pairs.get(0)[0], pairs.get(0)[1]));
    }

    /**
     * R-CNN's overview classifies each region, drawn as three answer boxes ("aeroplane? no." ⋮ "person? yes." ⋮
     * "tvmonitor? no."): one classification stage. Before, three opaque steps chained to each other by reading order.
     */
    @Test
    void realClassifierExamplesAreOneStage() throws Exception {
        Path image = Path.of("../shared/corpus-real/figures/aleju_rcnn_architecture.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " not present");
        Graph g = new FigureParser().parse(image, org.paper2code.eval.DiagramStyle.PIPELINE).graph();
        long answers = g.layers().stream().filter(l -> String.valueOf(l.params().get("note")).matches("(?i).*(aeroplane|person|tvmonitor).*")).count();
        assertEquals(1, answers, "layers " + g.layers());
        assertTrue(g.layers().size() <= 5, "layers " + g.layers());
    }
}
