package org.paper2code.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape rules the catalogue names. Conventions: no batch dimension, channels first,
 * {@link Shape#UNKNOWN} propagates.
 */
public final class ShapeRules {
    private static final String[] AXES_1D = SpatialAxes.of(1);
    private static final String[] AXES_2D = SpatialAxes.of(2);
    private static final String[] AXES_3D = SpatialAxes.of(3);

    private static final Map<String, ShapeRule> RULES = Map.ofEntries(
            Map.entry("input", (p, in) -> new Shape(p.getIntList("output_shape"))),
            Map.entry("conv1d", (p, in) -> conv(p, in.get(0), AXES_1D)),
            Map.entry("conv2d", (p, in) -> conv(p, in.get(0), AXES_2D)),
            Map.entry("conv3d", (p, in) -> conv(p, in.get(0), AXES_3D)),
            Map.entry("deconv2d", ShapeRules::deconv),
            Map.entry("pool1d", (p, in) -> pool(p, in.get(0), AXES_1D)),
            Map.entry("pool2d", (p, in) -> pool(p, in.get(0), AXES_2D)),
            Map.entry("pool3d", (p, in) -> pool(p, in.get(0), AXES_3D)),
            Map.entry("global_pool2d", ShapeRules::globalPool),
            Map.entry("dense", ShapeRules::dense),
            Map.entry("same", (p, in) -> in.get(0)),
            Map.entry("flatten", (p, in) -> Shape.of((int) in.get(0).elements())),
            Map.entry("reshape", ShapeRules::reshape),
            Map.entry("concat", ShapeRules::concat),
            Map.entry("elementwise", ShapeRules::elementwise),
            Map.entry("embedding", ShapeRules::embedding),
            Map.entry("rnn", (p, in) -> recurrent(p, in.get(0), p.getInt("units"))),
            Map.entry("bidirectional", ShapeRules::bidirectional),
            Map.entry("attention", ShapeRules::attention),
            Map.entry("upsample2d", ShapeRules::upsample),
            Map.entry("zeropad2d", (p, in) -> pad(in.get(0), p.getInt("pad_row"), p.getInt("pad_col"), "ZeroPadding2D")),
            Map.entry("crop2d", (p, in) -> pad(in.get(0), -p.getInt("crop_row"), -p.getInt("crop_col"), "Crop2D")),
            Map.entry("roi_pool", ShapeRules::roiPool),
            Map.entry("scalar", (p, in) -> Shape.of()),
            Map.entry("lambda", (p, in) -> p.get("output_shape") != null ? new Shape(p.getIntList("output_shape")) : in.get(0)));

    private ShapeRules() {
    }

    public static ShapeRule require(String name) {
        ShapeRule r = RULES.get(name);
        if (r == null) {
            throw new IllegalStateException("layer catalogue names unknown shape rule '" + name + "'");
        }
        return r;
    }

    private static void rank(Shape s, int rank, String what) {
        if (s.rank() != rank) {
            throw new GraphException(what + " needs a rank-" + rank + " input (" + describeRank(rank)
                    + ") but gets " + s + " (rank " + s.rank() + ")");
        }
    }

    private static String describeRank(int rank) {
        return switch (rank) {
            case 1 -> "a vector";
            case 2 -> "channels x length, or time x features";
            case 3 -> "channels x height x width";
            case 4 -> "channels x depth x height x width";
            default -> "rank " + rank;
        };
    }

    /** Output size of a sliding window; floor or ceil division as asked. */
    static int window(int in, int k, int stride, int pad, int dilation, boolean ceil) {
        if (in == Shape.UNKNOWN) {
            return Shape.UNKNOWN;
        }
        int span = dilation * (k - 1) + 1;
        int num = in + 2 * pad - span;
        if (num < 0) {
            throw new GraphException("window " + k + " (dilation " + dilation + ") is larger than the padded input "
                    + (in + 2 * pad));
        }
        int out = (ceil ? Math.floorDiv(num + stride - 1, stride) : Math.floorDiv(num, stride)) + 1;
        // Caffe's rule: the last pooling window must start inside the input (not only in the padding)
        if (ceil && pad > 0 && (long) (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    /**
     * TensorFlow's total 'same' padding along one axis (emitters split it low/high), or
     * {@link Shape#UNKNOWN} when it depends on an input size the graph leaves free.
     */
    public static int samePaddingTotal(int in, int k, int stride, int dilation) {
        int span = dilation * (k - 1) + 1;
        if (stride == 1) {
            return span - 1;
        }
        if (in == Shape.UNKNOWN) {
            return Shape.UNKNOWN;
        }
        int out = Math.floorDiv(in + stride - 1, stride);
        return Math.max((out - 1) * stride + span - in, 0);
    }

    private static int spatialOut(LayerParams p, String axis, int in, boolean ceil) {
        int k = p.getInt("kernel_" + axis);
        int s = p.getInt("stride_" + axis);
        Integer dilObj = p.getIntOrNull("dilation_" + axis);
        int dil = dilObj == null ? 1 : dilObj;
        Integer pad = p.getIntOrNull("pad_" + axis);
        if (pad != null) {
            return window(in, k, s, pad, dil, ceil);
        }
        if ("same".equals(p.getString("border_mode"))) {
            return in == Shape.UNKNOWN ? in : Math.floorDiv(in + s - 1, s);
        }
        return window(in, k, s, 0, dil, ceil);
    }

    private static Shape conv(LayerParams p, Shape in, String[] axes) {
        rank(in, axes.length + 1, p.layer().type());
        int groups = p.getInt("groups");
        int filters = p.getInt("filters");
        if (in.dim(0) != Shape.UNKNOWN && (in.dim(0) % groups != 0 || filters % groups != 0)) {
            throw new GraphException("groups=" + groups + " must divide both the input channels (" + in.dim(0)
                    + ") and filters (" + filters + ")");
        }
        List<Integer> out = new ArrayList<>();
        out.add(filters);
        for (int i = 0; i < axes.length; i++) {
            out.add(spatialOut(p, axes[i], in.dim(i + 1), false));
        }
        return new Shape(out);
    }

    private static Shape deconv(LayerParams p, List<Shape> ins) {
        Shape in = ins.get(0);
        rank(in, 3, "Deconv2D");
        List<Integer> out = new ArrayList<>();
        out.add(p.getInt("filters"));
        for (int i = 0; i < 2; i++) {
            String axis = AXES_2D[i];
            int size = in.dim(i + 1);
            int k = p.getInt("kernel_" + axis);
            int s = p.getInt("stride_" + axis);
            Integer pad = p.getIntOrNull("pad_" + axis);
            if (size == Shape.UNKNOWN) {
                out.add(size);
            } else if (pad == null && "same".equals(p.getString("border_mode"))) {
                out.add(size * s);
            } else {
                out.add((size - 1) * s - 2 * (pad == null ? 0 : pad) + k);
            }
        }
        return new Shape(out);
    }

    private static Shape pool(LayerParams p, Shape in, String[] axes) {
        rank(in, axes.length + 1, p.layer().type());
        boolean ceil = p.getBool("ceil_mode");
        List<Integer> out = new ArrayList<>();
        out.add(in.dim(0));
        for (int i = 0; i < axes.length; i++) {
            out.add(spatialOut(p, axes[i], in.dim(i + 1), ceil));
        }
        return new Shape(out);
    }

    private static Shape globalPool(LayerParams p, List<Shape> ins) {
        Shape in = ins.get(0);
        rank(in, 3, "GlobalPooling2D");
        return p.getBool("keep_dims") ? Shape.of(in.dim(0), 1, 1) : Shape.of(in.dim(0));
    }

    private static Shape dense(LayerParams p, List<Shape> ins) {
        Shape in = ins.get(0);
        int units = p.getInt("units");
        if (in.rank() == 1) {
            return Shape.of(units);
        }
        if (in.rank() == 2) {
            return Shape.of(in.dim(0), units);
        }
        throw new GraphException("Dense needs a vector (or time x features) input but gets " + in
                + "; add a Flatten layer before it");
    }

    private static Shape reshape(LayerParams p, List<Shape> ins) {
        List<Integer> target = new ArrayList<>(p.getIntList("output_shape"));
        long total = ins.get(0).elements();
        int free = -1;
        long known = 1;
        for (int i = 0; i < target.size(); i++) {
            if (target.get(i) == -1) {
                if (free >= 0) {
                    throw new GraphException("Reshape target " + target + " has more than one -1");
                }
                free = i;
            } else {
                known *= target.get(i);
            }
        }
        if (total == Shape.UNKNOWN) {
            return new Shape(target);
        }
        if (free >= 0) {
            if (known == 0 || total % known != 0) {
                throw new GraphException("cannot reshape " + ins.get(0) + " (" + total + " elements) to " + target);
            }
            target.set(free, (int) (total / known));
        } else if (known != total) {
            throw new GraphException("cannot reshape " + ins.get(0) + " (" + total + " elements) to "
                    + new Shape(target) + " (" + known + " elements)");
        }
        return new Shape(target);
    }

    private static int axis(int axis, int rank, String what) {
        int a = axis < 0 ? rank + axis : axis;
        if (a < 0 || a >= rank) {
            throw new GraphException(what + " axis " + axis + " is outside a rank-" + rank + " input");
        }
        return a;
    }

    private static Shape concat(LayerParams p, List<Shape> ins) {
        Shape first = ins.get(0);
        int a = axis(p.getInt("axis"), first.rank(), "Concat");
        int sum = 0;
        for (Shape s : ins) {
            if (s.rank() != first.rank()) {
                throw new GraphException("Concat inputs have different ranks: " + ins);
            }
            for (int i = 0; i < s.rank(); i++) {
                if (i != a && !sameDim(s.dim(i), first.dim(i))) {
                    throw new GraphException("Concat inputs " + ins + " differ outside axis " + p.getInt("axis"));
                }
            }
            sum = (sum == Shape.UNKNOWN || s.dim(a) == Shape.UNKNOWN) ? Shape.UNKNOWN : sum + s.dim(a);
        }
        return first.withDim(a, sum);
    }

    private static boolean sameDim(int x, int y) {
        return x == y || x == Shape.UNKNOWN || y == Shape.UNKNOWN;
    }

    private static Shape elementwise(LayerParams p, List<Shape> ins) {
        Shape first = ins.get(0);
        for (Shape s : ins) {
            boolean same = s.rank() == first.rank();
            for (int i = 0; same && i < s.rank(); i++) {
                same = sameDim(s.dim(i), first.dim(i));
            }
            if (!same) {
                throw new GraphException(p.layer().type() + " needs inputs of one shape but gets " + ins);
            }
        }
        return first;
    }

    private static Shape embedding(LayerParams p, List<Shape> ins) {
        Shape in = ins.get(0);
        rank(in, 1, "Embedding");
        return Shape.of(in.dim(0), p.getInt("output_dim"));
    }

    private static Shape recurrent(LayerParams p, Shape in, int width) {
        rank(in, 2, p.layer().type());
        return p.getBool("return_sequences") ? Shape.of(in.dim(0), width) : Shape.of(width);
    }

    private static Shape bidirectional(LayerParams p, List<Shape> ins) {
        int units = p.getInt("units");
        int width = "concat".equals(p.getString("merge_mode")) ? 2 * units : units;
        return recurrent(p, ins.get(0), width);
    }

    private static Shape attention(LayerParams p, List<Shape> ins) {
        Shape query = ins.get(0);
        rank(query, 2, "MultiHeadAttention");
        for (Shape s : ins.subList(1, ins.size())) {
            rank(s, 2, "MultiHeadAttention");
        }
        if (ins.size() == 3 && !sameDim(ins.get(1).dim(0), ins.get(2).dim(0))) {
            throw new GraphException("MultiHeadAttention value " + ins.get(1) + " and key " + ins.get(2)
                    + " need the same length");
        }
        return query;
    }

    private static Shape upsample(LayerParams p, List<Shape> ins) {
        Shape in = ins.get(0);
        rank(in, 3, "Upsampling2D");
        return Shape.of(in.dim(0), times(in.dim(1), p.getInt("size_row")), times(in.dim(2), p.getInt("size_col")));
    }

    private static int times(int d, int f) {
        return d == Shape.UNKNOWN ? d : d * f;
    }

    private static Shape pad(Shape in, int rows, int cols, String what) {
        rank(in, 3, what);
        int h = in.dim(1) == Shape.UNKNOWN ? Shape.UNKNOWN : in.dim(1) + 2 * rows;
        int w = in.dim(2) == Shape.UNKNOWN ? Shape.UNKNOWN : in.dim(2) + 2 * cols;
        if ((h != Shape.UNKNOWN && h <= 0) || (w != Shape.UNKNOWN && w <= 0)) {
            throw new GraphException(what + " leaves nothing of " + in);
        }
        return Shape.of(in.dim(0), h, w);
    }

    private static Shape roiPool(LayerParams p, List<Shape> ins) {
        rank(ins.get(0), 3, "RoIPooling");
        return Shape.of(ins.get(0).dim(0), p.getInt("pooled_row"), p.getInt("pooled_col"));
    }
}
