package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.graph.GraphJson;

/** {@code paper2code pdf}: the files it writes, --json, several inputs with a failure. */
class PdfCommandTest {
    @TempDir
    Path dir;

    private Path figurePdf() throws Exception {
        Path p = dir.resolve("fig.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(100, 500, 200, 150);
                cs.stroke();
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 9);
                cs.newLineAtOffset(100, 480);
                cs.showText("Figure 2: A box.");
                cs.endText();
            }
            doc.save(p.toFile());
        }
        return p;
    }

    @Test
    void writesPaperJsonTextCropsAndOverlays() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("pdf", figurePdf().toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = GraphJson.MAPPER.readTree(Files.readString(out.resolve("paper.json")));
        JsonNode f = doc.get("figures").get(0);
        assertEquals(1, f.get("page").asInt());
        assertEquals("Figure 2", f.get("label").asText());
        assertEquals("Figure 2: A box.", f.get("caption").asText());
        assertEquals(100, f.get("bbox").get(0).asDouble(), 3);
        assertEquals(792 - 650, f.get("bbox").get(1).asDouble(), 3);
        assertTrue(Files.isRegularFile(out.resolve(f.get("image").asText())), "crop written where paper.json says");
        assertTrue(Files.isRegularFile(out.resolve("overlay/page-1.png")));
        assertTrue(Files.isRegularFile(out.resolve("text.txt")));
        try (PDDocument ignored = Loader.loadPDF(dir.resolve("fig.pdf").toFile())) {
            assertTrue(Files.readString(out.resolve("text.txt")).contains("Figure 2: A box."));
        }
    }

    @Test
    void jsonToStdout() throws Exception {
        CliRunner.Result r = CliRunner.run("pdf", figurePdf().toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = GraphJson.MAPPER.readTree(r.out());
        assertEquals("paper2code-paper/1", doc.get("format").asText());
        assertTrue(doc.get("figures").get(0).get("image").isNull(), "no crops written without -o");
    }

    @Test
    void severalInputsOneFolderEachFailuresNamed() throws Exception {
        Path bad = dir.resolve("broken.pdf");
        Files.writeString(bad, "%PDF-1.4\ngarbage");
        Path out = dir.resolve("many");
        CliRunner.Result r = CliRunner.run("pdf", figurePdf().toString(), bad.toString(), "-o", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("broken.pdf"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("fig/paper.json")));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRunner.run("pdf", "x.pdf").exitCode());
        assertEquals(2, CliRunner.run("pdf", dir.resolve("missing.pdf").toString(), "--json").exitCode());
    }
}
