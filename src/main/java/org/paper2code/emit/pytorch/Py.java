package org.paper2code.emit.pytorch;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Python source for numbers and tuples; numbers come from the graph, so they are checked. */
final class Py {
    private Py() {
    }

    static String num(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf(d).setScale(1).toPlainString();
        }
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e15) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();  // 0.0005, not 5.0E-4
        }
        return Double.toString(d).replace('E', 'e');
    }

    /** 1 - x without binary noise (0.99 -> 0.01), for momentum conventions. */
    static String oneMinus(double x) {
        return num(BigDecimal.ONE.subtract(BigDecimal.valueOf(x)).doubleValue());
    }

    /** A single int when all values agree (PyTorch broadcasts it), else a tuple. */
    static String ints(List<Integer> values) {
        if (values.stream().distinct().count() == 1) {
            return String.valueOf(values.get(0));
        }
        return tuple(values);
    }

    static String tuple(List<?> values) {
        String inner = values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "(" + inner + (values.size() == 1 ? ",)" : ")");
    }

    static String list(List<String> values) {
        return "[" + String.join(", ", values) + "]";
    }
}
