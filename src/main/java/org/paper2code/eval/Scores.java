package org.paper2code.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evaluation's counts, per diagram style and {@link #OVERALL}: figure-type accuracy and
 * confusion matrix, node / edge P/R/F1, parameter accuracy, exact-graph rate, figure
 * detection P/R/F1, hyperparameter P/R/F1 per key, and time per figure and per paper.
 * Only counts are kept; ratios are computed when read, so groups add up exactly.
 * Whether a stage ran is not known here: the report asks the {@link Predictor}.
 */
public final class Scores {
    public static final String OVERALL = "overall";

    /** The counts of one style (or overall). */
    public static final class Group {
        private int figures;
        private Ratio style = Ratio.ZERO;
        private int graphs;
        private Prf nodes = Prf.ZERO;
        private Prf edges = Prf.ZERO;
        private Ratio params = Ratio.ZERO;
        private Ratio exact = Ratio.ZERO;
        private long figureNanos;
        private int timedFigures;
        private int papers;
        private Prf detection = Prf.ZERO;
        private final Map<String, Prf> hyperparameters = new TreeMap<>();
        private long paperNanos;
        private int timedPapers;

        public int figures() {
            return figures;
        }

        public Ratio styleAccuracy() {
            return style;
        }

        public int graphs() {
            return graphs;
        }

        public Prf nodes() {
            return nodes;
        }

        public Prf edges() {
            return edges;
        }

        public Ratio params() {
            return params;
        }

        public Ratio exact() {
            return exact;
        }

        /** Mean milliseconds per figure over the figures a stage ran on; NaN when none. */
        public double msPerFigure() {
            return timedFigures == 0 ? Double.NaN : figureNanos / 1e6 / timedFigures;
        }

        public int papers() {
            return papers;
        }

        public Prf detection() {
            return detection;
        }

        public Map<String, Prf> hyperparameters() {
            return Map.copyOf(hyperparameters);
        }

        /** All keys added up (micro average). */
        public Prf hyperparameterTotal() {
            return hyperparameters.values().stream().reduce(Prf.ZERO, Prf::plus);
        }

        public double msPerPaper() {
            return timedPapers == 0 ? Double.NaN : paperNanos / 1e6 / timedPapers;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    /** Architecture tables: one graph per truth configuration (and per predicted configuration without truth). */
    private final Group tables = new Group();
    /** Every figure and table of the PDFs with layout truth, per PDF in truth order. */
    private final Map<String, Layout> layouts = new LinkedHashMap<>();
    private final int[][] confusion = new int[DiagramStyle.values().length][DiagramStyle.values().length];

    public Scores() {
        for (DiagramStyle s : DiagramStyle.values()) {
            groups.put(s.id(), new Group());
        }
        groups.put(OVERALL, new Group());
    }

    /** Groups in style order, then {@link #OVERALL}. */
    public Map<String, Group> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    public Group group(String id) {
        return groups.get(id);
    }

    /** confusion()[truth.ordinal()][predicted.ordinal()] */
    public int[][] confusion() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    public void countFigure(DiagramStyle truth) {
        apply(truth, g -> g.figures++);
    }

    /** A classification; predicted null when the classifier failed (a miss, outside the matrix). */
    public void addClassification(DiagramStyle truth, DiagramStyle predicted) {
        if (predicted != null) {
            confusion[truth.ordinal()][predicted.ordinal()]++;
        }
        apply(truth, g -> g.style = g.style.plus(truth == predicted));
    }

    public void addGraph(DiagramStyle truth, GraphMatcher.Match m) {
        apply(truth, g -> {
            g.graphs++;
            g.nodes = g.nodes.plus(m.nodes());
            g.edges = g.edges.plus(m.edges());
            g.params = g.params.plus(m.params());
            g.exact = g.exact.plus(m.exact());
        });
    }

    /** A table configuration's graph against its truth (an empty graph on either side for a miss or a spurious one). */
    public void addTableGraph(GraphMatcher.Match m) {
        tables.graphs++;
        tables.nodes = tables.nodes.plus(m.nodes());
        tables.edges = tables.edges.plus(m.edges());
        tables.params = tables.params.plus(m.params());
        tables.exact = tables.exact.plus(m.exact());
    }

    public void countTablePaper(long nanos) {
        tables.papers++;
        tables.paperNanos += nanos;
        tables.timedPapers++;
    }

    /** The architecture-table scores (graphs, node/edge P/R/F1, params, exact graphs, papers, ms per paper). */
    public Group tables() {
        return tables;
    }

    /** One PDF's figure and table scores and its reading-order check (sentences checked, mixed ones described). */
    public record Layout(LayoutScorer.Score score, int sentences, java.util.List<String> mixed, long nanos) {
        public Layout {
            mixed = java.util.List.copyOf(mixed);
        }
    }

    public void addLayout(String pdf, Layout l) {
        layouts.put(pdf, l);
    }

    public Map<String, Layout> layouts() {
        return java.util.Collections.unmodifiableMap(layouts);
    }

    /** All PDFs' layout scores added up. */
    public LayoutScorer.Score layoutTotal() {
        return layouts.values().stream().map(Layout::score).reduce(LayoutScorer.Score.ZERO, LayoutScorer.Score::plus);
    }

    public void addFigureTime(DiagramStyle truth, long nanos) {
        apply(truth, g -> {
            g.figureNanos += nanos;
            g.timedFigures++;
        });
    }

    public void countPaper(DiagramStyle style) {
        apply(style, g -> g.papers++);
    }

    public void addDetection(DiagramStyle style, Prf p) {
        apply(style, g -> g.detection = g.detection.plus(p));
    }

    public void addHyperparameters(DiagramStyle style, Map<String, Prf> perKey) {
        apply(style, g -> perKey.forEach((k, v) -> g.hyperparameters.merge(k, v, Prf::plus)));
    }

    public void addPaperTime(DiagramStyle style, long nanos) {
        apply(style, g -> {
            g.paperNanos += nanos;
            g.timedPapers++;
        });
    }

    private void apply(DiagramStyle style, java.util.function.Consumer<Group> f) {
        f.accept(groups.get(style.id()));
        f.accept(groups.get(OVERALL));
    }
}
