package nnlab.attncost;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The four ways of computing attention this lab compares, on n×d queries, keys and values (rows
 * are positions), in whatever data type the inputs have. Each allocates only the arrays
 * {@link CostModel} counts: scores are scaled, exponentiated and normalised in place, and the tiled
 * form multiplies into reused buffers, so the counted memory is what the code really asks for.
 */
public final class AttentionMethods {
    private AttentionMethods() { }

    /** softmax(QKᵀ/√d)V with the n×n score matrix materialised. */
    public static INDArray softmax(INDArray q, INDArray k, INDArray v) {
        return product(softmaxWeights(q, k), v);
    }

    /** P = softmax(QKᵀ/√d), row by row (each row sums to 1). Stable: the row maximum is subtracted first. */
    public static INDArray softmaxWeights(INDArray q, INDArray k) {
        return softmaxRowsInPlace(scaledScores(q, k));
    }

    /**
     * QKᵀ/√d written straight into one new array: q.mmul(k.transpose()) allocated the n×n result
     * twice over (measured: a 4000×4000 float product raised the peak resident memory by 128 MB,
     * not 64 MB), which would make the counted memory a lie.
     */
    /** A·B into one new c-order array, for the same reason as {@link #scaledScores}. */
    static INDArray product(INDArray a, INDArray b) {
        INDArray out = Nd4j.create(a.dataType(), a.rows(), b.columns());
        Nd4j.gemm(a, b, out, false, false, 1.0, 0.0);
        return out;
    }

    static INDArray scaledScores(INDArray q, INDArray k) {
        INDArray scores = Nd4j.create(q.dataType(), q.rows(), k.rows());
        Nd4j.gemm(q, k, scores, false, true, 1.0 / Math.sqrt(q.columns()), 0.0);
        return scores;
    }

    static INDArray softmaxRowsInPlace(INDArray scores) {
        scores.subiColumnVector(scores.max(1));
        Transforms.exp(scores, false);
        return scores.diviColumnVector(scores.sum(1));
    }

    /** φ = elu + 1: positive, so the normaliser φ(q)ᵀΣφ(k) never vanishes. */
    public static INDArray featureMap(INDArray x) {
        return Transforms.elu(x, true).addi(1.0);
    }

    /**
     * Kernelised linear attention: φ(Q)(φ(K)ᵀV) divided row-wise by φ(Q)(φ(K)ᵀ1). The d×d
     * product φ(K)ᵀV is formed first, so nothing of size n×n exists.
     */
    public static INDArray linear(INDArray q, INDArray k, INDArray v) {
        INDArray phiQ = featureMap(q);
        INDArray phiK = featureMap(k);
        INDArray keyValues = Nd4j.create(v.dataType(), k.columns(), v.columns());
        Nd4j.gemm(phiK, v, keyValues, true, false, 1.0, 0.0);
        INDArray keySum = phiK.sum(0).reshape(k.columns(), 1);
        INDArray numerator = product(phiQ, keyValues);
        return numerator.diviColumnVector(product(phiQ, keySum));
    }

    /** The same attention in its quadratic form: A = φ(Q)φ(K)ᵀ with rows normalised to sum 1, times V. */
    public static INDArray linearQuadratic(INDArray q, INDArray k, INDArray v) {
        return linearWeights(q, k).mmul(v);
    }

    /** The n×n mixing matrix linear attention applies to V without ever forming it. */
    public static INDArray linearWeights(INDArray q, INDArray k) {
        INDArray a = featureMap(q).mmul(featureMap(k).transpose());
        return a.diviColumnVector(a.sum(1));
    }

    /**
     * Linformer-style low-rank attention: keys and values projected to k rows (E K, F V with
     * k×n projections E and F), then softmax(Q(EK)ᵀ/√d)(FV). The score matrix is n×k. The
     * projections are multiplied, not gathered, so every kind costs the counted 2nkd.
     */
    public static INDArray projected(INDArray q, INDArray k, INDArray v, INDArray e, INDArray f) {
        INDArray keys = product(e, k);
        INDArray values = product(f, v);
        return product(projectedWeights(q, keys), values);
    }

