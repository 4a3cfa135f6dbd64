package org.paper2code.eval;

/**
 * The registry of pipeline stages the evaluation runs: the ONE place a finished stage is
 * plugged in, one line each. Today no stage exists yet, so every score is "not run".
 */
public final class Stages {
    private Stages() {
    }

    public static Predictor available() {
        return Predictor.NONE
                // .withClassifier(image -> ...)         // classify: figure style classifier
                .withParser((image, style) -> new org.paper2code.detect.FigureParser().parse(image, style).graph()) // detect
                // .withReader(pdf -> ...)               // pdf: architecture figures in a PDF
                // .withMiner(pdf -> ...)                // text: hyperparameter mining
                ;
    }
}
