package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.Main;
import org.paper2code.eval.Box;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.FigureTruth;
import org.paper2code.eval.PaperTruth;
import org.paper2code.eval.TruthJson;
import org.paper2code.graph.GraphValidator;

/** Runs {@code corpus synth -n 60 --seed 1} once (and a shorter second run) and checks the whole output. */
class CorpusSynthTest {
    @TempDir
    static Path tmp;
    static Path corpus;
    static Path again;

    @BeforeAll
    static void generate() {
        System.setProperty("java.awt.headless", "true");
        corpus = tmp.resolve("a");
        again = tmp.resolve("b");
        assertEquals(0, Main.run("corpus", "synth", "-n", "60", "--seed", "1", "-o", corpus.toString()));
        // a second run of the first 20 items on one thread: items depend on seed and index only
        assertEquals(0, Main.run("corpus", "synth", "-n", "20", "--seed", "1", "--threads", "1", "-o", again.toString()));
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void figuresCoverAllStylesWithValidGraphsAndBoxesInsideTheImage() throws IOException {
        List<Path> truths = files(corpus.resolve("figures"), ".truth.json");
        assertEquals(60, truths.size());
        Set<DiagramStyle> seen = EnumSet.noneOf(DiagramStyle.class);
        int negatives = 0;
        for (Path p : truths) {
            FigureTruth t = TruthJson.readFigure(Files.readString(p));
            seen.add(t.style());
            Path image = p.resolveSibling(t.image());
            BufferedImage img = ImageIO.read(image.toFile());
            assertNotNull(img, "unreadable " + image);
            if (t.style() == DiagramStyle.OTHER) {
                negatives++;
                assertEquals(null, t.graph());
                continue;
            }
            new GraphValidator().check(t.graph());
            assertTrue(!t.nodes().isEmpty() && !t.labels().isEmpty(), p + " has no nodes or labels");
            for (FigureTruth.NodeBox n : t.nodes()) {
                Box b = n.box();
                assertTrue(b.x() >= -0.5 && b.y() >= -0.5 && b.x() + b.w() <= img.getWidth() + 0.5 && b.y() + b.h() <= img.getHeight() + 0.5,
                        p + ": node " + n.layer() + " outside the image");
                assertTrue(t.graph().layer(n.layer()).isPresent(), p + ": node names unknown layer " + n.layer());
            }
            for (FigureTruth.EdgeBox e : t.edges()) {
                assertNotNull(e.box(), p + ": edge without box");
            }
        }
        assertEquals(EnumSet.allOf(DiagramStyle.class), seen);
        assertTrue(negatives >= 6 && negatives <= 12, "about 15% negatives, got " + negatives);
        assertTrue(Files.size(corpus.resolve("contact-sheet.png")) > 10_000);
        assertTrue(Files.readString(corpus.resolve("README.txt")).contains("seed: 1"));
    }

    @Test
    void runsWithTheSameSeedAreByteIdentical() throws IOException {
        for (Path p : files(again.resolve("figures"), "")) {
            Path other = corpus.resolve("figures").resolve(p.getFileName().toString());
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(other), p.getFileName() + " differs between runs");
        }
        for (Path p : files(again.resolve("papers"), "")) {
            Path other = corpus.resolve("papers").resolve(p.getFileName().toString());
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(other), p.getFileName() + " differs between runs");
        }
        assertEquals(40, files(again.resolve("figures"), "").size());
    }

    static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    @Test
    void papersStateEveryTruthSentenceOnItsPage() throws IOException {
        List<Path> truths = files(corpus.resolve("papers"), ".truth.json");
        assertEquals(3, truths.size());
        int sentences = 0;
        for (Path p : truths) {
            PaperTruth t = TruthJson.readPaper(Files.readString(p));
            assertTrue(!t.figures().isEmpty() && !t.hyperparameters().isEmpty());
            try (PDDocument doc = Loader.loadPDF(p.resolveSibling(t.pdf()).toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                String all = normalise(stripper.getText(doc));
                for (Map.Entry<String, PaperTruth.HyperParameter> e : t.hyperparameters().entrySet()) {
                    String sentence = normalise(e.getValue().sentence());
                    assertTrue(all.contains(sentence), p + ": '" + sentence + "' (" + e.getKey() + ") not in the PDF text");
                    stripper.setStartPage(e.getValue().page());
                    stripper.setEndPage(e.getValue().page());
                    String page = normalise(stripper.getText(doc));
                    String start = String.join(" ", List.of(sentence.split(" ")).subList(0, Math.min(3, sentence.split(" ").length)));
                    assertTrue(page.contains(start), p + ": '" + start + "' not on page " + e.getValue().page());
                    stripper.setStartPage(1);
                    stripper.setEndPage(Integer.MAX_VALUE);
                    sentences++;
                }
                for (PaperTruth.Figure f : t.figures()) {
                    PDPage page = doc.getPage(f.page() - 1);
                    Box b = f.bbox();
                    assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= page.getMediaBox().getWidth() + 0.5
                            && b.y() + b.h() <= page.getMediaBox().getHeight() + 0.5, p + ": figure box off the page");
                    assertTrue(all.contains(normalise(f.caption())), p + ": caption not in text: " + f.caption());
                    if (f.graph() != null) {
                        new GraphValidator().check(f.graph());
                    }
                }
            }
        }
        assertTrue(sentences >= 9, "too few hyperparameter sentences: " + sentences);
    }

    @Test
    void vectorFiguresHaveNoImageAndRasterFiguresHaveOne() throws IOException {
        PaperFactory papers = new PaperFactory(new FigureFactory());
        int vector = 0;
        int raster = 0;
        for (int i = 0; i < 4; i++) {
            PaperFactory.Paper paper = papers.make("t" + i, i, Pick.mix(5, i, 2), "test");
            try (PDDocument doc = Loader.loadPDF(paper.pdf())) {
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    int images = 0;
                    for (COSName n : doc.getPage(page - 1).getResources().getXObjectNames()) {
                        if (doc.getPage(page - 1).getResources().getXObject(n) instanceof PDImageXObject) {
                            images++;
                        }
                    }
                    int expectRaster = 0;
                    for (int f = 0; f < paper.truth().figures().size(); f++) {
                        if (paper.truth().figures().get(f).page() == page) {
                            if (paper.vector().get(f)) {
                                vector++;
                            } else {
                                expectRaster++;
                                raster++;
                            }
                        }
                    }
                    assertEquals(expectRaster, images, paper.id() + " page " + page + ": image XObjects vs raster figures");
                }
            }
        }
        assertTrue(vector >= 2 && raster >= 1, "vector " + vector + ", raster " + raster);
    }

    @Test
    void truthFilesRoundTripThroughTruthJson() throws IOException {
        for (Path p : files(corpus.resolve("figures"), ".truth.json")) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertEquals(text, TruthJson.write(TruthJson.readFigure(text)), p + " is not in TruthJson's stable form");
        }
        for (Path p : files(corpus.resolve("papers"), ".truth.json")) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertEquals(text, TruthJson.write(TruthJson.readPaper(text)), p + " is not in TruthJson's stable form");
        }
    }
}
