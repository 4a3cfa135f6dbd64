package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;

/** Checks an extract output folder against the contract; shared by the pipeline tests. */
final class OutputChecks {
    private OutputChecks() {
    }

    static JsonNode json(Path file) throws IOException {
        return GraphJson.MAPPER.readTree(file.toFile());
    }

    /** Every paper folder: paper.json parses and names files that exist; graphs validate; failed ones say why. */
    static void checkPaperFolders(Path out) throws IOException {
        for (String id : new PaperFolder(out).paperIds()) {
            assertTrue(id.matches("[a-z0-9._-]+") && !id.startsWith("."), "paper id " + id);
            Path dir = out.resolve(id);
            JsonNode p = json(dir.resolve("paper.json"));
            assertEquals("paper2code-paper-result/1", p.path("format").asText(), id);
            assertEquals(id, p.path("paper_id").asText());
            assertTrue(p.path("sha256").asText().matches("[0-9a-f]{64}"), id + " sha256");
            for (String key : List.of("figures", "tables", "graphs", "errors", "datasets", "metrics")) {
                assertTrue(p.path(key).isArray(), id + ": " + key);
            }
            assertTrue(p.path("hyperparameters").isObject(), id + ": hyperparameters");
            for (String stage : List.of("pdf", "classify", "detect", "tables", "text", "emit", "total")) {
                assertTrue(p.path("timings_ms").path(stage).isNumber(), id + ": timings_ms." + stage);
            }
            String status = p.path("status").asText();
            if (status.equals("failed")) {
                assertFalse(p.path("error").asText("").isBlank(), id + ": a failed paper says why");
                continue;
            }
            assertEquals("done", status, id);
            assertTrue(p.path("error").isNull(), id);
            assertTrue(Files.isRegularFile(dir.resolve("text.txt")), id + ": text.txt");
            int i = 0;
            for (JsonNode f : p.path("figures")) {
                assertEquals(++i, f.path("index").asInt());
                if (f.path("image").isTextual()) {
                    assertEquals("figures/figure-" + i + ".png", f.path("image").asText());
                    assertTrue(Files.size(dir.resolve(f.path("image").asText())) > 0, id + " figure " + i);
                }
                if (f.path("overlay").isTextual()) {
                    assertTrue(Files.isRegularFile(dir.resolve(f.path("overlay").asText())), id + " overlay " + i);
                }
                if (f.path("graph").isInt()) {
                    assertTrue(f.path("error").isNull(), id + " figure " + i + " has a graph and an error");
                } else if (f.path("style").isTextual()) {
                    assertFalse(f.path("error").asText("").isBlank(), id + " figure " + i + ": no graph needs a reason");
                }
            }
            int k = 0;
            for (JsonNode g : p.path("graphs")) {
                assertEquals(++k, g.path("number").asInt());
                String graphFile = g.path("files").path("graph").asText();
                assertEquals("graph-" + k + ".json", graphFile);
                Graph graph = GraphJson.read(Files.readString(dir.resolve(graphFile)));
                GraphValidator.Report r = new GraphValidator().validate(graph);
                assertTrue(r.ok(), id + " graph " + k + ": " + r.summary());
                assertEquals(graph.layers().size(), g.path("layers").asInt());
                g.path("files").fields().forEachRemaining(e ->
                        assertTrue(Files.isRegularFile(dir.resolve(e.getValue().asText())), id + ": " + e.getValue()));
            }
            if (p.path("solver").isTextual()) {
                assertTrue(Files.readString(dir.resolve("solver.prototxt")).contains("net: \"caffe-"), id + " solver names its net");
            }
            if (p.path("mex").isTextual()) {
                RDFParser.source(dir.resolve("mex.ttl")).lang(Lang.TURTLE).toModel();
            }
        }
    }

    /** mex-dataset.nq parses and holds exactly the named graphs of the done papers with mex.ttl. */
    static Dataset checkDataset(Path out) throws IOException {
        Dataset ds = DatasetFactory.create();
        RDFParser.source(out.resolve("mex-dataset.nq")).lang(Lang.NQUADS).parse(ds);
        Set<String> expected = new TreeSet<>();
        for (String id : new PaperFolder(out).paperIds()) {
            JsonNode p = json(out.resolve(id).resolve("paper.json"));
            if (p.path("status").asText().equals("done") && p.path("mex").isTextual()) {
                expected.add("urn:paper2code:paper:" + id);
            }
        }
        Set<String> names = new TreeSet<>();
        ds.listNames().forEachRemaining(names::add);
        assertEquals(expected, names);
        assertTrue(ds.getDefaultModel().isEmpty(), "no triples outside the papers' graphs");
        return ds;
    }

    /** Leftover temp or set-aside entries in OUT (names starting with '.'). */
    static List<Path> leftovers(Path out) throws IOException {
        List<Path> l = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            s.filter(p -> p.getFileName().toString().startsWith(".")).forEach(l::add);
        }
        return l;
    }

    static JsonNode summaryEntry(JsonNode summary, String id) {
        for (JsonNode p : summary.path("papers")) {
            if (p.path("paper_id").asText().equals(id)) {
                return p;
            }
        }
        return fail("summary.json has no entry for " + id);
    }
}
