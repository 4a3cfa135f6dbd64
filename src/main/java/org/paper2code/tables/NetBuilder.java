package org.paper2code.tables;

import org.paper2code.detect.ParsedLabel;
import org.paper2code.graph.Layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one configuration's layers in order, keeping track of the feature-map shape so that it can
 * choose paddings that give the output sizes the table states, insert the Flatten a dense layer after
 * feature maps needs, and expand blocks (residual blocks with their shortcuts, Inception modules).
 * Shapes are channels-first without the batch dimension, as in the graph core.
 */
final class NetBuilder {
    /** What a row says besides the layer: the output size it states (null when it states none). */
    record Hint(Integer height, Integer channels) {
        static final Hint NONE = new Hint(null, null);
    }

    private final boolean batchNorm;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private String last;
    /** (C, H, W), (F), or null once a layer of unknown shape was added. */
    private int[] shape;

    /** @param batchNorm convolutions are followed by BatchNorm then ReLU (ResNet), instead of a fused ReLU */
    NetBuilder(boolean batchNorm) {
        this.batchNorm = batchNorm;
    }

    boolean hasInput() {
        return last != null;
    }

    List<Layer> layers() {
        return List.copyOf(layers);
    }

    void input(int c, int h, int w) {
        last = add("Input", "input", Map.of("output_shape", List.of(c, h, w)), List.of());
        shape = new int[] {c, h, w};
    }

    /**
     * Appends a layer read from a cell.
     * @param reluAfterDense a dense layer gets a fused ReLU (hidden layers; not the classifier)
     */
    void layer(ParsedLabel p, Hint hint, boolean reluAfterDense) {
        Map<String, Object> params = new LinkedHashMap<>(p.params());
        switch (p.type()) {
            case "Input" -> {
                if (!hasInput()) {
                    if (params.get("output_shape") instanceof List<?> s && s.size() == 3) {
                        input(((Number) s.get(0)).intValue(), ((Number) s.get(1)).intValue(), ((Number) s.get(2)).intValue());
                    } else {
                        // "input (224 x 224 RGB image)" can read as a bare side length
                        int side = params.get("output_shape") instanceof List<?> s && s.size() == 1 && s.get(0) instanceof Number n
                                && n.intValue() >= 16 ? n.intValue() : InputSize.DEFAULT;
                        input(3, side, side);
                    }
                }
            }
            case "Conv2D" -> {
                int filters = p.inferredKeys().contains("filters") && hint.channels() != null ? hint.channels() : intOf(params, "filters", 64);
                conv("conv", filters, intOf(params, "kernel_row", 3), intOf(params, "stride_row", 1), hint.height(), true);
            }
            case "Pooling2D" -> pool(params, p.inferredKeys().contains("kernel_row"), hint);
            case "GlobalPooling2D" -> {
                last = add("GlobalPooling2D", "pool", params, List.of(last));
                shape = shape == null ? null : new int[] {shape[0]};
            }
            case "Dense" -> {
                flattenIfMaps();
                int units = p.inferredKeys().contains("units") && hint.channels() != null ? hint.channels() : intOf(params, "units", 128);
                params.put("units", units);
                if (reluAfterDense && !params.containsKey("activation")) {
                    params.put("activation", "relu");
                }
                last = add("Dense", "fc", params, List.of(last));
                shape = shape == null ? null : new int[] {units};
            }
            default -> {
                last = add(p.type(), p.type().toLowerCase(java.util.Locale.ROOT), withInferred(params, p), List.of(last));
                if (!List.of("Dropout", "LRN", "BatchNorm", "Activation", "Softmax", "Scale").contains(p.type())) {
                    shape = null;
                }
            }
        }
    }

    private static Map<String, Object> withInferred(Map<String, Object> params, ParsedLabel p) {
        if (!p.inferredKeys().isEmpty()) {
            params.put("inferred", new ArrayList<>(p.inferredKeys()));
        }
        return params;
    }

    /** A convolution (+ BatchNorm + ReLU, or fused ReLU); returns the name of the layer that ends it. */
    String conv(String base, int filters, int k, int stride, Integer outHeight, boolean relu) {
        return convFrom(last, base, filters, k, stride, outHeight, relu);
    }

