package com.csr.generator;

/**
 * The generator's one source of chance: xoshiro256** seeded through SplitMix64, with the few distributions the
 * shop needs. Written out rather than taken from the JDK so that a seed gives the same file on every Java version;
 * the transcendental functions are {@link StrictMath}'s for the same reason.
 */
final class SeededRandom {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    SeededRandom(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x + 0x9E3779B97F4A7C15L);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Exponential with mean 1. */
    double exponential() {
        return -StrictMath.log(1.0 - nextDouble());
    }

    /** Standard normal, by Box-Muller (one of the pair is dropped: simpler, and draws are cheap). */
    double normal() {
        double u = 1.0 - nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * nextDouble());
    }

    /** Log-normal with the given median and log-scale spread. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /** Gamma with the given shape and mean, by Marsaglia and Tsang (shape below 1 boosted by U^(1/shape)). */
    double gamma(double shape, double mean) {
        return standardGamma(shape) * mean / shape;
    }

    private double standardGamma(double shape) {
        if (shape < 1) {
            return standardGamma(shape + 1) * StrictMath.pow(1.0 - nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as a ratio of gammas. */
    double beta(double a, double b) {
        double x = standardGamma(a);
        return x / (x + standardGamma(b));
    }
}
