package nnlab.byhand;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The assignment's one-layer graph network, forward and backward, with every intermediate value:
 * h_v⁽¹⁾ = ReLU(Σ_{u ∈ N(v) ∪ {v}} W h_u⁽⁰⁾) (v itself optional), y = σ(qᵀ Σ_v h_v⁽¹⁾), and the
 * binary cross-entropy against a target t. Values and gradients come from SameDiff's autodiff; a
 * central finite difference of a plain double-precision forward pass checks every gradient.
 */
public final class GraphNetByHand {
    /** The finite-difference step: central differences in double lose about eps² to truncation and 1e-16/eps to rounding. */
    static final double EPS = 1e-6;

    private GraphNetByHand() { }

    /** The network's inputs: the graph, h⁽⁰⁾ (n × d), W (d′ × d), q (d′), the target and whether v counts itself. */
    public record Inputs(SmallGraph graph, double[][] h0, double[][] w, double[] q, double target, boolean selfLoops) { }

    /**
     * Everything a student computes by hand. wh[u] = W h_u⁽⁰⁾; z[v] the sum before the ReLU; h1[v]
     * after it; sum = Σ_v h_v⁽¹⁾; s = qᵀ sum; y = σ(s); loss the cross-entropy. The d-prefixed
     * fields are ∂L/∂(that quantity) from autodiff, the fd-prefixed ones from finite differences.
     */
    public record Result(Inputs inputs, double[][] wh, double[][] z, double[][] h1, double[] sum, double s, double y, double loss,
                         double dS, double[] dSum, double[][] dH1, double[][] dZ, double[][] dW, double[] dQ, double[][] dH0,
                         double[][] fdW, double[] fdQ, double[][] fdH0, boolean reluAtZero) {

        /** The largest |autodiff − finite difference| over ∂L/∂W, ∂L/∂q and ∂L/∂h⁽⁰⁾. */
        public double maxGradientDifference() {
            double m = 0;
            for (int i = 0; i < dW.length; i++) for (int j = 0; j < dW[i].length; j++) m = Math.max(m, Math.abs(dW[i][j] - fdW[i][j]));
            for (int i = 0; i < dQ.length; i++) m = Math.max(m, Math.abs(dQ[i] - fdQ[i]));
            for (int i = 0; i < dH0.length; i++) for (int j = 0; j < dH0[i].length; j++) m = Math.max(m, Math.abs(dH0[i][j] - fdH0[i][j]));
            return m;
        }
    }

    /** Why these inputs do not fit together, or null when they do. */
    public static String problem(Inputs in) {
        int n = in.graph().nodes();
        if (in.h0().length != n) {
            return "h⁽⁰⁾ has " + in.h0().length + " rows but the graph has " + n + " nodes (one row per node, rows separated by ';')";
        }
        int d = in.h0()[0].length;
        if (in.w()[0].length != d) {
            return "W has " + in.w()[0].length + " columns but each h⁽⁰⁾ has " + d + " numbers (W h must be defined)";
        }
        if (in.q().length != in.w().length) {
            return "q has " + in.q().length + " numbers but W has " + in.w().length + " rows (qᵀ h⁽¹⁾ must be defined)";
        }
        return null;
    }

    /** Â: the adjacency with 1 on the diagonal when v counts itself, so Z = Â (H W ᵀ). */
    static double[][] aggregation(SmallGraph g, boolean selfLoops) {
        double[][] a = g.adjacency();
        if (selfLoops) for (int v = 0; v < g.nodes(); v++) a[v][v] = 1;
        return a;
    }

