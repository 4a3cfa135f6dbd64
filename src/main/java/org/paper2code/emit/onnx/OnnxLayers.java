package org.paper2code.emit.onnx;

import static org.paper2code.emit.onnx.OnnxBuilder.Kind.CONSTANT;
import static org.paper2code.emit.onnx.OnnxBuilder.Kind.LEARNED;
import static org.paper2code.emit.onnx.OnnxBuilder.Kind.STATISTIC;

import java.util.ArrayList;
import java.util.List;
import org.paper2code.emit.onnx.proto.OnnxProto.AttributeProto;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;
import org.paper2code.graph.SpatialAxes;
import org.paper2code.graph.SpatialPadding;

/**
 * The ONNX nodes for one layer (opset {@value OnnxExporter#OPSET}). Each method returns the
 * tensor holding the layer's result. Semantics follow the catalogue (and the PyTorch emitter's
 * reading of it): Caffe's explicit pads and ceil rounding, TensorFlow's 'same', Keras's
 * recurrent and attention layouts.
 */
final class OnnxLayers {
    static final String[] AXES_1D = SpatialAxes.of(1);
    static final String[] AXES_2D = SpatialAxes.of(2);
    static final String[] AXES_3D = SpatialAxes.of(3);

    private OnnxLayers() {
    }

    static String write(Site s) {
        return switch (s.layer().type()) {
            case "Conv1D" -> conv(s, AXES_1D);
            case "Conv2D" -> conv(s, AXES_2D);
            case "Conv3D" -> conv(s, AXES_3D);
            case "Deconv2D" -> deconv(s);
            case "Pooling1D" -> pool(s, AXES_1D);
            case "Pooling2D" -> pool(s, AXES_2D);
            case "Pooling3D" -> pool(s, AXES_3D);
            case "GlobalPooling2D" -> globalPool(s);
            case "Dense" -> dense(s);
            case "Dropout" -> s.b().node(s.name(), "Dropout",
                    List.of(s.arg(), s.b().scalar(s.name(), "ratio", (float) s.params().getDouble("rate"))));
            case "BatchNorm" -> batchNorm(s);
            case "LRN" -> lrn(s);
            case "LayerNorm" -> layerNorm(s);
            case "Activation" -> activation(s, s.arg(), s.params().getString("function"), s.params().getDoubleOrNull("alpha"),
                    preluSlope(s, s.in()));
            case "Softmax" -> s.b().node(s.name(), "Softmax", List.of(s.arg()), Attr.i("axis", onnxAxis(s, s.params().getInt("axis"))));
            case "Flatten" -> s.b().node(s.name(), "Flatten", List.of(s.arg()), Attr.i("axis", 1));
            case "Reshape" -> reshape(s, s.arg(), s.params().getIntList("output_shape").stream().mapToLong(Integer::longValue).toArray());
            case "Concat" -> s.b().node(s.name(), "Concat", s.args(), Attr.i("axis", onnxAxis(s, s.params().getInt("axis"))));
            case "Add" -> s.b().node(s.name(), s.args().size() == 2 ? "Add" : "Sum", s.args());
            case "Multiply" -> multiply(s);
            case "Maximum" -> s.b().node(s.name(), "Max", s.args());
            case "Embedding" -> embedding(s);
            case "SimpleRNN", "LSTM", "GRU" -> recurrent(s, s.layer().type(), false);
            case "Bidirectional" -> recurrent(s, s.params().getString("layer"), true);
            case "MultiHeadAttention" -> attention(s);
            case "Upsampling2D" -> upsample(s);
            case "ZeroPadding2D" -> zeroPad(s);
            case "Crop2D" -> crop(s);
            case "RoIPooling" -> roiPool(s);
            case "Scale" -> scale(s);
            case "Lambda" -> lambda(s);
            case "Output" -> s.arg();
            default -> throw s.unsupported("ONNX export of this layer type is not supported");
        };
    }

