package org.paper2code.emit.pytorch;

import java.util.ArrayList;
import java.util.List;
import org.paper2code.graph.SpatialPadding;

/** PyTorch's spellings of a {@link SpatialPadding}. */
final class Padding {
    private Padding() {
    }

    static SpatialPadding of(Site s, String[] axes) {
        return SpatialPadding.of(s.params(), s.in(), axes, s::unsupported);
    }

    /** nn.ConstantPadNd / ZeroPad2d argument order: last axis first, (before, after) each. */
    static String torchOrder(SpatialPadding pad) {
        List<Integer> out = new ArrayList<>();
        for (int i = pad.before().size() - 1; i >= 0; i--) {
            out.add(pad.before().get(i));
            out.add(pad.after().get(i));
        }
        return Py.tuple(out);
    }

    /** A module padding the input with a constant, for padding the window layer cannot do itself. */
    static String padModule(SpatialPadding pad, String value) {
        int nd = pad.before().size();
        if (nd == 2 && "0.0".equals(value)) {
            return "nn.ZeroPad2d(" + torchOrder(pad) + ")";
        }
        return "nn.ConstantPad" + nd + "d(" + torchOrder(pad) + ", " + value + ")";
    }
}
