package org.paper2code.eval;

import java.nio.file.Path;
import java.util.List;

/** The pdf stage as the evaluation sees it: a PDF to the architecture figures it contains. */
@FunctionalInterface
public interface PaperReader {
    List<FoundFigure> architectureFigures(Path pdf) throws Exception;
}
