package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.GraphJson;

/**
 * {@code extract corpus/papers -o OUT} (the README quick start) on the four bundled synthetic
 * papers: every output the contract names, graphs that validate, hyperparameters that match the
 * papers' truth, the MEX dataset, a re-run that skips everything, and usage errors.
 */
class ExtractEndToEndTest {
    private static final Path PAPERS = Path.of("corpus/papers");

    @Test
    void bundledPapersEndToEndThenSkippedOnReRun(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", PAPERS.toString(), "-o", out.toString(), "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = GraphJson.MAPPER.readTree(r.out());
        assertEquals(summary, OutputChecks.json(out.resolve("summary.json")), "--json prints summary.json");
        assertEquals("paper2code-run/1", summary.path("format").asText());
        assertEquals(4, summary.path("totals").path("papers").asInt());
        assertEquals(4, summary.path("totals").path("done").asInt());
        assertTrue(summary.path("totals").path("graphs").asInt() >= 1, "at least one synthetic figure becomes a graph");
        OutputChecks.checkPaperFolders(out);
        OutputChecks.checkDataset(out);
        assertEquals(List.of(), OutputChecks.leftovers(out));
        // the HTML report is written at the end of the run: an index linking every paper's page
        String index = Files.readString(out.resolve("index.html"));
        for (String id : List.of("paper000", "paper001", "paper002", "paper003")) {
            assertTrue(index.contains("href=\"" + id + "/report.html\""), "index links " + id);
            assertTrue(Files.readString(out.resolve(id).resolve("report.html")).contains("<h1"), id + ": report page");
        }

        for (String id : List.of("paper000", "paper001", "paper002", "paper003")) {
            JsonNode p = OutputChecks.json(out.resolve(id).resolve("paper.json"));
            JsonNode truth = OutputChecks.json(PAPERS.resolve(id + ".truth.json"));
            assertEquals(ExtractRun.sha256(PAPERS.resolve(id + ".pdf")), p.path("sha256").asText());
            assertTrue(p.path("pages").asInt() >= 1);
            assertTrue(p.path("figures").size() >= 1, id + ": the architecture figure is found");
            JsonNode fig = p.path("figures").get(0);
            assertTrue(fig.path("style").isTextual() && fig.path("probabilities").size() == 6, id + ": classified");
            assertEquals(truth.path("figures").get(0).path("label").asText(), fig.path("label").asText());
            // the text stage: every batch size and learning rate the truth states is mined with the same value
            for (String key : List.of("batch_size", "learning_rate")) {
                if (truth.path("hyperparameters").has(key)) {
                    assertEquals(truth.path("hyperparameters").path(key).path("value").asDouble(),
                            p.path("hyperparameters").path(key).path("value").asDouble(), 1e-12, id + ": " + key);
                }
            }
            JsonNode entry = OutputChecks.summaryEntry(summary, id);
            assertEquals("done", entry.path("status").asText());
            assertEquals(p.path("graphs").size(), entry.path("graphs").asInt());
        }

        long mtime = Files.getLastModifiedTime(out.resolve("paper000/paper.json")).toMillis();
        CliRunner.Result again = CliRunner.run("extract", PAPERS.toString(), "-o", out.toString(), "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode s2 = GraphJson.MAPPER.readTree(again.out());
        assertEquals(4, s2.path("totals").path("skipped").asInt(), "a re-run skips papers done with the same SHA-256");
        assertEquals(summary.path("totals").path("graphs"), s2.path("totals").path("graphs"), "skipped papers keep their counts");
        assertEquals(mtime, Files.getLastModifiedTime(out.resolve("paper000/paper.json")).toMillis());
        OutputChecks.checkDataset(out);
    }

    @Test
    void listFileForceAndStageSwitches(@TempDir Path tmp) throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "# two papers\n" + PAPERS.toAbsolutePath().resolve("paper001.pdf") + "\n\n"
                + PAPERS.toAbsolutePath().resolve("paper002.pdf") + "\n");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", "--list", list.toString(), "-o", out.toString(), "--no-detect", "--no-text",
                "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("paper001", "paper002"), new PaperFolder(out).paperIds());
        JsonNode p = OutputChecks.json(out.resolve("paper001/paper.json"));
        assertEquals(0, p.path("graphs").size(), "--no-detect parses no figure");
        assertEquals("not parsed (--no-detect)", p.path("figures").get(0).path("error").asText(""),
                "an architecture figure says why it has no graph");
        assertEquals(0, p.path("hyperparameters").size(), "--no-text mines nothing");
        OutputChecks.checkPaperFolders(out);
        assertTrue(Files.exists(out.resolve("index.html")), "the report is written by default");

