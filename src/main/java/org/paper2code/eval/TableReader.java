package org.paper2code.eval;

import java.nio.file.Path;
import java.util.List;
import org.paper2code.graph.Graph;

/** The tables stage as the evaluation sees it: a PDF to the architecture configurations its tables describe. */
@FunctionalInterface
public interface TableReader {
    /** One configuration of an architecture table: table label, configuration name (null for a single network), graph. */
    record FoundTable(String label, String configuration, Graph graph) {
    }

    List<FoundTable> architectureTables(Path pdf) throws Exception;
}
