package org.paper2code.emit.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import org.paper2code.emit.ImportException;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.Layer;
import org.paper2code.graph.LayerCatalogue;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.LayerSpec;
import org.paper2code.graph.Shape;
import org.paper2code.graph.ShapeRules;

/**
 * Turns one Keras layer config (Keras 1, 2 or 3 spelling) into graph layers, tracking each
 * tensor's shape and whether Keras holds it channels-last, so that shapes and axes come out
 * channels-first. A Keras layer the graph cannot express faithfully is an ImportException
 * naming the layer and the reason, never a silent approximation (except the element order
 * inside Flatten/Reshape, which the graph does not model: see {@link #reshape}).
 */
final class KerasLayerConverter {
    /** Keras classes that read a channels-last (L,C) tensor: a rank-2 input feeding one is a signal, not a sequence. */
    static final Set<String> SIGNAL_CONSUMERS = Set.of("Conv1D", "Convolution1D", "MaxPooling1D", "AveragePooling1D",
            "MaxPool1D", "AvgPool1D", "SpatialDropout1D", "ZeroPadding1D");

    private final String source;
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Set<String> names = new HashSet<>();

    KerasLayerConverter(String source) {
        this.source = source;
    }

    List<Layer> layers() {
        return layers;
    }

    ImportException fail(String name, String cls, String reason) {
        return new ImportException(source + ": layer '" + name + "' (" + cls + "): " + reason);
    }

    private String unique(String name) {
        String n = name == null || name.isBlank() ? "layer" : name;
        String u = n;
        for (int i = 2; !names.add(u); i++) {
            u = n + "_" + i;
        }
        return u;
    }

    /**
     * Adds an Input layer for a batch-free Keras shape (null dims as -1).
     * @param channelsFirst the model keeps images channels-first (data_format channels_first, Keras 1 "th")
     * @param signal a rank-2 input read by a Conv1D-like layer: (L,C), not a (T,F) sequence
     */
    KerasTensor addInput(String name, List<Integer> kerasShape, boolean channelsFirst, boolean signal) {
        int rank = kerasShape.size();
        KerasLayout layout = !channelsFirst && (rank >= 3 || (rank == 2 && signal))
                ? KerasLayout.CHANNELS_LAST : KerasLayout.SAME;
        String n = unique(name);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("output_shape", layout.fromKeras(kerasShape));
        return add(new Layer("Input", n, p, List.of()), layout, "InputLayer");
    }

    private KerasTensor add(Layer layer, KerasLayout layout, String cls) {
        LayerSpec spec = catalogue.require(layer.type());
        List<Shape> in = new ArrayList<>();
        layer.from().forEach(f -> in.add(shapes.get(f)));
        Shape out;
        try {
            out = ShapeRules.require(spec.shapeRule()).apply(new LayerParams(layer, catalogue), in);
        } catch (GraphException | ClassCastException | NullPointerException e) {
            throw fail(layer.name(), cls, "does not fit its input " + in + ": " + e.getMessage());
        }
        layers.add(layer);
        shapes.put(layer.name(), out);
        return new KerasTensor(layer.name(), out.rank() < 2 ? KerasLayout.SAME : layout, false);
    }

