package nnlab.gnn;

import java.util.List;
import java.util.SplittableRandom;
import nnlab.graph.SparseRows;

/**
 * The two-layer GAT of Veličković et al. for transductive Cora: dropout on the input, attention
 * layer 1 (heads1 × hidden, concatenated) and ELU, dropout, attention layer 2 (heads2 heads of
 * the class scores, averaged), with dropout on the attention coefficients of both layers.
 */
final class Gat implements GnnModel {

    record Architecture(int heads1, int hidden, int heads2, double inputDropout, double attentionDropout, double slope) { }

    private final SparseRows x;
    private final int n;
    private final int classes;
    private final Architecture arch;
    private final SplittableRandom rng;
    private final Param w1, w2;
    private final GatLayer layer1, layer2;

    Gat(SparseRows features, SparseRows neighbourhoods, int classes, Architecture arch, long seed) {
        this.x = features;
        this.n = features.rows();
        this.classes = classes;
        this.arch = arch;
        this.rng = new SplittableRandom(seed);
        int f = features.cols(), h1 = arch.heads1() * arch.hidden();
        w1 = Param.glorot("W1", f, h1, f * h1, rng, true);
        layer1 = new GatLayer("layer1", neighbourhoods, arch.heads1(), arch.hidden(), true, arch.slope(), rng);
        w2 = Param.glorot("W2", h1, arch.heads2() * classes, h1 * arch.heads2() * classes, rng, true);
        layer2 = new GatLayer("layer2", neighbourhoods, arch.heads2(), classes, false, arch.slope(), rng);
    }

    /** @param h1 ELU output of layer 1 (the hidden features), before dropout */
    record GatPass(SparseRows xd, GatLayer.LayerPass p1, double[] h1, double[] h1Mask, double[] h1d, GatLayer.LayerPass p2)
            implements Pass {
        @Override public double[] scores() { return p2.output(); }

        @Override public double[] hidden() { return h1; }

        /** Layer 1's attention weights per edge (in neighbourhood order) and head, without dropout in an evaluation pass. */
        double[] attention() { return p1.alpha(); }
    }

    @Override
    public Pass forward(boolean training) {
        return forward(training, rng);
    }

    @Override
    public Pass forward(boolean training, SplittableRandom masks) {
        double pIn = training ? arch.inputDropout() : 0, pAtt = training ? arch.attentionDropout() : 0;
        int hw1 = layer1.width(), hw2 = arch.heads2() * classes;
        SparseRows xd = pIn > 0 ? x.withValues(Dropout.apply(x.values(), Dropout.mask(masks, x.nonZeros(), pIn))) : x;
        GatLayer.LayerPass p1 = layer1.forward(xd.times(w1.value, hw1), pAtt, masks);
        double[] z1 = p1.output();
        double[] h1 = new double[z1.length];
        for (int i = 0; i < z1.length; i++) h1[i] = z1[i] > 0 ? z1[i] : Math.expm1(z1[i]);
        double[] mask = Dropout.mask(masks, h1.length, pIn);
        double[] h1d = Dropout.apply(h1, mask);
        GatLayer.LayerPass p2 = layer2.forward(Dense.times(h1d, n, hw1, w2.value, hw2), pAtt, masks);
        return new GatPass(xd, p1, h1, mask, h1d, p2);
    }

    @Override
    public void backward(Pass pass, double[] dScores) {
        GatPass p = (GatPass) pass;
        int hw1 = layer1.width(), hw2 = arch.heads2() * classes;
        double[] dG2 = layer2.backward(p.p2(), dScores);
        w2.accumulate(Dense.transposeTimes(p.h1d(), n, hw1, dG2, hw2));
        double[] dz1 = Dense.timesTranspose(dG2, n, hw2, w2.value, hw1);
        double[] z1 = p.p1().output();
        for (int i = 0; i < dz1.length; i++) {
            double keep = p.h1Mask() == null ? 1 : p.h1Mask()[i];
            dz1[i] *= keep * (z1[i] > 0 ? 1 : p.h1()[i] + 1);
        }
        double[] dG1 = layer1.backward(p.p1(), dz1);
        w1.accumulate(p.xd().transposeTimes(dG1, hw1));
    }

    @Override
    public List<Param> params() {
        return List.of(w1, layer1.aSrc, layer1.aDst, layer1.bias, w2, layer2.aSrc, layer2.aDst, layer2.bias);
    }

    @Override public int hiddenWidth() { return layer1.width(); }

    SparseRows neighbourhoods() { return layer1.neighbourhoods(); }

    int heads1() { return arch.heads1(); }
}
