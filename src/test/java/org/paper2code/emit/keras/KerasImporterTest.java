package org.paper2code.emit.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paper2code.emit.ImportException;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/** Keras model JSON (Keras 1, 2, 3; Sequential, Functional, nested) into validated, channels-first graphs. */
class KerasImporterTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus-real/keras");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Graph importFile(Path p) throws IOException {
        return new KerasImporter().read(Files.readString(p, StandardCharsets.UTF_8), p.getFileName().toString());
    }

    static Map<String, Shape> shapes(Graph g) {
        return new GraphValidator().check(g);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyRealKerasFileImportsAndValidates(Path file) throws IOException {
        Graph g = importFile(file);
        Map<String, Shape> shapes = shapes(g);
        assertFalse(g.layers().isEmpty());
        assertEquals(1, g.inputs().size(), "one Input in " + file);
        assertTrue(g.layers().stream().noneMatch(l -> l.params().values().stream()
                .anyMatch(v -> String.valueOf(v).contains("\u0000"))), "no marshalled code kept");
        assertEquals(g.layers().size(), shapes.size());
    }

    @Test
    void corpusCopyMatchesSharedCorpusWhenPresent() throws IOException {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/keras");
        Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/corpus-real/keras is absent: skipping the comparison");
        try (Stream<Path> s = Files.list(shared)) {
            for (Path p : s.toList()) {
                assertEquals(Files.readString(p), Files.readString(CORPUS.resolve(p.getFileName())), p.toString());
            }
        }
        String sources = Files.readString(CORPUS.resolve("SOURCES.tsv"));
        try (Stream<Path> s = Files.list(shared)) {
            for (Path p : s.toList()) {
                assertTrue(sources.contains("keras/" + p.getFileName() + "\t"), "SOURCES.tsv lists " + p.getFileName());
            }
        }
    }

    @Test
    void smallCnnIsChannelsFirstWithFusedActivationsSplitOut() throws IOException {
        Graph g = importFile(CORPUS.resolve("cnn_sequential_keras2.0.6.json"));
        Map<String, Shape> s = shapes(g);
        assertEquals(List.of(3, 150, 150), g.layers().get(0).param("output_shape"));
        assertEquals(Shape.of(32, 148, 148), s.get("conv2d_1"));
        assertEquals(Shape.of(64, 17, 17), s.get("max_pooling2d_3"));
        assertEquals(Shape.of(64 * 17 * 17), s.get("flatten_1"));
        assertEquals("Activation", g.layer("activation_5").orElseThrow().type());
        assertEquals("sigmoid", g.layer("activation_5").orElseThrow().param("function"));
        assertEquals(Shape.of(1), s.get("activation_5"));
    }

    @Test
    void nestedSequentialIsFlattened() throws IOException {
        Graph g = importFile(CORPUS.resolve("dec_autoencoder_sequential.json"));
        List<String> names = g.layers().stream().map(Layer::name).toList();
        assertEquals(List.of("encoder_dense_1_input", "encoder_dense_1", "encoder_dense_2", "encoder_dense_3",
                "encoder_dense_4", "clustering"), names);
        assertEquals(List.of("encoder_dense_4"), g.layer("clustering").orElseThrow().from());
        assertEquals(Shape.of(100), shapes(g).get("clustering"));
        assertEquals("Lambda", g.layer("clustering").orElseThrow().type());
    }

    @Test
    void lambdaKeepsNoCode() throws IOException {
        Graph g = importFile(CORPUS.resolve("pilotnet_behavioral_cloning_keras1.json"));
        Layer lambda = g.layer("lambda_1").orElseThrow();
        assertEquals("Lambda", lambda.type());
        assertEquals(List.of("note"), List.copyOf(lambda.params().keySet()));
        assertEquals(Shape.of(3, 64, 64), shapes(g).get("lambda_1"));
        assertEquals(Shape.of(64, 1, 1), shapes(g).get("conv2d_5"));
    }

    @Test
    void bidirectionalAndTimeDistributed() throws IOException {
        Graph g = importFile(CORPUS.resolve("bilstm_pos_tagger_sequential.json"));
        Map<String, Shape> s = shapes(g);
        Layer bi = g.layer("bidirectional_1").orElseThrow();
        assertEquals(256, bi.param("units"));
        assertEquals(true, bi.param("return_sequences"));
        assertEquals(Shape.of(-1, 512), s.get("bidirectional_1"));
        assertEquals("Dense", g.layer("time_distributed_1").orElseThrow().type());
        assertEquals(Shape.of(-1, 27), s.get("time_distributed_1"));
        assertEquals("Softmax", g.layer("activation_1").orElseThrow().type());
    }

    @Test
    void keras1FunctionalWithThOrdering() throws IOException {
        Graph g = importFile(Path.of("src/test/resources/keras/keras1_functional_th.json"));
        Map<String, Shape> s = shapes(g);
        assertEquals(Shape.of(3, 32, 32), s.get("input_1"));
        assertEquals(Shape.of(24, 32, 32), s.get("merge_1"));
        assertEquals(0, g.layer("merge_1").orElseThrow().param("axis") == null ? 0 : g.layer("merge_1").get().param("axis"));
        assertEquals("Concat", g.layer("merge_1").orElseThrow().type());
        assertEquals(0.25, g.layer("dropout_1").orElseThrow().param("rate"));
        assertEquals(Shape.of(10), s.get("dense_1"));
        assertEquals("softmax", g.layer("dense_1").orElseThrow().param("activation"));
        assertEquals("same", g.layer("conv_a").orElseThrow().param("border_mode"));
    }

    @Test
    void keras3ArgsLayout() throws IOException {
        Graph g = importFile(Path.of("src/test/resources/keras/keras3_functional.json"));
        Map<String, Shape> s = shapes(g);
        assertEquals(Shape.of(1, 28, 28), s.get("img"));
        assertEquals(List.of("c1", "c2"), g.layer("add").orElseThrow().from());
        assertEquals(Shape.of(16, 28, 28), s.get("cat"));
        assertEquals(0.9, g.layer("bn").orElseThrow().param("momentum"));
        assertEquals(null, g.layer("bn").orElseThrow().param("axis"), "channels-last axis -1 is the default axis 0");
        assertEquals(Shape.of(10), s.get("out"));
    }

    @Test
    void attentionWithValueInKwargs() throws IOException {
        Graph g = importFile(Path.of("src/test/resources/keras/keras2_attention.json"));
        Map<String, Shape> s = shapes(g);
        assertEquals(List.of("tokens"), g.layer("self_attn").orElseThrow().from());
        assertEquals(List.of("ln", "memory"), g.layer("cross_attn").orElseThrow().from());
        assertEquals(Shape.of(20, 5), s.get("td"));
    }

    @Test
    void truncatedJsonNamesLineAndColumn() throws IOException {
        String text = Files.readString(CORPUS.resolve("cnn_sequential_keras2.0.6.json"));
        ImportException e = assertThrows(ImportException.class,
                () -> new KerasImporter().read(text.substring(0, text.length() / 2), "cut.json"));
        assertTrue(e.getMessage().matches("(?s)cut\\.json: malformed Keras JSON at line \\d+, column \\d+: .*"), e.getMessage());
    }

    @Test
    void unknownClassNamesLayerAndClass() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                 {"class_name": "Dense", "config": {"name": "d", "units": 4, "batch_input_shape": [null, 8]}},
                 {"class_name": "MyFancyLayer", "config": {"name": "fancy_1"}}]}}""";
        ImportException e = assertThrows(ImportException.class, () -> new KerasImporter().read(json, "x.json"));
        assertTrue(e.getMessage().contains("'fancy_1'") && e.getMessage().contains("MyFancyLayer"), e.getMessage());
    }

    @Test
    void denseOnFeatureMapsIsAClearError() {
        String json = """
                {"class_name": "Sequential", "config": [
                 {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": [3, 3], "batch_input_shape": [null, 8, 8, 3]}},
                 {"class_name": "Dense", "config": {"name": "head", "units": 10}}]}""";
        ImportException e = assertThrows(ImportException.class, () -> new KerasImporter().read(json, "x.json"));
        assertTrue(e.getMessage().contains("'head'") && e.getMessage().contains("Flatten"), e.getMessage());
    }
}
