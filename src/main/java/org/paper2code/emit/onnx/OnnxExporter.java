package org.paper2code.emit.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.onnx.proto.OnnxProto.GraphProto;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.paper2code.emit.onnx.proto.OnnxProto.StringStringEntryProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorShapeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TypeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.ValueInfoProto;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Topology;

/**
 * Builds an ONNX model (IR version {@value #IR_VERSION}, default-domain opset {@value #OPSET})
 * from a validated graph. Tensors are float32 with the batch as dimension 0 (symbolic
 * "batch"), channels first as in our shapes; token ids are int64. Weights are seeded random
 * values so the model runs. Loss and Accuracy layers are training-only and left out, as are
 * Input layers only they read (labels). Every layer's output tensor carries the layer's name;
 * the metadata holds the paper2code graph and the layer list.
 */
public final class OnnxExporter {
    /** ONNX 1.12's IR version (what Debian's onnx.checker knows). */
    public static final long IR_VERSION = 8;
    /** Opset 17: LayerNormalization is in it; ONNX 1.12 and ONNX Runtime both support it. */
    public static final long OPSET = 17;
    public static final long DEFAULT_SEED = 42;

    /** Metadata keys. */
    public static final String META_GRAPH = "paper2code.graph";
    public static final String META_LAYERS = "paper2code.layers";

    private final Weights.Init init;
    private final long seed;

    public OnnxExporter() {
        this(Weights.Init.GLOROT, DEFAULT_SEED);
    }

    OnnxExporter(Weights.Init init, long seed) {
        this.init = init;
        this.seed = seed;
    }

    /**
     * One export.
     * @param tensors for every exported layer, the ONNX tensor holding its output (the layer's name)
     * @param skipped layers left out of the inference model, with the reason
     * @param shapes our inferred shapes, by layer
     * @param intInputs graph inputs that hold int64 token ids (the others are float32)
     */
    public record Export(ModelProto model, Map<String, String> tensors, Map<String, String> skipped, Map<String, Shape> shapes,
                         List<Layer> order, Set<String> intInputs, ParameterCount parameters) {
        public byte[] bytes() {
            return model.toByteArray();
        }
    }

    public static boolean isTrainingOnly(Layer l) {
        return l.type().equals("Loss") || l.type().equals("Accuracy");
    }

    public Export export(Graph graph) {
        Map<String, Shape> shapes = new GraphValidator().check(graph);
        List<Layer> order = Topology.order(graph);
        Map<String, List<String>> consumers = Topology.consumers(graph);
        Map<String, Layer> byName = graph.byName();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Layer l : order) {
            if (isTrainingOnly(l)) {
                skipped.put(l.name(), "training-only (" + l.type() + "): not part of the inference graph");
            }
        }
        for (Layer l : order) {
            List<String> users = consumers.getOrDefault(l.name(), List.of());
            if (l.type().equals("Input") && !users.isEmpty() && users.stream().allMatch(skipped::containsKey)) {
                skipped.put(l.name(), "label input: only training-only layers read it");
            }
            if (!skipped.containsKey(l.name())) {
                for (String src : l.from()) {
                    if (skipped.containsKey(src)) {
                        throw new UnsupportedOnnxLayerException(l, "reads from the training-only layer '" + src
                                + "', which is not part of the inference graph");
                    }
                }
            }
        }

        OnnxBuilder b = new OnnxBuilder(init, seed);
        graph.layers().forEach(l -> b.reserve(l.name()));
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.name() == null ? "paper2code" : graph.name());
        Map<String, String> tensors = new LinkedHashMap<>();
        Set<String> intInputs = new HashSet<>();
        int inputIndex = 0;
        for (Layer l : order) {
            if (skipped.containsKey(l.name())) {
                continue;
            }
            if (l.type().equals("Input")) {
                List<String> users = consumers.get(l.name()).stream().filter(u -> !skipped.containsKey(u)).toList();
                boolean ids = !users.isEmpty() && users.stream().allMatch(u -> byName.get(u).type().equals("Embedding"));
                if (ids) {
                    intInputs.add(l.name());
                    b.markInt(l.name());
                }
                g.addInput(valueInfo(l.name(), ids, inputShape(shapes.get(l.name()), inputIndex++)));
                tensors.put(l.name(), l.name());
                continue;
            }
            List<String> args = l.from().stream().map(tensors::get).toList();
            List<Shape> ins = l.from().stream().map(shapes::get).toList();
            String result = OnnxLayers.write(new Site(l, args, ins, shapes.get(l.name()), b));
            b.finish(l.name(), result, l.name());
            tensors.put(l.name(), l.name());
        }
        for (Layer l : order) {
            boolean read = consumers.get(l.name()).stream().anyMatch(tensors::containsKey);
            if (tensors.containsKey(l.name()) && !read && !l.type().equals("Input")) {
                g.addOutput(valueInfo(l.name(), b.isInt(l.name()), outputShape(shapes.get(l.name()))));
            }
        }
        if (g.getOutputCount() == 0) {
            throw new GraphException("the graph has no layer an inference model could return");
        }
        g.addAllNode(b.nodes());
        g.addAllInitializer(b.initializers());

        ParameterCount params = ParameterCount.of(ModelProto.newBuilder().setGraph(g).build());
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("paper2code")
                .setProducerVersion(version())
                .setModelVersion(1)
                .setDocString("Generated by paper2code; weights are seeded random values (" + init.name().toLowerCase()
                        + " uniform kernels, seed " + seed + "), not trained.")
                .setGraph(g);
        meta(m, META_GRAPH, GraphJson.write(graph));
        meta(m, META_LAYERS, layerList(order, tensors, skipped));
        meta(m, "paper2code.parameters.learned", String.valueOf(params.learned()));
        meta(m, "paper2code.parameters.statistics", String.valueOf(params.statistics()));
        return new Export(m.build(), tensors, skipped, shapes, order, intInputs, params);
    }

    private static void meta(ModelProto.Builder m, String key, String value) {
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    private static String layerList(List<Layer> order, Map<String, String> tensors, Map<String, String> skipped) {
        ArrayNode a = GraphJson.MAPPER.createArrayNode();
        for (Layer l : order) {
            var o = a.addObject().put("layer", l.name()).put("type", l.type());
            if (tensors.containsKey(l.name())) {
                o.put("tensor", tensors.get(l.name()));
            } else {
                o.put("skipped", skipped.get(l.name()));
            }
        }
        try {
            return GraphJson.MAPPER.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Batch "batch", our dimensions after it; free ones get their own symbol. */
    private static TensorShapeProto inputShape(Shape s, int inputIndex) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        b.addDimBuilder().setDimParam("batch");
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) == Shape.UNKNOWN) {
                b.addDimBuilder().setDimParam("input" + inputIndex + "_dim" + (i + 1));
            } else {
                b.addDimBuilder().setDimValue(s.dim(i));
            }
        }
        return b.build();
    }

    /** Dimension 0 left open (it counts boxes after RoI pooling), our dimensions after it. */
    private static TensorShapeProto outputShape(Shape s) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        b.addDimBuilder();
        for (int d : s.dims()) {
            if (d == Shape.UNKNOWN) {
                b.addDimBuilder();
            } else {
                b.addDimBuilder().setDimValue(d);
            }
        }
        return b.build();
    }

    static ValueInfoProto valueInfo(String name, boolean int64, TensorShapeProto shape) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder()
                .setElemType(int64 ? TensorProto.DataType.INT64_VALUE : TensorProto.DataType.FLOAT_VALUE);
        if (shape != null) {
            t.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }
}