    public static Result compute(Inputs in) {
        String p = problem(in);
        if (p != null) throw new IllegalArgumentException(p);
        SameDiff sd = SameDiff.create();
        SDVariable h0 = sd.var("h0", Nd4j.createFromArray(in.h0()));
        SDVariable w = sd.var("W", Nd4j.createFromArray(in.w()));
        SDVariable q = sd.var("q", Nd4j.createFromArray(in.q()));
        SDVariable a = sd.constant("A_hat", Nd4j.createFromArray(aggregation(in.graph(), in.selfLoops())));
        SDVariable wh = sd.mmul(h0, w, false, true, false).rename("Wh");
        SDVariable z = a.mmul(wh).rename("z");
        SDVariable h1 = sd.nn().relu(z, 0).rename("h1");
        SDVariable sum = h1.sum(0).rename("sum");
        SDVariable s = sum.mul(q).sum().rename("s");
        SDVariable y = sd.nn().sigmoid(s).rename("y");
        // −[t log σ(s) + (1−t) log(1−σ(s))] = softplus(s) − t·s, with softplus(s) = s/2 + |s|/2 + log(1 + e^−|s|):
        // ND4J's own softplus and log-sigmoid overflow to ±∞ for |s| ≳ 700, and this form has the exact gradient σ(s) − t
        // everywhere (including s = 0, where max(s, 0) would give the wrong one).
        SDVariable abs = sd.math().abs(s);
        SDVariable loss = s.mul(0.5).add(abs.mul(0.5)).add(sd.math().log1p(sd.math().exp(abs.neg()))).sub(s.mul(in.target()))
                .rename("loss");
        sd.setLossVariables("loss");
        Map<String, INDArray> values = sd.output(Map.of(), "Wh", "z", "h1", "sum", "s", "y", "loss");
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "h0", "W", "q", "h1", "z", "sum", "s");

        double[][] zv = values.get("z").toDoubleMatrix();
        boolean atZero = false;
        for (double[] row : zv) for (double v : row) atZero |= v == 0;
        return new Result(in, values.get("Wh").toDoubleMatrix(), zv, values.get("h1").toDoubleMatrix(),
                values.get("sum").toDoubleVector(), values.get("s").getDouble(0), values.get("y").getDouble(0),
                values.get("loss").getDouble(0), grads.get("s").getDouble(0), grads.get("sum").toDoubleVector(),
                grads.get("h1").toDoubleMatrix(), grads.get("z").toDoubleMatrix(), grads.get("W").toDoubleMatrix(),
                grads.get("q").toDoubleVector(), grads.get("h0").toDoubleMatrix(),
                fdMatrix(in, 1), fdVector(in), fdMatrix(in, 0), atZero);
    }

    /** The loss in plain double arithmetic, the reference the finite differences use. */
    public static double loss(SmallGraph g, boolean selfLoops, double[][] h0, double[][] w, double[] q, double target) {
        double[][] a = aggregation(g, selfLoops);
        int n = g.nodes(), dOut = w.length, dIn = h0[0].length;
        double s = 0;
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < dOut; i++) {
                double z = 0;
                for (int u = 0; u < n; u++) {
                    if (a[v][u] == 0) continue;
                    for (int j = 0; j < dIn; j++) z += a[v][u] * w[i][j] * h0[u][j];
                }
                s += q[i] * Math.max(0, z);
            }
        }
        return Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - target * s;
    }

    private static double loss(Inputs in, double[][] h0, double[][] w, double[] q) {
        return loss(in.graph(), in.selfLoops(), h0, w, q, in.target());
    }

    /** which = 0: ∂L/∂h⁽⁰⁾, 1: ∂L/∂W. */
    private static double[][] fdMatrix(Inputs in, int which) {
        double[][] base = which == 0 ? in.h0() : in.w();
        double[][] out = new double[base.length][base[0].length];
        for (int i = 0; i < base.length; i++) {
            for (int j = 0; j < base[i].length; j++) {
                double[][] plus = copy(base), minus = copy(base);
                plus[i][j] += EPS;
                minus[i][j] -= EPS;
                double lp = which == 0 ? loss(in, plus, in.w(), in.q()) : loss(in, in.h0(), plus, in.q());
                double lm = which == 0 ? loss(in, minus, in.w(), in.q()) : loss(in, in.h0(), minus, in.q());
                out[i][j] = (lp - lm) / (2 * EPS);
            }
        }
        return out;
    }

    private static double[] fdVector(Inputs in) {
        double[] out = new double[in.q().length];
        for (int i = 0; i < out.length; i++) {
            double[] plus = in.q().clone(), minus = in.q().clone();
            plus[i] += EPS;
            minus[i] -= EPS;
            out[i] = (loss(in, in.h0(), in.w(), plus) - loss(in, in.h0(), in.w(), minus)) / (2 * EPS);
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
