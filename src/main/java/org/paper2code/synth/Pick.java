package org.paper2code.synth;

import java.util.List;
import java.util.Random;

/** Seeded choices; every random decision of the generator goes through a {@link Random} made from the run seed. */
final class Pick {
    private Pick() {
    }

    @SafeVarargs
    static <T> T one(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static <T> T one(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    static int oneInt(Random r, int... options) {
        return options[r.nextInt(options.length)];
    }

    static int between(Random r, int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }

    static double between(Random r, double lo, double hi) {
        return lo + r.nextDouble() * (hi - lo);
    }

    static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }

    /** SplitMix64 finaliser: independent seeds for item {@code index} of a run with seed {@code seed}. */
    static long mix(long seed, long index, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
