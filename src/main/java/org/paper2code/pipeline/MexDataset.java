package org.paper2code.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

/**
 * OUT/mex-dataset.nq: every done paper's mex.ttl as one named graph
 * {@code urn:paper2code:paper:<paper-id>}, in N-Quads. Rebuilt from all paper folders in OUT
 * (earlier runs' too), one paper in memory at a time, and written atomically.
 */
public final class MexDataset {
    public static final String FILE = "mex-dataset.nq";
    public static final String GRAPH_PREFIX = "urn:paper2code:paper:";

    private MexDataset() {
    }

    /** Writes the dataset; returns problems with single papers' mex.ttl (left out, the rest is written). */
    public static List<String> write(PaperFolder folder) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> ids = folder.paperIds();
        folder.writeAtomically(FILE, os -> {
            StreamRDF out = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
            out.start();
            for (String id : ids) {
                JsonNode paper = folder.read(id);
                if (paper == null || !PaperOutcome.DONE.equals(paper.path("status").asText()) || !paper.path("mex").isTextual()) {
                    continue;
                }
                Path ttl = folder.folder(id).resolve("mex.ttl");
                if (!Files.isRegularFile(ttl)) {
                    problems.add(id + ": paper.json names mex.ttl but the file is missing");
                    continue;
                }
                Model m = ModelFactory.createDefaultModel();
                try {
                    RDFParser.source(ttl).lang(Lang.TURTLE).parse(m);
                } catch (RuntimeException e) {
                    problems.add(id + ": mex.ttl does not parse (" + e.getMessage() + ")");
                    continue;
                }
                // ids are [a-z0-9._-] only (PaperId), so the IRI needs no escaping
                Node graph = NodeFactory.createURI(GRAPH_PREFIX + id);
                m.getGraph().find().forEachRemaining(t -> out.quad(Quad.create(graph, t)));
            }
            out.finish();
        });
        return problems;
    }
}
