package nnlab.gradients;

import java.util.Arrays;
import java.util.Locale;
import nnlab.kernel.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The chain x_{t+1} = act(W x_t) with one square W, and the largest singular value of its
 * Jacobian ∂x_n/∂x_1 = D_{n−1} W ⋯ D_1 W (D_t = diag(act'(W x_t))) for every depth up to n,
 * computed with ND4J in double precision. The running product is divided by its σ_max after each
 * step (σ_max is homogeneous, so the logarithm is exact) so that a vanishing product does not
 * underflow to zero nor an exploding one overflow. Once a ReLU chain's Jacobian is exactly zero
 * (a layer with every unit dead) it stays zero: log₁₀ σ_max = −∞ from there on.
 */
public final class GradientChain {
    private GradientChain() { }

    public enum Activation {
        SIGMOID(0.25), TANH(1), RELU(1), LINEAR(1);

        /** sup |act'|: the factor each layer's diagonal can contribute at most. */
        public final double maxDerivative;

        Activation(double maxDerivative) {
            this.maxDerivative = maxDerivative;
        }

        public static Activation of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** act(z), a new array. */
        INDArray apply(INDArray z) {
            return switch (this) {
                case SIGMOID -> Transforms.sigmoid(z, true);
                case TANH -> Transforms.tanh(z, true);
                case RELU -> Transforms.relu(z, true);
                case LINEAR -> z.dup();
            };
        }

        /** act'(z), a new array; ReLU's derivative at 0 is taken as 0 (the unit is dead). */
        INDArray derivative(INDArray z) {
            return switch (this) {
                case SIGMOID -> {
                    INDArray s = Transforms.sigmoid(z, true);
                    yield s.mul(s.rsub(1.0));
                }
                case TANH -> {
                    INDArray t = Transforms.tanh(z, true);
                    yield t.mul(t).rsubi(1.0);
                }
                case RELU -> z.gt(0.0).castTo(DataType.DOUBLE);
                case LINEAR -> Nd4j.onesLike(z);
            };
        }
    }

    /** How W is drawn and scaled: orthogonal or Gaussian, then to a given σ_max(W) or by a gain. */
    public record Weights(boolean orthogonal, boolean fixSigmaMax, double value, int width, long seed) { }

    /**
     * Per depth n = 1 … depth (index n − 1): log₁₀ σ_max(∂x_n/∂x_1) for each input, the bound
     * (sup|act'| · σ_max(W))^{n−1}, σ_max(W^{n−1}) of the chain without activation, the share of
     * units with act' = 0 at layer n and the share of inputs whose whole Jacobian is zero there.
     * A zero Jacobian has log₁₀ σ_max = −∞.
     */
    public record Result(Activation activation, double sigmaMaxW, double[][] logSigma, double[] logBound, double[] logLinear,
                         double[] deadPercent, double[] zeroJacobianPercent) {
        public int depth() { return logBound.length; }

        public double[] quantile(double q) {
            double[] out = new double[depth()];
            double[] col = new double[logSigma.length];
            for (int n = 0; n < depth(); n++) {
                for (int i = 0; i < logSigma.length; i++) col[i] = logSigma[i][n];
                Arrays.sort(col);
                out[n] = col[(int) Math.round(q * (col.length - 1))];
            }
            return out;
        }

        /** max over inputs and depths of log₁₀(measured / bound): ≤ 0 when the bound holds. */
        public double worstLogMargin() {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] row : logSigma) for (int n = 0; n < depth(); n++) worst = Math.max(worst, row[n] - logBound[n]);
            return worst;
        }
    }

    /** A width × width W as the settings describe it. */
    public static INDArray weights(Weights w) {
        // Even streams for W, odd ones for the inputs: no seed's W is another seed's inputs.
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(Seeds.nd4jSeed(2 * w.seed()));
        INDArray g = gaussian(rng, w.width(), w.width());
        INDArray m;
        if (w.orthogonal()) {
            // The polar factor U Vᵀ of a Gaussian matrix is a Haar-random orthogonal matrix.
            INDArray[] usv = svd(g);
            m = usv[1].mmul(usv[2].transpose());
        } else {
            m = g.divi(Math.sqrt(w.width()));
        }
        return w.fixSigmaMax() ? m.muli(w.value() / sigmaMax(m)) : m.muli(w.value());
    }

    static INDArray gaussian(Random rng, long rows, long cols) {
        INDArray z = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
        Nd4j.getExecutioner().exec(new GaussianDistribution(z, 0.0, 1.0), rng);
        return z;
    }

    /**
     * Singular values (descending), U and V of a matrix (A = U diag(s) Vᵀ), by LAPACK's gesvd
     * through ND4J. Not ND4J's {@code svd} custom op: in M2.1 its Java class passes the flags as
     * booleans the native op does not read, and, called right, it took 10–30 ms for a 10 × 10
     * matrix here, against 0.2–0.5 ms for gesvd.
     */
    static INDArray[] svd(INDArray a) {
        // gesvd overwrites its input, and wants column-major storage.
        INDArray in = a.castTo(DataType.DOUBLE).dup('f');
        long m = in.rows(), n = in.columns();
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(m, n));
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {m, m}, 'f');
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(in, s, u, vt);
        return new INDArray[] {s, u, vt.transpose()};
    }

    /** The largest singular value, by LAPACK's SVD without the singular vectors (jobu = jobvt = 'N'). */
    public static double sigmaMax(INDArray a) {
        INDArray in = a.castTo(DataType.DOUBLE).dup('f');
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(in.rows(), in.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(in, s, null, null);
        return s.getDouble(0);
    }

    /** The Jacobian ∂x_n/∂x_1 at x1 (a width × 1 column), multiplied out without rescaling: for tests and small depths. */
    static INDArray jacobian(INDArray w, Activation act, INDArray x1, int depth) {
        INDArray x = x1;
        INDArray j = Nd4j.eye(w.rows()).castTo(DataType.DOUBLE);
        for (int t = 1; t < depth; t++) {
            INDArray z = w.mmul(x);
            j = w.mulColumnVector(act.derivative(z)).mmul(j);
            x = act.apply(z);
        }
        return j;
    }

    /** x_n for x_1 (a width × 1 column). */
    static INDArray forward(INDArray w, Activation act, INDArray x1, int depth) {
        INDArray x = x1;
        for (int t = 1; t < depth; t++) x = act.apply(w.mmul(x));
        return x;
    }

    /**
     * Runs {@code inputs} inputs x_1 ~ N(0, I) through the chain (drawn from their own stream of
     * the seed, apart from W's) and measures every depth from 1 to {@code depth}. All inputs go through each
     * step together: their Jacobians side by side as one width × (inputs · width) matrix, so a step
     * is a handful of ND4J calls plus one SVD per input (on this machine the cost of a call, not
     * of the arithmetic, is what a small chain spends its time on).
     */
    public static Result measure(Weights weights, Activation act, int depth, int inputs) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(Seeds.nd4jSeed(2 * weights.seed() + 1));
        return measure(weights(weights), gaussian(rng, weights.width(), inputs), act, depth);
    }

    /** The same for a given W and inputs (the columns of x1). */
    static Result measure(INDArray wm, INDArray x1, Activation act, int depth) {
        int w = (int) wm.rows();
        int inputs = (int) x1.columns();
        double sigmaW = sigmaMax(wm);
        INDArray x = x1;
        // Block i (columns i·w … i·w + w − 1) is input i's running Jacobian, divided by its σ_max so far.
        INDArray j = Nd4j.tile(Nd4j.eye(w).castTo(DataType.DOUBLE), 1, inputs);
        double[][] logSigma = new double[inputs][depth];
        double[] logScale = new double[inputs];
        double[] dead = new double[depth];
        double[] zero = new double[depth];
        for (int t = 1; t < depth; t++) {
            INDArray z = wm.mmul(x);
            INDArray d = act.derivative(z);
            dead[t] = 100.0 * d.eq(0.0).castTo(DataType.DOUBLE).sumNumber().doubleValue() / ((double) w * inputs);
            INDArray j3 = wm.mmul(j).reshape(w, inputs, w);
            Nd4j.getExecutioner().exec(new BroadcastMulOp(j3, d, j3, 0, 1));
            double[] scale = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                double s = sigmaMax(j3.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all()));
                scale[i] = s == 0 ? 1 : s;
                logScale[i] = s == 0 ? Double.NEGATIVE_INFINITY : logScale[i] + Math.log10(s);
                logSigma[i][t] = logScale[i];
                if (s == 0) zero[t] += 100.0 / inputs;
            }
            Nd4j.getExecutioner().exec(new BroadcastDivOp(j3, Nd4j.createFromArray(scale), j3, 1));
            j = j3.reshape(w, (long) inputs * w);
            x = act.apply(z);
        }
        double[] logBound = new double[depth];
        double[] logLinear = new double[depth];
        INDArray power = Nd4j.eye(w).castTo(DataType.DOUBLE);
        double powerScale = 0;
        for (int n = 0; n < depth; n++) {
            logBound[n] = n * Math.log10(act.maxDerivative * sigmaW);
            if (n > 0) {
                power = wm.mmul(power);
                double s = sigmaMax(power);
                powerScale += Math.log10(s);
                power.divi(s);
            }
            logLinear[n] = powerScale;
        }
        return new Result(act, sigmaW, logSigma, logBound, logLinear, dead, zero);
    }
}
