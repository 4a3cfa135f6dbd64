package org.paper2code.emit.caffe;

import org.paper2code.graph.SpatialAxes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.PythonText;
import org.paper2code.emit.caffe.proto.CaffeProto.BatchNormParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.BlobShape;
import org.paper2code.emit.caffe.proto.CaffeProto.ConvolutionParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.EltwiseParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.InputParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.LRNParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.LayerParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.NetParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.PoolingParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.ReshapeParameter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Topology;

/**
 * Builds the {@link NetParameter} for a validated graph, layers in dependency order.
 * Every graph layer becomes a Caffe layer of the same name whose top blob is named after it,
 * except that Activation, Dropout, BatchNorm and Scale work in place (Caffe style) when their
 * input has no other reader. Fused activations become in-place layers {@code <layer>_<function>};
 * BatchNorm becomes BatchNorm + Scale {@code <layer>_scale} (or Bias); a Flatten named
 * {@code <dense>_flatten} feeding only that Dense is left out because InnerProduct flattens by
 * itself (the importer puts it back). Lambda and Output are identities.
 */
final class CaffeNetWriter {
    private static final Set<String> IN_PLACE = Set.of("Activation", "Dropout", "BatchNorm", "Scale");
    private static final String[] AXES_1D = SpatialAxes.of(1);
    private static final String[] AXES_2D = SpatialAxes.of(2);
    private static final String[] AXES_3D = SpatialAxes.of(3);

    private final Graph graph;
    private final Map<String, Shape> shapes;
    private final int batch;
    private final Map<String, List<String>> consumers;
    private final Map<String, Layer> byName;
    private final Map<String, String> blobOf = new HashMap<>();
    private final Map<String, String> writer = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final NetParameter.Builder net = NetParameter.newBuilder();

    CaffeNetWriter(Graph graph, Map<String, Shape> shapes, int batch) {
        this.graph = graph;
        this.shapes = shapes;
        this.batch = batch;
        this.consumers = Topology.consumers(graph);
        this.byName = graph.byName();
        used.addAll(byName.keySet());
    }

    NetParameter write() {
        if (graph.name() != null) {
            net.setName(graph.name());
        }
        for (Layer l : Topology.order(graph)) {
            layer(l);
        }
        return net.build();
    }

    /** Remarks for the file header (already safe for a # comment). */
    List<String> notes() {
        return notes;
    }