        Path quiet = tmp.resolve("quiet");
        assertEquals(0, CliRunner.run("extract", "--list", list.toString(), "-o", quiet.toString(), "--no-detect", "--no-text",
                "--no-report").exitCode());
        assertTrue(Files.exists(quiet.resolve("summary.json")) && !Files.exists(quiet.resolve("index.html")), "--no-report");

        CliRunner.Result forced = CliRunner.run("extract", "@" + list, "-o", out.toString(), "--force", "--no-text", "--json");
        assertEquals(0, forced.exitCode(), forced.err());
        JsonNode s = GraphJson.MAPPER.readTree(forced.out());
        assertEquals(2, s.path("totals").path("done").asInt(), "--force redoes finished papers (@list.txt read by picocli)");
        OutputChecks.checkPaperFolders(out);
        OutputChecks.checkDataset(out);
    }

    @Test
    void paperOverTheTimeLimitFailsAndIsRetriedNextRun(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path pdf = PAPERS.resolve("paper001.pdf");
        // the synthetic paper's figure alone takes longer than 0.001 s to read, classify and parse
        CliRunner.Result r = CliRunner.run("extract", pdf.toString(), "-o", out.toString(), "--time-limit", "0", "--no-text");
        assertEquals(2, r.exitCode(), "a zero limit is a usage error");
        r = CliRunner.run("extract", pdf.toString(), "-o", out.toString(), "--time-limit", "1", "--no-text", "--json");
        JsonNode s = GraphJson.MAPPER.readTree(r.out());
        JsonNode p = OutputChecks.json(out.resolve("paper001/paper.json"));
        if (r.exitCode() == 1) {
            assertEquals("failed", p.path("status").asText());
            assertTrue(p.path("error").asText().contains("time limit"), p.path("error").asText());
            assertTrue(r.err().contains("FAILED " + pdf), r.err());
            assertEquals(1, s.path("totals").path("failed").asInt());
        } else {
            assertEquals(0, r.exitCode(), r.err()); // a very fast machine read it within the second
        }
        CliRunner.Result again = CliRunner.run("extract", pdf.toString(), "-o", out.toString(), "--no-text", "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode s2 = GraphJson.MAPPER.readTree(again.out());
        assertEquals(1, s2.path("totals").path("done").asInt() + s2.path("totals").path("skipped").asInt(),
                "a failed paper is retried, a done one skipped");
        OutputChecks.checkPaperFolders(out);
    }

    @Test
    void usageErrors(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(2, CliRunner.run("extract", tmp.resolve("missing.pdf").toString(), "-o", out.toString()).exitCode());
        assertEquals(2, CliRunner.run("extract", "-o", out.toString()).exitCode());
        Files.createDirectories(tmp.resolve("empty"));
        CliRunner.Result r = CliRunner.run("extract", tmp.resolve("empty").toString(), "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no PDF found"), r.err());
        assertEquals(2, CliRunner.run("extract", PAPERS.toString(), "-o", out.toString(), "--threads", "0").exitCode());
        assertEquals(2, CliRunner.run("extract", PAPERS.toString()).exitCode(), "-o is required");
    }
}
