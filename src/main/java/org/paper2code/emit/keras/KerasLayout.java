package org.paper2code.emit.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * How a Keras tensor's axes relate to the graph's channels-first shape. {@link #CHANNELS_LAST}:
 * Keras holds (H,W,C) where the graph holds (C,H,W); {@link #SAME}: the axes agree (sequences
 * (T,F), vectors, and feature maps Keras keeps channels-first). Axes given to Keras count the
 * batch dimension; graph axes do not.
 */
enum KerasLayout {
    CHANNELS_LAST, SAME;

    /** Graph shape (batch-free, channels first) to the Keras shape (batch-free). */
    List<Integer> toKeras(List<Integer> graphShape) {
        List<Integer> out = new ArrayList<>(graphShape);
        if (this == CHANNELS_LAST && out.size() >= 2) {
            out.add(out.remove(0));
        }
        return out;
    }

    /** Keras shape (batch-free) to the graph's channels-first shape. */
    List<Integer> fromKeras(List<Integer> kerasShape) {
        List<Integer> out = new ArrayList<>(kerasShape);
        if (this == CHANNELS_LAST && out.size() >= 2) {
            out.add(0, out.remove(out.size() - 1));
        }
        return out;
    }

    /** A graph axis (negative counts from the end) as a Keras axis: -1 for channels-last channels, else counted with the batch. */
    int axisToKeras(int graphAxis, int rank) {
        if (this == SAME || rank < 2) {
            return graphAxis < 0 ? graphAxis : graphAxis + 1;
        }
        int a = graphAxis < 0 ? graphAxis + rank : graphAxis;
        return a == 0 ? -1 : a;
    }

    /** A Keras axis (counting the batch, or negative) as a graph axis. */
    int axisFromKeras(int kerasAxis, int rank) {
        if (this == SAME || rank < 2) {
            return kerasAxis < 0 ? kerasAxis : kerasAxis - 1;
        }
        int k = kerasAxis < 0 ? kerasAxis + rank : kerasAxis - 1;
        return k == rank - 1 ? 0 : k + 1;
    }

    /** Keras Permute dims (1-based) turning a channels-last tensor of this rank into channels-first: (r,1,...,r-1). */
    static List<Integer> toChannelsFirst(int rank) {
        List<Integer> dims = new ArrayList<>();
        dims.add(rank);
        for (int i = 1; i < rank; i++) {
            dims.add(i);
        }
        return dims;
    }

    /** Keras Permute dims turning a channels-first tensor into channels-last: (2,...,r,1). */
    static List<Integer> toChannelsLast(int rank) {
        List<Integer> dims = new ArrayList<>();
        for (int i = 2; i <= rank; i++) {
            dims.add(i);
        }
        dims.add(1);
        return dims;
    }
}
