package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
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
        assertEquals(VGG_LIKE_TYPES, typesOf(vggLikeChain(120, 180, false)));
    }

    /**
     * The same chain labelled only "feature maps" (LeNet writes the words over subsamplings too): the shrunk decks
     * are still poolings. Before: the words typed every deck a convolution.
     */
    @Test
    void decksLabelledOnlyFeatureMapsStillShrinkToPoolings() {
        assertEquals(VGG_LIKE_TYPES, typesOf(vggLikeChain(130, 200, true)));
    }

    /** A deck cut in two by a line (back sheets' edges apart from the front sheet; a bar's top and bottom) is one shape. */
    @Test
    void piecesOfOneDeckAreJoinedAndSeparateDecksStayApart() {
        List<Rect> joined = DeckParser.joinedPieces(List.of(new Rect(527, 71, 11, 74), new Rect(540, 66, 83, 92),
                new Rect(675, 72, 60, 62), new Rect(688, 85, 62, 62), new Rect(1636, 39, 7, 30), new Rect(1636, 70, 7, 29),
                new Rect(802, 79, 70, 66), new Rect(1717, 39, 7, 59)));
        assertEquals(List.of(new Rect(527, 66, 96, 92), new Rect(675, 72, 75, 75), new Rect(1636, 39, 7, 60), new Rect(802, 79, 70, 66),
                new Rect(1717, 39, 7, 59)), joined);
    }

    /**
     * AlexNet-like operations written close together under the chain, read by OCR as one line running under a deck:
     * cut at the deck's centre, each gap gets its own. Before: "3x3 max-pooling 3x3 convolution" was one operation.
     */
    @Test
    void operationsMergedIntoOneLineUnderTheChainAreCutAtDeckCentres() {
        LabelGrammar g = new LabelGrammar();
        List<Rect> decks = List.of(new Rect(558, 117, 94, 93), new Rect(725, 124, 78, 78), new Rect(883, 124, 78, 78));
        List<TextLines.Line> lines = List.of(new TextLines.Line("3x3 max-pooling 3x3 convolution", new Rect(618, 222, 293, 17)),
                new TextLines.Line("Figure 1. The network: 3x3 max-pooling then 3x3 convolution", new Rect(540, 400, 500, 17)));
        List<String> cut = MergedOperationLines.cut(lines, decks, t -> g.read(t).isPresent()).stream().map(TextLines.Line::text).toList();
        assertEquals(List.of("3x3 max-pooling", "3x3 convolution", "Figure 1. The network: 3x3 max-pooling then 3x3 convolution"), cut);
    }

    /** A deck of offset outlined sheets, centred on (x + side / 2, midY). */
    /** What a parser should make of {@link #vggLikeChain}: convolutions keep their size, the shrunk decks pool. */
    private static final List<String> VGG_LIKE_TYPES = List.of("Input", "Conv2D", "Conv2D", "Pooling2D", "Conv2D", "Pooling2D");

    /**
     * Six decks (sides 70, 90, 90, 72, 72, 58) {@code pitch} apart on a canvas {@code height} tall, centred 90 px
     * above its bottom; with {@code labelled}, every deck after the first is captioned "feature maps" and nothing else.
     */
    private static Mat vggLikeChain(int pitch, int height, boolean labelled) {
        int[] sides = {70, 90, 90, 72, 72, 58};
        Mat bgr = new Mat(height, pitch * sides.length + 40, CvType.CV_8UC3, new Scalar(255, 255, 255));
        for (int i = 0; i < sides.length; i++) {
            deck(bgr, 30 + pitch * i, height - 90, sides[i], 4);
            if (labelled && i > 0) {
                Imgproc.putText(bgr, "feature maps", new Point(20 + pitch * i, 30), Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(0, 0, 0), 1,
                        Imgproc.LINE_AA);
            }
        }
        return bgr;
    }

    private static List<String> typesOf(Mat bgr) {
        DetectionResult r = new FigureParser().parse(bgr, DiagramStyle.STACKED_2D_BOX, "decks", "decks.png");
        return r.graph().layers().stream().map(Layer::type).toList();
    }

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
