package org.paper2code.eval;

/**
 * The registry of pipeline stages the evaluation runs: the ONE place a finished stage is
 * plugged in, one line each. A stage not plugged in is scored "not run". The text stage
 * loads CoreNLP once per process; PDF figures count as architecture figures when the
 * classifier does not call them {@code other}.
 */
public final class Stages {
    private Stages() {
    }

    public static Predictor available() {
        return Predictor.NONE
                .withClassifier(image -> org.paper2code.classify.StyleClassifier.standard().classify(image)) // classify
                .withParser((image, style) -> new org.paper2code.detect.FigureParser().parse(image, style).graph()) // detect
                .withReader(new PdfArchitectureFigures())  // pdf + classify: architecture figures in a PDF
                .withLayout(new PdfLayout()) // pdf: every figure and table, captions, reading order
                .withMiner(pdf -> new org.paper2code.text.TrainingMiner().mine(pdf).values()) // text: hyperparameter mining
                .withTables(new PdfArchitectureTables()) // pdf + tables: architecture tables as graphs
                ;
    }
}
