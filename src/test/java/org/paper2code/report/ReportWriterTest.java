package org.paper2code.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.GraphJson;

class ReportWriterTest {
    private static Path out;
    private static ReportWriter.Result result;

    @BeforeAll
    static void build() throws Exception {
        out = ReportFixtures.run();
        DotEmitterTest.requireDot();
        result = new ReportWriter().write(out);
    }

    private static String read(String rel) throws Exception {
        return Files.readString(out.resolve(rel), StandardCharsets.UTF_8);
    }

    @Test
    void indexListsEveryPaperWithItsStatus() throws Exception {
        String index = read("index.html");
        assertEquals(3, result.papers(), result.toString());
        assertTrue(index.contains("<a href=\"synth-paper/report.html\">synth-paper</a>"), index);
        assertTrue(index.contains("<a href=\"hostile/report.html\">hostile</a>"), "papers without a summary row are listed from their folders");
        assertTrue(index.contains("broken.pdf: not a PDF (no %PDF header)"), "a failed paper shows its reason");
        assertTrue(index.contains("class=\"status-failed\""));
        for (String a : ReportWriter.ASSETS) {
            assertTrue(Files.isRegularFile(out.resolve("assets").resolve(a)), a);
        }
    }

    @Test
    void paperPageShowsFiguresOverlaysStyleGraphCodeAndEvidence() throws Exception {
        JsonNode paper = GraphJson.MAPPER.readTree(read("synth-paper/paper.json"));
        String page = read("synth-paper/report.html");
        int graphs = paper.path("graphs").size();
        assertTrue(graphs >= 1, "the synthetic paper's architecture figure gives a graph: " + paper.path("figures"));
        for (JsonNode f : paper.path("figures")) {
            assertTrue(page.contains("<img src=\"" + f.path("image").asText() + "\""), "figure crop shown: " + f);
            if (!f.path("overlay").isNull()) {
                assertTrue(page.contains("<img src=\"" + f.path("overlay").asText() + "\""), "overlay beside it: " + f);
            }
            assertTrue(page.contains(">" + f.path("style").asText() + "</span>"), "style shown");
            assertTrue(page.contains(PaperPage.percent(f.path("confidence").asDouble())), "confidence shown");
        }
        for (int k = 1; k <= graphs; k++) {
            Path svg = out.resolve("synth-paper/graph-" + k + ".svg");
            assertTrue(Files.isRegularFile(svg));
            String s = Files.readString(svg);
            assertTrue(s.contains("<svg") && s.contains("class=\"node\""), "dot drew nodes");
            assertTrue(page.contains("<img src=\"graph-" + k + ".svg\""));
        }
        assertTrue(page.contains("<code class=\"language-python\">"), "generated code in a highlightable block");
        assertTrue(page.contains("import torch"), "the PyTorch module itself is shown");
        JsonNode hp = paper.path("hyperparameters");
        assertTrue(hp.size() > 0, "the synthetic paper states hyperparameters");
        hp.fields().forEachRemaining(e -> assertTrue(page.contains(Html.esc(e.getValue().path("sentence").asText())),
                "evidence sentence of " + e.getKey()));
        assertEquals(graphs, result.graphs() - 1, "plus the hostile paper's graph");
    }

    @Test
    void everyPageHasTheCspAndNoExternalOrInlineCode() throws Exception {
        for (String rel : new String[] {"index.html", "synth-paper/report.html", "hostile/report.html", "broken/report.html"}) {
            String html = read(rel);
            assertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;;"), rel);
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), rel + ": no external request");
            Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
            int n = 0;
            while (scripts.find()) {
                assertTrue(scripts.group().matches("<script src=\"(\\.\\./)?assets/[a-z.-]+\\.js\" defer>"), rel + ": " + scripts.group());
                n++;
            }
            assertEquals(3, n, rel + ": only the three asset scripts");
            assertFalse(html.contains(" style=\""), rel + ": no inline style (the CSP forbids it)");
        }
    }

    @Test
    void hostileTextIsEscapedAndHostileFileNamesAreNotFollowed() throws Exception {
        String page = read("hostile/report.html");
        assertFalse(page.contains(ReportFixtures.HOSTILE), "never raw");
        assertFalse(page.contains("onerror=alert(2)>"), "no live attribute");
        assertTrue(page.contains(Html.esc(ReportFixtures.HOSTILE)), "shown escaped");
        assertFalse(page.contains("etc/passwd\""), "no link or image outside the paper folder");
        assertFalse(page.contains("SECRET-CONTENT"), "a file name leading outside the folder is not read");
        assertTrue(page.contains("image missing: /etc/passwd"), "the refused name is said, escaped");
        assertFalse(page.contains("href=\"javascript:"), page);
        String svg = read("hostile/graph-1.svg");
        assertFalse(svg.contains("<script"), "dot escaped the layer name in the drawing");
        assertTrue(svg.contains("&lt;/script&gt;"), svg);
        String index = read("index.html");
        assertFalse(index.contains(ReportFixtures.HOSTILE));
    }

    @Test
    void withoutGraphvizThePageSaysSo(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("out");
        Files.createDirectories(copy.resolve("hostile"));
        for (String f : new String[] {"paper.json", "graph-1.json", "keras-1.py", "pytorch-1.py", "caffe-1.prototxt"}) {
            Files.copy(out.resolve("hostile").resolve(f), copy.resolve("hostile").resolve(f));
        }
        ReportWriter.Result r = new ReportWriter(null).write(copy);
        assertEquals(0, r.graphs());
        String page = Files.readString(copy.resolve("hostile/report.html"));
        assertTrue(page.contains("Graphviz is not installed (apt-get install graphviz)"), page);
        assertFalse(Files.exists(copy.resolve("hostile/graph-1.svg")));
    }

    @Test
    void unreadablePaperJsonIsNamedAndTheRestIsWritten(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(tmp.resolve("bad/paper.json"), "{ not json");
        Files.createDirectories(tmp.resolve("good"));
        Files.writeString(tmp.resolve("good/paper.json"), "{\"paper_id\":\"good\",\"status\":\"done\",\"figures\":[],\"graphs\":[]}");
        CliRunner.Result r = CliRunner.run("report", tmp.toString(), "--json");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("bad/paper.json: unreadable"), r.err());
        JsonNode j = GraphJson.MAPPER.readTree(r.out());
        assertEquals(1, j.path("papers").asInt());
        assertTrue(Files.isRegularFile(tmp.resolve("good/report.html")));
        assertFalse(Files.exists(tmp.resolve("bad/report.html")));
        assertTrue(Files.readString(tmp.resolve("index.html")).contains("bad/paper.json: unreadable"));
    }

    @Test
    void reportCommandRewritesAndRejectsAMissingFolder(@TempDir Path tmp) throws Exception {
        CliRunner.Result missing = CliRunner.run("report", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("not a folder"), missing.err());
        CliRunner.Result ok = CliRunner.run("report", out.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("3 paper pages"), ok.out());
        try (var s = Files.walk(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary file left");
        }
    }

    @Test
    void hrefRefusesEverythingButRelativeNames() {
        assertEquals("a%20b/c.png", Html.href("a b/c.png"));
        assertEquals("javascript%3Aalert%281%29", Html.href("javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> Html.href("../x"));
        assertThrows(IllegalArgumentException.class, () -> Html.href("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Html.href("a//b"));
    }
}
