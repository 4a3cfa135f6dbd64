package org.paper2code.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.emit.keras.ExternalTools;

/**
 * Loads the report in headless Chromium (Debian package chromium): the pages render, their
 * script runs to the end without an error (report.js then marks &lt;html data-p2c-ready="ok"&gt;),
 * code is highlighted, every image (figure crops, overlays, Graphviz drawings) loads, and the
 * browser logs no console message at all (a CSP violation or a script error would be one).
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern ATTR = Pattern.compile("<html[^>]*>");
    private static Path out;

    @BeforeAll
    static void build() throws Exception {
        ExternalTools.require(Files.isExecutable(CHROMIUM), CHROMIUM + " (apt-get install chromium)");
        DotEmitterTest.requireDot();
        out = ReportFixtures.run();
        new ReportWriter().write(out);
    }

    /** What Chromium made of a page: the DOM after load and its log lines about the page's console. */
    record Loaded(String dom, List<String> console) {
        String attr(String name) {
            Matcher html = ATTR.matcher(dom);
            if (!html.find()) {
                return null;
            }
            Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html.group());
            return m.find() ? m.group(1) : null;
        }
    }

    static List<String> chromium(Path userData, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userData, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    static Loaded load(String url, Path tmp, String... extra) throws IOException, InterruptedException {
        List<String> cmd = chromium(Files.createTempDirectory(tmp, "profile"), extra);
        cmd.add("--dump-dom");
        cmd.add(url);
        Path stdout = tmp.resolve("dom-" + System.nanoTime() + ".html");
        Path stderr = tmp.resolve("log-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish loading " + url);
        }
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Loaded(Files.readString(stdout, StandardCharsets.UTF_8), console);
    }

    static void screenshot(String url, Path png, Path tmp) throws IOException, InterruptedException {
        screenshot(url, png, tmp, "1280,900");
    }

    static void screenshot(String url, Path png, Path tmp, String size) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        List<String> cmd = chromium(Files.createTempDirectory(tmp, "profile"), "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + size, "--hide-scrollbars", url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("shot.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish the screenshot of " + url);
        }
        assertTrue(Files.isRegularFile(png), "no screenshot: " + Files.readString(tmp.resolve("shot.log")));
    }

    private static void assertRenderedCleanly(Loaded page, String what) {
        assertEquals(List.of(), page.console(), what + ": console messages");
        assertEquals("ok", page.attr("data-p2c-ready"), what + ": report.js did not finish");
        assertEquals(null, page.attr("data-p2c-error"), what + ": script error");
        assertEquals("0", page.attr("data-p2c-broken-images"), what + ": images that did not load");
    }

    @Test
    void indexRendersWithoutErrors(@TempDir Path tmp) throws Exception {
        Loaded index = load(out.resolve("index.html").toUri().toString(), tmp);
        assertRenderedCleanly(index, "index.html");
        assertTrue(index.dom().contains("synth-paper/report.html"), "the index lists the paper");
    }

    @Test
    void paperPageRendersWithHighlightedCodeAndDrawings(@TempDir Path tmp) throws Exception {
        Loaded page = load(out.resolve("synth-paper/report.html").toUri().toString(), tmp);
        assertRenderedCleanly(page, "synth-paper/report.html");
        assertTrue(Integer.parseInt(page.attr("data-p2c-highlighted")) >= 3, "keras, pytorch, caffe blocks: " + page.attr("data-p2c-highlighted"));
        assertTrue(page.dom().contains("class=\"hljs-keyword\""), "highlight.js marked up the code");
        assertTrue(Integer.parseInt(page.attr("data-p2c-images")) >= 3, "crops, overlays and the graph drawing: " + page.attr("data-p2c-images"));
        Loaded hostile = load(out.resolve("hostile/report.html").toUri().toString(), tmp);
        assertRenderedCleanly(hostile, "hostile/report.html");
        assertFalse(hostile.dom().contains("<script>alert"), "injected markup stays text");

        Path png = tmp.resolve("synth.png");
        screenshot(out.resolve("synth-paper/report.html").toUri().toString(), png, tmp);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(900, img.getHeight());
        assertTrue(colours(img) > 50, "the screenshot shows a rendered page, not a blank one");
    }

    /** The check is not vacuous: a page whose script throws is caught by both the marker and the console. */
    @Test
    void aFailingScriptIsDetected(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("run");
        Files.createDirectories(copy.resolve("assets"));
        for (String a : ReportWriter.ASSETS) {
            Files.copy(out.resolve("assets").resolve(a), copy.resolve("assets").resolve(a));
        }
        Files.writeString(copy.resolve("assets/highlight.min.js"), "var hljs = { highlightElement: function () { throw new Error('broken'); } };");
        Files.copy(out.resolve("index.html"), copy.resolve("index.html"));
        Files.createDirectories(copy.resolve("synth-paper"));
        Files.copy(out.resolve("synth-paper/report.html"), copy.resolve("synth-paper/report.html"));
        Loaded broken = load(copy.resolve("synth-paper/report.html").toUri().toString(), tmp);
        assertTrue(broken.attr("data-p2c-ready").startsWith("error"), "marker: " + broken.attr("data-p2c-ready"));
        assertEquals("ok", load(copy.resolve("index.html").toUri().toString(), tmp).attr("data-p2c-ready"), "no code block, no call");
        Files.writeString(copy.resolve("assets/report.js"), "undefinedFunction();");
        Loaded thrown = load(copy.resolve("index.html").toUri().toString(), tmp);
        assertFalse(thrown.console().isEmpty(), "an uncaught error is logged to the console");
        assertEquals(null, thrown.attr("data-p2c-ready"));
    }

    /**
     * A real paper from ../shared/corpus-real through the stages and the report (AlexNet unless
     * -Dp2c.report.pdf=FILE), with screenshots for the README in target/report-screenshots/.
     */
    @Test
    @Tag("slow")
    void realPaperReport(@TempDir Path tmp) throws Exception {
        Path pdf = Path.of(System.getProperty("p2c.report.pdf", "../shared/corpus-real/pdfs/alexnet_krizhevsky2012_nips.pdf"));
        Assumptions.assumeTrue(Files.isRegularFile(pdf), pdf + " is not here (../shared/corpus-real)");
        String id = pdf.getFileName().toString().replaceFirst("\\.pdf$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        Path run = tmp.resolve("out");
        RunFixture fixture = new RunFixture(run, 3);
        fixture.paper(id, pdf);
        fixture.finish();
        ReportWriter.Result r = new ReportWriter().write(run);
        assertEquals(1, r.papers());
        String url = run.resolve(id + "/report.html").toUri().toString();
        Loaded page = load(url, tmp);
        assertRenderedCleanly(page, id + " report");
        Path shots = Path.of("target/report-screenshots");
        screenshot(url, shots.resolve(id + "-report.png"), tmp);
        screenshot(run.resolve("index.html").toUri().toString(), shots.resolve(id + "-index.png"), tmp);
        screenshot(url, shots.resolve(id + "-report-tall.png"), tmp, "1280,2200");
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
