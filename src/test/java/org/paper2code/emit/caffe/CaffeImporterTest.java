package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.Formats;
import org.paper2code.emit.ImportException;
import org.paper2code.emit.caffe.proto.CaffeProto.Phase;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

class CaffeImporterTest {

    private static Graph read(String text) {
        return new CaffeImporter().read(text, "t.prototxt");
    }

    private static Layer layer(Graph g, String name) {
        return g.layer(name).orElseThrow(() -> new AssertionError("no layer " + name + " in " + g.layers()));
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        String text = "name: \"x\"\nlayer {\n  name: \"conv1\"\n  type: \"Convolution\"\n  bottom: data\n}\n";
        ImportException e = assertThrows(ImportException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("t.prototxt: line 5, column 11: "), e.getMessage());
        assertTrue(e.getMessage().contains("string"), e.getMessage());
    }

    @Test
    void unknownFieldIsASchemaError() {
        ImportException e = assertThrows(ImportException.class, () -> read("layer {\n  nmae: \"a\"\n}\n"));
        assertTrue(e.getMessage().matches("t\\.prototxt: line 2, column \\d+: .*nmae.*"), e.getMessage());
    }

    @Test
    void unknownLayerTypeNamesTheLayerAndItsLine() {
        String text = "input: \"data\"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\n"
                + "layer {\n  name: \"warp\"\n  type: \"SpatialTransformer\"\n  bottom: \"data\"\n  top: \"warp\"\n}\n";
        ImportException e = assertThrows(ImportException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("t.prototxt: line 7, column 3: layer 'warp' (SpatialTransformer): "
                + "unknown Caffe layer type 'SpatialTransformer'"), e.getMessage());
    }

    @Test
    void unknownBottomIsReported() {
        ImportException e = assertThrows(ImportException.class,
                () -> read("layer { name: \"r\" type: \"ReLU\" bottom: \"nowhere\" top: \"r\" }"));
        assertTrue(e.getMessage().contains("layer 'r' (ReLU): bottom 'nowhere' is not produced"), e.getMessage());
    }

    @Test
    void trainPhaseByDefaultTestPhaseOnRequest() throws Exception {
        String text = Files.readString(CaffeCorpus.file("mnist_lenet_train_test.prototxt"));
        Graph train = new CaffeImporter().read(text, "lenet");
        Graph test = new CaffeImporter(Phase.TEST).read(text, "lenet");
        assertTrue(train.layer("accuracy").isEmpty(), "Accuracy is TEST-only");
        assertEquals("Accuracy", layer(test, "accuracy").type());
        assertEquals(List.of("ip2", "label"), layer(test, "accuracy").from());
        // the two data layers (TRAIN and TEST) never both appear: one data and one label input
        assertEquals(2, train.inputs().size());
        assertEquals(Map.of("output_shape", List.of(1, 28, 28)), layer(train, "data").params());
        assertEquals(Map.of("output_shape", List.of()), layer(train, "label").params());
        assertEquals(Map.of("function", "softmax_cross_entropy"), Map.of("function",
                org.paper2code.graph.LayerParams.of(layer(train, "loss")).getString("function")));
        new GraphValidator().check(train);
        new GraphValidator().check(test);
    }

    @Test
    void stagesAndLevelsFollowCaffeRules() {
        String text = """
                input: "data" input_shape { dim: 1 dim: 4 }
                layer { name: "a" type: "ReLU" bottom: "data" top: "a" include { phase: TRAIN stage: "extra" } }
                layer { name: "b" type: "ReLU" bottom: "data" top: "b" exclude { phase: TEST } }
                layer { name: "c" type: "ReLU" bottom: "data" top: "c" include { min_level: 1 } }
                layer { name: "d" type: "ReLU" bottom: "data" top: "d" include { not_stage: "x" } }
                """;
        Graph g = read(text);
        assertEquals(List.of("data", "b", "d"), g.layers().stream().map(Layer::name).toList());
        assertEquals(List.of(4), layer(g, "data").param("output_shape"));
    }

    @Test
    void inPlaceLayersChainIntoADag() throws Exception {
        Graph g = CaffeCorpus.read(CaffeCorpus.file("mnist_lenet.prototxt"));
        // relu1 works in place on blob ip1; ip2 reads that blob, i.e. the ReLU's output
        assertEquals(List.of("ip1"), layer(g, "relu1").from());
        assertEquals(List.of("relu1"), layer(g, "ip2").from());
        // InnerProduct on 50x4x4 maps gets an explicit Flatten
        assertEquals("Flatten", layer(g, "ip1_flatten").type());
        assertEquals(List.of("pool2"), layer(g, "ip1_flatten").from());
        assertEquals(List.of("ip1_flatten"), layer(g, "ip1").from());
        assertEquals(Shape.of(800), new GraphValidator().check(g).get("ip1_flatten"));
    }

