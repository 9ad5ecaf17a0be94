package nnlab.kernel;

/** Turns a user's seed into one ND4J honours. */
public final class Seeds {
    private Seeds() { }

    /**
     * ND4J 1.0.0-M2.1's native generator does not reliably restart on seed 0 (measured here: two
     * setSeed(0) calls in a row gave different draws, while any other seed repeats), and users
     * naturally pick 0 as the first seed. Mixing with SplitMix64 maps every seed, 0 included, to
     * a distinct non-zero one; {@code SeedsTest} checks that the mixed seeds reproduce.
     */
    public static long nd4jSeed(long userSeed) {
        long z = userSeed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z == 0 ? 1 : z;
    }
}
