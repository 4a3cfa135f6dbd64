package org.paper2code.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline can predict: each stage is optional. A stage that is absent is
 * reported as "not run", never as a score of 0 or 1. Immutable; {@code with...} returns a copy.
 */
public final class Predictor {
    public static final Predictor NONE = new Predictor(null, null, null, null, null, null);

    private final FigureClassifier classifier;
    private final DiagramParser parser;
    private final PaperReader reader;
    private final HyperparameterMiner miner;
    private final TableReader tables;
    private final LayoutReader layout;

    private Predictor(FigureClassifier classifier, DiagramParser parser, PaperReader reader, HyperparameterMiner miner, TableReader tables,
                      LayoutReader layout) {
        this.classifier = classifier;
        this.parser = parser;
        this.reader = reader;
        this.miner = miner;
        this.tables = tables;
        this.layout = layout;
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

    public Optional<TableReader> tables() {
        return Optional.ofNullable(tables);
    }

    /** The pdf stage's every figure and table (part of the "pdf" stage). */
    public Optional<LayoutReader> layout() {
        return Optional.ofNullable(layout);
    }

    public Predictor withClassifier(FigureClassifier c) {
        return new Predictor(c, parser, reader, miner, tables, layout);
    }

    public Predictor withParser(DiagramParser p) {
        return new Predictor(classifier, p, reader, miner, tables, layout);
    }

    public Predictor withReader(PaperReader r) {
        return new Predictor(classifier, parser, r, miner, tables, layout);
    }

    public Predictor withMiner(HyperparameterMiner m) {
        return new Predictor(classifier, parser, reader, m, tables, layout);
    }

    public Predictor withTables(TableReader t) {
        return new Predictor(classifier, parser, reader, miner, t, layout);
    }

    public Predictor withLayout(LayoutReader l) {
        return new Predictor(classifier, parser, reader, miner, tables, l);
    }

    /** This predictor with only the named stages (ids as in {@link Stage}); the others become "not run". */
    public Predictor only(java.util.Collection<String> ids) {
        return new Predictor(ids.contains("classify") ? classifier : null, ids.contains("detect") ? parser : null,
                ids.contains("pdf") ? reader : null, ids.contains("text") ? miner : null, ids.contains("tables") ? tables : null,
                ids.contains("pdf") ? layout : null);
    }

    /** Stage names ("classify", "detect", "pdf", "text", "tables") that are present, in pipeline order. */
    public List<String> present() {
        List<String> out = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.in(this)) {
                out.add(s.id());
            }
        }
        return out;
    }

    /** The stages the evaluation knows, with the issue-facing names used in reports. */
    public enum Stage {
        CLASSIFY("classify", "figure classifier"),
        DETECT("detect", "diagram parser"),
        PDF("pdf", "PDF figure detection"),
        TEXT("text", "hyperparameter mining"),
        TABLES("tables", "architecture tables");

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
                case PDF -> p.reader != null || p.layout != null;
                case TEXT -> p.miner != null;
                case TABLES -> p.tables != null;
            };
        }
    }
}
