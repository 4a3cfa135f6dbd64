package org.paper2code.emit.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;
import org.paper2code.graph.Topology;

/**
 * Plans a graph as Keras layer calls, channels-last: explicit (Caffe) padding becomes a
 * ZeroPadding layer before a valid conv/pool, ceil-mode pooling gets extra bottom/right
 * padding so sizes equal the graph's, Permute layers switch between channels-last (what
 * convolutions read) and the graph's own order (what Flatten, Reshape, Dense and recurrent
 * layers read, so flattening keeps the channels-first order). Loss, Accuracy and Output are
 * not layers: they pick the model outputs and the compile settings.
 */
final class KerasPlan {
    private static final Set<String> TRAINING_ONLY = Set.of("Loss", "Accuracy");
    private static final Set<String> READS_CHANNELS_LAST = Set.of("Conv1D", "Conv2D", "Conv3D", "Deconv2D", "Pooling1D",
            "Pooling2D", "Pooling3D", "GlobalPooling2D", "Upsampling2D", "ZeroPadding2D", "Crop2D", "Scale");
    private static final Set<String> READS_GRAPH_ORDER = Set.of("Dense", "Flatten", "Reshape", "Embedding", "SimpleRNN",
            "LSTM", "GRU", "Bidirectional", "MultiHeadAttention");

    final Graph graph;
    final Map<String, Shape> shapes;
    final List<KerasOp> ops = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    /** Loss and Accuracy layers, for compile(). */
    final List<Layer> trainingLayers = new ArrayList<>();
    /** The op holding each graph layer's output, and its Keras layout. */
    private final Map<String, String> opOf = new HashMap<>();
    private final Map<String, KerasLayout> layoutOf = new HashMap<>();
    /** Permuted views already made: "op|LAYOUT" -> op. */
    private final Map<String, String> views = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    private KerasPlan(Graph graph) {
        this.graph = graph;
        this.shapes = new GraphValidator().check(graph);
    }

    static KerasPlan of(Graph graph) {
        KerasPlan p = new KerasPlan(graph);
        p.build();
        return p;
    }

    private GraphException fail(Layer l, String reason) {
        return new GraphException("layer '" + l.name() + "' (" + l.type() + "): " + reason);
    }

    private String unique(String base) {
        String n = base;
        for (int i = 2; !used.add(n); i++) {
            n = base + "_" + i;
        }
        return n;
    }

    private void build() {
        graph.layers().forEach(l -> used.add(l.name()));
        Map<String, List<String>> consumers = Topology.consumers(graph);
        Map<String, Layer> byName = graph.byName();
        List<String> outputLayers = new ArrayList<>();
        List<String> lossInputs = new ArrayList<>();
        for (Layer l : Topology.order(graph)) {
            if (TRAINING_ONLY.contains(l.type())) {
                trainingLayers.add(l);
                if (l.type().equals("Loss")) {
                    lossInputs.add(l.from().get(0));
                }
                continue;
            }
            if (l.type().equals("Output")) {
                outputLayers.add(l.from().get(0));
                continue;
            }
            if (l.type().equals("Input")) {
                List<String> cons = consumers.getOrDefault(l.name(), List.of());
                boolean onlyLabels = !cons.isEmpty() && cons.stream().allMatch(c -> TRAINING_ONLY.contains(byName.get(c).type()));
                if (!onlyLabels) {
                    input(l, cons.stream().map(byName::get).toList());
                }
                continue;
            }
            layer(l);
        }
        List<String> outs = !outputLayers.isEmpty() ? outputLayers : lossInputs;
        if (outs.isEmpty()) {
            for (Layer l : graph.outputs()) {
                if (!TRAINING_ONLY.contains(l.type()) && opOf.containsKey(l.name())) {
                    outs.add(l.name());
                }
            }
        }
        for (String o : outs) {
            String op = opOf.get(o);
            if (op != null && !outputs.contains(op)) {
                outputs.add(op);
            }
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new GraphException("the graph has no model input or output Keras could build");
        }
    }

