package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.PaperTruth;
import org.paper2code.eval.TruthJson;

/**
 * The stage on the real papers in ../shared/corpus-real/pdfs (skipped when absent): figure
 * precision and recall at IoU >= 0.5 and caption exactness against the hand-checked annotations
 * in src/test/resources/pdf/annotations, reading order on a two-column paper, VGG's Table 1.
 */
class RealPapersTest {
    static final Path PDFS = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/pdfs").normalize();
    static final Path ANNOTATIONS = Path.of(System.getProperty("user.dir"), "src/test/resources/pdf/annotations");
    /** Low crop resolution: the test checks boxes, not pixels. */
    static final PdfOptions FAST = PdfOptions.defaults().withCropDpi(20);

    static Path pdf(String name) {
        assumeTrue(Files.isDirectory(PDFS), "../shared/corpus-real/pdfs is absent: real-paper tests skipped");
        Path p = PDFS.resolve(name);
        assumeTrue(Files.isRegularFile(p), p + " is absent");
        return p;
    }

    @Test
    void figuresMatchTheAnnotations() throws Exception {
        assumeTrue(Files.isDirectory(PDFS), "../shared/corpus-real/pdfs is absent: real-paper tests skipped");
        FigureScore total = new FigureScore(0, 0, 0, 0, List.of());
        try (Stream<Path> files = Files.list(ANNOTATIONS)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".truth.json")).sorted().toList()) {
                PaperTruth t = TruthJson.readPaper(Files.readString(f));
                assertEquals(Files.readString(f).strip(), TruthJson.write(t).strip(), f + " is in the stable truth format");
                Paper p = new PaperReader().read(pdf(t.pdf()), FAST);
                total = total.plus(FigureScore.of(t, p));
            }
        }
        String report = String.format("figures: truth %d, found %d, matched %d; precision %.3f recall %.3f caption exact %.3f%n%s",
                total.truth(), total.found(), total.matched(), total.precision(), total.recall(), total.captionExactness(),
                String.join("\n", total.misses()));
        System.out.println(report);
        assertTrue(total.precision() >= 0.95, report);
        assertTrue(total.recall() >= 0.95, report);
        assertTrue(total.captionExactness() >= 0.90, report);
    }

    @Test
    void twoColumnSentencesComeOutWhole() throws Exception {
        Paper p = new PaperReader().read(pdf("googlenet_szegedy2014_going_deeper.pdf"), FAST);
        List<String> s = p.sentences().stream().map(Paper.Sentence::text).toList();
        // each spans several lines of one column; a column mix-up would break them
        for (String known : List.of(
                "The vast literature on sparse matrix computations (e.g. [3]) suggests that clustering sparse matrices into "
                        + "relatively dense submatrices tends to give competitive performance for sparse matrix multiplication.",
                "Despite being a highly speculative undertaking, modest gains were observed early on when compared with "
                        + "reference networks based on [12].",
                "There are about 1.2 million images for training, 50,000 for validation and 100,000 images for testing.")) {
            assertTrue(s.contains(known), "missing or broken: " + known);
        }
        assertTrue(p.pages().stream().allMatch(pg -> pg.columns() == 2));
        assertTrue(p.sections().stream().anyMatch(x -> "5".equals(x.number()) && x.title().equals("GoogLeNet")), p.sections().toString());
    }

    @Test
    void aPlotsTickLabelDoesNotCutItsFigure() throws Exception {
        // EfficientNet's Figure 1 is a plot whose y ticks sit beside point labels ("76 ResNet-50"), read once as a
        // section heading that stopped the figure halfway: annotated [310 178 226 180], found only [323 327 216 34]
        Paper p = new PaperReader().read(pdf("efficientnet_tan2019_arxiv1905.11946_annotated.pdf"), FAST);
        Paper.Figure f = p.figures().stream().filter(x -> "Figure 1".equals(x.label())).findFirst().orElseThrow();
        assertTrue(f.bbox().y() < 200 && f.bbox().h() > 150, f.bbox().toString());
    }

    @Test
    void vggTableOneIsAGrid() throws Exception {
        Paper p = new PaperReader().read(pdf("vgg_simonyan2014_arxiv1409.1556.pdf"), FAST);
        Paper.Table t = p.tables().stream().filter(x -> "Table 1".equals(x.label())).findFirst().orElseThrow();
        assertEquals(3, t.page());
        assertTrue(t.cells().contains(List.of("A", "A-LRN", "B", "C", "D", "E")) || t.cells().stream()
                .anyMatch(r -> r.containsAll(List.of("A", "A-LRN", "B", "C", "D", "E"))), t.cells().toString());
        assertTrue(t.cells().stream().anyMatch(r -> r.stream().filter("conv3-64"::equals).count() == 6), t.cells().toString());
        assertTrue(t.cells().stream().anyMatch(r -> r.contains("FC-4096")));
        assertTrue(t.cells().stream().anyMatch(r -> r.contains("soft-max")));
    }

    static String name(Path p) throws IOException {
        return p.getFileName().toString();
    }
}
