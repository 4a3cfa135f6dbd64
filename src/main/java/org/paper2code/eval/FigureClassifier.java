package org.paper2code.eval;

import java.nio.file.Path;

/** The classify stage as the evaluation sees it: an image file to its diagram style. */
@FunctionalInterface
public interface FigureClassifier {
    DiagramStyle classify(Path image) throws Exception;
}
