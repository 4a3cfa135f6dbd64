package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Layer;

/** What the drawn sizes of a chain of decks say when their labels are not read. */
class DeckSizesTest {

    @BeforeAll
    static void load() {
        Cv.load();
    }

    /**
     * A VGG-like chain with no readable text: convolutions keep their maps' size, the deck drawn clearly smaller
     * than the convolution before it is its pooling. Before: every unlabelled map deck was a convolution.
     */
    @Test
    void unlabelledDeckThatShrinksAfterAConvolutionIsPooling() {
        int[] sides = {70, 90, 90, 72, 72, 58};
        Mat bgr = new Mat(180, 120 * sides.length + 40, CvType.CV_8UC3, new Scalar(255, 255, 255));
        for (int i = 0; i < sides.length; i++) {
            deck(bgr, 30 + 120 * i, 90, sides[i], 4);
        }
        DetectionResult r = new FigureParser().parse(bgr, DiagramStyle.STACKED_2D_BOX, "decks", "decks.png");
        List<String> types = r.graph().layers().stream().map(Layer::type).toList();
        assertEquals(List.of("Input", "Conv2D", "Conv2D", "Pooling2D", "Conv2D", "Pooling2D"), types);
    }

    /** A deck of offset outlined sheets, centred on (x + side / 2, midY). */
    private static void deck(Mat bgr, int x, int midY, int side, int sheets) {
        int off = 5;
        int total = side + (sheets - 1) * off;
        int y = midY - total / 2;
        for (int k = 0; k < sheets; k++) {
            Point a = new Point(x + k * off, y + k * off);
            Point b = new Point(x + k * off + side, y + k * off + side);
            Imgproc.rectangle(bgr, a, b, new Scalar(200, 220, 140), -1);
            Imgproc.rectangle(bgr, a, b, new Scalar(0, 0, 0), 1);
        }
    }
}