    private void layer(Layer l) {
        LayerParams p = LayerParams.of(l);
        switch (l.type()) {
            case "Input" -> input(l, p);
            case "Conv1D" -> conv(l, p, AXES_1D, false);
            case "Conv2D" -> conv(l, p, AXES_2D, false);
            case "Conv3D" -> conv(l, p, AXES_3D, false);
            case "Deconv2D" -> conv(l, p, AXES_2D, true);
            case "Pooling2D" -> pooling(l, p);
            case "GlobalPooling2D" -> globalPooling(l, p);
            case "Dense" -> dense(l, p);
            case "Activation" -> {
                LayerParameter.Builder b = activation(l, p.getString("function"), p.getDoubleOrNull("alpha"));
                output(l, b.setName(l.name()).addAllBottom(bottoms(l)), true);
            }
            case "Dropout" -> output(l, layer(l, "Dropout").setDropoutParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.DropoutParameter.newBuilder()
                            .setDropoutRatio((float) p.getDouble("rate"))), true);
            case "LRN" -> output(l, layer(l, "LRN").setLrnParam(LRNParameter.newBuilder()
                    .setLocalSize(p.getInt("local_size")).setAlpha((float) p.getDouble("alpha"))
                    .setBeta((float) p.getDouble("beta")).setK((float) p.getDouble("k"))
                    .setNormRegion(LRNParameter.NormRegion.valueOf(p.getString("norm_region")))), false);
            case "BatchNorm" -> batchNorm(l, p);
            case "Scale" -> output(l, layer(l, "Scale").setScaleParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.ScaleParameter.newBuilder()
                            .setAxis(caffeAxis(p.getInt("axis"))).setBiasTerm(p.getBool("bias_term"))), true);
            case "Concat" -> output(l, layer(l, "Concat").setConcatParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.ConcatParameter.newBuilder()
                            .setAxis(caffeAxis(p.getInt("axis")))), false);
            case "Add" -> eltwise(l, EltwiseParameter.EltwiseOp.SUM);
            case "Multiply" -> eltwise(l, EltwiseParameter.EltwiseOp.PROD);
            case "Maximum" -> eltwise(l, EltwiseParameter.EltwiseOp.MAX);
            case "Softmax" -> output(l, layer(l, "Softmax").setSoftmaxParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.SoftmaxParameter.newBuilder()
                            .setAxis(caffeAxis(p.getInt("axis")))), false);
            case "Flatten" -> flatten(l);
            case "Reshape" -> {
                BlobShape.Builder s = BlobShape.newBuilder().addDim(0);
                p.getIntList("output_shape").forEach(d -> s.addDim(d));
                output(l, layer(l, "Reshape").setReshapeParam(ReshapeParameter.newBuilder().setShape(s)), false);
            }
            case "Loss" -> loss(l, p);
            case "Accuracy" -> output(l, layer(l, "Accuracy").setAccuracyParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.AccuracyParameter.newBuilder().setTopK(p.getInt("top_k"))), false);
            case "Lambda", "Output" -> identity(l);
            default -> throw unsupported(l, "Caffe (caffe.proto) has no layer for it");
        }
    }

    private CaffeEmitException unsupported(Layer l, String why) {
        return new CaffeEmitException("layer '" + l.name() + "' (" + l.type() + "): " + why);
    }

    private List<String> bottoms(Layer l) {
        return l.from().stream().map(blobOf::get).toList();
    }

    private LayerParameter.Builder layer(Layer l, String caffeType) {
        return LayerParameter.newBuilder().setName(l.name()).setType(caffeType).addAllBottom(bottoms(l));
    }

    /** Adds the layer; its top is its own blob, or its input's blob when it may and can work in place. */
    private void output(Layer l, LayerParameter.Builder b, boolean mayWorkInPlace) {
        String top = mayWorkInPlace && canWorkInPlace(l) ? blobOf.get(l.from().get(0)) : l.name();
        net.addLayer(b.addTop(top));
        blobOf.put(l.name(), top);
        writer.put(top, l.name());
    }

    /** In place only over a blob its single input wrote itself and nobody else reads. */
    private boolean canWorkInPlace(Layer l) {
        if (l.from().size() != 1) {
            return false;
        }
        String src = l.from().get(0);
        String blob = blobOf.get(src);
        return src.equals(writer.get(blob)) && consumers.get(src).size() == 1 && !byName.get(src).type().equals("Input");
    }

    private String fresh(String base) {
        String n = base;
        for (int i = 2; !used.add(n); i++) {
            n = base + "_" + i;
        }
        return n;
    }

    private void input(Layer l, LayerParams p) {
        BlobShape.Builder s = BlobShape.newBuilder().addDim(batch);
        p.getIntList("output_shape").forEach(d -> s.addDim(d));
        output(l, LayerParameter.newBuilder().setName(l.name()).setType("Input")
                .setInputParam(InputParameter.newBuilder().addShape(s)), false);
    }

    private void identity(Layer l) {
        Shape in = shapes.get(l.from().get(0));
        if (!in.equals(shapes.get(l.name()))) {
            throw unsupported(l, "changes the shape " + in + " -> " + shapes.get(l.name()) + " by an unknown function");
        }
        blobOf.put(l.name(), blobOf.get(l.from().get(0)));
        if (l.type().equals("Lambda")) {
            notes.add("layer '" + PythonText.comment(l.name()) + "' (Lambda) is written as identity: its function is not known");
        }
    }

    private void conv(Layer l, LayerParams p, String[] axes, boolean deconv) {
        Shape in = shapes.get(l.from().get(0));
        Shape out = shapes.get(l.name());
        ConvolutionParameter.Builder c = ConvolutionParameter.newBuilder().setNumOutput(p.getInt("filters"));
        int n = axes.length;
        int[] k = new int[n];
        int[] s = new int[n];
        int[] pad = new int[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = p.getInt("kernel_" + axes[i]);
            s[i] = p.getInt("stride_" + axes[i]);
            Integer dil = p.getIntOrNull("dilation_" + axes[i]);
            d[i] = dil == null ? 1 : dil;
            pad[i] = padding(l, p, axes[i], k[i], s[i], d[i], deconv ? Kind.DECONV : Kind.CONV);
            int caffe = deconv ? CaffeWindow.deconv(in.dim(i + 1), k[i], s[i], pad[i]) : CaffeWindow.conv(in.dim(i + 1), k[i], s[i], pad[i], d[i]);
            checkSize(l, caffe, out.dim(i + 1), axes[i]);
        }
        repeated(k, 0, c::addKernelSize);
        repeated(s, 1, c::addStride);
        repeated(pad, 0, c::addPad);
        repeated(d, 1, c::addDilation);
        if (!deconv && p.getInt("groups") != 1) {
            c.setGroup(p.getInt("groups"));
        }
        if (!p.getBool("use_bias")) {
            c.setBiasTerm(false);
        }
        output(l, layer(l, deconv ? "Deconvolution" : "Convolution").setConvolutionParam(c), false);
        fusedActivation(l, p);
    }

    private enum Kind { CONV, DECONV, POOL }

    /** Explicit pad_*, else 0 for 'valid', else the symmetric padding 'same' needs (checked against the shape later). */
    private int padding(Layer l, LayerParams p, String axis, int k, int s, int d, Kind kind) {
        Integer pad = p.getIntOrNull("pad_" + axis);
        if (pad != null) {
            return pad;
        }
        if (!"same".equals(p.getString("border_mode"))) {
            return 0;
        }
        return switch (kind) {
            case CONV -> d * (k - 1) / 2;
            case POOL -> (k - 1) / 2;
            case DECONV -> {
                if (k < s || (k - s) % 2 != 0) {
                    throw unsupported(l, "'same' padding with kernel " + k + " and stride " + s
                            + " needs asymmetric padding, which Caffe cannot express");
                }
                yield (k - s) / 2;
            }
        };
    }

    private void checkSize(Layer l, int caffe, int ours, String axis) {
        if (caffe != Shape.UNKNOWN && ours != Shape.UNKNOWN && caffe != ours) {
            throw unsupported(l, "Caffe would compute " + caffe + " along " + axis + " where the graph has " + ours
                    + " (asymmetric 'same' padding or floor rounding cannot be expressed in Caffe)");
        }
    }

    /** One value when all axes agree (omitted when it is Caffe's default), else one per axis. */
    private static void repeated(int[] values, int caffeDefault, java.util.function.IntConsumer add) {
        boolean same = java.util.Arrays.stream(values).allMatch(v -> v == values[0]);
        if (same && values[0] == caffeDefault) {
            return;
        }
        if (same) {
            add.accept(values[0]);
        } else {
            java.util.Arrays.stream(values).forEach(add);
        }
    }

    private void pooling(Layer l, LayerParams p) {
        Shape in = shapes.get(l.from().get(0));
        Shape out = shapes.get(l.name());
        int[] k = new int[2];
        int[] s = new int[2];
        int[] pad = new int[2];
        for (int i = 0; i < 2; i++) {
            k[i] = p.getInt("kernel_" + AXES_2D[i]);
            s[i] = p.getInt("stride_" + AXES_2D[i]);
            pad[i] = padding(l, p, AXES_2D[i], k[i], s[i], 1, Kind.POOL);
            checkSize(l, CaffeWindow.pool(in.dim(i + 1), k[i], s[i], pad[i]), out.dim(i + 1), AXES_2D[i]);
        }
        PoolingParameter.Builder b = PoolingParameter.newBuilder().setPool(poolMethod(p));
        if (k[0] == k[1]) {
            b.setKernelSize(k[0]);
        } else {
            b.setKernelH(k[0]).setKernelW(k[1]);
        }
        // Caffe's stride defaults to 1, ours to the kernel: always write it
        if (s[0] == s[1]) {
            b.setStride(s[0]);
        } else {
            b.setStrideH(s[0]).setStrideW(s[1]);
        }
        if (pad[0] == pad[1] && pad[0] != 0) {
            b.setPad(pad[0]);
        } else if (pad[0] != pad[1]) {
            b.setPadH(pad[0]).setPadW(pad[1]);
        }
        output(l, layer(l, "Pooling").setPoolingParam(b), false);
    }

    private static PoolingParameter.PoolMethod poolMethod(LayerParams p) {
        return "AVG".equals(p.getString("function")) ? PoolingParameter.PoolMethod.AVE : PoolingParameter.PoolMethod.MAX;
    }

    private void globalPooling(Layer l, LayerParams p) {
        output(l, layer(l, "Pooling").setPoolingParam(PoolingParameter.newBuilder().setPool(poolMethod(p))
                .setGlobalPooling(true)), false);
        if (!p.getBool("keep_dims")) {
            // Caffe keeps C x 1 x 1; the graph wants a vector
            String name = fresh(l.name() + "_flat");
            net.addLayer(LayerParameter.newBuilder().setName(name).setType("Flatten")
                    .addBottom(blobOf.get(l.name())).addTop(name));
            blobOf.put(l.name(), name);
            writer.put(name, l.name());
        }
    }

    private void dense(Layer l, LayerParams p) {
        var ip = org.paper2code.emit.caffe.proto.CaffeProto.InnerProductParameter.newBuilder().setNumOutput(p.getInt("units"));
        if (!p.getBool("use_bias")) {
            ip.setBiasTerm(false);
        }
        if (shapes.get(l.from().get(0)).rank() == 2) {
            ip.setAxis(2); // (T,F): apply to the last axis of N x T x F
        }
        output(l, layer(l, "InnerProduct").setInnerProductParam(ip), false);
        fusedActivation(l, p);
    }

    /** The importer's Flatten in front of an InnerProduct is implicit in Caffe. */
    private boolean impliedByInnerProduct(Layer flatten) {
        List<String> readers = consumers.get(flatten.name());
        if (readers.size() != 1 || shapes.get(flatten.from().get(0)).rank() == 1) {
            return false;
        }
        Layer reader = byName.get(readers.get(0));
        return reader.type().equals("Dense") && flatten.name().equals(reader.name() + "_flatten");
    }

    private void flatten(Layer l) {
        if (impliedByInnerProduct(l)) {
            blobOf.put(l.name(), blobOf.get(l.from().get(0)));
            return;
        }
        output(l, layer(l, "Flatten"), false);
    }

    private void batchNorm(Layer l, LayerParams p) {
        Shape in = shapes.get(l.from().get(0));
        int axis = p.getInt("axis");
        if ((axis < 0 ? in.rank() + axis : axis) != 0) {
            throw unsupported(l, "Caffe's BatchNorm normalises over channels (axis 0) only, not axis " + axis);
        }
        output(l, layer(l, "BatchNorm").setBatchNormParam(BatchNormParameter.newBuilder()
                .setEps((float) p.getDouble("epsilon")).setMovingAverageFraction((float) p.getDouble("momentum"))), true);
        boolean scale = p.getBool("scale");
        boolean center = p.getBool("center");
        if (!scale && !center) {
            return;
        }
        String blob = blobOf.get(l.name());
        LayerParameter.Builder b = LayerParameter.newBuilder().addBottom(blob).addTop(blob);
        if (scale) {
            b.setName(fresh(l.name() + "_scale")).setType("Scale").setScaleParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.ScaleParameter.newBuilder().setBiasTerm(center));
        } else {
            b.setName(fresh(l.name() + "_bias")).setType("Bias");
        }
        net.addLayer(b);
    }

    private void eltwise(Layer l, EltwiseParameter.EltwiseOp op) {
        output(l, layer(l, "Eltwise").setEltwiseParam(EltwiseParameter.newBuilder().setOperation(op)), false);
    }

    private void loss(Layer l, LayerParams p) {
        String f = p.getString("function");
        String type = switch (f) {
            case "softmax_cross_entropy" -> "SoftmaxWithLoss";
            case "sigmoid_cross_entropy" -> "SigmoidCrossEntropyLoss";
            case "euclidean", "mse" -> "EuclideanLoss";
            case "hinge" -> "HingeLoss";
            case "contrastive" -> "ContrastiveLoss";
            case "multinomial_logistic", "categorical_crossentropy" -> "MultinomialLogisticLoss";
            case "infogain" -> "InfogainLoss";
            default -> throw unsupported(l, "Caffe has no loss layer for '" + f + "'");
        };
        LayerParameter.Builder b = layer(l, type);
        double weight = p.getDouble("loss_weight");
        if (weight != 1.0) {
            b.addLossWeight((float) weight);
        }
        output(l, b, false);
    }

    /** A Caffe activation layer (name and bottom left to the caller). */
    private LayerParameter.Builder activation(Layer l, String function, Double alpha) {
        LayerParameter.Builder b = LayerParameter.newBuilder();
        return switch (function) {
            case "relu" -> b.setType("ReLU");
            case "leaky_relu" -> b.setType("ReLU").setReluParam(org.paper2code.emit.caffe.proto.CaffeProto.ReLUParameter
                    .newBuilder().setNegativeSlope((float) (alpha == null ? 0.01 : alpha)));
            case "prelu" -> b.setType("PReLU");
            case "elu" -> alpha == null ? b.setType("ELU") : b.setType("ELU").setEluParam(
                    org.paper2code.emit.caffe.proto.CaffeProto.ELUParameter.newBuilder().setAlpha(alpha.floatValue()));
            case "sigmoid" -> b.setType("Sigmoid");
            case "tanh" -> b.setType("TanH");
            case "softplus" -> b.setType("BNLL");
            case "softmax" -> b.setType("Softmax");
            default -> throw unsupported(l, "Caffe has no '" + function + "' activation");
        };
    }

    /** A Keras-style fused activation becomes its own layer after the main one. */
    private void fusedActivation(Layer l, LayerParams p) {
        String f = p.getString("activation");
        if (f == null || f.equals("linear")) {
            return;
        }
        String name = fresh(l.name() + "_" + f);
        String blob = blobOf.get(l.name());
        LayerParameter.Builder b = activation(l, f, null).setName(name).addBottom(blob);
        // Softmax gets its own top; the element-wise ones work in place
        String top = f.equals("softmax") ? name : blob;
        net.addLayer(b.addTop(top));
        blobOf.put(l.name(), top);
        writer.put(top, l.name());
    }

    /** Our axis (no batch) to Caffe's (batch first); negative axes are the same in both. */
    private static int caffeAxis(int axis) {
        return axis >= 0 ? axis + 1 : axis;
    }
}
