package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.TruthCorpus;
import org.paper2code.graph.Layer;
import org.paper2code.testing.TestCanvas;

/** Boxes that frame a photo: OCR fragments of the photo name no layer. */
class PictureBoxesTest {

    /** A textured (photo-like) box is a picture; label boxes, plain or dark-filled with light text, are not. */
    @Test
    void photoLikeBoxesArePictures() {
        Cv.load();
        BufferedImage img = TestCanvas.white(360, 120);
        Graphics2D g = TestCanvas.pen(img, true);
        Random rnd = new Random(3);
        for (int y = 10; y < 90; y++) { // a photo: smooth shading plus grain
            for (int x = 10; x < 90; x++) {
                int v = Math.max(0, Math.min(255, (x + y) + rnd.nextInt(60)));
                img.setRGB(x, y, new Color(v, (v * 3) % 256, 255 - v).getRGB());
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.setColor(Color.BLACK);
        g.drawRect(120, 20, 100, 50);
        g.drawString("3x3 conv, 64", 126, 50);
        g.setColor(new Color(40, 60, 140));
        g.fillRect(240, 20, 100, 50);
        g.setColor(Color.WHITE);
        g.drawString("BN", 275, 50);
        g.dispose();
        Mat grey = Cv.grey(Cv.fromBufferedImage(img));
        assertTrue(PictureContent.isPicture(grey, new Rect(13, 13, 74, 74)), "share " + PictureContent.plainShare(grey, new Rect(13, 13, 74, 74)));
        assertFalse(PictureContent.isPicture(grey, new Rect(123, 23, 94, 44)), "a label on white");
        assertFalse(PictureContent.isPicture(grey, new Rect(243, 23, 94, 44)), "a label on a dark fill");
    }

    /**
     * R-CNN's pipeline: OCR of the warped-region photo reads "SI BN =", which typed that stage BatchNorm and broke the
     * chain (edge F1 0.22). The stage is now an opaque step and the chain holds.
     */
    @Test
    void rcnnWarpedRegionPhotoIsNoBatchNorm() throws Exception {
        TruthCorpus.FigureItem f = AnnotatedFigures.figure("aleju_rcnn_architecture");
        DetectionResult r = new FigureParser().parse(f.image(), f.truth().style());
        List<Layer> layers = r.graph().layers();
        assertTrue(layers.stream().noneMatch(l -> l.type().equals("BatchNorm")), "types: " + layers.stream().map(Layer::type).toList());
        GraphMatcher.Match m = new GraphMatcher().match(r.graph(), f.truth().graph());
        assertTrue(m.edges().f1() >= 0.6, "edges " + m.edges());
    }
}
