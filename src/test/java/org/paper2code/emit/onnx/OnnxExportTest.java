package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.NodeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorProto;
import org.paper2code.emit.onnx.proto.OnnxProto.ValueInfoProto;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.Layer;

/** What the exported model holds: opset, parameters, metadata, skipped layers, and clear refusals. */
class OnnxExportTest {
    static ModelProto parse(Graph g) throws InvalidProtocolBufferException {
        return ModelProto.parseFrom(new OnnxExporter().export(g).bytes());
    }

    /**
     * BVLC AlexNet: conv1 34,944 + conv2 307,456 (2 groups) + conv3 885,120 + conv4 663,936 +
     * conv5 442,624 + fc6 37,752,832 + fc7 16,781,312 + fc8 4,097,000 = 60,965,224, the
     * "60 million parameters" of Krizhevsky et al. 2012. Counted from the model's initializers.
     */
    @Test
    void alexNetHasThePapersParameterCount() throws InvalidProtocolBufferException {
        ModelProto m = parse(OnnxCorpus.model("bundled/bvlc_alexnet_deploy.prototxt").graph());
        assertEquals(new ParameterCount(60_965_224, 0), ParameterCount.of(m));
        // independently of the initializers' labels: every float tensor of rank > 0 is a weight in AlexNet
        long floats = m.getGraph().getInitializerList().stream()
                .filter(t -> t.getDataType() == TensorProto.DataType.FLOAT_VALUE && t.getDimsCount() > 0)
                .mapToLong(t -> t.getRawData().size() / 4).sum();
        assertEquals(60_965_224, floats);
        assertEquals("60965224", OnnxInjectionTest.meta(m, "paper2code.parameters.learned"));
    }

    /**
     * ResNet-50 (Kaiming He's Caffe definition): 25,557,096 learned values, torchvision's
     * 25,557,032 plus the 64 biases of conv1 (the Caffe model keeps conv1's bias, torchvision
     * drops it), the "25.6 million" of He et al. 2016; plus 53,120 batch-norm running means and
     * variances (2 x 26,560 channels), which are state, not learned.
     */
    @Test
    void resNet50HasThePapersParameterCount() throws InvalidProtocolBufferException {
        assumeTrue(Files.isRegularFile(OnnxCorpus.SHARED.resolve("prototxt/resnet50_deploy.prototxt")),
                "../shared/corpus-real/prototxt/resnet50_deploy.prototxt is absent: skipped");
        ModelProto m = parse(OnnxCorpus.model("shared/resnet50_deploy.prototxt").graph());
        assertEquals(new ParameterCount(25_557_096, 53_120), ParameterCount.of(m));
    }

    @Test
    void recordsOpsetIrVersionAndProducer() throws InvalidProtocolBufferException {
        ModelProto m = parse(OnnxCorpus.model("bundled/mnist_lenet.prototxt").graph());
        assertEquals(8, m.getIrVersion());
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(17, m.getOpsetImport(0).getVersion());
        assertEquals("paper2code", m.getProducerName());
        // one input (batch symbolic) and the final layer as output
        ValueInfoProto in = m.getGraph().getInput(0);
        assertEquals("batch", in.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(List.of(1L, 28L, 28L), in.getType().getTensorType().getShape().getDimList().subList(1, 4).stream()
                .map(d -> d.getDimValue()).toList());
        assertEquals(List.of("prob"), m.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
    }

    @Test
    void exportIsDeterministic() {
        Graph g = OnnxCorpus.model("bundled/cifar10_quick.prototxt").graph();
        assertArrayEquals(new OnnxExporter().export(g).bytes(), new OnnxExporter().export(g).bytes());
    }

    /** Caffe's train/test nets: Loss and Accuracy are not inference, and the label input only they read goes too. */
    @Test
    void trainingOnlyLayersAndLabelInputsAreLeftOut() throws Exception {
        Graph g = OnnxCorpus.model("bundled/mnist_lenet_train_test.prototxt").graph();
        OnnxExporter.Export e = new OnnxExporter().export(g);
        assertEquals(Set.of("label", "loss"), e.skipped().keySet().stream().filter(n -> !n.startsWith("accuracy")).collect(Collectors.toSet()));
        ModelProto m = e.model();
        assertEquals(List.of("data"), m.getGraph().getInputList().stream().map(ValueInfoProto::getName).toList());
        Set<String> ops = m.getGraph().getNodeList().stream().map(NodeProto::getOpType).collect(Collectors.toSet());
        assertEquals(Set.of("Conv", "MaxPool", "Flatten", "Gemm", "Relu"), ops);
        JsonNode layers = GraphJson.MAPPER.readTree(OnnxInjectionTest.meta(m, OnnxExporter.META_LAYERS));
        assertEquals(g.layers().size(), layers.size());
        for (JsonNode l : layers) {
            assertEquals(e.skipped().containsKey(l.get("layer").asText()), l.has("skipped"), l.toString());
        }
    }

    /** Token ids feeding an Embedding are int64 inputs; the lookup is a Gather. */
    @Test
    void embeddingIsGatherOnInt64Ids() throws InvalidProtocolBufferException {
        Graph g = new Graph(List.of(Layer.of("Input", "ids", Map.of("output_shape", List.of(-1))),
                Layer.of("Embedding", "emb", Map.of("input_dim", 100, "output_dim", 16), "ids")));
        ModelProto m = parse(g);
        assertEquals(TensorProto.DataType.INT64_VALUE, m.getGraph().getInput(0).getType().getTensorType().getElemType());
        assertEquals("Gather", m.getGraph().getNode(0).getOpType());
        assertEquals(new ParameterCount(1600, 0), ParameterCount.of(m));
    }

    @Test
    void unsupportedLayersGiveAClearErrorNamingTheLayer() {
        Layer in = Layer.of("Input", "img", Map.of("output_shape", List.of(3, 8, 8)));
        Map<Layer, String> cases = Map.of(
                Layer.of("BatchNorm", "bn rows", Map.of("axis", 1), "img"), "normalises the channel axis",
                Layer.of("LayerNorm", "ln first", Map.of("axis", 0), "img"), "is not the last",
                Layer.of("Pooling2D", "odd pool", Map.of("kernel_row", 1, "stride_row", 2, "ceil_mode", true), "img"),
                "kernel 1 smaller than stride 2");
        for (Map.Entry<Layer, String> c : cases.entrySet()) {
            Graph g = new Graph(List.of(in, c.getKey()));
            GraphException e = assertThrows(UnsupportedOnnxLayerException.class, () -> new OnnxExporter().export(g), c.getKey().name());
            assertTrue(e.getMessage().startsWith("layer '" + c.getKey().name() + "' (" + c.getKey().type() + "): "), e.getMessage());
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
        }
        // a Dense whose width the graph leaves free cannot have weights; verify fixes free inputs and runs it
        Graph free = new Graph(List.of(Layer.of("Input", "x", Map.of("output_shape", List.of(-1))),
                Layer.of("Dense", "fc", Map.of("units", 3), "x")));
        GraphException e = assertThrows(UnsupportedOnnxLayerException.class, () -> new OnnxExporter().export(free));
        assertTrue(e.getMessage().startsWith("layer 'fc' (Dense): ONNX needs the input features fixed"), e.getMessage());
        assertTrue(new OnnxVerifier().verify(free).ok());
    }
}
