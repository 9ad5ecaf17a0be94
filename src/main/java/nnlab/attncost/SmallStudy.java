package nnlab.attncost;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact comparisons at a small n (in double precision): softmax attention's n×n weights P,
 * their best rank-r approximation from the SVD, the projected (Linformer) form's n×n mixing matrix
 * softmax(Q(EK)ᵀ/√d)F, and linear attention's normalised φ(Q)φ(K)ᵀ; and each form's relative
 * error ‖O' − O‖_F / ‖O‖_F against the exact output O = PV, for every rank r of the sweep.
 */
public record SmallStudy(int n, int k, int[] ranks, double[] svdErrors, double[] projectedErrors, double linearError,
                         double[] singularValues, double[][] exact, double[][] svdWeights, double[][] projectedWeights,
                         double[][] linearWeights) {

    public static SmallStudy compute(CostSettings s) {
        int n = s.smallN();
        CostSweep.Inputs in = CostSweep.Inputs.draw(s, n, DataType.DOUBLE);
        INDArray p = AttentionMethods.softmaxWeights(in.q(), in.k());
        INDArray exactOut = p.mmul(in.v());
        double norm = exactOut.norm2Number().doubleValue();
        AttentionMethods.Svd svd = AttentionMethods.Svd.of(p);
        int[] ranks = s.ranks();
        double[] svdErrors = new double[ranks.length];
        double[] projectedErrors = new double[ranks.length];
        double[] cumulative = svdErrorsByRank(svd, in.v(), exactOut, norm);
        for (int i = 0; i < ranks.length; i++) {
            int r = ranks[i];
            svdErrors[i] = cumulative[r - 1];
            INDArray e = AttentionMethods.projection(s.projection(), r, n, DataType.DOUBLE, s.seed() * 31 + n + 1);
            INDArray f = s.projection() == AttentionMethods.Projection.GAUSSIAN
                    ? AttentionMethods.projection(s.projection(), r, n, DataType.DOUBLE, s.seed() * 31 + n + 2) : e;
            projectedErrors[i] = relative(AttentionMethods.projected(in.q(), in.k(), in.v(), e, f), exactOut, norm);
        }
        double linearError = relative(AttentionMethods.linear(in.q(), in.k(), in.v()), exactOut, norm);
        int k = Math.min(s.k(), n);
        return new SmallStudy(n, k, ranks, svdErrors, projectedErrors, linearError, svd.s().toDoubleVector(),
                p.toDoubleMatrix(), AttentionMethods.lowRankMatrix(svd, k).toDoubleMatrix(),
                AttentionMethods.projectedMixing(in.q(), in.k(), in.e(), in.f()).toDoubleMatrix(),
                AttentionMethods.linearWeights(in.q(), in.k()).toDoubleMatrix());
    }

    /**
     * ‖U_rΣ_rV_rᵀV − PV‖_F / ‖PV‖_F for every rank r = 1..n at once: the rank-r output is the
     * rank-(r−1) one plus σ_r·u_r·(v_rᵀV), so one ND4J product VᵀV and n rank-one updates give the
     * whole curve (as many ND4J calls per rank took most of a redraw's time).
     */
    static double[] svdErrorsByRank(AttentionMethods.Svd svd, INDArray v, INDArray exactOut, double norm) {
        double[][] u = svd.u().toDoubleMatrix();
        double[] sigma = svd.s().toDoubleVector();
        double[][] w = svd.vt().mmul(v).toDoubleMatrix();
        double[][] exact = exactOut.toDoubleMatrix();
        int n = u.length, d = exact[0].length;
        double[][] out = new double[n][d];
        double[] errors = new double[sigma.length];
        for (int r = 0; r < sigma.length; r++) {
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double a = sigma[r] * u[i][r];
                for (int c = 0; c < d; c++) {
                    out[i][c] += a * w[r][c];
                    double diff = out[i][c] - exact[i][c];
                    sq += diff * diff;
                }
            }
            errors[r] = Math.sqrt(sq) / norm;
        }
        return errors;
    }

    private static double relative(INDArray approx, INDArray exact, double norm) {
        return approx.sub(exact).norm2Number().doubleValue() / norm;
    }

    /** The relative error of the rank-k SVD form at the chosen k. */
    public double svdErrorAtK() {
        return svdErrors[java.util.Arrays.binarySearch(ranks, k)];
    }

    public double projectedErrorAtK() {
        return projectedErrors[java.util.Arrays.binarySearch(ranks, k)];
    }
}
