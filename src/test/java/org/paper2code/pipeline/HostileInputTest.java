package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.Quad;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.emit.caffe.CaffeImporter;
import org.paper2code.graph.GraphJson;

/**
 * One folder of hostile inputs: a truncated PDF, an encrypted PDF, a PDF whose title, text and
 * figure labels carry code-injection and path-traversal strings, and papers whose file names
 * do. The two unreadable files fail with a clear reason; all others complete; nothing is written
 * outside OUT; no generated code carries the injected text unescaped.
 */
class HostileInputTest {
    static final String PY = "\"\"\"; import os; os.system('rm -rf /') #";
    static final String HTML = "</script><script>alert(1)</script>";
    static final String RDF = "> <http://evil> .";
    static final String TRAVERSAL = "../../etc/passwd";
    /** A file name cannot hold '/': the same injection with a command that needs none. */
    static final String PY_FILE_NAME = "x\"\"\"; import os; os.system('id') #";

    @Test
    void hostileFolder(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("a/b/out"); // "../../" from a paper folder still lands inside tmp, where it is seen
        byte[] paper = Files.readAllBytes(Path.of("corpus/papers/paper000.pdf"));
        Files.write(in.resolve("corrupt.pdf"), java.util.Arrays.copyOf(paper, 400));
        Files.write(in.resolve("encrypted.pdf"), encrypted(Path.of("corpus/papers/paper001.pdf")));
        Files.write(in.resolve("hostile.pdf"), hostilePaper());
        Files.write(in.resolve("..%2f..%2fevil.pdf"), paper);
        Files.copy(Path.of("corpus/papers/paper003.pdf"), in.resolve(PY_FILE_NAME + ".pdf"));
        Files.createDirectories(tmp.resolve("a/b"));
        Set<String> before = tree(tmp, out);

        CliRunner.Result r = CliRunner.run("extract", in.toString(), "-o", out.toString(), "--threads", "2", "--json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("FAILED " + in.resolve("corrupt.pdf")), r.err());
        assertTrue(r.err().contains("FAILED " + in.resolve("encrypted.pdf")), r.err());
        JsonNode summary = GraphJson.MAPPER.readTree(r.out());
        assertEquals(5, summary.path("totals").path("papers").asInt());
        assertEquals(2, summary.path("totals").path("failed").asInt());
        assertEquals(3, summary.path("totals").path("done").asInt(), "every other paper completes");
        assertTrue(OutputChecks.summaryEntry(summary, "encrypted").path("error").asText().contains("encrypted"));
        assertFalse(OutputChecks.summaryEntry(summary, "corrupt").path("error").asText("").isBlank());
        JsonNode failed = OutputChecks.json(out.resolve("encrypted/paper.json"));
        assertEquals("failed", failed.path("status").asText());
        assertTrue(failed.path("error").asText().contains("encrypted"), failed.toString());

        assertEquals(before, tree(tmp, out), "nothing written outside OUT");
        OutputChecks.checkPaperFolders(out);
        assertEquals(List.of(), OutputChecks.leftovers(out));
        JsonNode hostile = OutputChecks.json(out.resolve("hostile/paper.json"));
        assertEquals("done", hostile.path("status").asText());
        assertEquals(TRAVERSAL, hostile.path("title").asText(), "the title is kept as data");
        assertTrue(Files.readString(out.resolve("hostile/text.txt")).contains("os.system"), "the hostile text was read");
        assertTrue(new PaperFolder(out).paperIds().contains("---2f..-2fevil"));

        List<Path> python = files(out, ".py");
        List<Path> caffe = files(out, ".prototxt");
        assertTrue(python.size() >= 4, "the hostile-named papers produced code: " + python);
        for (Path py : python) {
            for (String line : Files.readAllLines(py)) {
                String s = line.strip();
                assertFalse(s.startsWith("import os") || s.startsWith("os.system"),
                        py + " has an injected line: " + line);
            }
        }
        for (Path c : caffe) {
            String text = Files.readString(c);
            if (!c.getFileName().toString().equals("solver.prototxt")) {
                new CaffeImporter().read(text, c.toString()); // TextFormat: an injected quote would break it
            }
        }
        pythonAstCheck(python);
        Dataset ds = OutputChecks.checkDataset(out);
        ds.asDatasetGraph().find().forEachRemaining((Quad q) -> {
            assertFalse(q.getSubject().isURI() && q.getSubject().getURI().contains("evil>"), q.toString());
            assertFalse(q.getObject().isURI() && q.getObject().getURI().startsWith("http://evil"), q.toString());
        });
    }

    /** Compiles every file and walks its syntax tree: no import of os, no .system(...) anywhere. */
    private static void pythonAstCheck(List<Path> files) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python) || files.isEmpty()) {
            return; // the line checks above still ran; python3 is installed by scripts/setup
        }
        String script = String.join("\n",
                "import ast, sys",
                "for f in sys.argv[1:]:",
                "    tree = compile(open(f, encoding='utf-8').read(), f, 'exec', ast.PyCF_ONLY_AST)",
                "    for n in ast.walk(tree):",
                "        if isinstance(n, ast.Import) and any(a.name.split('.')[0] == 'os' for a in n.names): print('import os in', f)",
                "        if isinstance(n, ast.ImportFrom) and (n.module or '').split('.')[0] == 'os': print('from os in', f)",
                "        if isinstance(n, ast.Attribute) and n.attr == 'system': print('.system in', f)",
                "print('checked', len(sys.argv) - 1)");
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", script));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "every generated Python file compiles: " + output);
        assertEquals("checked " + files.size(), output.strip(), output);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Every path under root, except those under skip. */
    private static Set<String> tree(Path root, Path skip) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.startsWith(skip)).map(Path::toString).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static byte[] encrypted(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            doc.save(b);
            return b.toByteArray();
        }
    }

    /** A one-page paper: hostile title, sentences, training details and a box diagram with a hostile label. */
    static byte[] hostilePaper() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(TRAVERSAL);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                List<String> lines = List.of(
                        "A network named " + PY,
                        "We describe the layer " + HTML + " and the resource " + RDF,
                        "Weights are stored in " + TRAVERSAL + " for every run.",
                        "We train the network with stochastic gradient descent with a learning rate of 0.01,",
                        "momentum 0.9 and a batch size of 128 for 90 epochs on ImageNet.");
                float y = 720;
                for (String l : lines) {
                    text(cs, font, 10, 72, y, l);
                    y -= 14;
                }
                PDImageXObject img = LosslessFactory.createFromImage(doc, diagram());
                cs.drawImage(img, 72, 380, 468, 200);
                text(cs, bold, 9, 72, 364, "Figure 1:");
                text(cs, font, 9, 112, 364, TRAVERSAL + " " + PY);
                y = 330;
                for (int i = 0; i < 6; i++) {
                    text(cs, font, 10, 72, y, "The model reaches a top-1 error of 25.1% and the layer " + HTML + " is kept.");
                    y -= 14;
                }
            }
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            doc.save(b);
            return b.toByteArray();
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** A left-to-right box diagram whose middle box is labelled with the injection strings. */
    private static BufferedImage diagram() {
        BufferedImage img = new BufferedImage(1170, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setStroke(new BasicStroke(3));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        String[][] boxes = {{"Input", "224x224x3"}, {"conv 3x3, 64", TRAVERSAL}, {"os.system('rm -rf /')", "</script>"},
                {"maxpool 2x2", RDF}, {"fc 1000", "softmax"}};
        int w = 200;
        for (int i = 0; i < boxes.length; i++) {
            int x = 20 + i * 230;
            g.setColor(new Color(200, 220, 255));
            g.fillRect(x, 170, w, 160);
            g.setColor(Color.BLACK);
            g.drawRect(x, 170, w, 160);
            g.drawString(boxes[i][0], x + 10, 235);
            g.drawString(boxes[i][1], x + 10, 275);
            if (i > 0) {
                g.drawLine(x - 30, 250, x - 2, 250);
                g.fillPolygon(new int[] {x - 2, x - 14, x - 14}, new int[] {250, 243, 257}, 3);
            }
        }
        g.dispose();
        return img;
    }
}
