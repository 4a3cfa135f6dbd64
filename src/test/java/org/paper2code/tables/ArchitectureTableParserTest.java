package org.paper2code.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.GraphMatcher;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;

/** Layouts and cell forms on small hand-made grids (the real tables are in RealTablesTest). */
class ArchitectureTableParserTest {
    private final ArchitectureTableParser parser = new ArchitectureTableParser();

    private static final List<List<String>> ROWS = List.of(
            List.of("Layer", "Configuration", "Output size"),
            List.of("input", "input 32x32x3", "3 × 32 × 32"),
            List.of("conv1", "conv3-32", "32 × 32 × 32"),
            List.of("pool1", "maxpool", "32 × 16 × 16"),
            List.of("conv2", "conv5-64 /2", "64 × 8 × 8"),
            List.of("fc1", "FC-10", "10"));

    private static List<List<String>> transpose(List<List<String>> rows) {
        List<List<String>> t = new ArrayList<>();
        for (int c = 0; c < rows.get(0).size(); c++) {
            List<String> row = new ArrayList<>();
            for (List<String> r : rows) {
                row.add(r.get(c));
            }
            t.add(row);
        }
        return t;
    }

    private Graph single(List<List<String>> cells) {
        TableResult r = parser.parse(cells, "Table 2", "Layer configuration.", 4, "p.pdf");
        TableResult.Architecture a = assertInstanceOf(TableResult.Architecture.class, r);
        assertEquals(1, a.configurations().size());
        return a.configurations().get(0).graph();
    }

    @Test
    void rowPerLayerAndColumnPerLayerGiveTheSameGraph() {
        Graph rows = single(ROWS);
        Graph cols = single(transpose(ROWS));
        assertEquals(List.of("Input", "Conv2D", "Pooling2D", "Conv2D", "Flatten", "Dense"), rows.layers().stream().map(Layer::type).toList());
        assertEquals(List.of(3, 32, 32), rows.layers().get(0).param("output_shape"));
        assertEquals(2, rows.layers().get(3).param("stride_row"));
        assertEquals(List.of(10), new GraphValidator().check(rows).get("fc1").dims());
        assertEquals("Table 2", rows.source().table());
        assertEquals(null, rows.source().configuration());
        GraphMatcher.Match m = new GraphMatcher().match(cols, rows);
        assertEquals(true, m.exact(), m.toString());
    }

    @Test
    void spanningCellsApplyToEveryConfigurationAndMultipliersRepeatBlocks() {
        List<List<String>> cells = List.of(
                List.of("stage", "small", "medium", "large"),
                List.of("conv1", "", "7×7, 16, stride 2", ""),
                List.of("", "", "3×3 max pool, stride 2", ""),
                List.of("", "3×3, 16", "3×3, 16", "1×1, 16"),
                List.of("stage2", "×1", "×2", "3×3, 16 ×3"),
                List.of("", "3×3, 16", "3×3, 16", "1×1, 64"),
                List.of("", "", "average pool, 10-d fc, softmax", ""));
        TableResult r = parser.parse(cells, "Table 1", "Building blocks in brackets.", 1, null);
        TableResult.Architecture a = assertInstanceOf(TableResult.Architecture.class, r);
        assertEquals(List.of("small", "medium", "large"), a.configurations().stream().map(ConfigGraph::configuration).toList());
        List<Long> adds = a.configurations().stream().map(c -> c.graph().layers().stream().filter(l -> l.type().equals("Add")).count()).toList();
        assertEquals(List.of(1L, 2L, 3L), adds);
        Graph large = a.configurations().get(2).graph();
        // the first bottleneck widens 16 -> 64: a 1x1 projection on the shortcut; the later ones add the identity
        assertEquals(1, large.layers().stream().filter(l -> l.name().startsWith("proj")).count());
        assertEquals(List.of(10), new GraphValidator().check(large).get(large.outputs().get(0).name()).dims());
    }

    @Test
    void resultsAndHyperparameterTablesAreRecognised() {
        assertInstanceOf(TableResult.NotArchitecture.class, parser.parse(List.of(
                List.of("Method", "top-1 err.", "top-5 err."),
                List.of("VGG-16", "28.07", "9.33"),
                List.of("dense", "24.8", "7.5"),
                List.of("ResNet-152", "21.43", "5.71")), "Table 3", "Error rates.", 6, null));
        TableResult h = parser.parse(List.of(
                List.of("learning rate", "0.1"),
                List.of("batch size", "256"),
                List.of("weight decay", "0.0001")), "Table 4", "Training settings.", 7, null);
        assertEquals("256", assertInstanceOf(TableResult.Hyperparameters.class, h).values().get("batch size"));
    }
}