    /** Our axis (no batch) as an ONNX axis: non-negative axes move by one, negative ones stay. */
    static int onnxAxis(Site s, int axis) {
        int rank = s.in().rank();
        if (axis >= rank || axis < -rank) {
            throw s.unsupported("axis " + axis + " is outside its rank-" + rank + " input");
        }
        return axis >= 0 ? axis + 1 : axis;
    }

    private static long[] each(LayerParams p, String prefix, String[] axes) {
        long[] out = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = prefix.equals("dilation_") ? SpatialPadding.dilation(p, axes[i]) : p.getInt(prefix + axes[i]);
        }
        return out;
    }

    private static long[] concat(long[] head, long... tail) {
        long[] out = new long[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static String conv(Site s, String[] axes) {
        LayerParams p = s.params();
        int channels = s.known(s.in().dim(0), "input channels");
        int filters = p.getInt("filters");
        int groups = p.getInt("groups");
        long[] kernel = each(p, "kernel_", axes);
        SpatialPadding pads = SpatialPadding.of(s.params(), s.in(), axes, s::unsupported);
        long k = OnnxBuilder.count(kernel);
        String w = s.b().kernel(s.name(), "W", concat(new long[] {filters, channels / groups}, kernel), channels / groups * k, filters * k);
        List<String> in = new ArrayList<>(List.of(s.arg(), w));
        if (p.getBool("use_bias")) {
            in.add(s.b().filled(s.name(), "B", LEARNED, new long[] {filters}, 0f));
        }
        String y = s.b().node(s.name(), "Conv", in, Attr.ints("kernel_shape", kernel), Attr.ints("strides", each(p, "stride_", axes)),
                Attr.ints("pads", onnxPads(pads)), Attr.ints("dilations", each(p, "dilation_", axes)), Attr.i("group", groups));
        return fused(s, y, 1);
    }

    /**
     * ConvTranspose: out = stride * (in - 1) + output_padding + kernel - pad_begin - pad_end.
     * Explicit pads are symmetric; 'same' needs out = in * stride, so pad_begin + pad_end -
     * output_padding = kernel - stride (ONNX takes the pads apart, so this is always exact).
     */
    private static String deconv(Site s) {
        LayerParams p = s.params();
        int channels = s.known(s.in().dim(0), "input channels");
        int filters = p.getInt("filters");
        boolean same = "same".equals(p.getString("border_mode"));
        long[] kernel = each(p, "kernel_", AXES_2D);
        long[] stride = each(p, "stride_", AXES_2D);
        long[] begin = new long[2];
        long[] end = new long[2];
        long[] outPad = new long[2];
        for (int i = 0; i < 2; i++) {
            Integer pad = p.getIntOrNull("pad_" + AXES_2D[i]);
            if (pad != null) {
                begin[i] = pad;
                end[i] = pad;
            } else if (same) {
                long total = kernel[i] - stride[i];
                if (total >= 0) {
                    begin[i] = total / 2;
                    end[i] = total - total / 2;
                } else {
                    outPad[i] = -total;
                }
            }
        }
        long k = OnnxBuilder.count(kernel);
        String w = s.b().kernel(s.name(), "W", concat(new long[] {channels, filters}, kernel), channels * k, filters * k);
        List<String> in = new ArrayList<>(List.of(s.arg(), w));
        if (p.getBool("use_bias")) {
            in.add(s.b().filled(s.name(), "B", LEARNED, new long[] {filters}, 0f));
        }
        String y = s.b().node(s.name(), "ConvTranspose", in, Attr.ints("kernel_shape", kernel), Attr.ints("strides", stride),
                Attr.ints("pads", begin[0], begin[1], end[0], end[1]), Attr.ints("output_padding", outPad));
        return fused(s, y, 1);
    }

    /** Applies a fused {@code activation}; softmax and PReLU act along ONNX axis {@code channelAxis} (-1: last). */
    private static String fused(Site s, String y, int channelAxis) {
        String act = s.params().getString("activation");
        if (act == null || act.equals("linear")) {
            return y;
        }
        if (act.equals("softmax")) {
            return s.b().node(s.name(), "Softmax", List.of(y), Attr.i("axis", channelAxis));
        }
        Shape out = s.output();
        long[] slope = channelAxis == 1 ? preluSlope(s, out) : out.rank() == 1 ? new long[] {out.dim(0)} : new long[] {1};
        return activation(s, y, act, null, slope);
    }

    /** PReLU's slope shape, as PyTorch's nn.PReLU: one per channel of feature maps, one per unit of a vector, else one. */
    private static long[] preluSlope(Site s, Shape in) {
        if (in.rank() >= 3) {
            long[] d = new long[in.rank()];
            java.util.Arrays.fill(d, 1);
            d[0] = s.known(in.dim(0), "channels");
            return d;
        }
        return in.rank() == 1 ? new long[] {s.known(in.dim(0), "features")} : new long[] {1};
    }

    private static String activation(Site s, String x, String fn, Double alpha, long[] preluSlope) {
        OnnxBuilder b = s.b();
        String n = s.name();
        return switch (fn) {
            case "relu" -> b.node(n, "Relu", List.of(x));
            case "leaky_relu" -> b.node(n, "LeakyRelu", List.of(x), Attr.f("alpha", alpha == null ? 0.01 : alpha));
            case "prelu" -> b.node(n, "PRelu", List.of(x, b.filled(n, "slope", LEARNED, preluSlope, 0.25f)));
            case "elu" -> b.node(n, "Elu", List.of(x), Attr.f("alpha", alpha == null ? 1.0 : alpha));
            case "sigmoid" -> b.node(n, "Sigmoid", List.of(x));
            case "tanh" -> b.node(n, "Tanh", List.of(x));
            case "softplus" -> b.node(n, "Softplus", List.of(x));
            case "swish" -> b.node(n, "Mul", List.of(x, b.node(n, "Sigmoid", List.of(x))));
            // opset 17 has no Gelu: the exact form 0.5 * x * (1 + erf(x / sqrt(2)))
            case "gelu" -> b.node(n, "Mul", List.of(b.node(n, "Mul", List.of(x, b.node(n, "Add", List.of(
                    b.node(n, "Erf", List.of(b.node(n, "Div", List.of(x, b.scalar(n, "sqrt2", (float) Math.sqrt(2)))))),
                    b.scalar(n, "one", 1f))))), b.scalar(n, "half", 0.5f)));
            default -> throw s.unsupported("unknown activation function '" + fn + "'");
        };
    }

    private static String pool(Site s, String[] axes) {
        LayerParams p = s.params();
        boolean max = "MAX".equals(p.getString("function"));
        long[] kernel = each(p, "kernel_", axes);
        long[] stride = each(p, "stride_", axes);
        SpatialPadding pads = SpatialPadding.of(s.params(), s.in(), axes, s::unsupported);
        boolean ceil = p.getBool("ceil_mode");
        for (int i = 0; i < axes.length; i++) {
            if (pads.before().get(i) >= kernel[i] || pads.after().get(i) >= kernel[i]) {
                throw s.unsupported("padding " + pads.before().get(i) + " is not smaller than the kernel " + kernel[i]
                        + ", which ONNX Runtime's pooling refuses");
            }
        }
        ceil = ceil && ceilNeeded(s, kernel, stride, pads);
        List<AttributeProto> attrs = new ArrayList<>(List.of(Attr.ints("kernel_shape", kernel), Attr.ints("strides", stride),
                Attr.ints("pads", onnxPads(pads))));
        if (ceil) {
            attrs.add(Attr.i("ceil_mode", 1));
        }
        if (!max && !pads.none()) {
            // Caffe averages over the window clipped to the padded input (padding counted);
            // TensorFlow's 'same' averages over the real pixels only
            attrs.add(Attr.i("count_include_pad", pads.anySame() ? 0 : 1));
        }
        return s.b().node(s.name(), max ? "MaxPool" : "AveragePool", List.of(s.arg()), attrs.toArray(AttributeProto[]::new));
    }

    /**
     * Whether Caffe's rounding (our shape rule) needs ONNX's ceil_mode. Caffe rounds up, then
     * drops a last window that would start in the end padding (only when there is padding).
     * When that drop happens the result equals rounding down, so ceil_mode is set only where
     * rounding up stands: there ONNX's rule, ONNX Runtime's and Caffe's agree (ONNX Runtime,
     * like PyTorch and newer ONNX, always drops such a window; ONNX 1.12's shape inference
     * never does). Without padding and with a kernel smaller than the stride Caffe keeps a
     * window ONNX Runtime drops: refused.
     */
    /** ONNX's {@code pads} attribute: all begins, then all ends. */
    private static List<Long> onnxPads(SpatialPadding pads) {
        List<Long> out = new ArrayList<>();
        pads.before().forEach(x -> out.add((long) x));
        pads.after().forEach(x -> out.add((long) x));
        return out;
    }

    private static boolean ceilNeeded(Site s, long[] kernel, long[] stride, SpatialPadding pads) {
        boolean needed = false;
        for (int i = 0; i < kernel.length; i++) {
            int in = s.in().dim(i + 1);
            int ours = s.output().dim(i + 1);
            if (in == Shape.UNKNOWN) {
                continue;
            }
            long k = kernel[i];
            long st = stride[i];
            long p = pads.before().get(i);
            long floor = Math.floorDiv(in + p + pads.after().get(i) - k, st) + 1;
            if (ours == floor) {
                continue;
            }
            needed = true;
            if ((ours - 1) * st >= in + p) {
                throw s.unsupported("ONNX's ceil_mode gives " + (ours - 1) + " outputs along axis " + (i + 1) + " where Caffe's rounding gives "
                        + ours + " (kernel " + k + " smaller than stride " + st + ")");
            }
        }
        return needed;
    }

    private static String globalPool(Site s) {
        boolean max = "MAX".equals(s.params().getString("function"));
        String y = s.b().node(s.name(), max ? "GlobalMaxPool" : "GlobalAveragePool", List.of(s.arg()));
        return s.params().getBool("keep_dims") ? y : s.b().node(s.name(), "Flatten", List.of(y), Attr.i("axis", 1));
    }

    /** Vectors: Gemm with the weight stored (units, features) as Caffe and PyTorch do; sequences: MatMul + Add. */
    private static String dense(Site s) {
        LayerParams p = s.params();
        int features = s.known(s.in().last(), "input features");
        int units = p.getInt("units");
        boolean bias = p.getBool("use_bias");
        String y;
        if (s.in().rank() == 1) {
            List<String> in = new ArrayList<>(List.of(s.arg(), s.b().kernel(s.name(), "W", new long[] {units, features}, features, units)));
            if (bias) {
                in.add(s.b().filled(s.name(), "B", LEARNED, new long[] {units}, 0f));
            }
            y = s.b().node(s.name(), "Gemm", in, Attr.i("transB", 1));
        } else {
            y = s.b().node(s.name(), "MatMul", List.of(s.arg(), s.b().kernel(s.name(), "W", new long[] {features, units}, features, units)));
            if (bias) {
                y = s.b().node(s.name(), "Add", List.of(y, s.b().filled(s.name(), "B", LEARNED, new long[] {units}, 0f)));
            }
        }
        return fused(s, y, -1);
    }

    /** ONNX normalises axis 1 (our channels); a sequence's features (last axis of (T,F)) are moved there and back. */
    private static String batchNorm(Site s) {
        LayerParams p = s.params();
        Shape in = s.in();
        int rank = in.rank();
        int axis = p.getInt("axis");
        int a = axis < 0 ? rank + axis : axis;
        boolean featuresLast = a == rank - 1 && rank == 2;
        if (a != 0 && !featuresLast) {
            throw s.unsupported("ONNX batch norm normalises the channel axis (0) or a sequence's features, not axis " + axis + " of " + in);
        }
        long c = s.known(in.dim(a), "normalised axis");
        OnnxBuilder b = s.b();
        String n = s.name();
        long[] dims = {c};
        String gamma = b.filled(n, "scale", p.getBool("scale") ? LEARNED : CONSTANT, dims, 1f);
        String beta = b.filled(n, "B", p.getBool("center") ? LEARNED : CONSTANT, dims, 0f);
        String mean = b.filled(n, "mean", STATISTIC, dims, 0f);
        String var = b.filled(n, "var", STATISTIC, dims, 1f);
        String x = featuresLast ? b.node(n, "Transpose", List.of(s.arg()), Attr.ints("perm", 0, 2, 1)) : s.arg();
        // ONNX's momentum is Keras's: running = running * momentum + batch * (1 - momentum)
        String y = b.node(n, "BatchNormalization", List.of(x, gamma, beta, mean, var), Attr.f("epsilon", p.getDouble("epsilon")),
                Attr.f("momentum", p.getDouble("momentum")));
        return featuresLast ? b.node(n, "Transpose", List.of(y), Attr.ints("perm", 0, 2, 1)) : y;
    }

    /**
     * Caffe ACROSS_CHANNELS: b = a / (k + alpha / n * sum over n channels of a^2) ^ beta, which is
     * ONNX's LRN (it divides alpha by the size too). WITHIN_CHANNEL: b = a / (1 + alpha / n^2 *
     * sum over an n x n window of a^2) ^ beta, i.e. alpha times a zero-padded average pool.
     */
    private static String lrn(Site s) {
        LayerParams p = s.params();
        int n = p.getInt("local_size");
        OnnxBuilder b = s.b();
        String name = s.name();
        if ("WITHIN_CHANNEL".equals(p.getString("norm_region"))) {
            if (s.in().rank() != 3) {
                throw s.unsupported("WITHIN_CHANNEL normalisation needs feature maps (C,H,W), not " + s.in());
            }
            if (n % 2 == 0) {
                throw s.unsupported("WITHIN_CHANNEL normalisation needs an odd local_size, not " + n);
            }
            String sq = b.node(name, "Mul", List.of(s.arg(), s.arg()));
            String avg = b.node(name, "AveragePool", List.of(sq), Attr.ints("kernel_shape", n, n), Attr.ints("strides", 1, 1),
                    Attr.ints("pads", n / 2, n / 2, n / 2, n / 2), Attr.i("count_include_pad", 1));
            String base = b.node(name, "Add", List.of(b.node(name, "Mul", List.of(avg, b.scalar(name, "alpha", (float) p.getDouble("alpha")))),
                    b.scalar(name, "one", 1f)));
            return b.node(name, "Div", List.of(s.arg(), b.node(name, "Pow", List.of(base, b.scalar(name, "beta", (float) p.getDouble("beta"))))));
        }
        if (s.in().rank() < 2) {
            throw s.unsupported("normalisation across channels needs a channel axis, not " + s.in());
        }
        return b.node(name, "LRN", List.of(s.arg()), Attr.i("size", n), Attr.f("alpha", p.getDouble("alpha")),
                Attr.f("beta", p.getDouble("beta")), Attr.f("bias", p.getDouble("k")));
    }

    private static String layerNorm(Site s) {
        LayerParams p = s.params();
        int rank = s.in().rank();
        int axis = p.getInt("axis");
        if ((axis < 0 ? rank + axis : axis) != rank - 1) {
            throw s.unsupported("ONNX's LayerNormalization normalises trailing axes; axis " + axis + " of " + s.in() + " is not the last");
        }
        long[] dims = {s.known(s.in().last(), "normalised axis")};
        return s.b().node(s.name(), "LayerNormalization", List.of(s.arg(), s.b().filled(s.name(), "scale", LEARNED, dims, 1f),
                s.b().filled(s.name(), "B", LEARNED, dims, 0f)), Attr.i("axis", -1), Attr.f("epsilon", p.getDouble("epsilon")));
    }

    /** Reshape keeping the batch (0 copies ONNX's dimension 0). */
    private static String reshape(Site s, String x, long... target) {
        return s.b().node(s.name(), "Reshape", List.of(x, s.b().ints(s.name(), "shape", concat(new long[] {0}, target))));
    }

    private static String multiply(Site s) {
        String acc = s.args().get(0);
        for (String x : s.args().subList(1, s.args().size())) {
            acc = s.b().node(s.name(), "Mul", List.of(acc, x));
        }
        return acc;
    }

    /** Gather rows of the (input_dim, output_dim) table; token ids must be integers (cast when they arrive as floats). */
    private static String embedding(Site s) {
        LayerParams p = s.params();
        int vocab = p.getInt("input_dim");
        int width = p.getInt("output_dim");
        String ids = s.b().isInt(s.arg()) ? s.arg() : s.b().node(s.name(), "Cast", List.of(s.arg()), Attr.i("to", 7));
        // Keras's default: U(-0.05, 0.05)
        String table = s.b().uniform(s.name(), "table", new long[] {vocab, width}, 0.05);
        return s.b().node(s.name(), "Gather", List.of(table, ids), Attr.i("axis", 0));
    }

    private static int gates(Site s, String type) {
        return switch (type) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            case "SimpleRNN" -> 1;
            default -> throw s.unsupported("unknown recurrent layer '" + type + "'");
        };
    }

    /**
     * ONNX's RNN, GRU and LSTM read time-major input (ONNX Runtime has no batch-major layout),
     * so (batch, T, F) is transposed in and the result out. Y is (T, directions, batch, H);
     * Y_h, the final state, is (directions, batch, H). The last step of a backward direction is
     * its final state (it has read the sequence back to step 0), as Keras returns it.
     */
    private static String recurrent(Site s, String type, boolean bidirectional) {
        LayerParams p = s.params();
        OnnxBuilder b = s.b();
        String n = s.name();
        int features = s.known(s.in().last(), "input features");
        int units = p.getInt("units");
        int g = gates(s, type);
        int dirs = bidirectional ? 2 : 1;
        String x = b.node(n, "Transpose", List.of(s.arg()), Attr.ints("perm", 1, 0, 2));
        String w = b.kernel(n, "W", new long[] {dirs, (long) g * units, features}, features, (long) g * units);
        String r = b.kernel(n, "R", new long[] {dirs, (long) g * units, units}, units, (long) g * units);
        String bias = b.filled(n, "B", LEARNED, new long[] {dirs, 2L * g * units}, 0f);
        String op = switch (type) {
            case "LSTM" -> "LSTM";
            case "GRU" -> "GRU";
            default -> "RNN";
        };
        List<AttributeProto> attrs = new ArrayList<>(List.of(Attr.i("hidden_size", units),
                Attr.s("direction", bidirectional ? "bidirectional" : "forward")));
        if (op.equals("GRU")) {
            attrs.add(Attr.i("linear_before_reset", 1));  // PyTorch's GRU, and Keras's reset_after=True
        }
        List<String> outs = b.nodeMulti(n, op, List.of(x, w, r, bias), 2, attrs.toArray(AttributeProto[]::new));
        boolean sequences = p.getBool("return_sequences");
        if (!bidirectional) {
            return sequences
                    ? b.node(n, "Transpose", List.of(b.node(n, "Squeeze", List.of(outs.get(0), b.ints(n, "axes", 1)))), Attr.ints("perm", 1, 0, 2))
                    : b.node(n, "Squeeze", List.of(outs.get(1), b.ints(n, "axes", 0)));
        }
        String mode = p.getString("merge_mode");
        // (batch, T, 2, H) for sequences, (batch, 2, H) for the last step
        String both = sequences ? b.node(n, "Transpose", List.of(outs.get(0)), Attr.ints("perm", 2, 0, 1, 3))
                : b.node(n, "Transpose", List.of(outs.get(1)), Attr.ints("perm", 1, 0, 2));
        long dirAxis = sequences ? 2 : 1;
        return switch (mode) {
            case "sum" -> b.node(n, "ReduceSum", List.of(both, b.ints(n, "axes", dirAxis)), Attr.i("keepdims", 0));
            case "ave" -> b.node(n, "ReduceMean", List.of(both), Attr.ints("axes", dirAxis), Attr.i("keepdims", 0));
            case "mul" -> b.node(n, "ReduceProd", List.of(both), Attr.ints("axes", dirAxis), Attr.i("keepdims", 0));
            default -> sequences ? reshape(s, both, 0, 2L * units) : reshape(s, both, 2L * units);
        };
    }

    /**
     * Keras's MultiHeadAttention as its decomposition. Inputs in Keras order: query, value[, key]
     * (key defaults to value, value to query). Per head of size key_dim: Q = query Wq, K = key Wk,
     * V = value Wv, softmax(Q K^T / sqrt(key_dim)) V; the heads are concatenated and projected
     * back to the query width. Attention dropout is a training-time effect and is left out.
     */
    private static String attention(Site s) {
        LayerParams p = s.params();
        OnnxBuilder b = s.b();
        String n = s.name();
        int heads = p.getInt("num_heads");
        int dk = p.getInt("key_dim");
        long hd = (long) heads * dk;
        int argc = s.args().size();
        String q = s.args().get(0);
        String v = argc > 1 ? s.args().get(1) : q;
        String k = argc > 2 ? s.args().get(2) : v;
        int dq = s.known(s.inputs().get(0).last(), "query width");
        int dv = s.known(s.inputs().get(argc > 1 ? 1 : 0).last(), "value width");
        int dkey = s.known(s.inputs().get(argc > 2 ? 2 : argc > 1 ? 1 : 0).last(), "key width");
        String qh = heads(s, q, dq, "query", heads, dk, 0, 2, 1, 3);   // (batch, heads, Tq, key_dim)
        String kh = heads(s, k, dkey, "key", heads, dk, 0, 2, 3, 1);   // (batch, heads, key_dim, Tk)
        String vh = heads(s, v, dv, "value", heads, dk, 0, 2, 1, 3);   // (batch, heads, Tk, key_dim)
        String scores = b.node(n, "Mul", List.of(b.node(n, "MatMul", List.of(qh, kh)), b.scalar(n, "scale", (float) (1 / Math.sqrt(dk)))));
        String weights = b.node(n, "Softmax", List.of(scores), Attr.i("axis", -1));
        String ctx = b.node(n, "Transpose", List.of(b.node(n, "MatMul", List.of(weights, vh))), Attr.ints("perm", 0, 2, 1, 3));
        String merged = reshape(s, ctx, 0, hd);
        String out = b.node(n, "MatMul", List.of(merged, b.kernel(n, "output_W", new long[] {hd, dq}, hd, dq)));
        return b.node(n, "Add", List.of(out, b.filled(n, "output_B", LEARNED, new long[] {dq}, 0f)));
    }

    /** Projects (batch, T, width) to heads x key_dim and transposes to {@code perm}. */
    private static String heads(Site s, String x, int width, String role, int heads, int dk, long... perm) {
        OnnxBuilder b = s.b();
        String n = s.name();
        long hd = (long) heads * dk;
        String proj = b.node(n, "Add", List.of(b.node(n, "MatMul", List.of(x, b.kernel(n, role + "_W", new long[] {width, hd}, width, hd))),
                b.filled(n, role + "_B", LEARNED, new long[] {hd}, 0f)));
        return b.node(n, "Transpose", List.of(reshape(s, proj, 0, heads, dk)), Attr.ints("perm", perm));
    }

    /** Resize by whole factors: nearest repeats rows and columns; bilinear samples at pixel centres (PyTorch align_corners=False, TF2). */
    private static String upsample(Site s) {
        LayerParams p = s.params();
        boolean bilinear = "bilinear".equals(p.getString("interpolation"));
        String scales = s.b().floats(s.name(), "scales", 1f, 1f, p.getInt("size_row"), p.getInt("size_col"));
        return bilinear
                ? s.b().node(s.name(), "Resize", List.of(s.arg(), "", scales), Attr.s("mode", "linear"),
                        Attr.s("coordinate_transformation_mode", "half_pixel"))
                : s.b().node(s.name(), "Resize", List.of(s.arg(), "", scales), Attr.s("mode", "nearest"),
                        Attr.s("coordinate_transformation_mode", "asymmetric"), Attr.s("nearest_mode", "floor"));
    }

    private static String zeroPad(Site s) {
        long r = s.params().getInt("pad_row");
        long c = s.params().getInt("pad_col");
        return s.b().node(s.name(), "Pad", List.of(s.arg(), s.b().ints(s.name(), "pads", 0, 0, r, c, 0, 0, r, c)), Attr.s("mode", "constant"));
    }

    private static String crop(Site s) {
        long r = s.params().getInt("crop_row");
        long c = s.params().getInt("crop_col");
        OnnxBuilder b = s.b();
        return b.node(s.name(), "Slice", List.of(s.arg(), b.ints(s.name(), "starts", r, c),
                b.ints(s.name(), "ends", r == 0 ? Long.MAX_VALUE : -r, c == 0 ? Long.MAX_VALUE : -c), b.ints(s.name(), "axes", 2, 3)));
    }

    /**
     * Fast R-CNN RoI max pooling is ONNX's MaxRoiPool. Boxes (batch index, x1, y1, x2, y2) arrive
     * as (batch, R, 5) and are flattened to (batch * R, 5); the result has one pooled map per box,
     * so its dimension 0 counts boxes.
     */
    private static String roiPool(Site s) {
        LayerParams p = s.params();
        OnnxBuilder b = s.b();
        String rois = b.node(s.name(), "Reshape", List.of(s.args().get(1), b.ints(s.name(), "boxes_shape", -1, 5)));
        return b.node(s.name(), "MaxRoiPool", List.of(s.args().get(0), rois), Attr.ints("pooled_shape", p.getInt("pooled_row"),
                p.getInt("pooled_col")), Attr.f("spatial_scale", p.getDouble("spatial_scale")));
    }

    /** Caffe's Scale: a learned factor per entry of {@code axis} (broadcast over the axes after it), optional bias. */
    private static String scale(Site s) {
        LayerParams p = s.params();
        Shape in = s.in();
        int axis = p.getInt("axis");
        int a = axis < 0 ? in.rank() + axis : axis;
        if (a < 0 || a >= in.rank()) {
            throw s.unsupported("axis " + axis + " is outside its input " + in);
        }
        long[] dims = new long[in.rank() - a];
        java.util.Arrays.fill(dims, 1);
        dims[0] = s.known(in.dim(a), "scaled axis");
        String y = s.b().node(s.name(), "Mul", List.of(s.arg(), s.b().filled(s.name(), "scale", LEARNED, dims, 1f)));
        return p.getBool("bias_term") ? s.b().node(s.name(), "Add", List.of(y, s.b().filled(s.name(), "B", LEARNED, dims, 0f))) : y;
    }

    private static String lambda(Site s) {
        if (!s.output().equals(s.in())) {
            // the source gives the function's output shape but not its code: a marked placeholder that
            // yields zeros of that shape (flatten, multiply by a zero constant, reshape), so the model runs
            long in = 1;
            for (int d : s.in().dims()) {
                in *= s.known(d, "input dimension");
            }
            long[] out = new long[s.output().rank()];
            long outCount = 1;
            for (int i = 0; i < out.length; i++) {
                out[i] = s.known(s.output().dim(i), "output dimension");
                outCount *= out[i];
            }
            String flat = s.b().node(s.name(), "Flatten", List.of(s.arg()), Attr.i("axis", 1));
            String zeros = s.b().node(s.name(), "MatMul",
                    List.of(flat, s.b().filled(s.name(), "opaque_placeholder", OnnxBuilder.Kind.CONSTANT, new long[] {in, outCount}, 0f)));
            return s.b().node(s.name(), "Reshape", List.of(zeros, s.b().ints(s.name(), "shape", concat(new long[] {0}, out))));
        }
        return s.arg();
    }
}