    /** Converts one layer; returns the graph name standing for its output (an input's name for dropped identities). */
    KerasTensor convert(String cls, String name, JsonNode cfg, List<KerasTensor> inputs) {
        Objects.requireNonNull(cfg);
        if (inputs.isEmpty()) {
            throw fail(name, cls, "has no input (no batch_input_shape and no inbound node)");
        }
        Call c = new Call(cls, name, cfg, inputs);
        return switch (cls) {
            case "Conv1D", "Convolution1D" -> conv(c, "Conv1D", 1);
            case "Conv2D", "Convolution2D" -> conv(c, "Conv2D", 2);
            case "Conv3D", "Convolution3D" -> conv(c, "Conv3D", 3);
            case "Conv2DTranspose", "Deconvolution2D", "Convolution2DTranspose" -> deconv(c);
            case "MaxPooling1D", "MaxPool1D" -> pool(c, "Pooling1D", 1, "MAX");
            case "AveragePooling1D", "AvgPool1D" -> pool(c, "Pooling1D", 1, "AVG");
            case "MaxPooling2D", "MaxPool2D" -> pool(c, "Pooling2D", 2, "MAX");
            case "AveragePooling2D", "AvgPool2D" -> pool(c, "Pooling2D", 2, "AVG");
            case "MaxPooling3D", "MaxPool3D" -> pool(c, "Pooling3D", 3, "MAX");
            case "AveragePooling3D", "AvgPool3D" -> pool(c, "Pooling3D", 3, "AVG");
            case "GlobalAveragePooling2D", "GlobalAvgPool2D" -> globalPool(c, "AVG");
            case "GlobalMaxPooling2D", "GlobalMaxPool2D" -> globalPool(c, "MAX");
            case "Dense" -> dense(c, cfg, c.input());
            case "TimeDistributed" -> timeDistributed(c);
            case "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D" ->
                    simple(c, "Dropout", Map.of("rate", c.dbl(0.5, "rate", "p")));
            case "BatchNormalization" -> batchNorm(c);
            case "LayerNormalization" -> layerNorm(c);
            case "Activation" -> activation(c, c.text("linear", "activation"), null);
            case "ReLU" -> relu(c);
            case "LeakyReLU" -> activation(c, "leaky_relu", c.dbl(0.3, "alpha", "negative_slope"));
            case "PReLU" -> activation(c, "prelu", null);
            case "ELU" -> activation(c, "elu", c.dbl(1.0, "alpha"));
            case "Softmax" -> softmax(c, c.axis(-1));
            case "Flatten" -> simple(c, "Flatten", Map.of());
            case "Reshape" -> reshape(c);
            case "Permute" -> permute(c);
            case "Concatenate" -> concat(c, c.axis(-1));
            case "Add" -> merge(c, "Add");
            case "Multiply" -> merge(c, "Multiply");
            case "Maximum" -> merge(c, "Maximum");
            case "Merge" -> keras1Merge(c);
            case "Embedding" -> embedding(c);
            case "SimpleRNN", "LSTM", "GRU", "CuDNNLSTM", "CuDNNGRU" -> recurrent(c, cfg, cls);
            case "Bidirectional" -> bidirectional(c);
            case "MultiHeadAttention" -> attention(c);
            case "UpSampling2D" -> upsample(c);
            case "ZeroPadding2D" -> padCrop(c, "ZeroPadding2D", "padding", "pad");
            case "Cropping2D" -> padCrop(c, "Crop2D", "cropping", "crop");
            case "Lambda" -> lambda(c, lambdaShape(c), c.get("note") != null && c.get("note").isTextual()
                    ? c.get("note").asText() : "Keras Lambda layer; its code is not imported");
            case "LRN" -> lrn(c);
            case "ClusteringLayer" -> lambda(c, List.of(c.integer("output_dim", "n_clusters")),
                    "DEC ClusteringLayer (custom Keras layer): soft assignment of the embedding to "
                            + c.integer("output_dim", "n_clusters") + " clusters with a Student's t kernel");
            default -> throw fail(name, cls, "unknown Keras layer class '" + cls
                    + "' (no equivalent in the graph catalogue)");
        };
    }

    /** One Keras layer being converted: its class, name, config and graph inputs. */
    private final class Call {
        final String cls;
        final String name;
        final JsonNode cfg;
        final List<KerasTensor> inputs;

        Call(String cls, String name, JsonNode cfg, List<KerasTensor> inputs) {
            this.cls = cls;
            this.name = name;
            this.cfg = cfg;
            this.inputs = inputs;
        }

        KerasTensor input() {
            if (inputs.size() != 1) {
                throw fail(name, cls, "takes one input but has " + inputs.size());
            }
            return inputs.get(0);
        }

        Shape shape(KerasTensor in) {
            return shapes.get(in.name());
        }

        KerasLayout layout(KerasTensor in) {
            return in.layout();
        }

        JsonNode get(String... keys) {
            for (String k : keys) {
                JsonNode n = cfg.get(k);
                if (n != null && !n.isNull()) {
                    return n;
                }
            }
            return null;
        }

        String text(String def, String... keys) {
            JsonNode n = get(keys);
            return n == null ? def : n.asText();
        }

