package nnlab.padding;

/**
 * The integer draws of numpy's legacy {@code RandomState(seed)}, the generator of the published
 * padding study: MT19937 seeded with the integer, and {@code randint(low, high)} by numpy's legacy
 * bounded-integer rule, so the same seed gives the same boxes as the published code.
 */
final class NumpyRandomState {
    private final Mt19937 bits;

    /** @param seed 0 .. 2³² − 1 */
    NumpyRandomState(long seed) {
        bits = new Mt19937(seed);
    }

    /**
     * An integer from {@code low} (inclusive) to {@code high} (exclusive). numpy truncates float
     * bounds toward zero before this rule; callers pass the truncated bounds. A 32-bit output is
     * masked to the smallest power of two covering the range and redrawn while it falls outside,
     * and a range of one value consumes no output at all, exactly as numpy does.
     */
    int randint(int low, int high) {
        if (high <= low) throw new IllegalArgumentException("randint needs low < high, got " + low + " and " + high);
        long range = (long) high - 1 - low; // numpy's closed interval [low, high - 1]
        if (range == 0) return low;
        long mask = range;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long draw;
        do {
            draw = bits.nextUnsigned() & mask;
        } while (draw > range);
        return (int) (low + draw);
    }
}
