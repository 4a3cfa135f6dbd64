package org.paper2code.emit.onnx;

import java.util.ArrayList;
import java.util.List;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * Padding of a sliding-window layer per spatial axis, read as the shape rules read it: an
 * explicit {@code pad_<axis>} is symmetric (Caffe); otherwise {@code border_mode} "valid" is
 * none and "same" is TensorFlow's rule, output = ceil(in / stride), the odd pixel at the end.
 * ONNX takes begin and end pads separately, so both cases are exact.
 */
record Pads(List<Long> before, List<Long> after, boolean anySame, boolean anyExplicit) {

    static Pads of(Site s, String[] axes) {
        LayerParams p = s.params();
        boolean same = "same".equals(p.getString("border_mode"));
        List<Long> lo = new ArrayList<>();
        List<Long> hi = new ArrayList<>();
        boolean anySame = false;
        boolean anyExplicit = false;
        for (int i = 0; i < axes.length; i++) {
            Integer pad = p.getIntOrNull("pad_" + axes[i]);
            if (pad != null) {
                anyExplicit = true;
                lo.add((long) pad);
                hi.add((long) pad);
            } else if (same) {
                anySame = true;
                long total = sameTotal(s, s.in().dim(i + 1), p.getInt("kernel_" + axes[i]), p.getInt("stride_" + axes[i]),
                        dilation(p, axes[i]));
                lo.add(total / 2);
                hi.add(total - total / 2);
            } else {
                lo.add(0L);
                hi.add(0L);
            }
        }
        return new Pads(lo, hi, anySame, anyExplicit);
    }

    static int dilation(LayerParams p, String axis) {
        Integer d = p.getIntOrNull("dilation_" + axis);
        return d == null ? 1 : d;
    }

    /** TensorFlow's total 'same' padding along one axis. */
    private static long sameTotal(Site s, int in, int k, int stride, int dilation) {
        int total = org.paper2code.graph.ShapeRules.samePaddingTotal(in, k, stride, dilation);
        if (total == Shape.UNKNOWN) {
            throw s.unsupported("'same' padding with stride " + stride + " depends on the input size, which the graph leaves free");
        }
        return total;
    }

    boolean none() {
        return before.stream().allMatch(x -> x == 0) && after.stream().allMatch(x -> x == 0);
    }

    /** ONNX's {@code pads} attribute: all begins, then all ends. */
    List<Long> onnx() {
        List<Long> out = new ArrayList<>(before);
        out.addAll(after);
        return out;
    }
}
