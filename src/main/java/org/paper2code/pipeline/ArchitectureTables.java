package org.paper2code.pipeline;

import java.util.List;
import org.paper2code.graph.Graph;
import org.paper2code.pdf.Paper;
import org.paper2code.tables.ArchitectureTableParser;
import org.paper2code.tables.TableResult;

/**
 * The hook for the table parser: a table of a paper to the architectures it lists (one per
 * configuration column, e.g. VGG's A-E). The pipeline numbers these graphs after the figures'
 * and emits them like any other. {@link #STANDARD} is the tables stage; {@link #NONE} reads no table.
 */
@FunctionalInterface
public interface ArchitectureTables {
    /** No table parser: tables are listed in paper.json with no graphs. */
    ArchitectureTables NONE = table -> List.of();

    /** The tables stage ({@link ArchitectureTableParser}): the configurations of architecture tables; none for others. */
    ArchitectureTables STANDARD = table -> new ArchitectureTableParser().parse(table) instanceof TableResult.Architecture a
            ? a.configurations().stream().map(c -> new TableGraph(c.graph(), c.configuration())).toList()
            : List.of();

    /** @return the architectures the table lists, empty when it lists none; may throw with a reason */
    List<TableGraph> parse(Paper.Table table) throws Exception;

    /** One architecture from a table; {@code configuration} names its column ("A", "ResNet-50"), or null. */
    record TableGraph(Graph graph, String configuration) {
    }
}