        double dbl(double def, String... keys) {
            JsonNode n = get(keys);
            if (n != null && !n.isNumber()) {
                throw fail(name, cls, keys[0] + " is not a number: " + n);
            }
            return n == null ? def : n.asDouble();
        }

        boolean bool(boolean def, String... keys) {
            JsonNode n = get(keys);
            return n == null ? def : n.asBoolean();
        }

        int integer(String... keys) {
            JsonNode n = get(keys);
            if (n == null || !n.canConvertToInt()) {
                throw fail(name, cls, "needs an integer " + String.join(" or ", keys));
            }
            return n.asInt();
        }

        /** An int or a list of n ints (Keras accepts both); null when absent. */
        List<Integer> ints(int n, String... keys) {
            JsonNode v = get(keys);
            if (v == null) {
                return null;
            }
            List<Integer> out = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> out.add(x.asInt()));
            } else {
                for (int i = 0; i < n; i++) {
                    out.add(v.asInt());
                }
            }
            if (out.size() != n) {
                throw fail(name, cls, keys[0] + " " + v + " does not have " + n + " entries");
            }
            return out;
        }

        int axis(int def) {
            JsonNode v = get("axis");
            if (v == null) {
                return def;
            }
            if (v.isArray()) {
                if (v.size() != 1) {
                    throw fail(name, cls, "normalises/reduces over several axes " + v + "; the graph has one axis");
                }
                return v.get(0).asInt();
            }
            return v.asInt();
        }

        boolean channelsFirst() {
            String df = text("", "data_format", "dim_ordering");
            return df.equals("channels_first") || df.equals("th");
        }
    }

    private static final String[][] AXES = {{}, {"row"}, {"row", "col"}, {"depth", "row", "col"}};

    /** Sets a parameter unless it equals the catalogue default (resolving "=other" defaults), so graphs stay terse. */
    private void put(Map<String, Object> p, String type, String key, Object value) {
        Object def = new LayerParams(new Layer(type, "_", p, List.of()), catalogue).get(key);
        boolean same = def instanceof Number d && value instanceof Number v ? d.doubleValue() == v.doubleValue()
                : Objects.equals(def, value);
        if (!same) {
            p.put(key, value);
        }
    }

    private void spatialInput(Call c, KerasTensor in, int dims) {
        Shape s = c.shape(in);
        KerasLayout want = c.channelsFirst() ? KerasLayout.SAME : KerasLayout.CHANNELS_LAST;
        if (s.rank() == dims + 1 && c.layout(in) != want) {
            throw fail(c.name, c.cls, "reads a " + (want == KerasLayout.CHANNELS_LAST ? "channels-last" : "channels-first")
                    + " feature map but its input '" + in + "' " + s + " is laid out differently (e.g. a (time, features) "
                    + "sequence); the graph catalogue has no transpose layer to express that");
        }
    }

    private String padding(Call c, Map<String, Object> p, String type) {
        String mode = c.text("valid", "padding", "border_mode");
        if (!mode.equals("valid") && !mode.equals("same")) {
            throw fail(c.name, c.cls, "padding '" + mode + "' has no equivalent (the graph knows valid, same, explicit)");
        }
        put(p, type, "border_mode", mode);
        return mode;
    }

    private List<Integer> kernel(Call c, int dims) {
        List<Integer> k = c.ints(dims, "kernel_size", "filter_length", "pool_size", "pool_length");
        if (k == null && dims == 2 && c.get("nb_row") != null) {
            k = List.of(c.integer("nb_row"), c.integer("nb_col"));
        }
        if (k == null && dims == 3 && c.get("kernel_dim1") != null) {
            k = List.of(c.integer("kernel_dim1"), c.integer("kernel_dim2"), c.integer("kernel_dim3"));
        }
        if (k == null) {
            throw fail(c.name, c.cls, "has no kernel size");
        }
        return k;
    }

    private String fusedActivation(Call c) {
        String keras = c.text("linear", "activation");
        String a = KerasActivations.fromKeras(keras);
        if (a == null) {
            throw fail(c.name, c.cls, "activation '" + keras + "' has no equivalent in the graph catalogue");
        }
        return a;
    }

    private KerasTensor conv(Call c, String type, int dims) {
        KerasTensor in = c.input();
        spatialInput(c, in, dims);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("filters", c.integer("filters", "nb_filter"));
        List<Integer> k = kernel(c, dims);
        List<Integer> s = c.ints(dims, "strides", "subsample", "subsample_length");
        List<Integer> d = c.ints(dims, "dilation_rate", "atrous_rate");
        for (int i = 0; i < dims; i++) {
            String ax = AXES[dims][i];
            put(p, type, "kernel_" + ax, k.get(i));
        }
        for (int i = 0; i < dims; i++) {
            put(p, type, "stride_" + ax(dims, i), s == null ? 1 : s.get(i));
        }
        padding(c, p, type);
        for (int i = 0; i < dims; i++) {
            put(p, type, "dilation_" + ax(dims, i), d == null ? 1 : d.get(i));
        }
        put(p, type, "groups", c.get("groups") == null ? 1 : c.integer("groups"));
        put(p, type, "use_bias", c.bool(true, "use_bias", "bias"));
        put(p, type, "activation", fusedActivation(c));
        return add(new Layer(type, unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private static List<String> names(List<KerasTensor> tensors) {
        return tensors.stream().map(KerasTensor::name).toList();
    }

    private static String ax(int dims, int i) {
        return AXES[dims][i];
    }

    private KerasTensor deconv(Call c) {
        KerasTensor in = c.input();
        spatialInput(c, in, 2);
        List<Integer> d = c.ints(2, "dilation_rate");
        if ((d != null && (d.get(0) != 1 || d.get(1) != 1)) || c.get("output_padding") != null) {
            throw fail(c.name, c.cls, "dilation or output_padding has no equivalent in the graph's Deconv2D");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("filters", c.integer("filters", "nb_filter"));
        List<Integer> k = kernel(c, 2);
        List<Integer> s = c.ints(2, "strides", "subsample");
        put(p, "Deconv2D", "kernel_row", k.get(0));
        put(p, "Deconv2D", "kernel_col", k.get(1));
        put(p, "Deconv2D", "stride_row", s == null ? 1 : s.get(0));
        put(p, "Deconv2D", "stride_col", s == null ? 1 : s.get(1));
        padding(c, p, "Deconv2D");
        put(p, "Deconv2D", "use_bias", c.bool(true, "use_bias", "bias"));
        put(p, "Deconv2D", "activation", fusedActivation(c));
        return add(new Layer("Deconv2D", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor pool(Call c, String type, int dims, String function) {
        KerasTensor in = c.input();
        spatialInput(c, in, dims);
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, type, "function", function);
        List<Integer> k = kernel(c, dims);
        List<Integer> s = c.ints(dims, "strides", "stride");
        for (int i = 0; i < dims; i++) {
            put(p, type, "kernel_" + ax(dims, i), k.get(i));
        }
        for (int i = 0; i < dims; i++) {
            put(p, type, "stride_" + ax(dims, i), s == null ? k.get(i) : s.get(i));
        }
        padding(c, p, type);
        return add(new Layer(type, unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor globalPool(Call c, String function) {
        KerasTensor in = c.input();
        spatialInput(c, in, 2);
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "GlobalPooling2D", "function", function);
        put(p, "GlobalPooling2D", "keep_dims", c.bool(false, "keepdims", "keep_dims"));
        return add(new Layer("GlobalPooling2D", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor dense(Call c, JsonNode cfg, KerasTensor in) {
        Shape s = c.shape(in);
        if (s.rank() > 2 || (s.rank() == 2 && in.layout() == KerasLayout.CHANNELS_LAST)) {
            throw fail(c.name, c.cls, "Keras applies Dense to the last axis of " + s + " (channels-last); the graph's "
                    + "Dense takes a vector or a (time, features) sequence: the model needs a Flatten before it");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("units", c.integer("units", "output_dim"));
        put(p, "Dense", "use_bias", c.bool(true, "use_bias", "bias"));
        put(p, "Dense", "activation", fusedActivation(c));
        return add(new Layer("Dense", unique(c.name), p, List.of(in.name())), in.layout(), c.cls);
    }

    private KerasTensor timeDistributed(Call c) {
        JsonNode inner = c.get("layer");
        String innerCls = inner == null ? "?" : inner.path("class_name").asText();
        if (!innerCls.equals("Dense")) {
            throw fail(c.name, c.cls, "wraps a " + innerCls + "; only TimeDistributed(Dense) has a graph equivalent (Dense over (T,F))");
        }
        KerasTensor in = c.input();
        if (c.shape(in).rank() != 2) {
            throw fail(c.name, c.cls, "needs a (time, features) input, not " + c.shape(in));
        }
        return dense(new Call("TimeDistributed(Dense)", c.name, inner.path("config"), c.inputs), inner.path("config"), in);
    }

    private KerasTensor simple(Call c, String type, Map<String, Object> params) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        params.forEach((k, v) -> put(p, type, k, v));
        return add(new Layer(type, unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor batchNorm(Call c) {
        KerasTensor in = c.input();
        Shape s = c.shape(in);
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "BatchNorm", "epsilon", c.dbl(1e-3, "epsilon"));
        put(p, "BatchNorm", "momentum", c.dbl(0.99, "momentum"));
        put(p, "BatchNorm", "axis", c.layout(in).axisFromKeras(c.axis(-1), s.rank()));
        put(p, "BatchNorm", "scale", c.bool(true, "scale"));
        put(p, "BatchNorm", "center", c.bool(true, "center"));
        return add(new Layer("BatchNorm", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor layerNorm(Call c) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "LayerNorm", "epsilon", c.dbl(1e-3, "epsilon"));
        put(p, "LayerNorm", "axis", c.layout(in).axisFromKeras(c.axis(-1), c.shape(in).rank()));
        return add(new Layer("LayerNorm", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor activation(Call c, String keras, Double alpha) {
        KerasTensor in = c.input();
        if (keras.equals("linear")) {
            return in;
        }
        if (keras.equals("softmax")) {
            return softmax(c, -1);
        }
        String f = keras.equals("leaky_relu") || keras.equals("prelu") ? keras : KerasActivations.fromKeras(keras);
        if (f == null || f.equals("linear")) {
            throw fail(c.name, c.cls, "activation '" + keras + "' has no equivalent in the graph catalogue");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("function", f);
        if (alpha != null && !(f.equals("elu") && alpha == 1.0)) {
            p.put("alpha", alpha);
        }
        return add(new Layer("Activation", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor relu(Call c) {
        if (c.get("max_value") != null || c.dbl(0, "threshold") != 0) {
            throw fail(c.name, c.cls, "a capped or thresholded ReLU has no equivalent in the graph catalogue");
        }
        double slope = c.dbl(0, "negative_slope");
        return slope == 0 ? activation(c, "relu", null) : activation(c, "leaky_relu", slope);
    }

    private KerasTensor softmax(Call c, int kerasAxis) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "Softmax", "axis", c.layout(in).axisFromKeras(kerasAxis, c.shape(in).rank()));
        return add(new Layer("Softmax", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    /**
     * Keras reshapes in its own memory order (channels-last); the graph's Reshape is defined
     * channels-first. The sizes agree; the order of elements inside may differ, which changes
     * weights, not the architecture. A Reshape after a Permute to channels-first is exact.
     */
    private KerasTensor reshape(Call c) {
        KerasTensor in = c.input();
        JsonNode t = c.get("target_shape", "dims");
        if (t == null || !t.isArray()) {
            throw fail(c.name, c.cls, "has no target_shape");
        }
        List<Integer> target = new ArrayList<>();
        t.forEach(x -> target.add(x.isNull() ? -1 : x.asInt()));
        boolean exact = in.permuted();
        KerasLayout out = !exact && target.size() >= 3 && !c.channelsFirst() ? KerasLayout.CHANNELS_LAST : KerasLayout.SAME;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("output_shape", out.fromKeras(target));
        KerasTensor r = add(new Layer("Reshape", unique(c.name), p, List.of(in.name())), out, c.cls);
        return exact && target.size() >= 2 ? new KerasTensor(r.name(), r.layout(), true) : r;
    }

    /** A Permute that only moves channels between last and first changes the Keras view, not the graph: no layer. */
    private KerasTensor permute(Call c) {
        KerasTensor in = c.input();
        List<Integer> dims = new ArrayList<>();
        JsonNode d = c.get("dims");
        if (d != null) {
            d.forEach(x -> dims.add(x.asInt()));
        }
        int rank = c.shape(in).rank();
        if (in.layout() == KerasLayout.CHANNELS_LAST && dims.equals(KerasLayout.toChannelsFirst(rank))) {
            return new KerasTensor(in.name(), KerasLayout.SAME, true);
        }
        if (in.permuted() && dims.equals(KerasLayout.toChannelsLast(rank))) {
            return new KerasTensor(in.name(), KerasLayout.CHANNELS_LAST, false);
        }
        throw fail(c.name, c.cls, "permutation " + dims + " of " + c.shape(in)
                + " is not a channels-last/channels-first switch; the graph catalogue has no transpose layer");
    }

    private KerasTensor concat(Call c, int kerasAxis) {
        requireSameLayout(c);
        KerasTensor first = c.inputs.get(0);
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "Concat", "axis", first.layout().axisFromKeras(kerasAxis, c.shape(first).rank()));
        return add(new Layer("Concat", unique(c.name), p, names(c.inputs)), first.layout(), c.cls);
    }

    private void requireSameLayout(Call c) {
        if (c.inputs.size() < 2) {
            throw fail(c.name, c.cls, "merges " + c.inputs.size() + " input(s); it needs at least 2");
        }
        KerasLayout l = c.layout(c.inputs.get(0));
        for (KerasTensor in : c.inputs) {
            if (c.layout(in) != l && c.shape(in).rank() >= 2) {
                throw fail(c.name, c.cls, "merges tensors Keras lays out differently (channels-last and not)");
            }
        }
    }

    private KerasTensor merge(Call c, String type) {
        requireSameLayout(c);
        return add(new Layer(type, unique(c.name), Map.of(), names(c.inputs)), c.inputs.get(0).layout(), c.cls);
    }

    private KerasTensor keras1Merge(Call c) {
        String mode = c.text("sum", "mode");
        return switch (mode) {
            case "concat" -> concat(c, c.get("concat_axis") == null ? -1 : c.integer("concat_axis"));
            case "sum" -> merge(c, "Add");
            case "mul" -> merge(c, "Multiply");
            case "max" -> merge(c, "Maximum");
            default -> throw fail(c.name, c.cls, "merge mode '" + mode + "' has no equivalent in the graph catalogue");
        };
    }

    private KerasTensor embedding(Call c) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("input_dim", c.integer("input_dim"));
        p.put("output_dim", c.integer("output_dim"));
        return add(new Layer("Embedding", unique(c.name), p, List.of(in.name())), KerasLayout.SAME, c.cls);
    }

    private void sequenceInput(Call c, KerasTensor in) {
        if (c.layout(in) == KerasLayout.CHANNELS_LAST) {
            throw fail(c.name, c.cls, "reads the channels-last output of '" + in.name() + "' as a (time, features) sequence; "
                    + "the graph's " + c.shape(in) + " is channels-first and the catalogue has no transpose layer");
        }
    }

    private KerasTensor recurrent(Call c, JsonNode cfg, String cls) {
        KerasTensor in = c.input();
        sequenceInput(c, in);
        if (c.bool(false, "return_state")) {
            throw fail(c.name, c.cls, "return_state=True returns several tensors; the graph has one output per layer");
        }
        String type = cls.replace("CuDNN", "");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("units", c.integer("units", "output_dim"));
        put(p, type, "return_sequences", c.bool(false, "return_sequences"));
        return add(new Layer(type, unique(c.name), p, List.of(in.name())), KerasLayout.SAME, c.cls);
    }

    private KerasTensor bidirectional(Call c) {
        KerasTensor in = c.input();
        sequenceInput(c, in);
        JsonNode inner = c.get("layer");
        String innerCls = inner == null ? "?" : inner.path("class_name").asText().replace("CuDNN", "");
        if (!List.of("LSTM", "GRU", "SimpleRNN").contains(innerCls)) {
            throw fail(c.name, c.cls, "wraps a " + innerCls + "; the graph's Bidirectional wraps LSTM, GRU or SimpleRNN");
        }
        Call ic = new Call(innerCls, c.name, inner.path("config"), c.inputs);
        String merge = c.text(null, "merge_mode");
        if (merge == null) {
            throw fail(c.name, c.cls, "merge_mode None returns two tensors; the graph has one output per layer");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "Bidirectional", "layer", innerCls);
        p.put("units", ic.integer("units", "output_dim"));
        put(p, "Bidirectional", "return_sequences", ic.bool(false, "return_sequences"));
        put(p, "Bidirectional", "merge_mode", merge);
        return add(new Layer("Bidirectional", unique(c.name), p, List.of(in.name())), KerasLayout.SAME, c.cls);
    }

    private KerasTensor attention(Call c) {
        for (KerasTensor in : c.inputs) {
            sequenceInput(c, in);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("num_heads", c.integer("num_heads"));
        p.put("key_dim", c.integer("key_dim"));
        put(p, "MultiHeadAttention", "dropout", c.dbl(0.0, "dropout"));
        // Keras self-attention is called as mha(x, x): the graph's one-input form
        List<String> from = names(c.inputs);
        if (from.size() == 2 && from.get(0).equals(from.get(1))) {
            from = List.of(from.get(0));
        }
        return add(new Layer("MultiHeadAttention", unique(c.name), p, from), KerasLayout.SAME, c.cls);
    }

    private KerasTensor upsample(Call c) {
        KerasTensor in = c.input();
        spatialInput(c, in, 2);
        List<Integer> size = c.ints(2, "size");
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "Upsampling2D", "size_row", size == null ? 2 : size.get(0));
        put(p, "Upsampling2D", "size_col", size == null ? 2 : size.get(1));
        put(p, "Upsampling2D", "interpolation", c.text("nearest", "interpolation"));
        return add(new Layer("Upsampling2D", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private KerasTensor padCrop(Call c, String type, String key, String prefix) {
        KerasTensor in = c.input();
        spatialInput(c, in, 2);
        JsonNode v = c.get(key);
        int rows;
        int cols;
        if (v == null) {
            rows = type.equals("Crop2D") ? 0 : 1;
            cols = rows;
        } else if (v.isInt()) {
            rows = v.asInt();
            cols = rows;
        } else if (v.isArray() && v.size() == 2 && v.get(0).isArray()) {
            rows = v.get(0).get(0).asInt();
            cols = v.get(1).get(0).asInt();
            if (v.get(0).get(1).asInt() != rows || v.get(1).get(1).asInt() != cols) {
                throw fail(c.name, c.cls, key + " " + v + " is asymmetric; the graph's " + type + " is symmetric");
            }
        } else if (v.isArray() && v.size() == 2) {
            rows = v.get(0).asInt();
            cols = v.get(1).asInt();
        } else {
            throw fail(c.name, c.cls, "cannot read " + key + " " + v);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, type, prefix + "_row", rows);
        put(p, type, prefix + "_col", cols);
        return add(new Layer(type, unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    /** The custom "LRN" layer paper2code's keras-json writes (and many Keras AlexNet ports define). */
    private KerasTensor lrn(Call c) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "LRN", "local_size", c.get("local_size", "n") == null ? 5 : c.integer("local_size", "n"));
        put(p, "LRN", "alpha", c.dbl(1e-4, "alpha"));
        put(p, "LRN", "beta", c.dbl(0.75, "beta"));
        put(p, "LRN", "k", c.dbl(1.0, "k"));
        return add(new Layer("LRN", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }

    private List<Integer> lambdaShape(Call c) {
        JsonNode o = c.get("output_shape");
        if (o == null || !o.isArray()) {
            return null;
        }
        List<Integer> s = new ArrayList<>();
        for (JsonNode x : o) {
            if (!x.isNull() && !x.canConvertToInt()) {
                return null; // a marshalled function, never read
            }
            s.add(x.isNull() ? -1 : x.asInt());
        }
        return c.layout(c.input()).fromKeras(s);
    }

    private KerasTensor lambda(Call c, List<Integer> outputShape, String note) {
        KerasTensor in = c.input();
        Map<String, Object> p = new LinkedHashMap<>();
        if (outputShape != null) {
            p.put("output_shape", outputShape);
        }
        p.put("note", note);
        return add(new Layer("Lambda", unique(c.name), p, List.of(in.name())), c.layout(in), c.cls);
    }
}