    /** The n×k weights softmax(Q(EK)ᵀ/√d) of the projected form, for already projected keys. */
    static INDArray projectedWeights(INDArray q, INDArray projectedKeys) {
        return softmaxRowsInPlace(scaledScores(q, projectedKeys));
    }

    /** The n×n matrix the projected form applies to V: softmax(Q(EK)ᵀ/√d) F. */
    public static INDArray projectedMixing(INDArray q, INDArray k, INDArray e, INDArray f) {
        return projectedWeights(q, e.mmul(k)).mmul(f);
    }

    /** How the low-rank form chooses its k×n projections E (keys) and F (values); none is trained here. */
    public enum Projection {
        /** k distinct positions drawn at random (E = F select their rows): softmax over a sample of the keys, exact at k = n. */
        SAMPLE("sample"),
        /** E = F average k contiguous segments of positions: keys and values pooled, which suits smooth sequences. */
        POOL("pool"),
        /** E, F Gaussian with entries N(0, 1/k), the Johnson–Lindenstrauss matrices of Linformer's analysis, untrained. */
        GAUSSIAN("gaussian");

        private final String id;

        Projection(String id) { this.id = id; }

        public String id() { return id; }

        public static Projection of(String id) {
            for (Projection p : values()) if (p.id.equals(id)) return p;
            throw new IllegalArgumentException("unknown projection '" + id + "'");
        }

        public static java.util.List<String> ids() {
            return java.util.Arrays.stream(values()).map(Projection::id).toList();
        }
    }

