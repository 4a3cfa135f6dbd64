package org.paper2code.tables;

import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.pdf.Paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tables stage: a table from the PDF stage to architecture graphs, hyperparameters, or "not an
 * architecture". Needs the table's cell grid (and caption); adds one validated graph per configuration,
 * with {@code source.table} and {@code source.configuration} set. Layouts read: one layer per row with one
 * configuration per column (VGG, ResNet with bracketed blocks and multipliers), module rows with branch
 * widths (GoogLeNet), and the same transposed (one layer per column). Cells are read with the diagram
 * parser's label grammar. Text from the PDF only ever becomes layer parameters and names, never code.
 */
public final class ArchitectureTableParser {
    private static final Pattern HYPERPARAMETER = Pattern.compile(
            "learning\\s*rate|\\blr\\b|batch\\s*size|epochs?|momentum|weight\\s*decay|optimi[sz]er|warm-?up|"
                    + "label\\s*smoothing|dropout|iterations|\\bsteps\\b|hidden\\s*size|\\bheads\\b|d_?model|d_?ff|embedding");

    private final GraphValidator validator = new GraphValidator();

    public TableResult parse(Paper.Table table) {
        return parse(table, null);
    }

    /** @param paper the paper's file name for {@code source.paper}; null leaves it out */
    public TableResult parse(Paper.Table table, String paper) {
        return parse(table.cells(), table.label(), table.caption(), table.page(), paper);
    }

    public TableResult parse(List<List<String>> cells, String label, String caption, Integer page, String paper) {
        CellGrid grid = CellGrid.of(cells);
        if (grid.height() < 2 || grid.width() < 1) {
            return new TableResult.NotArchitecture("the table has no cells");
        }
        String tableLabel = label == null ? "table" : label;
        List<String> problems = new ArrayList<>();
        if (ModuleRowsReader.applies(grid)) {
            Optional<NetBuilder> b = new ModuleRowsReader(grid, caption).read();
            if (b.isPresent()) {
                Optional<ConfigGraph> g = graph(b.get(), tableLabel, null, page, paper, problems);
                if (g.isPresent()) {
                    return new TableResult.Architecture(List.of(g.get()));
                }
            }
        }
        for (CellGrid g : List.of(grid, grid.transposed())) {
            ConfigColumnsReader.Read read = new ConfigColumnsReader(g, caption).read();
            if (read.failure() != null) {
                problems.add(read.failure());
                continue;
            }
            List<ConfigGraph> graphs = new ArrayList<>();
            for (int i = 0; i < read.builders().size(); i++) {
                String name = read.names().get(i);
                graph(read.builders().get(i), tableLabel, name.isEmpty() ? null : name, page, paper, problems).ifPresent(graphs::add);
            }
            if (!graphs.isEmpty()) {
                return new TableResult.Architecture(graphs);
            }
        }
        Map<String, String> hp = hyperparameters(grid);
        if (hp.size() >= 2) {
            return new TableResult.Hyperparameters(hp);
        }
        return new TableResult.NotArchitecture(problems.isEmpty() ? "no layers" : problems.get(0));
    }

    private Optional<ConfigGraph> graph(NetBuilder b, String label, String configuration, Integer page, String paper, List<String> problems) {
        Graph g;
        try {
            g = new Graph(configuration == null ? label : label + " " + configuration,
                    new GraphSource(paper, page, null, label, configuration, "table", null), b.layers(), null);
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
        GraphValidator.Report report = validator.validate(g);
        if (!report.ok()) {
            problems.add((configuration == null ? "" : configuration + ": ") + report.summary());
            return Optional.empty();
        }
        return Optional.of(new ConfigGraph(configuration == null ? label : configuration, g));
    }

    /** Name/value rows ("learning rate | 0.1") or a header row of names over one row of values. */
    private static Map<String, String> hyperparameters(CellGrid grid) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int r = 0; r < grid.height(); r++) {
            if (grid.width() >= 2 && HYPERPARAMETER.matcher(grid.cell(r, 0).toLowerCase(Locale.ROOT)).find() && !grid.cell(r, 1).isEmpty()) {
                rows.put(grid.cell(r, 0), grid.cell(r, 1));
            }
        }
        if (rows.size() >= 2 || grid.height() < 2) {
            return rows;
        }
        Map<String, String> cols = new LinkedHashMap<>();
        for (int c = 0; c < grid.width(); c++) {
            if (HYPERPARAMETER.matcher(grid.cell(0, c).toLowerCase(Locale.ROOT)).find() && !grid.cell(1, c).isEmpty()) {
                cols.put(grid.cell(0, c), grid.cell(1, c));
            }
        }
        return cols;
    }
}
