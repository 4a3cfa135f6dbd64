package org.paper2code.eval;

/**
 * True positives, false positives and false negatives, and the precision, recall and F1
 * they give. A ratio whose denominator is 0 is {@code NaN} ("n/a" in reports), never 0 or 1.
 */
public record Prf(int tp, int fp, int fn) {
    public static final Prf ZERO = new Prf(0, 0, 0);

    public Prf plus(Prf o) {
        return new Prf(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    public double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    /** 2tp / (2tp + fp + fn): defined (0) even when nothing was predicted. */
    public double f1() {
        int d = 2 * tp + fp + fn;
        return d == 0 ? Double.NaN : 2.0 * tp / d;
    }

    public boolean isEmpty() {
        return tp == 0 && fp == 0 && fn == 0;
    }
}
