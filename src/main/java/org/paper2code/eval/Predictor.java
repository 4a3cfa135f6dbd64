package org.paper2code.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline can predict: each stage is optional. A stage that is absent is
 * reported as "not run", never as a score of 0 or 1. Immutable; {@code with...} returns a copy.
 */
public final class Predictor {
    public static final Predictor NONE = new Predictor(null, null, null, null);

    private final FigureClassifier classifier;
    private final DiagramParser parser;
    private final PaperReader reader;
    private final HyperparameterMiner miner;

    private Predictor(FigureClassifier classifier, DiagramParser parser, PaperReader reader, HyperparameterMiner miner) {
        this.classifier = classifier;
        this.parser = parser;
        this.reader = reader;
        this.miner = miner;
    }

    public Optional<FigureClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    public Optional<DiagramParser> parser() {
        return Optional.ofNullable(parser);
    }

    public Optional<PaperReader> reader() {
        return Optional.ofNullable(reader);
    }

    public Optional<HyperparameterMiner> miner() {
        return Optional.ofNullable(miner);
    }

    public Predictor withClassifier(FigureClassifier c) {
        return new Predictor(c, parser, reader, miner);
    }

    public Predictor withParser(DiagramParser p) {
        return new Predictor(classifier, p, reader, miner);
    }

    public Predictor withReader(PaperReader r) {
        return new Predictor(classifier, parser, r, miner);
    }

    public Predictor withMiner(HyperparameterMiner m) {
        return new Predictor(classifier, parser, reader, m);
    }

    /** Stage names ("classify", "detect", "pdf", "text") that are present, in pipeline order. */
    public List<String> present() {
        List<String> out = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.in(this)) {
                out.add(s.id());
            }
        }
        return out;
    }

    /** The four stages the evaluation knows, with the issue-facing names used in reports. */
    public enum Stage {
        CLASSIFY("classify", "figure classifier"),
        DETECT("detect", "diagram parser"),
        PDF("pdf", "PDF figure detection"),
        TEXT("text", "hyperparameter mining");

        private final String id;
        private final String title;

        Stage(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        public boolean in(Predictor p) {
            return switch (this) {
                case CLASSIFY -> p.classifier != null;
                case DETECT -> p.parser != null;
                case PDF -> p.reader != null;
                case TEXT -> p.miner != null;
            };
        }
    }
}
