package nnlab.attncost;

import java.util.Locale;

/**
 * The counted costs of each method, the write-ups' O(n²d), O(nd²) and O(nkd) arguments made
 * exact: multiply-adds of the matrix products, the bytes of every array a method allocates (its
 * peak working memory: each array counted lives to the end of the call), and the elements that
 * standard and tiled attention move to and from main memory when only a tile fits in fast memory.
 * Inputs Q, K, V are not the method's, but count towards what fits in a memory budget.
 */
public final class CostModel {
    /** 1 GiB, the budget the largest-n table uses. */
    public static final long GIB = 1L << 30;

    private CostModel() { }

    public enum Method {
        SOFTMAX("softmax", "softmax(QKᵀ/√d)V"),
        LINEAR("linear", "linear φ=elu+1"),
        PROJECTED("low-rank", "low-rank (k projected rows)"),
        TILED("tiled", "tiled softmax (online)");

        private final String id;
        private final String label;

        Method(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() { return id; }

        public String label() { return label; }
    }

    /** Sizes of one call: sequence length n, width d, projected rows k, tile block. */
    public record Shape(long n, long d, long k, long block) {
        public Shape {
            if (n < 1 || d < 1 || k < 1 || block < 1) throw new IllegalArgumentException("sizes must be positive: " + this);
        }

        public Shape withN(long newN) { return new Shape(newN, d, k, block); }

        /** The block the tiled form really uses: never more than n. */
        long tile() { return Math.min(block, n); }

        long blocks() { return (n + tile() - 1) / tile(); }
    }

    /**
     * Multiply-adds of the matrix products (and the few vector products), the work that grows with n:
     * softmax QKᵀ and PV, n²d each; linear φ(K)ᵀV and φ(Q)(φ(K)ᵀV), nd² each, plus nd each for the
     * normaliser; low-rank EK, FV, Q(EK)ᵀ and P(FV), nkd each; tiled the same n²d products as softmax
     * plus rescaling the running output, n·d per key block. Exponentials and divisions (O(n²) for
     * softmax, O(n·k) for low-rank) are not counted.
     */
    public static double multiplyAdds(Method method, Shape s) {
        double n = s.n(), d = s.d(), k = s.k();
        return switch (method) {
            case SOFTMAX -> 2 * n * n * d;
            case LINEAR -> 2 * n * d * d + 2 * n * d;
            case PROJECTED -> 4 * n * k * d;
            case TILED -> 2 * n * n * d + n * d * s.blocks();
        };
    }

    /**
     * Elements of the arrays the method allocates, all alive at its end: softmax the n×n scores
     * (normalised in place), row max and sum, the n×d output; linear φ(Q), φ(K), φ(K)ᵀV (d×d),
     * φ(K)ᵀ1, the numerator and the denominator; low-rank the projections E and F (k×n each, a
     * learned layer's weights), EK and FV (k×d), the n×k scores and their row max and sum, the
     * output; tiled the output, one block×block tile and five block-long vectors (m, l, the
     * rescale factors, a tile's row max and row sum).
     */
    public static double workingElements(Method method, Shape s) {
        double n = s.n(), d = s.d(), k = s.k(), b = s.tile();
        return switch (method) {
            case SOFTMAX -> n * n + 2 * n + n * d;
            case LINEAR -> 3 * n * d + d * d + d + n;
            case PROJECTED -> 2 * k * n + 2 * k * d + n * k + 2 * n + n * d;
            case TILED -> n * d + b * b + 5 * b;
        };
    }

    public static double workingBytes(Method method, Shape s, int bytesPerElement) {
        return workingElements(method, s) * bytesPerElement;
    }

    /** Q, K and V plus the working memory. */
    public static double totalBytes(Method method, Shape s, int bytesPerElement) {
        return (3.0 * s.n() * s.d() + workingElements(method, s)) * bytesPerElement;
    }

    /**
     * Elements read from and written to main memory when fast memory holds one tile (the
     * Flash-Attention paper's HBM accesses). Standard: read Q and K, write S; read S, write P (a
     * fused softmax pass); read P and V, write the output: 4nd + 4n². Tiled: read each query
     * block once, read every key and value block once per query block, write the output:
     * 2nd + 2nd·⌈n/block⌉. Both grow like n²; for large n the tiled form moves 2·block/d times less.
     */
    public static double elementsMoved(boolean tiledForm, Shape s) {
        double n = s.n(), d = s.d();
        return tiledForm ? 2 * n * d + 2 * n * d * s.blocks() : 4 * n * d + 4 * n * n;
    }

    /**
     * The largest n whose inputs and working memory fit in the budget, by the model (monotone in
     * n, so a binary search finds it). At most 2⁴⁰.
     */
    public static long largestN(Method method, Shape s, int bytesPerElement, long budgetBytes) {
        long lo = 0, hi = 1L << 40;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (totalBytes(method, s.withN(mid), bytesPerElement) <= budgetBytes) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** "1.5 GiB", "12 MiB", "300 B". */
    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, b >= 100 || u == 0 ? "%.0f %s" : "%.3g %s", b, units[u]);
    }
}
