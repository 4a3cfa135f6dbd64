package org.paper2code.eval;

/** A count of hits out of a total (accuracy, exact-graph rate); {@code NaN} when the total is 0. */
public record Ratio(int hits, int total) {
    public static final Ratio ZERO = new Ratio(0, 0);

    public Ratio plus(Ratio o) {
        return new Ratio(hits + o.hits, total + o.total);
    }

    public Ratio plus(boolean hit) {
        return new Ratio(hits + (hit ? 1 : 0), total + 1);
    }

    public double value() {
        return total == 0 ? Double.NaN : (double) hits / total;
    }
}
