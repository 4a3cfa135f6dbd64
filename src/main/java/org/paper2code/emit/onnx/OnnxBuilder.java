package org.paper2code.emit.onnx;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paper2code.emit.onnx.proto.OnnxProto.AttributeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.NodeProto;
import org.paper2code.emit.onnx.proto.OnnxProto.TensorProto;

/**
 * The nodes and initializers of one export. Tensor names are unique (ONNX graphs are in
 * single-assignment form): every layer's output tensor is the layer's own name, reserved up
 * front, and helper tensors get fresh names derived from it. Names are data, never code, so
 * any text a paper puts in a layer name is stored as it is.
 */
final class OnnxBuilder {
    /** What an initializer holds, for counting parameters; written to its doc_string. */
    enum Kind {
        /** learned by training (kernels, biases, scales, shifts, slopes, embeddings) */
        LEARNED,
        /** batch-norm running mean and variance: state, not learned by gradient */
        STATISTIC,
        /** a fixed operand (shapes, axes, scales of Resize, constants of a decomposition) */
        CONSTANT;

        String label() {
            return "paper2code:" + name().toLowerCase();
        }
    }

    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();
    private final Set<String> nodeNames = new HashSet<>();
    private final Set<String> intTensors = new HashSet<>();
    private final Weights.Init init;
    private final long seed;
    private int streams;

    OnnxBuilder(Weights.Init init, long seed) {
        this.init = init;
        this.seed = seed;
    }

    /** Claims a tensor name that must stay exactly as given (a layer's output, a graph input). */
    void reserve(String name) {
        tensorNames.add(name);
        reserved.add(name);
    }

    private String fresh(Set<String> used, String base) {
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Adds a node with one output and returns the output's tensor name. */
    String node(String layer, String op, List<String> inputs, AttributeProto... attrs) {
        return nodeMulti(layer, op, inputs, 1, attrs).get(0);
    }

    /** Adds a node with {@code outputs} outputs (fresh tensor names derived from the layer name). */
    List<String> nodeMulti(String layer, String op, List<String> inputs, int outputs, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op)
                .setName(nodeNames.contains(layer) ? fresh(nodeNames, layer + "/" + op) : fresh(nodeNames, layer));
        n.addAllInput(inputs);
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            String t = fresh(tensorNames, layer + "/" + op + (outputs > 1 ? "_out" + i : ""));
            outs.add(t);
            n.addOutput(t);
        }
        n.addAllAttribute(Arrays.asList(attrs));
        nodes.add(n);
        return outs;
    }

    /**
     * Makes {@code tensor} available under the layer's reserved name {@code output}: the node
     * that just produced it is renamed when the tensor is one of the layer's own helpers; another
     * layer's output (or an input) gets an Identity.
     */
    void finish(String layer, String tensor, String output) {
        if (tensor.equals(output)) {
            return;
        }
        if (intTensors.contains(tensor)) {
            intTensors.add(output);
        }
        NodeProto.Builder last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        if (!reserved.contains(tensor) && last != null && last.getOutputCount() > 0 && last.getOutput(0).equals(tensor)) {
            last.setOutput(0, output);
            tensorNames.remove(tensor);
            return;
        }
        NodeProto.Builder id = NodeProto.newBuilder().setOpType("Identity")
                .setName(nodeNames.contains(layer) ? fresh(nodeNames, layer + "/Identity") : fresh(nodeNames, layer))
                .addInput(tensor).addOutput(output);
        nodes.add(id);
    }

    /** Marks a tensor as int64 (token ids); every other tensor is float32. */
    void markInt(String tensor) {
        intTensors.add(tensor);
    }

    boolean isInt(String tensor) {
        return intTensors.contains(tensor);
    }

    private String initializer(String layer, String role, Kind kind, long[] dims, int dataType, byte[] raw) {
        String name = fresh(tensorNames, layer + "/" + role);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dataType).setDocString(kind.label())
                .setRawData(UnsafeByteOperations.unsafeWrap(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        initializers.add(t.build());
        return name;
    }

    /** Elements of a tensor (or window) with these dimensions. */
    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    private long nextSeed() {
        return seed * 0x9E3779B97F4A7C15L + (++streams);
    }

    /** A learned kernel, initialised by the export's scheme from its fans. */
    String kernel(String layer, String role, long[] dims, long fanIn, long fanOut) {
        return uniform(layer, role, dims, Weights.kernelLimit(init, fanIn, fanOut));
    }

    /** A learned tensor drawn from U(-limit, limit). */
    String uniform(String layer, String role, long[] dims, double limit) {
        return initializer(layer, role, Kind.LEARNED, dims, TensorProto.DataType.FLOAT_VALUE, Weights.uniform(count(dims), limit, nextSeed()));
    }

    /** A float tensor filled with one value. */
    String filled(String layer, String role, Kind kind, long[] dims, float value) {
        return initializer(layer, role, kind, dims, TensorProto.DataType.FLOAT_VALUE, Weights.constant(count(dims), value));
    }

    /** A constant float scalar (rank 0). */
    String scalar(String layer, String role, float value) {
        return filled(layer, role, Kind.CONSTANT, new long[0], value);
    }

    /** A constant 1-D int64 tensor (shapes, axes, pads, slice bounds). */
    String ints(String layer, String role, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return initializer(layer, role, Kind.CONSTANT, new long[] {values.length}, TensorProto.DataType.INT64_VALUE, b.array());
    }

    /** A constant 1-D float tensor. */
    String floats(String layer, String role, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return initializer(layer, role, Kind.CONSTANT, new long[] {values.length}, TensorProto.DataType.FLOAT_VALUE, b.array());
    }

    List<NodeProto> nodes() {
        return nodes.stream().map(NodeProto.Builder::build).toList();
    }

    List<TensorProto> initializers() {
        return initializers;
    }

}