    private KerasOp emit(String cls, String name, Map<String, Object> config, List<String> in, String graphLayer, String note) {
        KerasOp op = new KerasOp(cls, name, config, in, graphLayer, note);
        ops.add(op);
        return op;
    }

    private void input(Layer l, List<Layer> consumers) {
        Shape s = shapes.get(l.name());
        boolean signal = s.rank() == 2 && consumers.stream().anyMatch(c -> c.type().equals("Conv1D") || c.type().equals("Pooling1D"));
        KerasLayout layout = s.rank() >= 3 || signal ? KerasLayout.CHANNELS_LAST : KerasLayout.SAME;
        boolean ids = consumers.stream().allMatch(c -> c.type().equals("Embedding"));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("shape", nulls(layout.toKeras(s.dims())));
        cfg.put("dtype", ids ? "int32" : "float32");
        emit("InputLayer", l.name(), cfg, List.of(), l.name(), null);
        inputs.add(l.name());
        done(l, l.name(), layout);
    }

    private static List<Integer> nulls(List<Integer> dims) {
        List<Integer> out = new ArrayList<>();
        dims.forEach(d -> out.add(d == Shape.UNKNOWN ? null : d));
        return out;
    }

    private void done(Layer l, String op, KerasLayout layout) {
        opOf.put(l.name(), op);
        layoutOf.put(l.name(), shapes.get(l.name()).rank() < 2 ? KerasLayout.SAME : layout);
    }

    /** The op holding a graph tensor in the wanted Keras layout, adding a Permute when needed. */
    private String view(String graphLayer, KerasLayout want) {
        String op = opOf.get(graphLayer);
        KerasLayout have = layoutOf.get(graphLayer);
        int rank = shapes.get(graphLayer).rank();
        if (have == want || rank < 2) {
            return op;
        }
        return views.computeIfAbsent(op + "|" + want, k -> {
            List<Integer> dims = want == KerasLayout.SAME ? KerasLayout.toChannelsFirst(rank) : KerasLayout.toChannelsLast(rank);
            String name = unique(opOf.get(graphLayer) + (want == KerasLayout.SAME ? "_to_cf" : "_to_cl"));
            emit("Permute", name, Map.of("dims", dims), List.of(op), graphLayer,
                    want == KerasLayout.SAME ? "channels-last -> graph (channels-first) order" : "back to channels-last");
            return name;
        });
    }

