package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage on a generated two-column paper: reading order, sections, figure, table, image, crops. */
class PaperReaderTest {
    @TempDir
    static Path dir;
    static Paper paper;

    @BeforeAll
    static void read() throws Exception {
        paper = new PaperReader().read(TestPdfs.write(dir, "paper.pdf", TestPdfs.paper()), PdfOptions.defaults().withOverlayDpi(50));
    }

    @Test
    void metadataAndPages() {
        assertEquals(2, paper.meta().pageCount());
        assertEquals(64, paper.meta().sha256().length());
        assertEquals("A Small Test Paper About Networks", paper.meta().title());
        assertEquals(2, paper.pages().get(0).columns());
        assertFalse(paper.scanned());
        assertFalse(paper.partial(), paper.warnings().toString());
        assertEquals(2, paper.overlays().size());
    }

    @Test
    void sentencesComeOutWholeAndColumnsDoNotInterleave() {
        List<String> texts = paper.sentences().stream().map(Paper.Sentence::text).toList();
        assertTrue(texts.contains(TestPdfs.LEFT_SENTENCE), "left-column sentence whole: " + texts);
        assertTrue(texts.contains(TestPdfs.RIGHT_SENTENCE), "right-column sentence whole");
        for (String s : texts) {
            assertFalse(s.contains("Left") && s.contains("Right"), "a sentence mixes the columns: " + s);
        }
        String page1 = paper.pages().get(0).text();
        assertTrue(page1.indexOf("Left text sentence 6") < page1.indexOf("Right text sentence 1"), "left column read first");
        assertEquals(1, paper.sentences().stream().filter(s -> s.text().equals(TestPdfs.RIGHT_SENTENCE)).findFirst().get().page());
    }

    @Test
    void sections() {
        assertEquals(List.of("1 Introduction", "2 Experiments"),
                paper.sections().stream().map(s -> s.number() + " " + s.title()).toList());
    }

    @Test
    void vectorFigureWithCaptionAndCrop() throws IOException {
        Paper.Figure f = paper.figures().stream().filter(x -> "Figure 1".equals(x.label())).findFirst().orElseThrow();
        assertEquals(2, f.page());
        assertEquals("Figure 1: A small network with three convolution layers.", f.caption());
        assertEquals(Paper.FigureKind.VECTOR, f.kind());
        assertTrue(f.bbox().iou(TestPdfs.FIGURE) > 0.85, "box " + f.bbox() + " vs " + TestPdfs.FIGURE);
        BufferedImage crop = ImageIO.read(new ByteArrayInputStream(f.png()));
        assertEquals(Math.ceil(f.bbox().w() * 200 / 72), crop.getWidth(), 1.5, "crop at 200 dpi");
    }

    @Test
    void uncaptionedRasterImage() {
        Paper.Figure f = paper.figures().stream().filter(x -> x.label() == null).findFirst().orElseThrow();
        assertEquals(Paper.FigureKind.RASTER, f.kind());
        assertTrue(f.bbox().iou(TestPdfs.IMAGE) > 0.9, f.bbox().toString());
    }

    @Test
    void tableWithCells() {
        Paper.Table t = paper.tables().stream().filter(x -> "Table 1".equals(x.label())).findFirst().orElseThrow();
        assertEquals("Table 1: Error rates of the models.", t.caption());
        assertEquals(List.of(List.of("Model", "Top-1", "Top-5"), List.of("Shallow", "40.1", "18.2"), List.of("Deep", "37.5", "17.0")),
                t.cells());
        assertNotNull(t.png());
        // table text is not running text
        assertTrue(paper.sentences().stream().noneMatch(s -> s.text().contains("Shallow")));
    }

    @Test
    void tableCropsOffKeepsCellsAndFigureCrops() throws Exception {
        Paper noTableCrops = new PaperReader().read(dir.resolve("paper.pdf"), PdfOptions.defaults().withTableCrops(false));
        Paper.Table t = noTableCrops.tables().stream().filter(x -> "Table 1".equals(x.label())).findFirst().orElseThrow();
        assertEquals(null, t.png(), "no table crop rendered");
        assertEquals(paper.tables().get(0).cells(), t.cells());
        assertEquals(paper.tables().get(0).bbox(), t.bbox());
        assertEquals(paper.figures(), noTableCrops.figures(), "figure crops as with table crops on");
    }

    @Test
    void ligaturesAndHyphenation() {
        assertEquals("efficient flow", Ligatures.normalise("e\uFB03cient \uFB02ow"));
        StringBuilder sb = new StringBuilder("the classifi-");
        TextJoin.append(sb, "cation works");
        assertEquals("the classification works", sb.toString());
        StringBuilder keep = new StringBuilder("see Table-");
        TextJoin.append(keep, "1");
        assertEquals("see Table- 1", keep.toString());
    }

    @Test
    void captionsAreNotMentions() {
        PageLayout p = PageLayout.of(1, 612, 792, List.of(), List.of(), 10, Double.NaN);
        Line mention = line("Figure 2 shows the results of the model");
        Line caption = line("Figure 2: Results of the model.");
        assertEquals(null, CaptionFinder.candidate(p, mention, 10));
        assertEquals("Figure 2", CaptionFinder.candidate(p, caption, 10).label());
        assertEquals("Table", CaptionFinder.candidate(p, line("TABLE IV"), 10).label().substring(0, 5));
    }

    private static Line line(String text) {
        return new Line(new Rect(50, 100, 300, 10), text, TestPdfs.words(text).stream()
                .map(w -> new Line.Word(w, new Rect(50, 100, 10, 10))).toList(), 9, false, false);
    }
}
