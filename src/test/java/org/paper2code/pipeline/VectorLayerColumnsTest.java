package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.paper2code.detect.Cv;
import org.paper2code.detect.FigureParser;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.eval.PaperTruth;
import org.paper2code.eval.TruthJson;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfOptions;

/**
 * YOLO v1's architecture figure (Redmon et al. 2016, Fig. 3) read from the PDF's own words: layer columns under the
 * cuboids, two braces repeating lines ("} x4", "} x2") and two dense layers whose sizes are their outputs' labels
 * (a 4096 bar, a 7x7x30 box). With the drawn words the brace counts once merged into the lines beside them
 * ("1x1x256 x4", "x2 3x3x1024"), so neither block was repeated (24 layers, one conv with kernel 23) and the last
 * dense layer took one side of its output (7 units).
 */
class VectorLayerColumnsTest {
    private static final Path PDF = Path.of("../shared/corpus-real/pdfs/yolo_v1_redmon2016_cvpr.pdf");
    private static final Path TRUTH = Path.of("eval/annotations/papers/yolo_v1_redmon2016_cvpr.truth.json");

    @Test
    void yoloFigureFromThePdfGivesTheTruthsLayers() throws Exception {
        assumeTrue(Files.isRegularFile(PDF), PDF + " is absent (../shared not mounted): real-PDF test skipped");
        Paper paper = new PaperReader().read(PDF, PdfOptions.defaults());
        Paper.Figure f = paper.figures().stream().filter(x -> "Figure 3".equals(x.label())).findFirst().orElseThrow();
        assertEquals(Paper.FigureKind.VECTOR, f.kind());
        Cv.load();
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(f.png()), Imgcodecs.IMREAD_COLOR);
        Graph g = new FigureParser().parse(bgr, DiagramStyle.BOX_3D, "yolo", null, PaperProcessor.textOf(f)).graph();

        PaperTruth truth = TruthJson.readPaper(Files.readString(TRUTH));
        Graph expected = truth.figures().stream().filter(x -> "Figure 3".equals(x.label())).findFirst().orElseThrow().graph();
        GraphMatcher.Match m = new GraphMatcher().match(g, expected);
        assertEquals(expected.layers().size(), g.layers().size(), g.layers().stream().map(Layer::type).toList().toString());
        assertEquals(0, m.nodes().fp() + m.nodes().fn(), "node errors " + m.nodes());
        assertTrue(g.layers().stream().noneMatch(l -> Integer.valueOf(23).equals(l.params().get("kernel_row"))), "a brace count read into a kernel");
        List<Object> units = g.layers().stream().filter(l -> l.type().equals("Dense")).map(l -> l.params().get("units")).toList();
        assertEquals(List.of(4096, 1470), units);
    }
}
