package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.cli.CliRunner;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;

/** {@code extract} runs the tables stage: VGG's Table 1 becomes its six configurations, each emitted like a figure's graph. */
class ExtractTablesTest {
    private static final Path VGG = Path.of("../shared/corpus-real/pdfs/vgg_simonyan2014_arxiv1409.1556.pdf");

    @Test
    void vggTableOneGivesSixEmittedGraphs(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VGG), "../shared/corpus-real is absent: no real paper with an architecture table");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", VGG.toString(), "-o", out.toString(), "--no-detect", "--no-text", "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        Path paper = out.resolve("vgg_simonyan2014_arxiv1409.1556");
        JsonNode p = GraphJson.MAPPER.readTree(paper.resolve("paper.json").toFile());
        List<String> configurations = new ArrayList<>();
        for (JsonNode g : p.path("graphs")) {
            if (g.path("from").asText().equals("table")) {
                configurations.add(g.path("configuration").asText());
                JsonNode files = g.path("files");
                var graph = GraphJson.read(Files.readString(paper.resolve(files.path("graph").asText())));
                new GraphValidator().check(graph);
                assertEquals("Table 1", graph.source().table());
                assertTrue(Files.readString(paper.resolve(files.path("pytorch").asText())).contains("class "), "PyTorch code for " + g);
            }
        }
        assertEquals(List.of("A", "A-LRN", "B", "C", "D", "E"), configurations);
        JsonNode table = p.path("tables").get(0);
        assertEquals(6, table.path("graphs").size(), "the table lists the graphs it gave");
    }
}