    private void layer(Layer l) {
        LayerParams p = LayerParams.of(l);
        Shape in = l.from().isEmpty() ? null : shapes.get(l.from().get(0));
        if (READS_CHANNELS_LAST.contains(l.type())) {
            String src = view(l.from().get(0), KerasLayout.CHANNELS_LAST);
            spatial(l, p, in, src);
            return;
        }
        if (READS_GRAPH_ORDER.contains(l.type())) {
            List<String> src = l.from().stream().map(f -> view(f, KerasLayout.SAME)).toList();
            ordered(l, p, in, src);
            return;
        }
        // layout-free layers: follow the first input's layout
        KerasLayout first = layoutOf.get(l.from().get(0));
        KerasLayout layout = first;
        List<String> src = l.from().stream().map(f -> view(f, first)).toList();
        int rank = in.rank();
        Map<String, Object> c = new LinkedHashMap<>();
        switch (l.type()) {
            case "Dropout" -> {
                c.put("rate", p.getDouble("rate"));
                finish(l, "Dropout", c, src, layout, null);
            }
            case "BatchNorm" -> {
                c.put("axis", layout.axisToKeras(p.getInt("axis"), rank));
                c.put("momentum", p.getDouble("momentum"));
                c.put("epsilon", p.getDouble("epsilon"));
                c.put("center", p.getBool("center"));
                c.put("scale", p.getBool("scale"));
                finish(l, "BatchNormalization", c, src, layout, null);
            }
            case "LayerNorm" -> {
                c.put("axis", layout.axisToKeras(p.getInt("axis"), rank));
                c.put("epsilon", p.getDouble("epsilon"));
                finish(l, "LayerNormalization", c, src, layout, null);
            }
            case "LRN" -> {
                if (!"ACROSS_CHANNELS".equals(p.getString("norm_region"))) {
                    throw fail(l, "LRN within a channel has no Keras/TensorFlow layer");
                }
                if (layout != KerasLayout.CHANNELS_LAST && rank >= 2) {
                    src = List.of(view(l.from().get(0), KerasLayout.CHANNELS_LAST));
                    layout = KerasLayout.CHANNELS_LAST;
                }
                c.put("local_size", p.getInt("local_size"));
                c.put("alpha", p.getDouble("alpha"));
                c.put("beta", p.getDouble("beta"));
                c.put("k", p.getDouble("k"));
                finish(l, "LRN", c, src, layout, "local response normalisation across channels (Caffe semantics)");
            }
            case "Activation" -> activation(l, p, src, layout, rank);
            case "Softmax" -> {
                c.put("axis", layout.axisToKeras(p.getInt("axis"), rank));
                finish(l, "Softmax", c, src, layout, null);
            }
            case "Concat" -> {
                c.put("axis", layout.axisToKeras(p.getInt("axis"), rank));
                finish(l, "Concatenate", c, src, layout, null);
            }
            case "Add", "Multiply", "Maximum" -> finish(l, l.type(), c, src, layout, null);
            case "Lambda" -> {
                Shape out = shapes.get(l.name());
                if (p.get("output_shape") != null) {
                    c.put("output_shape", nulls(layout.toKeras(out.dims())));
                }
                if (p.getString("note") != null) {
                    c.put("note", p.getString("note")); // text only; keras-json keeps it as data
                }
                String note = "opaque function from the source, emitted as identity"
                        + (p.getString("note") == null ? "" : ": " + p.getString("note"))
                        + (out.equals(in) ? "" : "; the source says its output is " + out + ": replace it by the real function");
                finish(l, "Lambda", c, src, layout, note);
            }
            case "RoIPooling" -> throw fail(l, "Keras has no RoI pooling layer");
            default -> throw fail(l, "no Keras equivalent is implemented for this layer type");
        }
    }

    private void finish(Layer l, String cls, Map<String, Object> config, List<String> src, KerasLayout layout, String note) {
        emit(cls, l.name(), config, src, l.name(), note);
        done(l, l.name(), layout);
    }

    private void activation(Layer l, LayerParams p, List<String> src, KerasLayout layout, int rank) {
        String f = p.getString("function");
        Map<String, Object> c = new LinkedHashMap<>();
        switch (f) {
            case "leaky_relu" -> {
                Double a = p.getDoubleOrNull("alpha");
                c.put("alpha", a == null ? 0.01 : a);
                finish(l, "LeakyReLU", c, src, layout, null);
            }
            case "prelu" -> {
                if (layout == KerasLayout.CHANNELS_LAST && rank >= 2) {
                    List<Integer> shared = new ArrayList<>();
                    for (int i = 1; i < rank; i++) {
                        shared.add(i);
                    }
                    c.put("shared_axes", shared); // one slope per channel, as in Caffe and PyTorch
                }
                finish(l, "PReLU", c, src, layout, null);
            }
            case "elu" -> {
                Double a = p.getDoubleOrNull("alpha");
                c.put("alpha", a == null ? 1.0 : a);
                finish(l, "ELU", c, src, layout, null);
            }
            default -> {
                c.put("activation", f);
                finish(l, "Activation", c, src, layout, null);
            }
        }
    }

    /** Conv/Deconv/Dense fused activation: Keras strings as they are, others as a following layer. */
    private String fused(LayerParams p) {
        String a = p.getString("activation");
        return KerasActivations.isKerasString(a) ? a : "linear";
    }