    @Test
    void batchNormAndScaleFoldIntoOneBatchNorm() {
        String text = """
                input: "data" input_dim: 1 input_dim: 3 input_dim: 8 input_dim: 8
                layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
                        convolution_param { num_output: 4 kernel_size: 3 pad: 1 bias_term: false } }
                layer { name: "bn_conv1" type: "BatchNorm" bottom: "conv1" top: "conv1" batch_norm_param { use_global_stats: true } }
                layer { name: "scale_conv1" type: "Scale" bottom: "conv1" top: "conv1" scale_param { bias_term: true } }
                layer { name: "conv1_relu" type: "ReLU" bottom: "conv1" top: "conv1" }
                layer { name: "bn2" type: "BatchNorm" bottom: "conv1" top: "bn2" batch_norm_param { eps: 0.001 } }
                layer { name: "sc" type: "Scale" bottom: "data" top: "sc" scale_param { bias_term: false } }
                """;
        Graph g = read(text);
        assertEquals(List.of("data", "conv1", "bn_conv1", "conv1_relu", "bn2", "sc"),
                g.layers().stream().map(Layer::name).toList());
        assertEquals(Map.of("momentum", 0.999), layer(g, "bn_conv1").params()); // scale and center are on (defaults)
        assertEquals(List.of("bn_conv1"), layer(g, "conv1_relu").from());
        assertEquals(Map.of("epsilon", 0.001, "momentum", 0.999, "scale", false, "center", false), layer(g, "bn2").params());
        assertEquals("Scale", layer(g, "sc").type());
        assertEquals(Map.of("use_bias", false, "filters", 4, "kernel_row", 3, "pad_row", 1), layer(g, "conv1").params());
        new GraphValidator().check(g);
    }

    @Test
    void splitIsImplicitAndAxesLoseTheBatch() {
        String text = """
                layer { name: "in" type: "Input" top: "x" input_param { shape { dim: 2 dim: 6 dim: 5 dim: 5 } } }
                layer { name: "split" type: "Split" bottom: "x" top: "x1" top: "x2" }
                layer { name: "a" type: "Convolution" bottom: "x1" top: "a" convolution_param { num_output: 2 kernel_h: 1 kernel_w: 3 pad_w: 1 } }
                layer { name: "b" type: "Pooling" bottom: "x2" top: "b" pooling_param { pool: AVE kernel_size: 3 stride: 1 pad: 1 } }
                layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" top: "cat" }
                layer { name: "sum" type: "Eltwise" bottom: "cat" bottom: "cat" top: "sum" eltwise_param { operation: MAX } }
                layer { name: "sm" type: "Softmax" bottom: "sum" top: "sm" }
                layer { name: "lrelu" type: "ReLU" bottom: "sm" top: "sm" relu_param { negative_slope: 0.1 } }
                layer { name: "gp" type: "Pooling" bottom: "sm" top: "gp" pooling_param { pool: MAX global_pooling: true } }
                """;
        Graph g = read(text);
        assertEquals(List.of("in"), layer(g, "a").from());
        assertEquals(List.of("in"), layer(g, "b").from());
        assertEquals(Map.of("filters", 2, "kernel_row", 1, "kernel_col", 3, "pad_row", 0, "pad_col", 1), layer(g, "a").params());
        assertEquals(Map.of("function", "AVG", "kernel_row", 3, "stride_row", 1, "pad_row", 1, "ceil_mode", true),
                layer(g, "b").params());
        assertEquals(Map.of(), layer(g, "cat").params()); // Caffe axis 1 is our default axis 0
        assertEquals("Maximum", layer(g, "sum").type());
        assertEquals(Map.of("axis", 0), layer(g, "sm").params());
        assertEquals(Map.of("function", "leaky_relu", "alpha", 0.1), layer(g, "lrelu").params());
        assertEquals(Map.of("function", "MAX", "keep_dims", true), layer(g, "gp").params());
        Map<String, Shape> s = new GraphValidator().check(g);
        assertEquals(Shape.of(8, 5, 5), s.get("cat"));
        assertEquals(Shape.of(8, 1, 1), s.get("gp"));
    }

    @Test
    void oldV1LayersSyntaxIsUpgraded() {
        String text = """
                name: "LeNetV1"
                input: "data"
                input_dim: 64 input_dim: 1 input_dim: 28 input_dim: 28
                layers { name: "conv1" type: CONVOLUTION bottom: "data" top: "conv1"
                         blobs_lr: 1 blobs_lr: 2 convolution_param { num_output: 20 kernel_size: 5 stride: 1 } }
                layers { name: "pool1" type: POOLING bottom: "conv1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
                layers { name: "ip1" type: INNER_PRODUCT bottom: "pool1" top: "ip1" inner_product_param { num_output: 10 } }
                layers { name: "relu" type: RELU bottom: "ip1" top: "ip1" }
                layers { name: "prob" type: SOFTMAX bottom: "ip1" top: "prob" }
                layers { name: "acc" type: ACCURACY bottom: "prob" bottom: "prob" top: "acc" include { phase: TEST } }
                """;
        Graph g = read(text);
        assertEquals("LeNetV1", g.name());
        assertEquals(List.of("data", "conv1", "pool1", "ip1_flatten", "ip1", "relu", "prob"),
                g.layers().stream().map(Layer::name).toList());
        assertEquals(Map.of("filters", 20, "kernel_row", 5), layer(g, "conv1").params());
        assertEquals(Shape.of(10), new GraphValidator().check(g).get("prob"));
    }

    @Test
    void v0NestingIsRejectedClearly() {
        ImportException e = assertThrows(ImportException.class,
                () -> read("layers { layer { name: \"conv1\" type: \"conv\" } }"));
        assertTrue(e.getMessage().contains("V0 format"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void formatsRoutesPrototxtHere() throws Exception {
        Graph g = Formats.read(Files.readString(CaffeCorpus.file("cifar10_quick.prototxt")), "cifar10_quick.prototxt");
        assertEquals("CIFAR10_quick_test", g.name());
        assertFalse(g.layers().isEmpty());
        assertEquals(Shape.of(10), new GraphValidator().check(g).get("prob"));
    }
}
