package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Small, blurry deck labels as wide figures shrunk to a page draw them (synthetic stacked-2d-box and 3d-box). */
class SmallDeckTextTest {

    @BeforeAll
    static void load() {
        Cv.load();
    }

    /** OCR misreads of small deck labels still give the deck's type and size. */
    @Test
    void misreadPoolingWordsAndAtSignsStillRead() {
        LabelGrammar g = new LabelGrammar();
        assertEquals("Pooling2D", g.read("Pookxd maps").orElseThrow().type());
        assertEquals("Pooling2D", g.read("Pooksd maps 16@12x12").orElseThrow().type());
        ParsedLabel op = g.read("2x2 max-poding").orElseThrow();
        assertEquals("Pooling2D", op.type());
        assertEquals(2, op.params().get("kernel_row"));
        // "@" read as 9 or P in a square map size
        assertEquals(List.of(6, 30, 30), g.read("Feature maps 6930x30").orElseThrow().mapShape());
        assertEquals(List.of(6, 15, 15), g.read("Pooled maps 6P15x15").orElseThrow().mapShape());
        // a real size with a 9 in it is left alone
        assertEquals(List.of(128, 28, 28), g.read("Feature maps 128@28x28").orElseThrow().mapShape());
        assertEquals("Conv2D", g.read("Conv2D(64, (3,3))").orElseThrow().type());
    }

    /** A "word" box spanning a deck (sheet edges read as text) is dropped; label lines stay. */
    @Test
    void tallOcrBoxesAreDropped() {
        List<TextLines.Line> lines = List.of(new TextLines.Line("Feature maps", new Rect(155, 11, 54, 7)),
                new TextLines.Line("6@30x30", new Rect(164, 19, 36, 7)), new TextLines.Line("3x3 convolution", new Rect(84, 115, 60, 11)),
                new TextLines.Line("{4 4", new Rect(90, 31, 194, 78)));
        List<TextLines.Line> kept = DeckParser.withoutTallBoxes(lines);
        assertEquals(3, kept.size());
        assertTrue(kept.stream().noneMatch(t -> t.text().equals("{4 4")));
    }

    /** A wide figure (over 1400 px) with 7 px labels: the plain read leaves it at 1x, the glyph-sized read enlarges it. */
    @Test
    void smallLabelsOfAWideFigureAreRead() {
        Mat grey = new Mat(90, 1800, CvType.CV_8UC1, new Scalar(255));
        String[] labels = {"feature maps 16@224x224", "pooled maps 16@112x112", "feature maps 32@112x112"};
        for (int i = 0; i < labels.length; i++) {
            Imgproc.putText(grey, labels[i], new Point(40 + 560 * i, 40), Imgproc.FONT_HERSHEY_SIMPLEX, 0.3, new Scalar(0), 1,
                    Imgproc.LINE_AA);
            Imgproc.rectangle(grey, new Point(60 + 560 * i, 50), new Point(200 + 560 * i, 85), new Scalar(0), 1);
        }
        String small = String.join(" | ", new TextLines().readSmallText(grey).stream().map(TextLines.Line::text).toList());
        assertTrue(small.contains("112x112") && small.contains("224x224"), small);
    }
}
