package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

/** {@code paper2code tables}: graph-N.json per configuration, tables.json, --json, bad input. */
class TablesCommandTest {
    static final Path VGG = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/corpus-real/pdfs/vgg_simonyan2014_arxiv1409.1556.pdf").normalize();

    @TempDir
    Path dir;

    @Test
    void writesOneGraphPerConfiguration() throws Exception {
        assumeTrue(Files.isRegularFile(VGG), VGG + " is absent: skipped");
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("tables", VGG.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = GraphJson.MAPPER.readTree(Files.readString(out.resolve("tables.json")));
        JsonNode t1 = doc.get("tables").get(0);
        assertEquals("Table 1", t1.get("label").asText());
        assertEquals("architecture", t1.get("kind").asText());
        assertEquals(6, t1.get("configurations").size());
        assertEquals("not-architecture", doc.get("tables").get(2).get("kind").asText());
        for (int n = 1; n <= 6; n++) {
            Graph g = GraphJson.read(Files.readString(out.resolve("graph-" + n + ".json")));
            assertEquals("Table 1", g.source().table());
            assertEquals(t1.get("configurations").get(n - 1).get("configuration").asText(), g.source().configuration());
        }
        assertTrue(Files.notExists(out.resolve("graph-7.json")));
    }

    @Test
    void jsonGoesToStdout() throws Exception {
        assumeTrue(Files.isRegularFile(VGG), VGG + " is absent: skipped");
        CliRunner.Result r = CliRunner.run("tables", VGG.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = GraphJson.MAPPER.readTree(r.out());
        assertEquals("E", doc.get("tables").get(0).get("configurations").get(5).get("configuration").asText());
    }

    @Test
    void badInputIsOneClearMessage() throws Exception {
        Path junk = dir.resolve("junk.pdf");
        Files.writeString(junk, "not a pdf");
        CliRunner.Result r = CliRunner.run("tables", junk.toString(), "--json");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("junk.pdf"), r.err());
        CliRunner.Result usage = CliRunner.run("tables", junk.toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("-o DIR"), usage.err());
    }

    @Test
    void evalRunsOnlyTheNamedStages() throws Exception {
        CliRunner.Result bad = CliRunner.run("eval", dir.toString(), "--stages", "tables,bogus");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown stage 'bogus'"), bad.err());
        CliRunner.Result ok = CliRunner.run("eval", dir.toString(), "--stages", "tables");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("| architecture tables (tables) | run |"), ok.out());
        assertTrue(ok.out().contains("| text hyperparameter mining (text) | not run") || ok.out().contains("(text) | not run"), ok.out());
    }
}
