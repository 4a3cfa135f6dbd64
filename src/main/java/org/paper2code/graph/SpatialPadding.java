package org.paper2code.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Padding of a sliding-window layer per spatial axis, read as the shape rules read it: an
 * explicit {@code pad_<axis>} is symmetric (Caffe); otherwise {@code border_mode} "valid" is
 * none and "same" is TensorFlow's rule, output = ceil(in / stride), the odd pixel at the end.
 * One reading for every writer (ONNX, PyTorch), so they cannot disagree with shape inference.
 *
 * @param before padding at the start of each axis, in axis order
 * @param after padding at the end of each axis
 * @param anySame some axis takes 'same' padding
 * @param anyExplicit some axis has an explicit pad
 */
public record SpatialPadding(List<Integer> before, List<Integer> after, boolean anySame, boolean anyExplicit) {
    public SpatialPadding {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /**
     * The padding of a layer with parameters {@code p} on input {@code in} (channels first).
     * @param unsupported builds the writer's error when 'same' padding depends on a free input size
     */
    public static SpatialPadding of(LayerParams p, Shape in, String[] axes, Function<String, ? extends RuntimeException> unsupported) {
        boolean same = "same".equals(p.getString("border_mode"));
        List<Integer> lo = new ArrayList<>();
        List<Integer> hi = new ArrayList<>();
        boolean anySame = false;
        boolean anyExplicit = false;
        for (int i = 0; i < axes.length; i++) {
            Integer pad = p.getIntOrNull("pad_" + axes[i]);
            if (pad != null) {
                anyExplicit = true;
                lo.add(pad);
                hi.add(pad);
            } else if (same) {
                anySame = true;
                int stride = p.getInt("stride_" + axes[i]);
                int total = ShapeRules.samePaddingTotal(in.dim(i + 1), p.getInt("kernel_" + axes[i]), stride, dilation(p, axes[i]));
                if (total == Shape.UNKNOWN) {
                    throw unsupported.apply("'same' padding with stride " + stride + " depends on the input size, which the graph leaves free");
                }
                lo.add(total / 2);
                hi.add(total - total / 2);
            } else {
                lo.add(0);
                hi.add(0);
            }
        }
        return new SpatialPadding(lo, hi, anySame, anyExplicit);
    }

    /** The layer's dilation along one axis; 1 when it has none. */
    public static int dilation(LayerParams p, String axis) {
        Integer d = p.getIntOrNull("dilation_" + axis);
        return d == null ? 1 : d;
    }

    public boolean none() {
        return before.stream().allMatch(x -> x == 0) && after.stream().allMatch(x -> x == 0);
    }

    public boolean symmetric() {
        return before.equals(after);
    }
}
