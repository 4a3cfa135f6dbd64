package org.paper2code.emit.caffe;

import org.paper2code.graph.Shape;

/** Caffe's output-size arithmetic for convolution, deconvolution and pooling windows. */
final class CaffeWindow {
    private CaffeWindow() {
    }

    /** ConvolutionLayer: floor((in + 2p - (d(k-1)+1)) / s) + 1. */
    static int conv(int in, int k, int s, int p, int d) {
        if (in == Shape.UNKNOWN) {
            return in;
        }
        return Math.floorDiv(in + 2 * p - (d * (k - 1) + 1), s) + 1;
    }

    /** DeconvolutionLayer: s(in - 1) + d(k-1) + 1 - 2p. */
    static int deconv(int in, int k, int s, int p) {
        return in == Shape.UNKNOWN ? in : s * (in - 1) + k - 2 * p;
    }

    /** PoolingLayer: ceil((in + 2p - k) / s) + 1, minus one when the last window would start in the padding. */
    static int pool(int in, int k, int s, int p) {
        if (in == Shape.UNKNOWN) {
            return in;
        }
        int out = (int) Math.ceil((double) (in + 2 * p - k) / s) + 1;
        if (p > 0 && (long) (out - 1) * s >= in + p) {
            out--;
        }
        return out;
    }
}
