package org.paper2code.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paper2code.graph.Graph;
import org.paper2code.pdf.Paper;
import org.paper2code.tables.ArchitectureTableParser;
import org.paper2code.tables.TableResult;

/**
 * The tables stage as the pipeline sees it: a table of a paper to the architectures it lists
 * (one per configuration column, e.g. VGG's A-E), which the pipeline numbers after the figures'
 * and emits like any other, or to the hyperparameters it states, which go to the text stage.
 * {@link #STANDARD} is the tables stage; {@link #NONE} reads no table.
 */
@FunctionalInterface
public interface ArchitectureTables {
    /** No table parser: tables are listed in paper.json with no graphs. */
    ArchitectureTables NONE = table -> Reading.NOTHING;

    /** The tables stage ({@link ArchitectureTableParser}). */
    ArchitectureTables STANDARD = table -> {
        TableResult r = new ArchitectureTableParser().parse(table);
        if (r instanceof TableResult.Architecture a) {
            return new Reading(a.configurations().stream().map(c -> new TableGraph(c.graph(), c.configuration())).toList(), Map.of());
        }
        return r instanceof TableResult.Hyperparameters h ? new Reading(List.of(), h.values()) : Reading.NOTHING;
    };

    /** @return what the table gives; may throw with a reason */
    Reading parse(Paper.Table table) throws Exception;

    /** One architecture from a table; {@code configuration} names its column ("A", "ResNet-50"), or null. */
    record TableGraph(Graph graph, String configuration) {
    }

    /**
     * What one table gives: architectures, or hyperparameter rows as the table writes them
     * (name to value, e.g. "learning rate" to "0.1").
     */
    record Reading(List<TableGraph> graphs, Map<String, String> hyperparameters) {
        static final Reading NOTHING = new Reading(List.of(), Map.of());

        public Reading {
            graphs = List.copyOf(graphs);
            hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));  // in table order
        }
    }
}
