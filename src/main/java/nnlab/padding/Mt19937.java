package nnlab.padding;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998): 32-bit outputs, seeded by
 * {@code init_genrand} as numpy's legacy {@code RandomState(int)} seeds it. The published padding
 * study drew its boxes from this stream, so the study needs the exact generator, not one like it.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int next;

    /** @param seed 0 .. 2³² − 1, as numpy accepts an integer seed */
    Mt19937(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) throw new IllegalArgumentException("an MT19937 seed is 0 .. 2^32 - 1, got " + seed);
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            // Java's int arithmetic wraps modulo 2^32, as the reference's unsigned 32-bit words do.
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        next = N;
    }

    /** The next 32-bit output, as an unsigned value. */
    long nextUnsigned() {
        if (next >= N) twist();
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFF_FFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}
