package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.GraphJson;

/**
 * The 26 real papers of ../shared/corpus-real/pdfs: every paper is processed or failed with a
 * reason, and the outputs keep the contract. Several minutes on 2 cores, hence slow.
 */
@Tag("slow")
class RealCorpusExtractTest {
    private static final Path PDFS = Path.of("../shared/corpus-real/pdfs");

    @Test
    void everyRealPaperProcessedOrFailedWithAReason(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PDFS), "../shared/corpus-real/pdfs is absent: nothing to run on");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", PDFS.toString(), "-o", out.toString(), "--threads", "2", "--json");
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
        JsonNode summary = GraphJson.MAPPER.readTree(r.out());
        long pdfs;
        try (var s = Files.walk(PDFS)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).count();
        }
        assertEquals(pdfs, summary.path("totals").path("papers").asLong());
        int failed = 0;
        for (JsonNode p : summary.path("papers")) {
            String status = p.path("status").asText();
            assertTrue(status.equals("done") || status.equals("failed"), p.toString());
            if (status.equals("failed")) {
                failed++;
                assertFalse(p.path("error").asText("").isBlank(), p + " failed without a reason");
                assertTrue(r.err().contains("FAILED " + p.path("source").asText()), "failed papers are named on stderr");
            }
        }
        assertEquals(failed == 0 ? 0 : 1, r.exitCode());
        assertTrue(summary.path("totals").path("figures").asInt() > 100, "the real papers hold well over 100 figures");
        OutputChecks.checkPaperFolders(out);
        OutputChecks.checkDataset(out);
        assertEquals(java.util.List.of(), OutputChecks.leftovers(out));
    }
}
