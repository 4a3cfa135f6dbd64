package org.paper2code.eval;

/**
 * The registry of pipeline stages the evaluation runs: the ONE place a finished stage is
 * plugged in, one line each. A stage not plugged in is scored "not run". The text stage
 * (org.paper2code.text) is plugged in; it loads CoreNLP once per process.
 */
public final class Stages {
    private Stages() {
    }

    public static Predictor available() {
        return Predictor.NONE
                // .withClassifier(image -> ...)         // classify: figure style classifier
                // .withParser((image, style) -> ...)    // detect: diagram parser
                // .withReader(pdf -> ...)               // pdf: architecture figures in a PDF
                .withMiner(pdf -> new org.paper2code.text.TrainingMiner().mine(pdf).values()) // text: hyperparameter mining
                ;
    }
}
