package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.NetParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.SolverParameter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Training;

class CaffeEmitterTest {
    private static final String INJECTED = "x\"); import os; os.system(\"id";

    private static Layer l(String type, String name, Map<String, Object> params, String... from) {
        return Layer.of(type, name, params, from);
    }

    private static NetParameter parse(String text) throws Exception {
        NetParameter.Builder b = NetParameter.newBuilder();
        TextFormat.merge(text, b);
        return b.build();
    }

    @Test
    void hostileNamesStayData() throws Exception {
        Graph g = new Graph("net\" } layer { name: \"evil", null, List.of(
                l("Input", INJECTED, Map.of("output_shape", List.of(3, 8, 8))),
                l("Conv2D", "conv\n}\nlayer {", Map.of("filters", 4, "kernel_row", 3), INJECTED),
                l("Activation", "}", Map.of("function", "relu"), "conv\n}\nlayer {"),
                l("Flatten", "\"_flatten", Map.of(), "}"),
                l("Dense", "\"", Map.of("units", 2), "\"_flatten"),
                l("Lambda", "lambda\n# layer {", Map.of(), "\"")), null);
        new GraphValidator().check(g);
        String text = new CaffeEmitter().emit(g).get(0).content();

        NetParameter net = parse(text);
        assertEquals("net\" } layer { name: \"evil", net.getName());
        // exactly the graph's layers (the Lambda is an identity, the Flatten implicit in InnerProduct): nothing injected
        assertEquals(List.of(INJECTED, "conv\n}\nlayer {", "}", "\""), net.getLayerList().stream().map(LayerParameter::getName).toList());
        assertEquals(List.of(INJECTED), net.getLayer(1).getBottomList());
        // the Lambda's note is one comment line
        assertTrue(text.lines().filter(s -> s.startsWith("# NOTE")).allMatch(s -> s.contains("lambda?# layer {")), text);
        assertFalse(text.lines().anyMatch(s -> s.startsWith("import") || s.startsWith("layer { name")), text);

        Graph back = new CaffeImporter().read(text, "net.prototxt");
        assertEquals(g.layers().subList(0, 5), back.layers());
        assertEquals(g.name(), back.name());
    }

    @Test
    void kerasStyleGraphBecomesCaffeLayers() throws Exception {
        Graph g = new Graph(List.of(
                l("Input", "image", Map.of("output_shape", List.of(3, 32, 32))),
                l("Conv2D", "conv", Map.of("filters", 8, "kernel_row", 3, "stride_row", 2, "border_mode", "same",
                        "activation", "relu"), "image"),
                l("BatchNorm", "bn", Map.of("epsilon", 0.001), "conv"),
                l("BatchNorm", "bn_shift", Map.of("scale", false), "bn"),
                l("Pooling2D", "pool", Map.of("kernel_row", 2), "bn_shift"),
                l("GlobalPooling2D", "gap", Map.of(), "pool"),
                l("Dense", "fc", Map.of("units", 10, "activation", "softmax"), "gap")));
        Map<String, Shape> shapes = new GraphValidator().check(g);
        NetParameter net = parse(new CaffeEmitter().emit(g).get(0).content());
        assertEquals(List.of("Input", "Convolution", "ReLU", "BatchNorm", "Scale", "BatchNorm", "Bias", "Pooling",
                "Pooling", "Flatten", "InnerProduct", "Softmax"), net.getLayerList().stream().map(LayerParameter::getType).toList());
        LayerParameter conv = net.getLayer(1);
        assertEquals(List.of(1), conv.getConvolutionParam().getPadList()); // 'same' with k3 s2 on 32 -> 16
        assertEquals("conv_relu", net.getLayer(2).getName());
        assertEquals(List.of("conv"), net.getLayer(2).getTopList()); // fused ReLU in place
        assertEquals("bn_scale", net.getLayer(4).getName());
        assertTrue(net.getLayer(4).getScaleParam().getBiasTerm());
        assertEquals(2, net.getLayer(7).getPoolingParam().getStride());
        assertEquals(List.of("fc_softmax"), net.getLayer(11).getTopList());

        Graph back = new CaffeImporter().read(CaffeText.print(net), "net.prototxt");
        Map<String, Shape> backShapes = new GraphValidator().check(back);
        assertEquals(shapes.get("fc"), backShapes.get("fc_softmax"));
        assertEquals(shapes.get("conv"), backShapes.get("conv"));
        assertEquals(Map.of("epsilon", 0.001), back.layer("bn").orElseThrow().params());
        assertEquals(Map.of("scale", false), back.layer("bn_shift").orElseThrow().params());
    }

