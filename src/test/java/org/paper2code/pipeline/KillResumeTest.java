package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.GraphJson;

/**
 * kill -9 in the middle of a run, then a re-run: finished papers are skipped (not redone: their
 * paper.json keeps its time stamp), the rest completes, every paper.json parses, nothing is left
 * half-written and no temp folder remains.
 */
class KillResumeTest {

    @Test
    void killNineThenResume(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        // six papers: the four bundled ones and two of them with bytes appended after %%EOF (other hashes)
        for (String id : List.of("paper000", "paper001", "paper002", "paper003")) {
            Files.copy(Path.of("corpus/papers", id + ".pdf"), in.resolve(id + ".pdf"));
        }
        for (String id : List.of("paper000", "paper002")) {
            Path copy = in.resolve(id + "-copy.pdf");
            Files.copy(Path.of("corpus/papers", id + ".pdf"), copy);
            Files.writeString(copy, "\n% another copy\n", StandardOpenOption.APPEND);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.paper2code.cli.Main",
                "extract", in.toString(), "-o", out.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("first-run.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (finished(out).isEmpty()) {
            if (!p.isAlive()) {
                fail("the run ended before any paper finished: " + Files.readString(tmp.resolve("first-run.log")));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("no paper finished within 5 minutes");
            }
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        Map<String, Long> before = new HashMap<>();
        for (String id : finished(out)) {
            before.put(id, Files.getLastModifiedTime(out.resolve(id).resolve("paper.json")).toMillis());
        }
        assertFalse(before.isEmpty());
        assertTrue(before.size() < 6, "the kill came before the run finished");
        assertFalse(Files.exists(out.resolve("summary.json")), "the killed run never reached its end");
        // a temp folder as a kill during a write leaves it
        Files.createDirectories(out.resolve(".paper003.tmp-1234/figures"));
        Files.writeString(out.resolve(".paper003.tmp-1234/paper.json"), "{\"format\": \"paper2code-paper-res");

        CliRunner.Result again = CliRunner.run("extract", in.toString(), "-o", out.toString(), "--threads", "2", "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode summary = GraphJson.MAPPER.readTree(again.out());
        assertEquals(6, summary.path("totals").path("papers").asInt());
        assertEquals(6, summary.path("totals").path("done").asInt() + summary.path("totals").path("skipped").asInt());
        assertEquals(before.size(), summary.path("totals").path("skipped").asInt());
        for (Map.Entry<String, Long> e : before.entrySet()) {
            assertEquals("skipped", OutputChecks.summaryEntry(summary, e.getKey()).path("status").asText(), e.getKey());
            assertEquals(e.getValue(), Files.getLastModifiedTime(out.resolve(e.getKey()).resolve("paper.json")).toMillis(),
                    e.getKey() + " was not redone");
        }
        assertEquals(List.of(), OutputChecks.leftovers(out), "no temp folder or file remains");
        OutputChecks.checkPaperFolders(out);
        OutputChecks.checkDataset(out);
        assertEquals(6, new PaperFolder(out).paperIds().size());
    }

    /** Paper folders that hold a paper.json (a folder only appears, whole, by rename). */
    private static List<String> finished(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        return new PaperFolder(out).paperIds();
    }
}
