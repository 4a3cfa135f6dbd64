package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.List;
import org.paper2code.graph.LayerParams;
import org.paper2code.graph.Shape;

/**
 * Padding of a sliding-window layer per spatial axis, read as the shape rules read it: an
 * explicit {@code pad_<axis>} is symmetric (Caffe); otherwise {@code border_mode} "valid" is
 * none and "same" is TensorFlow's rule, output = ceil(in / stride), extra padding at the end.
 */
record Padding(List<Integer> before, List<Integer> after, boolean anySame, boolean anyExplicit) {

    static Padding of(Site s, String[] axes) {
        LayerParams p = s.params();
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
                int total = sameTotal(s, s.in().dim(i + 1), p.getInt("kernel_" + axes[i]), p.getInt("stride_" + axes[i]),
                        dilation(p, axes[i]));
                lo.add(total / 2);
                hi.add(total - total / 2);
            } else {
                lo.add(0);
                hi.add(0);
            }
        }
        return new Padding(lo, hi, anySame, anyExplicit);
    }

    static int dilation(LayerParams p, String axis) {
        Integer d = p.getIntOrNull("dilation_" + axis);
        return d == null ? 1 : d;
    }

    /** TensorFlow's total 'same' padding along one axis. */
    private static int sameTotal(Site s, int in, int k, int stride, int dilation) {
        int total = org.paper2code.graph.ShapeRules.samePaddingTotal(in, k, stride, dilation);
        if (total == Shape.UNKNOWN) {
            throw s.unsupported("'same' padding with stride " + stride + " depends on the input size, which the graph leaves free");
        }
        return total;
    }

    boolean symmetric() {
        return before.equals(after);
    }

    boolean none() {
        return before.stream().allMatch(x -> x == 0) && after.stream().allMatch(x -> x == 0);
    }

    /** nn.ConstantPadNd / ZeroPad2d argument order: last axis first, (before, after) each. */
    String torchOrder() {
        List<Integer> out = new ArrayList<>();
        for (int i = before.size() - 1; i >= 0; i--) {
            out.add(before.get(i));
            out.add(after.get(i));
        }
        return Py.tuple(out);
    }

    /** A module padding the input with a constant, for padding the window layer cannot do itself. */
    String padModule(String value) {
        int nd = before.size();
        if (nd == 2 && "0.0".equals(value)) {
            return "nn.ZeroPad2d(" + torchOrder() + ")";
        }
        return "nn.ConstantPad" + nd + "d(" + torchOrder() + ", " + value + ")";
    }
}
