package org.paper2code.tables;

import java.util.List;
import java.util.Map;

/** What a table is, as read by {@link ArchitectureTableParser}: one of three kinds. */
public sealed interface TableResult {

    /** An architecture table: one graph per configuration (VGG's A to E; a single one when the table has one). */
    record Architecture(List<ConfigGraph> configurations) implements TableResult {
        public Architecture {
            configurations = List.copyOf(configurations);
        }
    }

    /** A table of training or model hyperparameters: name to value as the table writes them. */
    record Hyperparameters(Map<String, String> values) implements TableResult {
        public Hyperparameters {
            values = Map.copyOf(values);
        }
    }

    /** Results, comparisons or anything else: why the table was not read as an architecture. */
    record NotArchitecture(String reason) implements TableResult {
    }
}