    private String convFrom(String from, String base, int filters, int k, int stride, Integer outHeight, boolean relu) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filters", filters);
        params.put("kernel_row", k);
        if (stride != 1) {
            params.put("stride_row", stride);
        }
        int[] in = shapeOf(from);
        int pad = padFor(in == null ? null : in[1], k, stride, outHeight, (k - 1) / 2);
        if (pad > 0) {
            params.put("pad_row", pad);
        }
        if (batchNorm) {
            params.put("use_bias", false);
        } else if (relu) {
            params.put("activation", "relu");
        }
        String name = add("Conv2D", base, params, List.of(from));
        int[] out = in == null || in.length != 3 ? null : new int[] {filters, window(in[1], k, stride, pad), window(in[2], k, stride, pad)};
        shapes.put(name, out);
        if (batchNorm) {
            name = add("BatchNorm", "bn", Map.of(), List.of(name));
            shapes.put(name, out);
            if (relu) {
                name = add("Activation", "relu", Map.of("function", "relu"), List.of(name));
                shapes.put(name, out);
            }
        }
        last = name;
        shape = out;
        return name;
    }

    private final Map<String, int[]> shapes = new LinkedHashMap<>();

    private int[] shapeOf(String name) {
        return name.equals(last) ? shape : shapes.get(name);
    }

    private void pool(Map<String, Object> params, boolean kernelInferred, Hint hint) {
        boolean toOne = hint.height() != null && hint.height() == 1;
        if (kernelInferred && toOne && shape != null && shape.length == 3) {
            // "average pool" down to 1x1 with no kernel stated: a window over the whole map (ResNet's pool5)
            params.put("kernel_row", shape[1]);
            params.put("stride_row", 1);
            params.remove("inferred");
        } else if (kernelInferred && toOne) {
            last = add("GlobalPooling2D", "pool", Map.of("function", params.getOrDefault("function", "AVG")), List.of(last));
            shape = shape == null ? null : new int[] {shape[0]};
            return;
        }
        int k = intOf(params, "kernel_row", 2);
        int s = intOf(params, "stride_row", k);
        Integer h = shape != null && shape.length == 3 ? shape[1] : null;
        int pad = padFor(h, k, s, hint.height(), k > s && (h == null || k < h) ? (k - 1) / 2 : 0);
        params.remove("inferred");
        if (pad > 0) {
            params.put("pad_row", pad);
        }
        last = add("Pooling2D", "pool", params, List.of(last));
        if (shape != null && shape.length == 3) {
            shape = new int[] {shape[0], window(shape[1], k, s, pad), window(shape[2], k, s, pad)};
        }
    }

    /** A residual block: the convolutions in order, a projection shortcut where channels or size change, Add, ReLU. */
    void residualBlock(List<ParsedLabel> convs, int stride) {
        String in = last;
        int[] inShape = shape;
        shapes.put(in, inShape);
        String y = in;
        for (int i = 0; i < convs.size(); i++) {
            ParsedLabel c = convs.get(i);
            boolean lastConv = i == convs.size() - 1;
            y = convFrom(y, "conv", intOf(c.params(), "filters", 64), intOf(c.params(), "kernel_row", 3), i == 0 ? stride : 1, null, !lastConv);
        }
        int[] outShape = shape;
        String shortcut = in;
        int out = outShape == null ? -1 : outShape[0];
        if (stride != 1 || inShape == null || inShape.length != 3 || inShape[0] != out) {
            shortcut = convFrom(in, "proj", out, 1, stride, null, false);
        }
        String sum = add("Add", "add", Map.of(), List.of(shortcut, y));
        last = add("Activation", "relu", Map.of("function", "relu"), List.of(sum));
        shape = outShape;
    }

    /** GoogLeNet's Inception module: 1x1, 1x1 then 3x3, 1x1 then 5x5, 3x3 max pool then 1x1; concatenated. */
    void inception(String tag, int b1, int r3, int b3, int r5, int b5, int poolProj) {
        String in = last;
        int[] inShape = shape;
        shapes.put(in, inShape);
        String base = "inception_" + tag + "_";
        List<String> outs = new ArrayList<>();
        int channels = 0;
        if (b1 > 0) {
            outs.add(convFrom(in, base + "1x1", b1, 1, 1, null, true));
            channels += b1;
        }
        if (b3 > 0) {
            String r = r3 > 0 ? convFrom(in, base + "3x3_reduce", r3, 1, 1, null, true) : in;
            outs.add(convFrom(r, base + "3x3", b3, 3, 1, null, true));
            channels += b3;
        }
        if (b5 > 0) {
            String r = r5 > 0 ? convFrom(in, base + "5x5_reduce", r5, 1, 1, null, true) : in;
            outs.add(convFrom(r, base + "5x5", b5, 5, 1, null, true));
            channels += b5;
        }
        if (poolProj > 0) {
            String p = add("Pooling2D", base + "pool", Map.of("function", "MAX", "kernel_row", 3, "stride_row", 1, "pad_row", 1), List.of(in));
            shapes.put(p, inShape);
            outs.add(convFrom(p, base + "pool_proj", poolProj, 1, 1, null, true));
            channels += poolProj;
        }
        last = outs.size() == 1 ? outs.get(0) : add("Concat", base + "output", Map.of("axis", 0), outs);
        shape = inShape == null || inShape.length != 3 ? null : new int[] {channels, inShape[1], inShape[2]};
    }

    private void flattenIfMaps() {
        if (shape == null || shape.length == 3) {
            last = add("Flatten", "flatten", Map.of(), List.of(last));
            shape = shape == null ? null : new int[] {shape[0] * shape[1] * shape[2]};
        }
    }

    /** The spatial size the builder has reached, or null when unknown. */
    Integer height() {
        return shape != null && shape.length == 3 ? shape[1] : null;
    }

    /** The padding that gives the stated output size; the fallback when none is stated or none gives it. */
    private static int padFor(Integer in, int k, int stride, Integer out, int fallback) {
        if (in != null && out != null) {
            for (int p = 0; p <= k; p++) {
                if (window(in, k, stride, p) == out) {
                    return p;
                }
            }
        }
        return fallback;
    }

    private static int window(int in, int k, int stride, int pad) {
        return Math.floorDiv(in + 2 * pad - k, stride) + 1;
    }

    private static int intOf(Map<String, Object> params, String key, int fallback) {
        return params.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** Adds a layer named base1, base2, ... (or base itself when the name carries its own index). */
    private String add(String type, String base, Map<String, Object> params, List<String> from) {
        if (from.stream().anyMatch(f -> f == null)) {
            throw new IllegalStateException("the table names a " + type + " before any input");
        }
        String name;
        if (base.startsWith("inception_")) {
            name = base;
            int n = counters.merge(base, 1, Integer::sum);
            if (n > 1) {
                name = base + "_" + n;
            }
        } else {
            name = base + counters.merge(base, 1, Integer::sum);
        }
        layers.add(new Layer(type, name, params, from));
        return name;
    }
}
