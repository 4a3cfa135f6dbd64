package org.paper2code.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCoreTest {

    static String resource(String path) throws IOException {
        try (InputStream in = GraphCoreTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Layer conv(String name, int filters, int k, String from) {
        return Layer.of("Conv2D", name, Map.of("filters", filters, "kernel_row", k), from);
    }

    static Layer input(String name, int... shape) {
        return Layer.of("Input", name, Map.of("output_shape", java.util.Arrays.stream(shape).boxed().toList()));
    }

    @Test
    void lenetShapesFollowThePaper() throws IOException {
        Graph g = GraphJson.read(resource("/graphs/lenet5.json"));
        Map<String, Shape> shapes = new GraphValidator().check(g);
        assertEquals("6x28x28", shapes.get("C1").toString());
        assertEquals("6x14x14", shapes.get("S2").toString());
        assertEquals("16x10x10", shapes.get("C3").toString());
        assertEquals("16x5x5", shapes.get("S4").toString());
        assertEquals("400", shapes.get("flatten").toString());
        assertEquals("84", shapes.get("F6").toString());
        assertEquals("10", shapes.get("prob").toString());
        assertEquals(0.9, g.training().number("momentum").orElseThrow());
    }

    @Test
    void jsonRoundTripKeepsEverything() throws IOException {
        Graph g = GraphJson.read(resource("/graphs/lenet5.json"));
        String once = GraphJson.write(g);
        Graph again = GraphJson.read(once);
        assertEquals(g, again);
        assertEquals(once, GraphJson.write(again));
        assertTrue(once.contains("\"layer_type\" : \"Conv2D\""), "seed keys are kept");
    }

    @Test
    void seedBareListIsRead() {
        Graph g = GraphJson.read("[{\"layer_type\":\"Input\",\"layer_name\":\"in\",\"layer_params\":{\"output_shape\":[10]},\"from_layers\":[]},"
                + "{\"layer_type\":\"Dense\",\"layer_name\":\"fc\",\"layer_params\":{\"units\":3,\"trainable\":true},\"from_layers\":[\"in\"]}]");
        assertEquals(Shape.of(3), new GraphValidator().check(g).get("fc"));
    }

    @Test
    void caffeShapeRulesMatchAlexNetAndGoogLeNet() {
        // AlexNet conv1: 227, k11, s4 -> 55; pool1 k3 s2 ceil -> 27
        Graph g = new Graph(List.of(input("data", 3, 227, 227),
                Layer.of("Conv2D", "conv1", Map.of("filters", 96, "kernel_row", 11, "stride_row", 4), "data"),
                Layer.of("Pooling2D", "pool1", Map.of("kernel_row", 3, "stride_row", 2, "ceil_mode", true), "conv1"),
                Layer.of("Conv2D", "conv2", Map.of("filters", 256, "kernel_row", 5, "pad_row", 2, "groups", 2), "pool1")));
        Map<String, Shape> s = new GraphValidator().check(g);
        assertEquals(Shape.of(96, 55, 55), s.get("conv1"));
        assertEquals(Shape.of(96, 27, 27), s.get("pool1"));
        assertEquals(Shape.of(256, 27, 27), s.get("conv2"));
        // GoogLeNet pool1: 112, k3 s2 ceil -> 56 (floor would give 55)
        Graph g2 = new Graph(List.of(input("x", 64, 112, 112),
                Layer.of("Pooling2D", "p", Map.of("kernel_row", 3, "stride_row", 2, "ceil_mode", true), "x"),
                Layer.of("Pooling2D", "q", Map.of("kernel_row", 3, "stride_row", 2), "x")));
        Map<String, Shape> s2 = new GraphValidator().check(g2);
        assertEquals(Shape.of(64, 56, 56), s2.get("p"));
        assertEquals(Shape.of(64, 55, 55), s2.get("q"));
    }

    @Test
    void samePaddingUsesTensorFlowRule() {
        Graph g = new Graph(List.of(input("x", 3, 225, 225),
                Layer.of("Conv2D", "c", Map.of("filters", 8, "kernel_row", 3, "stride_row", 2, "border_mode", "same"), "x")));
        assertEquals(Shape.of(8, 113, 113), new GraphValidator().check(g).get("c"));
    }

    @Test
    void branchesConcatAndResidualAdd() {
        Graph g = new Graph(List.of(input("x", 64, 28, 28), conv("a", 32, 1, "x"),
                Layer.of("Conv2D", "b", Map.of("filters", 16, "kernel_row", 3, "pad_row", 1), "x"),
                Layer.of("Concat", "cat", Map.of(), "a", "b"),
                Layer.of("Conv2D", "proj", Map.of("filters", 64, "kernel_row", 1), "cat"),
                Layer.of("Add", "sum", Map.of(), "proj", "x")));
        Map<String, Shape> s = new GraphValidator().check(g);
        assertEquals(Shape.of(48, 28, 28), s.get("cat"));
        assertEquals(Shape.of(64, 28, 28), s.get("sum"));
    }

    @Test
    void recurrentAndAttentionShapes() {
        Graph g = new Graph(List.of(input("tokens", 40),
                Layer.of("Embedding", "emb", Map.of("input_dim", 5000, "output_dim", 128), "tokens"),
                Layer.of("Bidirectional", "bi", Map.of("units", 64, "return_sequences", true), "emb"),
                Layer.of("MultiHeadAttention", "att", Map.of("num_heads", 4, "key_dim", 32), "bi"),
                Layer.of("Add", "res", Map.of(), "att", "bi"),
                Layer.of("LayerNorm", "ln", Map.of(), "res"),
                Layer.of("GRU", "gru", Map.of("units", 32), "ln"),
                Layer.of("Dense", "out", Map.of("units", 5), "gru")));
        Map<String, Shape> s = new GraphValidator().check(g);
        assertEquals(Shape.of(40, 128), s.get("emb"));
        assertEquals(Shape.of(40, 128), s.get("bi"));
        assertEquals(Shape.of(32), s.get("gru"));
        assertEquals(Shape.of(5), s.get("out"));
    }

    @Test
    void validationNamesTheLayerAndReason() {
        Graph g = new Graph(List.of(input("x", 3, 32, 32),
                Layer.of("Conv2d", "c1", Map.of("filters", 8, "kernel_row", 3), "x"),
                Layer.of("Conv2D", "c2", Map.of("filters", "many", "kernel_row", 3, "colour", 1), "x"),
                Layer.of("Conv2D", "c2", Map.of("filters", 8, "kernel_row", 3), "ghost"),
                Layer.of("Add", "sum", Map.of(), "x"),
                Layer.of("Pooling2D", "p", Map.of("function", "MEDIAN", "kernel_row", 2), "x"),
                Layer.of("Dense", "d", Map.of(), "x")));
        GraphValidator.Report r = new GraphValidator().validate(g);
        assertFalse(r.ok());
        String all = r.summary();
        assertTrue(all.contains("layer 'c1': unknown layer type 'Conv2d'; did you mean 'Conv2D'?"), all);
        assertTrue(all.contains("layer 'c2': parameter 'filters' must be int but is \"many\""), all);
        assertTrue(all.contains("layer 'c2': Conv2D has no parameter 'colour'"), all);
        assertTrue(all.contains("layer 'c2': duplicate layer_name"), all);
        assertTrue(all.contains("layer 'c2': from_layers names 'ghost', which is not a layer of this graph"), all);
        assertTrue(all.contains("layer 'sum': Add takes at least 2 input(s) but has 1"), all);
        assertTrue(all.contains("layer 'p': parameter 'function' is 'MEDIAN', not one of [MAX, AVG]"), all);
        assertTrue(all.contains("layer 'd': Dense needs parameter 'units'"), all);
    }

    @Test
    void cyclesAreFound() {
        Graph g = new Graph(List.of(input("x", 10),
                Layer.of("Dense", "a", Map.of("units", 10), "x", "b"),
                Layer.of("Dense", "b", Map.of("units", 10), "a")));
        GraphException e = assertThrows(GraphException.class, () -> new GraphValidator().check(g));
        assertTrue(e.getMessage().contains("cycle through layers [a, b]"), e.getMessage());
    }

    @Test
    void shapeMismatchesNameTheLayer() {
        Graph dense = new Graph(List.of(input("x", 3, 8, 8), Layer.of("Dense", "fc", Map.of("units", 4), "x")));
        GraphException e = assertThrows(GraphException.class, () -> new GraphValidator().check(dense));
        assertTrue(e.getMessage().contains("layer 'fc' (Dense, input [3x8x8]): Dense needs a vector"), e.getMessage());
        assertTrue(e.getMessage().contains("add a Flatten"), e.getMessage());

        Graph add = new Graph(List.of(input("x", 3, 8, 8), conv("c", 4, 3, "x"), Layer.of("Add", "sum", Map.of(), "x", "c")));
        e = assertThrows(GraphException.class, () -> new GraphValidator().check(add));
        assertTrue(e.getMessage().contains("layer 'sum'") && e.getMessage().contains("one shape"), e.getMessage());

        Graph big = new Graph(List.of(input("x", 3, 4, 4), conv("c", 4, 7, "x")));
        e = assertThrows(GraphException.class, () -> new GraphValidator().check(big));
        assertTrue(e.getMessage().contains("layer 'c'") && e.getMessage().contains("larger than the padded input"), e.getMessage());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        GraphException e = assertThrows(GraphException.class,
                () -> GraphJson.read("{\"format\": \"paper2code-graph/1\",\n \"layers\": [\n {\"layer_type\": \"Input\", "));
        assertTrue(e.getMessage().startsWith("malformed JSON at line 3"), e.getMessage());
        e = assertThrows(GraphException.class, () -> GraphJson.read("{\"layers\": [{\"layer_type\": \"Input\"}]}"));
        assertTrue(e.getMessage().contains("layers[0]") && e.getMessage().contains("layer_name"), e.getMessage());
        e = assertThrows(GraphException.class, () -> GraphJson.read("{\"format\": \"other/2\", \"layers\": []}"));
        assertTrue(e.getMessage().contains("unsupported format"), e.getMessage());
    }

    @Test
    void topologicalOrderKeepsDocumentOrderWhenPossible() {
        Graph g = new Graph(List.of(Layer.of("Dense", "b", Map.of("units", 2), "a"), input("a", 4),
                Layer.of("Dense", "c", Map.of("units", 2), "a")));
        assertEquals(List.of("a", "b", "c"), Topology.order(g).stream().map(Layer::name).toList());
    }

    @Test
    void defaultsKeepTheirTypes() {
        LayerParams p = LayerParams.of(Layer.of("Conv2D", "c", Map.of("filters", 8, "kernel_row", 3)));
        assertEquals(Integer.valueOf(1), p.get("stride_col"), "int default stays an Integer");
        assertEquals(Integer.valueOf(3), p.get("kernel_col"), "=kernel_row reference");
        assertEquals(Boolean.TRUE, p.get("use_bias"));
        assertEquals(0.5, LayerParams.of(Layer.of("Dropout", "d", Map.of())).get("rate"));
    }

    @Test
    void everyCatalogueTypeHasADescribedShapeRuleAndParams() {
        LayerCatalogue c = LayerCatalogue.standard();
        assertTrue(c.all().size() >= 37);
        for (String t : List.of("Input", "Conv1D", "Conv2D", "Conv3D", "Deconv2D", "Pooling1D", "Pooling2D", "Pooling3D",
                "GlobalPooling2D", "Dense", "Dropout", "BatchNorm", "LRN", "LayerNorm", "Activation", "Softmax", "Flatten",
                "Reshape", "Concat", "Add", "Multiply", "Embedding", "SimpleRNN", "LSTM", "GRU", "Bidirectional",
                "MultiHeadAttention", "Upsampling2D", "ZeroPadding2D", "Crop2D", "RoIPooling", "Output", "Loss")) {
            LayerSpec s = c.spec(t).orElseThrow(() -> new AssertionError("missing " + t));
            assertFalse(s.shapeRuleText().isBlank(), t);
            s.params().values().forEach(p -> assertFalse(p.description().isBlank(), t + "." + p.name()));
        }
    }
}
