package org.paper2code.emit.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    /** Values are drawn in chunks of this many, each from its own stream, so chunks fill in parallel. */
    private static final int CHUNK = 1 << 20;

    /**
     * Little-endian float32 bytes of uniform values in (-limit, limit). Chunk i draws from
     * {@code new SplittableRandom(seed + i)}: the same bytes whatever the number of threads.
     */
    static byte[] uniform(long count, double limit, long seed) {
        ByteBuffer b = floats(count);
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            int from = c * CHUNK;
            int n = (int) Math.min(CHUNK, count - from);
            float[] v = new float[n];
            SplittableRandom r = new SplittableRandom(seed + c);
            float scale = (float) (2 * limit / (1 << 24));
            float shift = (float) limit;
            for (int i = 0; i < n; i++) {
                v[i] = (r.nextInt() >>> 8) * scale - shift;  // 24 random bits: uniform over [-limit, limit)
            }
            b.slice(from * 4, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(v);
        });
        return b.array();
    }

    static byte[] constant(long count, float value) {
        ByteBuffer b = floats(count);
        if (value != 0f) {
            float[] v = new float[(int) count];
            java.util.Arrays.fill(v, value);
            b.asFloatBuffer().put(v);
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
