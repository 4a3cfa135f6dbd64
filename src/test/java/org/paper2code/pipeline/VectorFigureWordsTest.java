package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.paper2code.detect.Cv;
import org.paper2code.detect.FigureParser;
import org.paper2code.detect.FigureText;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfOptions;

/**
 * A vector figure's words come from the PDF's text layer, not OCR: GoogLeNet's whole-network figure (Szegedy et al.
 * 2014, p. 6) is a scaled-down PDF drawing whose lettering is about 2.5 pt, which OCR of a 200 dpi crop reads as
 * "Corv", "LocaiRespNorm", "OepthConca" (39 of its 95 layers were unparsed boxes).
 */
class VectorFigureWordsTest {
    private static final Path PDF = Path.of("../shared/corpus-real/pdfs/googlenet_szegedy2014_going_deeper.pdf");

    @Test
    void googLeNetsFigureIsReadFromItsTextLayer() throws Exception {
        assumeTrue(Files.isRegularFile(PDF), PDF + " is absent (../shared not mounted): real-PDF test skipped");
        Paper paper = new PaperReader().read(PDF, PdfOptions.defaults());
        Paper.Figure f = paper.figures().stream().filter(x -> x.page() == 6 && "Figure 3".equals(x.label())).findFirst().orElseThrow();
        assertEquals(Paper.FigureKind.VECTOR, f.kind());
        Set<String> words = f.words().stream().map(Paper.Figure.Word::text).collect(Collectors.toSet());
        // each box's two lines are two words (scaled lettering once merged them: "1xC1o+n1v(S)")
        assertTrue(words.containsAll(List.of("softmax0", "softmax1", "softmax2", "SoftmaxActivation", "LocalRespNorm", "DepthConcat",
                "MaxPool", "Conv", "1x1+1(S)", "3x3+2(S)", "7x7+2(S)", "input")), words.toString());

        Cv.load();
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(f.png()), Imgcodecs.IMREAD_COLOR);
        Mat grey = Cv.grey(bgr);
        for (Paper.Figure.Word w : f.words()) {
            // the crop's own transform places each word on its ink (a shifted box would hold white paper)
            Rect box = FigureText.Word.of(w.text(), w.box().x(), w.box().y(), w.box().w(), w.box().h()).box();
            assertTrue(box.x >= 0 && box.y >= 0 && box.x + box.width <= grey.cols() && box.y + box.height <= grey.rows(), w.toString());
            assertTrue(Core.minMaxLoc(new Mat(grey, box)).minVal < 200, w + " lies on no ink"); // 2.5 pt lettering antialiases to grey
        }

        Graph g = new FigureParser().parse(bgr, DiagramStyle.BOX_2D, "googlenet", null, PaperProcessor.textOf(f)).graph();
        long convs = g.layers().stream().filter(l -> l.type().equals("Conv2D")).count();
        long pools = g.layers().stream().filter(l -> l.type().equals("Pooling2D")).count();
        assertTrue(convs >= 55 && pools >= 14, convs + " convolutions, " + pools + " poolings");
        Set<String> tokens = f.words().stream().map(Paper.Figure.Word::text).collect(Collectors.toSet());
        for (Layer l : g.layers()) {
            Object note = l.params().get("note");
            if (note != null) {
                // an unparsed box keeps its text: the PDF's words, not an OCR misreading
                for (String t : note.toString().split("\\s+")) {
                    assertTrue(tokens.contains(t), l.name() + " note '" + note + "'");
                }
            }
        }
        assertTrue(g.layers().stream().anyMatch(l -> l.type().equals("Conv2D") && Integer.valueOf(7).equals(l.params().get("kernel_row"))),
                "the 7x7+2(S) stem convolution");
    }

    private static final Path RESIDUAL_ATTENTION = Path.of("../shared/corpus-real/pdfs/residual_attention_wang2017_cvpr.pdf");

    /**
     * Turned lettering is carried with its angle: the Residual Attention Network figure (Wang et al. 2017, p. 4) labels
     * its blocks bottom to top ("max pooling", "residual unit"), which the text layer once dropped and OCR of the level
     * crop does not read.
     */
    @Test
    void turnedLabelsComeWithTheirAngleOnTheirInk() throws Exception {
        assumeTrue(Files.isRegularFile(RESIDUAL_ATTENTION), RESIDUAL_ATTENTION + " is absent (../shared not mounted): real-PDF test skipped");
        Paper paper = new PaperReader().read(RESIDUAL_ATTENTION, PdfOptions.defaults());
        Paper.Figure f = paper.figures().stream().filter(x -> x.page() == 4 && "Figure 2".equals(x.label())).findFirst().orElseThrow();
        List<Paper.Figure.Word> turned = f.words().stream().filter(w -> w.angle() != 0).toList();
        Set<String> texts = turned.stream().map(Paper.Figure.Word::text).collect(Collectors.toSet());
        assertTrue(texts.containsAll(List.of("max pooling", "residual unit", "interpolation")), texts.toString());
        assertTrue(turned.stream().allMatch(w -> w.angle() == 90), turned.toString());

        Cv.load();
        Mat grey = Cv.grey(Imgcodecs.imdecode(new MatOfByte(f.png()), Imgcodecs.IMREAD_COLOR));
        FigureText text = PaperProcessor.textOf(f);
        for (Paper.Figure.Word w : turned) {
            Rect box = FigureText.Word.of(w.text(), w.box().x(), w.box().y(), w.box().w(), w.box().h()).box();
            assertTrue(box.height > 3 * box.width, w + " is not upright on the crop");
            assertTrue(Core.minMaxLoc(new Mat(grey, box)).minVal < 128, w + " lies on no ink");
            // a parser reading the box that holds it gets the label; free-text lines stay level only
            assertEquals(w.text(), text.inside(grey, List.of(new Rect(box.x - 4, box.y - 4, box.width + 8, box.height + 8))).get(0));
        }
        assertTrue(text.lines(grey).stream().noneMatch(l -> l.text().equals("max pooling")), "a turned label in the level lines");
    }
}
