package org.paper2code.eval;

/**
 * The registry of pipeline stages the evaluation runs: the ONE place a finished stage is
 * plugged in, one line each. Stages still commented out are reported as "not run".
 */
public final class Stages {
    private Stages() {
    }

    public static Predictor available() {
        return Predictor.NONE
                .withClassifier(image -> org.paper2code.classify.StyleClassifier.standard().classify(image)) // classify
                // .withParser((image, style) -> ...)    // detect: diagram parser
                // .withReader(pdf -> ...)               // pdf: architecture figures in a PDF
                // .withMiner(pdf -> ...)                // text: hyperparameter mining
                ;
    }
}
