package org.paper2code.eval;

import java.nio.file.Path;
import org.paper2code.graph.Graph;

/**
 * The detect stage as the evaluation sees it: an architecture figure to its graph. The
 * evaluation passes the TRUTH style, so parsing is scored apart from classification.
 */
@FunctionalInterface
public interface DiagramParser {
    Graph parse(Path image, DiagramStyle style) throws Exception;
}