    private void afterActivation(Layer l, LayerParams p, String op, KerasLayout layout) {
        String a = p.getString("activation");
        if (KerasActivations.isKerasString(a)) {
            done(l, op, layout);
            return;
        }
        String name = unique(l.name() + "_" + a);
        Map<String, Object> c = new LinkedHashMap<>();
        String cls = a.equals("leaky_relu") ? "LeakyReLU" : "PReLU";
        if (a.equals("leaky_relu")) {
            c.put("alpha", 0.01);
        }
        emit(cls, name, c, List.of(op), l.name(), "fused " + a + " of " + l.name());
        done(l, name, layout);
    }

    private static final String[][] AXES = {{}, {"row"}, {"row", "col"}, {"depth", "row", "col"}};

    private List<Integer> ints(LayerParams p, String prefix, int dims) {
        List<Integer> out = new ArrayList<>();
        for (String ax : AXES[dims]) {
            Integer v = p.getIntOrNull(prefix + "_" + ax);
            out.add(v == null ? 1 : v);
        }
        return out;
    }

    private void spatial(Layer l, LayerParams p, Shape in, String src) {
        KerasLayout cl = KerasLayout.CHANNELS_LAST;
        Map<String, Object> c = new LinkedHashMap<>();
        int dims = in.rank() - 1;
        switch (l.type()) {
            case "Conv1D", "Conv2D", "Conv3D" -> {
                boolean explicit = p.isSet("pad_row") || p.isSet("pad_depth");
                boolean asSame = explicit && padIsSame(p, dims);
                String s = explicit && !asSame ? explicitPad(l, p, dims, src, List.of()) : src;
                c.put("filters", p.getInt("filters"));
                c.put("kernel_size", ints(p, "kernel", dims));
                c.put("strides", ints(p, "stride", dims));
                c.put("padding", asSame ? "same" : explicit ? "valid" : p.getString("border_mode"));
                c.put("dilation_rate", ints(p, "dilation", dims));
                if (p.getInt("groups") > 1) {
                    c.put("groups", p.getInt("groups"));
                }
                c.put("activation", fused(p));
                c.put("use_bias", p.getBool("use_bias"));
                emit(l.type(), l.name(), c, List.of(s), l.name(), null);
                afterActivation(l, p, l.name(), cl);
            }
            case "Deconv2D" -> {
                c.put("filters", p.getInt("filters"));
                c.put("kernel_size", ints(p, "kernel", 2));
                c.put("strides", ints(p, "stride", 2));
                boolean explicit = p.isSet("pad_row");
                c.put("padding", explicit ? "valid" : p.getString("border_mode"));
                c.put("activation", fused(p));
                c.put("use_bias", p.getBool("use_bias"));
                int pr = explicit ? p.getInt("pad_row") : 0;
                int pc = explicit ? p.getInt("pad_col") : 0;
                String name = pr + pc > 0 ? unique(l.name() + "_full") : l.name();
                emit("Conv2DTranspose", name, c, List.of(src), l.name(), null);
                String out = name;
                if (pr + pc > 0) {
                    emit("Cropping2D", l.name(), Map.of("cropping", List.of(List.of(pr, pr), List.of(pc, pc))), List.of(name),
                            l.name(), "explicit deconvolution padding removes rows/columns from the full output");
                    out = l.name();
                }
                afterActivation(l, p, out, cl);
            }
            case "Pooling1D", "Pooling2D", "Pooling3D" -> pooling(l, p, in, src, dims);
            case "GlobalPooling2D" -> {
                if (p.getBool("keep_dims")) {
                    c.put("keepdims", true);
                }
                finish(l, "AVG".equals(p.getString("function")) ? "GlobalAveragePooling2D" : "GlobalMaxPooling2D", c,
                        List.of(src), cl, null);
            }
            case "Upsampling2D" -> {
                c.put("size", List.of(p.getInt("size_row"), p.getInt("size_col")));
                c.put("interpolation", p.getString("interpolation"));
                finish(l, "UpSampling2D", c, List.of(src), cl, null);
            }
            case "ZeroPadding2D" -> {
                c.put("padding", List.of(List.of(p.getInt("pad_row"), p.getInt("pad_row")),
                        List.of(p.getInt("pad_col"), p.getInt("pad_col"))));
                finish(l, "ZeroPadding2D", c, List.of(src), cl, null);
            }
            case "Crop2D" -> {
                c.put("cropping", List.of(List.of(p.getInt("crop_row"), p.getInt("crop_row")),
                        List.of(p.getInt("crop_col"), p.getInt("crop_col"))));
                finish(l, "Cropping2D", c, List.of(src), cl, null);
            }
            case "Scale" -> {
                if (in.rank() != 3 || p.getInt("axis") != 0) {
                    throw fail(l, "a Scale other than per-channel on (C,H,W) feature maps has no Keras layer");
                }
                c.put("kernel_size", List.of(1, 1));
                c.put("depth_multiplier", 1);
                c.put("use_bias", p.getBool("bias_term"));
                finish(l, "DepthwiseConv2D", c, List.of(src), cl, "per-channel scale (Caffe Scale) as a 1x1 depthwise convolution");
            }
            default -> throw fail(l, "unexpected spatial layer");
        }
    }

