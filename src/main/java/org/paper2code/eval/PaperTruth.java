package org.paper2code.eval;

import java.util.List;
import java.util.Map;
import org.paper2code.graph.Graph;

/**
 * The truth for one paper ({@code <id>.truth.json} beside the PDF): its figures with page,
 * box (PDF points from the page's top left), label, caption, style and graph; and the
 * hyperparameters the text states, each with the sentence that states it; and the architecture tables,
 * one entry per configuration.
 */
public record PaperTruth(String pdf, List<Figure> figures, Map<String, HyperParameter> hyperparameters,
                         String origin, String licence, List<Table> tables) {
    public PaperTruth {
        figures = figures == null ? List.of() : List.copyOf(figures);
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A paper without architecture-table truth. */
    public PaperTruth(String pdf, List<Figure> figures, Map<String, HyperParameter> hyperparameters, String origin, String licence) {
        this(pdf, figures, hyperparameters, origin, licence, List.of());
    }

    /**
     * One configuration of an architecture table: the table's label ("Table 1"), page, the configuration
     * as the table names it ("A-LRN", "50-layer"; null when the table describes one network) and its graph.
     */
    public record Table(int page, String label, String configuration, Graph graph) {
    }

    public record Figure(int page, Box bbox, String label, String caption, DiagramStyle style, Graph graph) {
    }

    /** A value (number, string or boolean) and the sentence and page that state it. */
    public record HyperParameter(Object value, String sentence, Integer page) {
    }
}
