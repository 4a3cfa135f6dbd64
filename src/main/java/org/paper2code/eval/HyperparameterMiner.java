package org.paper2code.eval;

import java.nio.file.Path;
import java.util.Map;

/**
 * The text stage as the evaluation sees it: a PDF to the training hyperparameters its text
 * states, under the canonical keys of {@link org.paper2code.graph.Training}.
 */
@FunctionalInterface
public interface HyperparameterMiner {
    Map<String, Object> mine(Path pdf) throws Exception;
}
