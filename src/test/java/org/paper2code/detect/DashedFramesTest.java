package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
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
import org.paper2code.graph.Layer;
import org.paper2code.testing.TestCanvas;

/** A pipeline stage drawn as a picture inside a dashed frame is a box; a dashed frame around boxes groups them. */
class DashedFramesTest {

    /** A dashed frame with squares drawn inside touching its side is found; a solid box and a grouping frame are not. */
    @Test
    void dashedFrameAroundAPictureIsABox() {
        Cv.load();
        BufferedImage img = TestCanvas.white(400, 200);
        Graphics2D g = TestCanvas.pen(img, false);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 2f}, 0f));
        g.drawRect(20, 20, 120, 80); // the stage's frame
        g.drawRect(200, 20, 150, 150); // a frame grouping the box inside it
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawRect(22, 30, 40, 40); // the picture: feature maps, one touching the frame's side
        g.drawRect(45, 40, 40, 40);
        g.drawRect(230, 60, 60, 30); // a box inside the grouping frame
        g.dispose();
        Mat bgr = Cv.fromBufferedImage(img);
        Mat ink = Cv.ink(bgr, Cv.background(bgr), 45);
        List<Rect> frames = DashedFrames.find(ink, List.of(new Rect(230, 60, 61, 31)));
        assertEquals(1, frames.size(), "frames " + frames);
        Rect f = frames.get(0);
        assertTrue(Math.abs(f.x - 20) <= 2 && Math.abs(f.y - 20) <= 2 && Math.abs(f.width - 121) <= 3 && Math.abs(f.height - 81) <= 3, "frame " + f);
    }

    /**
     * R-CNN's overview draws its CNN as stacked feature maps inside a dashed frame labelled "CNN", between the warped
     * region and the per-region answers. Before, no box was found there: the warped region fed the answers directly
     * and no convolution was read.
     */
    @Test
    void realCnnStageInADashedFrame() throws Exception {
        Path image = Path.of("../shared/corpus-real/figures/aleju_rcnn_architecture.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(image), "skipped: " + image + " not present");
        Graph g = new FigureParser().parse(image, org.paper2code.eval.DiagramStyle.PIPELINE).graph();
        List<Layer> convs = g.layers().stream().filter(l -> l.type().equals("Conv2D")).toList();
        assertEquals(1, convs.size(), "layers " + g.layers());
        Layer answers = g.layers().stream().filter(l -> String.valueOf(l.params().get("note")).contains("aeroplane")).findFirst().orElseThrow();
        assertEquals(List.of(convs.get(0).name()), answers.from(), "the answers come from the CNN: " + g.layers());
    }
}