    /** A k×n projection of the given kind; the seed draws the sample or the Gaussian entries. */
    public static INDArray projection(Projection kind, int k, int n, DataType type, long seed) {
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be from 1 to n = " + n + ", got " + k);
        if (kind == Projection.GAUSSIAN) {
            org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(nnlab.kernel.Seeds.nd4jSeed(seed));
            return Nd4j.randn(0, 1.0 / Math.sqrt(k), Nd4j.create(type, k, n), rng);
        }
        // Filled on the Java side and copied once: putScalar per entry costs a native call each.
        double[][] e = new double[k][n];
        if (kind == Projection.SAMPLE) {
            java.util.List<Integer> order = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) order.add(i);
            java.util.Collections.shuffle(order, new java.util.Random(nnlab.kernel.Seeds.nd4jSeed(seed)));
            java.util.List<Integer> chosen = new java.util.ArrayList<>(order.subList(0, k));
            java.util.Collections.sort(chosen);
            for (int r = 0; r < k; r++) e[r][chosen.get(r)] = 1.0;
        } else {
            for (int r = 0; r < k; r++) {
                int from = (int) ((long) r * n / k), to = (int) ((long) (r + 1) * n / k);
                for (int j = from; j < to; j++) e[r][j] = 1.0 / (to - from);
            }
        }
        return Nd4j.create(e).castTo(type);
    }

    /**
     * The best rank-r approximation of P in the Frobenius norm (Eckart–Young): P ≈ U_r Σ_r V_rᵀ
     * from the SVD of P, applied to V as U_r(Σ_r(V_rᵀV)). Costs O(n³) for the SVD itself, so it
     * shows how good a rank-r form can be, not a way to save time.
     */
    public static INDArray lowRankOfWeights(Svd svd, int rank, INDArray v) {
        INDArray u = svd.u().get(NDArrayIndex.all(), NDArrayIndex.interval(0, rank));
        INDArray vt = svd.vt().get(NDArrayIndex.interval(0, rank), NDArrayIndex.all());
        INDArray s = svd.s().get(NDArrayIndex.interval(0, rank)).reshape(rank, 1);
        return u.mmul(vt.mmul(v).muliColumnVector(s));
    }

    /** The rank-r matrix U_r Σ_r V_rᵀ itself (for the heatmaps). */
    public static INDArray lowRankMatrix(Svd svd, int rank) {
        INDArray u = svd.u().get(NDArrayIndex.all(), NDArrayIndex.interval(0, rank)).dup();
        INDArray vt = svd.vt().get(NDArrayIndex.interval(0, rank), NDArrayIndex.all());
        INDArray s = svd.s().get(NDArrayIndex.interval(0, rank)).reshape(1, rank);
        return u.muliRowVector(s).mmul(vt);
    }

    /** P = U diag(s) Vᵀ, singular values in decreasing order. */
    public record Svd(INDArray u, INDArray s, INDArray vt) {
        public static Svd of(INDArray p) {
            int n = p.rows();
            if (p.columns() != n) throw new IllegalArgumentException("a square matrix is expected, got " + p.rows() + "×" + p.columns());
            INDArray a = p.dup('f');
            INDArray s = Nd4j.create(p.dataType(), n);
            INDArray u = Nd4j.create(p.dataType(), new long[] {n, n}, 'f');
            INDArray vt = Nd4j.create(p.dataType(), new long[] {n, n}, 'f');
            Nd4j.getBlasWrapper().lapack().gesvd(a, s, u, vt);
            return new Svd(u, s, vt);
        }
    }

    /**
     * Softmax attention one tile at a time, Flash-Attention's idea: for each block of query rows,
     * sweep the key/value blocks keeping a running row maximum m and row sum l of exp(score − m);
     * when m grows, what was accumulated is rescaled by exp(m_old − m_new). Only a block×block
     * tile of scores exists at any time. Blocks need not divide n (the last one is shorter).
     */
    public static INDArray tiled(INDArray q, INDArray k, INDArray v, int block) {
        return tiled(q, k, v, block, () -> { });
    }

    /** The same, calling checkpoint before each block of query rows (it may throw to stop). */
    public static INDArray tiled(INDArray q, INDArray k, INDArray v, int block, Runnable checkpoint) {
        if (block < 1) throw new IllegalArgumentException("block must be at least 1, got " + block);
        int n = q.rows();
        int keys = k.rows();
        DataType type = q.dataType();
        double scale = 1.0 / Math.sqrt(q.columns());
        INDArray out = Nd4j.zeros(type, n, v.columns());
        int b = Math.min(block, Math.max(n, keys));
        // Flat, so that the first rows·cols elements form a contiguous rows×cols tile for the shorter edge blocks too.
        INDArray tileBuffer = Nd4j.create(type, (long) b * b);
        INDArray maxBuffer = Nd4j.create(type, b, 1);
        INDArray sumBuffer = Nd4j.create(type, b, 1);
        INDArray rescaleBuffer = Nd4j.create(type, b, 1);
        for (int i0 = 0; i0 < n; i0 += b) {
            checkpoint.run();
            int rows = Math.min(b, n - i0);
            INDArray qb = q.get(NDArrayIndex.interval(i0, i0 + rows), NDArrayIndex.all());
            INDArray ob = out.get(NDArrayIndex.interval(i0, i0 + rows), NDArrayIndex.all());
            INDArray m = rows(maxBuffer, rows).assign(Double.NEGATIVE_INFINITY);
            INDArray l = rows(sumBuffer, rows).assign(0);
            INDArray rescale = rows(rescaleBuffer, rows);
            for (int j0 = 0; j0 < keys; j0 += b) {
                int cols = Math.min(b, keys - j0);
                INDArray kb = k.get(NDArrayIndex.interval(j0, j0 + cols), NDArrayIndex.all());
                INDArray vb = v.get(NDArrayIndex.interval(j0, j0 + cols), NDArrayIndex.all());
                INDArray tile = tileBuffer.get(NDArrayIndex.interval(0, (long) rows * cols)).reshape(rows, cols);
                Nd4j.gemm(qb, kb, tile, false, true, scale, 0.0);
                // rescale = m_old, then m = max(m_old, rowmax), then rescale = exp(m_old − m_new).
                rescale.assign(m);
                Transforms.max(m, tile.max(true, 1), false);
                rescale.subi(m);
                Transforms.exp(rescale, false);
                tile.subiColumnVector(m);
                Transforms.exp(tile, false);
                l.muli(rescale).addi(tile.sum(true, 1));
                ob.muliColumnVector(rescale);
                Nd4j.gemm(tile, vb, ob, false, false, 1.0, 1.0);
            }
            ob.diviColumnVector(l);
        }
        return out;
    }

    private static INDArray rows(INDArray column, int rows) {
        return column.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
    }
}
