package org.paper2code.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tensor shape without the batch dimension, channels first: (C,H,W) for images,
 * (C,L) for 1D signals, (C,D,H,W) for volumes, (T,F) for sequences, (F) for vectors.
 * {@link #UNKNOWN} (-1) stands for a dimension the graph does not fix (e.g. sequence length).
 */
public record Shape(List<Integer> dims) {
    public static final int UNKNOWN = -1;

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(int... d) {
        List<Integer> list = new ArrayList<>();
        for (int x : d) {
            list.add(x);
        }
        return new Shape(list);
    }

    public int rank() {
        return dims.size();
    }

    public int dim(int i) {
        return dims.get(i < 0 ? dims.size() + i : i);
    }

    public int last() {
        return dims.get(dims.size() - 1);
    }

    /** Product of all dimensions, or -1 when one is unknown. */
    public long elements() {
        long n = 1;
        for (int d : dims) {
            if (d == UNKNOWN) {
                return UNKNOWN;
            }
            n *= d;
        }
        return n;
    }

    public Shape withDim(int i, int value) {
        List<Integer> copy = new ArrayList<>(dims);
        copy.set(i < 0 ? dims.size() + i : i, value);
        return new Shape(copy);
    }

    @Override
    public String toString() {
        return dims.stream().map(d -> d == UNKNOWN ? "?" : String.valueOf(d)).collect(Collectors.joining("x"));
    }
}
