package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.paper2code.emit.PythonText;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;
import org.paper2code.graph.SpatialAxes;
import org.paper2code.graph.SpatialPadding;

/**
 * The PyTorch code for one layer: its submodule (when it has state or configuration) and the
 * expression forward() evaluates. Shapes are ours (no batch, channels first); PyTorch adds
 * the batch as dimension 0, so our axis a is PyTorch's a + 1.
 */
final class TorchLayers {
    static final String[] AXES_1D = SpatialAxes.of(1);
    static final String[] AXES_2D = SpatialAxes.of(2);
    static final String[] AXES_3D = SpatialAxes.of(3);

    private TorchLayers() {
    }

    static TorchLayer write(Site s) {
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
            case "Dropout" -> TorchLayer.of("nn.Dropout(p=" + Py.num(s.params().getDouble("rate")) + ")", call(s));
            case "BatchNorm" -> batchNorm(s);
            case "LRN" -> lrn(s);
            case "LayerNorm" -> layerNorm(s);
            case "Activation" -> TorchLayer.of(activationModule(s), call(s));
            case "Softmax" -> TorchLayer.of("nn.Softmax(dim=" + torchAxis(s, s.params().getInt("axis")) + ")", call(s));
            case "Flatten" -> TorchLayer.of(null, "torch.flatten(" + s.arg() + ", 1)");
            case "Reshape" -> reshape(s);
            case "Concat" -> TorchLayer.of(null, "torch.cat(" + Py.list(s.args()) + ", dim="
                    + torchAxis(s, s.params().getInt("axis")) + ")");
            case "Add" -> TorchLayer.of(null, String.join(" + ", s.args()));
            case "Multiply" -> TorchLayer.of(null, String.join(" * ", s.args()));
            case "Maximum" -> TorchLayer.of(null, maximum(s.args()));
            case "Embedding" -> embedding(s);
            case "SimpleRNN", "LSTM", "GRU" -> recurrent(s);
            case "Bidirectional" -> bidirectional(s);
            case "MultiHeadAttention" -> attention(s);
            case "Upsampling2D" -> upsample(s);
            case "ZeroPadding2D" -> zeroPad(s);
            case "Crop2D" -> crop(s);
            case "RoIPooling" -> roiPool(s);
            case "Scale" -> scale(s);
            case "Lambda" -> lambda(s);
            case "Output" -> TorchLayer.of(null, s.arg());
            default -> throw s.unsupported("PyTorch code for this layer type is not supported");
        };
    }

    private static String call(Site s) {
        return s.self() + "(" + s.arg() + ")";
    }

    /** Our axis (no batch) as a PyTorch dim: non-negative axes move by one, negative ones stay. */
    static int torchAxis(Site s, int axis) {
        int rank = s.in().rank();
        if (axis >= rank || axis < -rank) {
            throw s.unsupported("axis " + axis + " is outside its rank-" + rank + " input");
        }
        return axis >= 0 ? axis + 1 : axis;
    }

    private static List<Integer> each(LayerParams p, String prefix, String[] axes) {
        List<Integer> out = new ArrayList<>();
        for (String a : axes) {
            out.add(prefix.equals("dilation_") ? SpatialPadding.dilation(p, a) : p.getInt(prefix + a));
        }
        return out;
    }

    private static TorchLayer conv(Site s, String[] axes) {
        LayerParams p = s.params();
        int nd = axes.length;
        int channels = s.known(s.in().dim(0), "input channels");
        List<Integer> kernel = each(p, "kernel_", axes);
        List<Integer> stride = each(p, "stride_", axes);
        List<Integer> dilation = each(p, "dilation_", axes);
        SpatialPadding pad = Padding.of(s, axes);
        StringBuilder m = new StringBuilder("nn.Conv" + nd + "d(" + channels + ", " + p.getInt("filters")
                + ", kernel_size=" + Py.ints(kernel));
        if (stride.stream().anyMatch(x -> x != 1)) {
            m.append(", stride=").append(Py.ints(stride));
        }
        String padModule = null;
        String note = null;
        if (!pad.none()) {
            if (pad.symmetric()) {
                m.append(", padding=").append(Py.ints(pad.before()));
            } else if (!pad.anyExplicit() && stride.stream().allMatch(x -> x == 1)) {
                m.append(", padding=\"same\"");
            } else {
                padModule = Padding.padModule(pad, "0.0");
                note = "TensorFlow 'same' padding: the extra row/column goes at the end, so output = ceil(input / stride)";
            }
        }
        if (dilation.stream().anyMatch(x -> x != 1)) {
            m.append(", dilation=").append(Py.ints(dilation));
        }
        if (p.getInt("groups") != 1) {
            m.append(", groups=").append(p.getInt("groups"));
        }
        if (!p.getBool("use_bias")) {
            m.append(", bias=False");
        }
        m.append(")");
        return fused(s, sequential(padModule, m.toString()), 1).withNote(note);
    }

    private static String sequential(String first, String second) {
        return first == null ? second : "nn.Sequential(" + first + ", " + second + ")";
    }

    /**
     * ConvTranspose2d: out = (in - 1) * stride - 2 * padding + kernel + output_padding. Explicit
     * pads map directly; 'same' needs out = in * stride, so 2 * padding - output_padding = kernel - stride.
     */
    private static TorchLayer deconv(Site s) {
        LayerParams p = s.params();
        int channels = s.known(s.in().dim(0), "input channels");
        boolean same = "same".equals(p.getString("border_mode"));
        List<Integer> kernel = each(p, "kernel_", AXES_2D);
        List<Integer> stride = each(p, "stride_", AXES_2D);
        List<Integer> padding = new ArrayList<>();
        List<Integer> outputPadding = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Integer pad = p.getIntOrNull("pad_" + AXES_2D[i]);
            int k = kernel.get(i);
            int st = stride.get(i);
            if (pad != null || !same) {
                padding.add(pad == null ? 0 : pad);
                outputPadding.add(0);
            } else {
                int pd = Math.max(0, Math.floorDiv(k - st + 1, 2));
                int op = 2 * pd - (k - st);
                if (op >= st) {
                    throw s.unsupported("'same' transposed convolution with kernel " + k + " and stride " + st
                            + " needs output_padding " + op + ", which PyTorch only allows below the stride");
                }
                padding.add(pd);
                outputPadding.add(op);
            }
        }
        StringBuilder m = new StringBuilder("nn.ConvTranspose2d(" + channels + ", " + p.getInt("filters")
                + ", kernel_size=" + Py.ints(kernel));
        if (stride.stream().anyMatch(x -> x != 1)) {
            m.append(", stride=").append(Py.ints(stride));
        }
        if (padding.stream().anyMatch(x -> x != 0)) {
            m.append(", padding=").append(Py.ints(padding));
        }
        if (outputPadding.stream().anyMatch(x -> x != 0)) {
            m.append(", output_padding=").append(Py.ints(outputPadding));
        }
        if (!p.getBool("use_bias")) {
            m.append(", bias=False");
        }
        m.append(")");
        return fused(s, m.toString(), 1);
    }

    /** Applies a fused {@code activation} after the layer; softmax runs over {@code softmaxDim}. */
    private static TorchLayer fused(Site s, String module, int softmaxDim) {
        String act = s.params().getString("activation");
        String value = call(s);
        if (act == null || act.equals("linear")) {
            return TorchLayer.of(module, value);
        }
        if (act.equals("prelu")) {
            // a learned slope per output channel; per unit for Dense on vectors, one slope for sequences
            String n = softmaxDim == 1 ? String.valueOf(s.output().dim(0)) : s.output().rank() == 1 ? String.valueOf(s.output().dim(0)) : "";
            String prelu = "nn.PReLU(" + n + ")";
            return TorchLayer.of(module.startsWith("nn.Sequential(")
                    ? module.substring(0, module.length() - 1) + ", " + prelu + ")"
                    : "nn.Sequential(" + module + ", " + prelu + ")", value);
        }
        String applied = switch (act) {
            case "relu" -> "F.relu(" + value + ")";
            case "leaky_relu" -> "F.leaky_relu(" + value + ", 0.01)";
            case "elu" -> "F.elu(" + value + ")";
            case "sigmoid" -> "torch.sigmoid(" + value + ")";
            case "tanh" -> "torch.tanh(" + value + ")";
            case "gelu" -> "F.gelu(" + value + ")";
            case "softplus" -> "F.softplus(" + value + ")";
            case "swish" -> "F.silu(" + value + ")";
            case "softmax" -> "F.softmax(" + value + ", dim=" + softmaxDim + ")";
            default -> throw s.unsupported("unknown fused activation '" + PythonText.comment(act) + "'");
        };
        return TorchLayer.of(module, applied);
    }

    private static TorchLayer pool(Site s, String[] axes) {
        LayerParams p = s.params();
        int nd = axes.length;
        boolean max = "MAX".equals(p.getString("function"));
        List<Integer> kernel = each(p, "kernel_", axes);
        List<Integer> stride = each(p, "stride_", axes);
        SpatialPadding pad = Padding.of(s, axes);
        boolean ceil = p.getBool("ceil_mode");
        if (pad.anySame() && pad.anyExplicit() && ceil) {
            throw s.unsupported("mixes 'same' and explicit padding with ceil_mode; PyTorch pools with one rounding rule");
        }
        StringBuilder m = new StringBuilder((max ? "nn.MaxPool" : "nn.AvgPool") + nd + "d(kernel_size=" + Py.ints(kernel)
                + ", stride=" + Py.ints(stride));
        String padModule = null;
        String note = null;
        if (!pad.none() && pad.symmetric()) {
            for (int i = 0; i < nd; i++) {
                if (2 * pad.before().get(i) > kernel.get(i)) {
                    throw s.unsupported("padding " + pad.before().get(i) + " is more than half the kernel " + kernel.get(i)
                            + ", which PyTorch pooling refuses");
                }
            }
            m.append(", padding=").append(Py.ints(pad.before()));
            if (!max && pad.anySame()) {
                m.append(", count_include_pad=False");  // TensorFlow averages over the real pixels only
            }
        } else if (!pad.none()) {
            padModule = Padding.padModule(pad, max ? "float(\"-inf\")" : "0.0");
            note = max ? "TensorFlow 'same' padding (asymmetric), padded with -inf so it never wins the max"
                    : "TensorFlow 'same' padding (asymmetric); unlike TensorFlow, border averages count the zero padding";
        }
        if (ceil && !pad.anySame()) {
            m.append(", ceil_mode=True");
            checkCeilRounding(s, kernel, stride, pad.before());
        }
        m.append(")");
        return TorchLayer.of(sequential(padModule, m.toString()), call(s)).withNote(note);
    }

    /**
     * PyTorch drops a last window that would start in the right padding or beyond the input
     * always; Caffe (our shape rule) only when there is padding. They differ only when the
     * kernel is smaller than the stride; then the code would not give the graph's shape.
     */
    private static void checkCeilRounding(Site s, List<Integer> kernel, List<Integer> stride, List<Integer> pad) {
        for (int i = 0; i < kernel.size(); i++) {
            int in = s.in().dim(i + 1);
            if (in == Shape.UNKNOWN) {
                continue;
            }
            int k = kernel.get(i);
            int st = stride.get(i);
            int p = pad.get(i);
            int out = Math.floorDiv(in + 2 * p - k + st - 1, st) + 1;
            if ((long) (out - 1) * st >= in + p) {
                out--;
            }
            if (out != s.output().dim(i + 1)) {
                throw s.unsupported("PyTorch's ceil_mode gives " + out + " outputs along axis " + (i + 1) + " where Caffe's rounding gives "
                        + s.output().dim(i + 1) + " (kernel " + k + " smaller than stride " + st + ")");
            }
        }
    }

    private static TorchLayer globalPool(Site s) {
        boolean max = "MAX".equals(s.params().getString("function"));
        String module = max ? "nn.AdaptiveMaxPool2d(1)" : "nn.AdaptiveAvgPool2d(1)";
        return TorchLayer.of(module, s.params().getBool("keep_dims") ? call(s) : "torch.flatten(" + call(s) + ", 1)");
    }

    private static TorchLayer dense(Site s) {
        LayerParams p = s.params();
        int features = s.known(s.in().last(), "input features");
        String module = "nn.Linear(" + features + ", " + p.getInt("units") + (p.getBool("use_bias") ? "" : ", bias=False") + ")";
        return fused(s, module, -1);
    }

    private static TorchLayer batchNorm(Site s) {
        LayerParams p = s.params();
        Shape in = s.in();
        int rank = in.rank();
        int axis = p.getInt("axis");
        int a = axis < 0 ? rank + axis : axis;
        boolean featuresLast = a == rank - 1 && rank == 2;
        if (a != 0 && !featuresLast) {
            throw s.unsupported("PyTorch batch norm normalises the channel axis (0) or a sequence's features, not axis " + axis
                    + " of " + in);
        }
        if (rank > 4) {
            throw s.unsupported("PyTorch batch norm takes inputs of rank 1 to 4, not " + in);
        }
        int dims = featuresLast || rank <= 2 ? 1 : rank - 1;
        int features = s.known(in.dim(a), "normalised axis");
        boolean scale = p.getBool("scale");
        boolean center = p.getBool("center");
        String module = "nn.BatchNorm" + dims + "d(" + features + ", eps=" + Py.num(p.getDouble("epsilon"))
                + ", momentum=" + Py.oneMinus(p.getDouble("momentum")) + (scale || center ? "" : ", affine=False") + ")";
        String value = featuresLast ? s.self() + "(" + s.arg() + ".transpose(1, 2)).transpose(1, 2)" : call(s);
        TorchLayer t = TorchLayer.of(module, value);
        if (scale != center) {
            return t.withNote("PyTorch learns scale and shift together; the source learns only the "
                    + (scale ? "scale" : "shift") + " (freeze the other after building the model if that matters)");
        }
        return t.withNote(featuresLast ? "features are the last axis: PyTorch wants them at dim 1, hence the transposes" : null);
    }

    /**
     * Caffe: b = a / (k + alpha / n * sum over n channels of a^2) ^ beta. PyTorch's
     * LocalResponseNorm has the same formula (alpha is divided by the size there too), so the
     * parameters pass through unchanged. WITHIN_CHANNEL (Caffe): b = a / (1 + alpha / n^2 *
     * sum over an n x n window of a^2) ^ beta, i.e. alpha times a zero-padded average pool.
     */
    private static TorchLayer lrn(Site s) {
        LayerParams p = s.params();
        int n = p.getInt("local_size");
        String alpha = Py.num(p.getDouble("alpha"));
        String beta = Py.num(p.getDouble("beta"));
        if ("WITHIN_CHANNEL".equals(p.getString("norm_region"))) {
            if (s.in().rank() != 3) {
                throw s.unsupported("WITHIN_CHANNEL normalisation needs feature maps (C,H,W), not " + s.in());
            }
            if (n % 2 == 0) {
                throw s.unsupported("WITHIN_CHANNEL normalisation needs an odd local_size, not " + n);
            }
            String x = s.arg();
            return TorchLayer.of(null, x + " / (1.0 + " + alpha + " * F.avg_pool2d(" + x + " * " + x + ", " + n
                    + ", stride=1, padding=" + (n / 2) + ")) ** " + beta)
                    .withNote("Caffe LRN within channel: alpha / n^2 times the sum of squares over an n x n window");
        }
        return TorchLayer.of("nn.LocalResponseNorm(" + n + ", alpha=" + alpha + ", beta=" + beta + ", k="
                + Py.num(p.getDouble("k")) + ")", call(s))
                .withNote("same formula as Caffe: both divide alpha by the window size");
    }

    private static TorchLayer layerNorm(Site s) {
        LayerParams p = s.params();
        int rank = s.in().rank();
        int axis = p.getInt("axis");
        if ((axis < 0 ? rank + axis : axis) != rank - 1) {
            throw s.unsupported("PyTorch's LayerNorm normalises trailing axes; axis " + axis + " of " + s.in() + " is not the last");
        }
        int features = s.known(s.in().last(), "normalised axis");
        return TorchLayer.of("nn.LayerNorm(" + features + ", eps=" + Py.num(p.getDouble("epsilon")) + ")", call(s));
    }

    private static String activationModule(Site s) {
        LayerParams p = s.params();
        Double alpha = p.getDoubleOrNull("alpha");
        String fn = p.getString("function");
        return switch (fn) {
            case "relu" -> "nn.ReLU()";
            case "leaky_relu" -> "nn.LeakyReLU(" + Py.num(alpha == null ? 0.01 : alpha) + ")";
            case "prelu" -> "nn.PReLU(" + (s.in().rank() == 2 ? "" : String.valueOf(s.known(s.in().dim(0), "channels"))) + ")";
            case "elu" -> "nn.ELU(" + Py.num(alpha == null ? 1.0 : alpha) + ")";
            case "sigmoid" -> "nn.Sigmoid()";
            case "tanh" -> "nn.Tanh()";
            case "gelu" -> "nn.GELU()";
            case "softplus" -> "nn.Softplus()";
            case "swish" -> "nn.SiLU()";
            default -> throw s.unsupported("unknown activation function '" + PythonText.comment(fn) + "'");
        };
    }

    private static TorchLayer reshape(Site s) {
        List<Integer> target = s.params().getIntList("output_shape");
        String dims = target.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return TorchLayer.of(null, s.arg() + ".reshape(" + s.arg() + ".shape[0]" + (dims.isEmpty() ? "" : ", " + dims) + ")");
    }

    private static String maximum(List<String> args) {
        String acc = args.get(0);
        for (String a : args.subList(1, args.size())) {
            acc = "torch.maximum(" + acc + ", " + a + ")";
        }
        return acc;
    }

    private static TorchLayer embedding(Site s) {
        LayerParams p = s.params();
        return TorchLayer.of("nn.Embedding(" + p.getInt("input_dim") + ", " + p.getInt("output_dim") + ")",
                s.self() + "(" + s.arg() + ".long())");
    }

    private static String rnnClass(String type) {
        return switch (type) {
            case "LSTM" -> "nn.LSTM";
            case "GRU" -> "nn.GRU";
            default -> "nn.RNN";
        };
    }

    private static TorchLayer recurrent(Site s) {
        LayerParams p = s.params();
        int features = s.known(s.in().last(), "input features");
        String module = rnnClass(s.layer().type()) + "(" + features + ", " + p.getInt("units") + ", batch_first=True)";
        // [0] is the output of every step; the last step is the Keras default (return_sequences=False)
        String value = call(s) + "[0]" + (p.getBool("return_sequences") ? "" : "[:, -1]");
        return TorchLayer.of(module, value);
    }

    /**
     * Both directions in one module. PyTorch concatenates (forward, backward) per step; the
     * backward direction's final state sits at step 0, so "the last step" takes the forward
     * half at step -1 and the backward half at step 0, as Keras does.
     */
    private static TorchLayer bidirectional(Site s) {
        LayerParams p = s.params();
        int features = s.known(s.in().last(), "input features");
        int units = p.getInt("units");
        String module = rnnClass(p.getString("layer")) + "(" + features + ", " + units
                + ", batch_first=True, bidirectional=True)";
        boolean sequences = p.getBool("return_sequences");
        String mode = p.getString("merge_mode");
        String fwd = sequences ? "_seq[..., :" + units + "]" : "_seq[:, -1, :" + units + "]";
        String bwd = sequences ? "_seq[..., " + units + ":]" : "_seq[:, 0, " + units + ":]";
        String value = switch (mode) {
            case "sum" -> fwd + " + " + bwd;
            case "mul" -> fwd + " * " + bwd;
            case "ave" -> "(" + fwd + " + " + bwd + ") / 2";
            default -> sequences ? "_seq" : "torch.cat([" + fwd + ", " + bwd + "], dim=-1)";
        };
        return new TorchLayer(module, List.of("_seq = " + call(s) + "[0]  # (batch, steps, 2 * " + units + "): forward, backward"),
                value, null);
    }

    /**
     * Keras order of inputs: query, value[, key]. PyTorch's head size is embed_dim / num_heads,
     * so the graph's key_dim is not used when it differs.
     */
    private static TorchLayer attention(Site s) {
        LayerParams p = s.params();
        int heads = p.getInt("num_heads");
        String q = s.args().get(0);
        String v = s.args().size() > 1 ? s.args().get(1) : q;
        String k = s.args().size() > 2 ? s.args().get(2) : v;
        int embed = s.known(s.inputs().get(0).last(), "query width");
        int vdim = s.known(s.inputs().get(s.args().size() > 1 ? 1 : 0).last(), "value width");
        int kdim = s.known(s.inputs().get(s.args().size() > 2 ? 2 : s.args().size() > 1 ? 1 : 0).last(), "key width");
        if (embed % heads != 0) {
            throw s.unsupported("PyTorch's MultiheadAttention needs the query width " + embed + " divisible by num_heads " + heads);
        }
        StringBuilder m = new StringBuilder("nn.MultiheadAttention(" + embed + ", " + heads);
        double dropout = p.getDouble("dropout");
        if (dropout != 0) {
            m.append(", dropout=").append(Py.num(dropout));
        }
        if (kdim != embed) {
            m.append(", kdim=").append(kdim);
        }
        if (vdim != embed) {
            m.append(", vdim=").append(vdim);
        }
        m.append(", batch_first=True)");
        int keyDim = p.getInt("key_dim");
        String note = keyDim * heads == embed ? null
                : "the source's key_dim is " + keyDim + "; PyTorch's head size is " + embed + " / " + heads;
        return TorchLayer.of(m.toString(), s.self() + "(" + q + ", " + k + ", " + v + ", need_weights=False)[0]").withNote(note);
    }

    private static TorchLayer upsample(Site s) {
        LayerParams p = s.params();
        boolean bilinear = "bilinear".equals(p.getString("interpolation"));
        String factor = Py.ints(List.of(p.getInt("size_row"), p.getInt("size_col")));
        return TorchLayer.of("nn.Upsample(scale_factor=" + factor + ", mode=" + (bilinear ? "\"bilinear\", align_corners=False"
                : "\"nearest\"") + ")", call(s));
    }

    private static TorchLayer zeroPad(Site s) {
        int r = s.params().getInt("pad_row");
        int c = s.params().getInt("pad_col");
        return TorchLayer.of("nn.ZeroPad2d(" + (r == c ? String.valueOf(r) : Py.tuple(List.of(c, c, r, r))) + ")", call(s));
    }

    private static TorchLayer crop(Site s) {
        int r = s.params().getInt("crop_row");
        int c = s.params().getInt("crop_col");
        return TorchLayer.of(null, s.arg() + "[:, :, " + slice(r) + ", " + slice(c) + "]");
    }

    private static String slice(int n) {
        return n == 0 ? ":" : n + ":-" + n;
    }

    private static TorchLayer roiPool(Site s) {
        LayerParams p = s.params();
        s.helpers().add("roi_max_pool");
        return TorchLayer.of(null, "roi_max_pool(" + s.args().get(0) + ", " + s.args().get(1) + ", "
                + Py.tuple(List.of(p.getInt("pooled_row"), p.getInt("pooled_col"))) + ", "
                + Py.num(p.getDouble("spatial_scale")) + ")")
                .withNote("one pooled map per box: the batch dimension of the result counts boxes");
    }

    private static TorchLayer scale(Site s) {
        LayerParams p = s.params();
        Shape in = s.in();
        int axis = p.getInt("axis");
        int a = axis < 0 ? in.rank() + axis : axis;
        if (a < 0 || a >= in.rank()) {
            throw s.unsupported("axis " + axis + " is outside its input " + in);
        }
        List<Integer> shape = new ArrayList<>();
        shape.add(s.known(in.dim(a), "scaled axis"));
        for (int i = a + 1; i < in.rank(); i++) {
            shape.add(1);
        }
        s.helpers().add("Scale");
        return TorchLayer.of("Scale(" + Py.tuple(shape) + ", bias=" + (p.getBool("bias_term") ? "True" : "False") + ")", call(s));
    }

    private static TorchLayer lambda(Site s) {
        Object note = s.params().get("note");
        if (!s.output().equals(s.in())) {
            // the source names a function but not its code: keep the model runnable with the declared
            // output shape, and say loudly in the file that this part must be written by hand
            List<Integer> shape = new ArrayList<>();
            for (int d : s.output().dims()) {
                shape.add(s.known(d, "output dimension"));
            }
            s.helpers().add("OpaqueFunction");
            return TorchLayer.of("OpaqueFunction(" + Py.tuple(shape) + ")", call(s)).withNote(
                    "OPAQUE: the source's function (" + s.in() + " -> " + s.output() + ") is unknown; this placeholder "
                    + "returns zeros of that shape: replace it" + (note == null ? "" : ". Source note: "
                    + PythonText.comment(String.valueOf(note))));
        }
        return TorchLayer.of(null, s.arg()).withNote("opaque function from the source, kept as identity"
                + (note == null ? "" : ": " + PythonText.comment(String.valueOf(note))));
    }
}