    /** Stride 1 and pad = dilation*(k-1)/2 on every axis: Keras "same" pads exactly so, without a padding layer. */
    private static boolean padIsSame(LayerParams p, int dims) {
        for (String ax : AXES[dims]) {
            Integer pad = p.getIntOrNull("pad_" + ax);
            Integer dil = p.getIntOrNull("dilation_" + ax);
            int span = (dil == null ? 1 : dil) * (p.getInt("kernel_" + ax) - 1);
            if (p.getInt("stride_" + ax) != 1 || pad == null || 2 * pad != span) {
                return false;
            }
        }
        return true;
    }

    /** Explicit symmetric padding (Caffe pad) plus extra bottom/right padding; returns the op to read. */
    private String explicitPad(Layer l, LayerParams p, int dims, String src, List<Integer> extra) {
        List<List<Integer>> pads = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < dims; i++) {
            Integer v = p.getIntOrNull("pad_" + AXES[dims][i]);
            int before = v == null ? 0 : v;
            int after = before + (extra.isEmpty() ? 0 : extra.get(i));
            pads.add(List.of(before, after));
            any |= before + after > 0;
        }
        if (!any) {
            return src;
        }
        String name = unique(l.name() + "_pad");
        Object padding = dims == 1 ? pads.get(0) : pads;
        emit("ZeroPadding" + dims + "D", name, Map.of("padding", padding), List.of(src), l.name(),
                extra.stream().anyMatch(e -> e > 0) ? "explicit padding plus bottom/right padding for ceil-mode pooling"
                        : "explicit (Caffe-style) padding");
        return name;
    }

    private void pooling(Layer l, LayerParams p, Shape in, String src, int dims) {
        List<Integer> k = ints(p, "kernel", dims);
        List<Integer> s = ints(p, "stride", dims);
        Shape out = shapes.get(l.name());
        boolean explicit = p.isSet("pad_row") || p.isSet("pad_depth");
        boolean same = !explicit && "same".equals(p.getString("border_mode"));
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            Integer v = p.getIntOrNull("pad_" + AXES[dims][i]);
            int pad = v == null ? 0 : v;
            int size = in.dim(i + 1);
            int o = out.dim(i + 1);
            int more = 0;
            if (!same && size != Shape.UNKNOWN) {
                more = Math.max(0, (o - 1) * s.get(i) + k.get(i) - (size + 2 * pad));
                int kerasOut = (size + 2 * pad + more - k.get(i)) / s.get(i) + 1;
                if (kerasOut != o) {
                    throw fail(l, "cannot pad for Keras to produce the graph's output size " + o + " (gets " + kerasOut + ")");
                }
            }
            extra.add(more);
        }
        String read = same ? src : explicitPad(l, p, dims, src, extra);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pool_size", k);
        c.put("strides", s);
        c.put("padding", same ? "same" : "valid");
        String cls = ("AVG".equals(p.getString("function")) ? "AveragePooling" : "MaxPooling") + dims + "D";
        String note = read.equals(src) ? null : "AVG".equals(p.getString("function"))
                ? "zero padding counts in the averages at the borders" : null;
        finish(l, cls, c, List.of(read), KerasLayout.CHANNELS_LAST, note);
    }

    private void ordered(Layer l, LayerParams p, Shape in, List<String> src) {
        Map<String, Object> c = new LinkedHashMap<>();
        KerasLayout same = KerasLayout.SAME;
        switch (l.type()) {
            case "Dense" -> {
                c.put("units", p.getInt("units"));
                c.put("activation", fused(p));
                c.put("use_bias", p.getBool("use_bias"));
                emit("Dense", l.name(), c, src, l.name(), null);
                afterActivation(l, p, l.name(), same);
            }
            case "Flatten" -> finish(l, "Flatten", c, src, same, null);
            case "Reshape" -> {
                // a -1 entry is resolved from the inferred shape when known (tfjs leaves it unknown otherwise)
                Shape out = shapes.get(l.name());
                List<Integer> target = out.elements() == Shape.UNKNOWN ? p.getIntList("output_shape") : out.dims();
                if (in.rank() == 1 && target.size() >= 3) {
                    // from a vector straight to channels-last feature maps (the usual generator stem)
                    c.put("target_shape", KerasLayout.CHANNELS_LAST.toKeras(target));
                    finish(l, "Reshape", c, src, KerasLayout.CHANNELS_LAST, null);
                } else {
                    c.put("target_shape", target);
                    finish(l, "Reshape", c, src, same, null);
                }
            }
            case "Embedding" -> {
                c.put("input_dim", p.getInt("input_dim"));
                c.put("output_dim", p.getInt("output_dim"));
                finish(l, "Embedding", c, src, same, null);
            }
            case "SimpleRNN", "LSTM", "GRU" -> {
                c.put("units", p.getInt("units"));
                c.put("return_sequences", p.getBool("return_sequences"));
                finish(l, l.type(), c, src, same, null);
            }
            case "Bidirectional" -> {
                Map<String, Object> inner = new LinkedHashMap<>();
                inner.put("name", unique(l.name() + "_" + p.getString("layer").toLowerCase(java.util.Locale.ROOT)));
                inner.put("units", p.getInt("units"));
                inner.put("return_sequences", p.getBool("return_sequences"));
                c.put("layer", Map.of("class_name", p.getString("layer"), "config", inner));
                c.put("merge_mode", p.getString("merge_mode"));
                finish(l, "Bidirectional", c, src, same, null);
            }
            case "MultiHeadAttention" -> {
                c.put("num_heads", p.getInt("num_heads"));
                c.put("key_dim", p.getInt("key_dim"));
                c.put("dropout", p.getDouble("dropout"));
                List<String> args = src.size() == 1 ? List.of(src.get(0), src.get(0)) : src;
                finish(l, "MultiHeadAttention", c, args, same, src.size() == 1 ? "self-attention: query = value" : null);
            }
            default -> throw fail(l, "unexpected layer");
        }
    }

    /** Graph shape of a layer in the Keras layout its op has (batch-free, null for free dims). */
    List<Integer> kerasShape(String graphLayer, String op) {
        Shape s = shapes.get(graphLayer);
        KerasLayout layout = layoutOf.get(graphLayer);
        return nulls(layout.toKeras(s.dims()));
    }
}
