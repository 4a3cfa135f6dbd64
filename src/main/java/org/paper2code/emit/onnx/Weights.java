package org.paper2code.emit.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Initial values for parameters, seeded so an export is reproducible. Kernels use
 * Glorot (Xavier) uniform, Keras's default, or He (Kaiming) uniform; biases and shifts start
 * at zero, scales and variances at one, as every framework initialises them.
 */
final class Weights {
    /** How kernels are initialised. */
    enum Init {
        /** U(-a, a), a = sqrt(6 / (fan_in + fan_out)): Keras's default for Dense, Conv and recurrent kernels. */
        GLOROT,
        /** U(-a, a), a = sqrt(6 / fan_in): He et al. for ReLU networks. */
        HE
    }

    private Weights() {
    }

    /** Little-endian float32 bytes of uniform values in (-limit, limit), from its own seeded stream. */
    static byte[] uniform(long count, double limit, long seed) {
        ByteBuffer b = floats(count);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < count; i++) {
            b.putFloat((float) ((2 * r.nextDouble() - 1) * limit));
        }
        return b.array();
    }

    static byte[] constant(long count, float value) {
        ByteBuffer b = floats(count);
        if (value != 0f) {
            for (long i = 0; i < count; i++) {
                b.putFloat(value);
            }
        }
        return b.array();
    }

    static double kernelLimit(Init init, long fanIn, long fanOut) {
        return init == Init.HE ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
    }

    private static ByteBuffer floats(long count) {
        if (count * 4 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a tensor of " + count + " floats does not fit one ONNX initializer");
        }
        return ByteBuffer.allocate((int) (count * 4)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