    @Test
    void layersCaffeCannotExpressAreNamed() {
        Graph lstm = new Graph(List.of(
                l("Input", "tokens", Map.of("output_shape", List.of(20, 16))),
                l("LSTM", "encoder", Map.of("units", 32), "tokens")));
        CaffeEmitException e = assertThrows(CaffeEmitException.class, () -> new CaffeEmitter().emit(lstm));
        assertTrue(e.getMessage().startsWith("layer 'encoder' (LSTM): "), e.getMessage());

        Graph mha = new Graph(List.of(
                l("Input", "seq", Map.of("output_shape", List.of(20, 16))),
                l("MultiHeadAttention", "attn", Map.of("num_heads", 2, "key_dim", 8), "seq")));
        e = assertThrows(CaffeEmitException.class, () -> new CaffeEmitter().emit(mha));
        assertTrue(e.getMessage().startsWith("layer 'attn' (MultiHeadAttention): "), e.getMessage());

        Graph floorPool = new Graph(List.of(
                l("Input", "x", Map.of("output_shape", List.of(3, 7, 7))),
                l("Pooling2D", "p", Map.of("kernel_row", 2), "x")));
        e = assertThrows(CaffeEmitException.class, () -> new CaffeEmitter().emit(floorPool));
        assertTrue(e.getMessage().startsWith("layer 'p' (Pooling2D): Caffe would compute 4 along row where the graph has 3"),
                e.getMessage());

        Graph gelu = new Graph(List.of(
                l("Input", "x", Map.of("output_shape", List.of(4))),
                l("Activation", "act", Map.of("function", "gelu"), "x")));
        e = assertThrows(CaffeEmitException.class, () -> new CaffeEmitter().emit(gelu));
        assertTrue(e.getMessage().startsWith("layer 'act' (Activation): Caffe has no 'gelu' activation"), e.getMessage());
    }

    private static Graph lenet(Map<String, Object> training) throws Exception {
        return CaffeCorpus.read(CaffeCorpus.file("mnist_lenet.prototxt")).withTraining(new Training(training));
    }

