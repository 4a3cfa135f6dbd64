package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.graph.GraphJson;

/** {@code paper2code eval} on the small truth folders in test resources. */
class EvalCommandTest {
    private static final String RES = "src/test/resources/org/paper2code/eval/";

    @Test
    void printsTablesAndWritesReports(@TempDir Path tmp) throws Exception {
        Path md = tmp.resolve("reports/real.md");
        Path json = tmp.resolve("reports/real.json");
        CliRunner.Result r = CliRunner.run("eval", RES + "corpus", "--report", md.toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("## Figure scores"), r.out());
        // the classifier and the parser are plugged in (Stages), so style accuracy and edges are scored
        assertTrue(r.out().contains("| overall | 4 | "), r.out());
        assertTrue(r.out().contains("figure classifier (classify) | run"), r.out());
        assertTrue(r.out().contains("skipped `figures/no_image`: image not found"), r.out());
        assertEquals(r.out(), Files.readString(md), "the Markdown report is what was printed");
        JsonNode j = GraphJson.MAPPER.readTree(Files.readString(json));
        assertEquals("paper2code-eval/1", j.path("format").asText());
        assertEquals(1, j.at("/truth/papers").asInt());
        assertEquals(1, j.at("/truth/hyperparameter_keys/batch_size").asInt());
        assertTrue(r.out().contains("diagram parser (detect) | run"), r.out());
        assertTrue(j.at("/scores/overall/edges").isObject() || j.at("/scores/overall/edges").isNumber()
                || j.at("/scores/overall/edges").isNull(), j.at("/scores/overall").toString());
        try (var s = Files.list(tmp.resolve("reports"))) {
            assertEquals(2, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void corruptTruthIsNamedWithItsReasonAndTheRestGoesOn() {
        CliRunner.Result r = CliRunner.run("eval", RES + "corpus-bad");
        assertEquals(Main.SOME_FAILED, r.exitCode());
        assertTrue(r.out().contains("unusable truth `figures/broken.truth.json`: malformed truth JSON at line 1"), r.out());
        assertTrue(r.out().contains("unusable truth `figures/bad_graph.truth.json`: graph: invalid graph:"), r.out());
        assertTrue(r.out().contains("'nowhere'"), r.out());
        assertTrue(r.err().contains("figures/broken.truth.json"), r.err());
        // the good file is still counted
        assertTrue(r.out().contains("| neurons | 1 | 1 | 3 | 2 | 1 |"), r.out());
    }

    @Test
    void missingFolderIsAUsageError() {
        CliRunner.Result r = CliRunner.run("eval", RES + "no-such-folder");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("not a folder"), r.err());
    }
}