    @Test
    void solverFromTrainingBlock() throws Exception {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("optimizer", "sgd");
        t.put("learning_rate", 0.01);
        t.put("momentum", 0.9);
        t.put("weight_decay", 0.0005);
        t.put("batch_size", 64);
        t.put("iterations", 10000);
        t.put("lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_size", 5000));
        List<Artifact> out = new CaffeEmitter().emit(lenet(t));
        assertEquals(List.of("net.prototxt", "solver.prototxt"), out.stream().map(Artifact::fileName).toList());
        SolverParameter s = CaffeText.parseSolver(out.get(1).content(), "solver.prototxt");
        assertEquals("net.prototxt", s.getNet());
        assertEquals("SGD", s.getType());
        assertEquals(0.01f, s.getBaseLr());
        assertEquals(0.9f, s.getMomentum());
        assertEquals(0.0005f, s.getWeightDecay());
        assertEquals("step", s.getLrPolicy());
        assertEquals(0.1f, s.getGamma());
        assertEquals(5000, s.getStepsize());
        assertEquals(10000, s.getMaxIter());
        // the net's inputs carry the training batch size
        assertEquals(64L, parse(out.get(0).content()).getLayer(0).getInputParam().getShape(0).getDim(0));
    }

    @Test
    void maxIterFromEpochsUsesTheDatasetTheInputSuggests() throws Exception {
        Map<String, Object> t = Map.of("optimizer", "adam", "learning_rate", 0.001, "beta1", 0.9, "beta2", 0.999,
                "epochs", 10, "batch_size", 100, "lr_schedule", Map.of("policy", "multistep", "gamma", 0.5,
                        "steps", List.of(2000, 4000)));
        Artifact solver = new CaffeEmitter().emit(lenet(t)).get(1);
        SolverParameter s = CaffeText.parseSolver(solver.content(), "solver.prototxt");
        assertEquals("Adam", s.getType());
        assertEquals(6000, s.getMaxIter()); // 10 epochs x 60000 MNIST examples / 100
        assertEquals(0.9f, s.getMomentum());
        assertEquals(0.999f, s.getMomentum2());
        assertEquals("multistep", s.getLrPolicy());
        assertEquals(List.of(2000, 4000), s.getStepvalueList());
        assertTrue(solver.content().contains("# NOTE: max_iter and epoch-based steps assume 60000 training examples"),
                solver.content());

        Map<String, Object> sized = Map.of("optimizer", "sgd", "nesterov", true, "learning_rate", 0.1, "epochs", 3,
                "batch_size", 128, "dataset_size", 1000);
        s = CaffeText.parseSolver(new CaffeEmitter().emit(lenet(sized)).get(1).content(), "solver.prototxt");
        assertEquals("Nesterov", s.getType());
        assertEquals(24, s.getMaxIter()); // 3 x ceil(1000 / 128)
        assertEquals("fixed", s.getLrPolicy());

        Artifact unknown = new CaffeEmitter().emit(lenet(Map.of("optimizer", "lbfgs", "epochs", 5))).get(1);
        s = CaffeText.parseSolver(unknown.content(), "solver.prototxt");
        assertFalse(s.hasMaxIter());
        assertTrue(unknown.content().contains("# NOTE: optimizer 'lbfgs' has no Caffe solver"), unknown.content());
    }

    @Test
    void epochStepsBecomeIterations() throws Exception {
        // 60000 MNIST examples / batch 100 = 600 iterations per epoch
        Map<String, Object> step = Map.of("learning_rate", 0.01, "epochs", 10, "batch_size", 100,
                "lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_epochs", 3));
        SolverParameter s = CaffeText.parseSolver(new CaffeEmitter().emit(lenet(step)).get(1).content(), "solver.prototxt");
        assertEquals("step", s.getLrPolicy());
        assertEquals(1800, s.getStepsize());
        assertEquals(6000, s.getMaxIter());

        Map<String, Object> multi = Map.of("learning_rate", 0.01, "iterations", 5000, "batch_size", 100, "dataset_size", 1000,
                "lr_schedule", Map.of("policy", "multistep", "gamma", 0.1, "steps_epochs", List.of(30, 60)));
        s = CaffeText.parseSolver(new CaffeEmitter().emit(lenet(multi)).get(1).content(), "solver.prototxt");
        assertEquals("multistep", s.getLrPolicy());
        assertEquals(List.of(300, 600), s.getStepvalueList()); // 10 iterations per epoch
        assertEquals(5000, s.getMaxIter());

        // no batch size: the epochs cannot become iterations, a note says how
        Artifact unknown = new CaffeEmitter().emit(lenet(Map.of("learning_rate", 0.01, "epochs", 10,
                "lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_epochs", 3)))).get(1);
        s = CaffeText.parseSolver(unknown.content(), "solver.prototxt");
        assertFalse(s.hasStepsize());
        assertTrue(unknown.content().contains("# NOTE: the learning rate decays at epochs every 3 but the iterations per epoch are unknown: "
                + "set stepsize = epochs x training examples / batch size"), unknown.content());
    }

    @Test
    void everyMappedTypeRoundTrips() {
        Graph g = new Graph("mix", null, List.of(
                l("Input", "x", Map.of("output_shape", List.of(4, 10, 10))),
                l("Input", "y", Map.of("output_shape", List.of())),
                l("Deconv2D", "up", Map.of("filters", 4, "kernel_row", 4, "stride_row", 2, "pad_row", 1, "use_bias", false), "x"),
                l("Pooling2D", "down", Map.of("function", "AVG", "kernel_row", 3, "kernel_col", 2, "stride_row", 2,
                        "stride_col", 1, "ceil_mode", true), "up"),
                l("Conv2D", "c", Map.of("filters", 6, "kernel_row", 3, "dilation_row", 2, "groups", 2, "pad_row", 2), "x"),
                l("Scale", "s", Map.of("bias_term", true), "c"),
                l("LRN", "n", Map.of("local_size", 3, "norm_region", "WITHIN_CHANNEL", "k", 2.0), "s"),
                l("Activation", "e", Map.of("function", "elu", "alpha", 0.5), "n"),
                l("Activation", "lr", Map.of("function", "leaky_relu", "alpha", 0.2), "x"),
                l("Activation", "sp", Map.of("function", "softplus"), "lr"),
                l("Multiply", "m", Map.of(), "sp", "x"),
                l("Concat", "cat", Map.of(), "e", "m"),
                l("Reshape", "r", Map.of("output_shape", List.of(10, -1)), "cat"),
                l("Conv1D", "c1", Map.of("filters", 3, "kernel_row", 5, "pad_row", 2, "stride_row", 2), "r"),
                l("Dense", "seq", Map.of("units", 7, "use_bias", false), "c1"),
                l("Softmax", "sm", Map.of("axis", 1), "seq"),
                l("Dropout", "d", Map.of("rate", 0.25), "sm"),
                l("Flatten", "f", Map.of(), "d"),
                l("Dense", "out", Map.of("units", 5), "f"),
                l("Loss", "loss", Map.of("function", "euclidean", "loss_weight", 0.5), "out", "y"),
                l("Accuracy", "acc", Map.of("top_k", 3), "out", "y")), null);
        Map<String, Shape> shapes = new GraphValidator().check(g);
        String text = new CaffeEmitter().emit(g).get(0).content();
        Graph back = new CaffeImporter().read(text, "net.prototxt");
        assertEquals(g.layers(), back.layers(), text);
        assertEquals(shapes, new GraphValidator().check(back));
        assertEquals(Shape.of(3, 50), shapes.get("c1"));
    }
}
