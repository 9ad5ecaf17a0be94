package nnlab.jl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Everything the JL lab measures for one config: the projection at k, the sweep over k and the corollary's sets. */
record JlStudy(JlSettings settings, String pointsSource, JlMath.Projection atK, List<JlMath.Projection> sweep, double lemmaK,
               List<JlMath.NearlyOrthogonal> byDim) {

    /** The images loaded last, so that moving a slider does not read the IDX file again. */
    private static volatile ImagesCache images;

    private record ImagesCache(ImageSet set, String source, long seed) { }

    /**
     * The corollary's sets of the last config: they depend on neither k, ε nor the points, so a
     * projection slider need not rebuild them (they are the larger part of a redraw).
     */
    private static volatile CorollaryCache corollary;

    private record CorollaryCache(List<Integer> dims, int setCap, long seed, List<JlMath.NearlyOrthogonal> sets) { }

    /**
     * The points' pair distances and their projection by the whole draw G of the last config: k and
     * ε change neither (only which prefix of G is read), so the k slider costs a few small Gram
     * matrices instead of drawing 10⁵ points and G again and multiplying them (jl: most of its compute).
     */
    private static volatile ProjectionCache projection;

    private record ProjectionCache(String key, String source, double[] original, INDArray projected) { }

    static JlStudy compute(JlSettings s) {
        double lemma = JlMath.lemmaK(s.points(), s.epsilon());
        int kMax = Math.min(s.dim(), Math.max(s.k(), (int) Math.ceil(1.25 * lemma)));
        int[] ks = JlMath.sweep(kMax, s.sweepPoints(), s.k(), (int) Math.ceil(lemma));
        String key = s.source() + "|" + s.seed() + "|" + s.points() + "|" + s.dim() + "|" + kMax;
        ProjectionCache cached = projection;
        if (cached == null || !cached.key().equals(key)) {
            String[] source = new String[1];
            INDArray x = points(s, source);
            INDArray g = JlMath.gaussian(s.seed() * 2 + 1, kMax, s.dim());
            cached = new ProjectionCache(key, source[0], JlMath.pairSquaredDistances(x), x.mmul(g.transpose()));
            projection = cached;
        }
        String[] source = {cached.source()};
        List<JlMath.Projection> sweep = JlMath.prefixes(cached.original(), cached.projected(), ks);
        JlMath.Projection atK = sweep.stream().filter(p -> p.k() == s.k()).findFirst().orElseThrow();
        return new JlStudy(s, source[0], atK, sweep, lemma, corollarySets(s));
    }

    private static List<JlMath.NearlyOrthogonal> corollarySets(JlSettings s) {
        List<Integer> dims = new ArrayList<>();
        for (int n : s.corollaryDims()) dims.add(n);
        CorollaryCache cached = corollary;
        if (cached != null && cached.dims().equals(dims) && cached.setCap() == s.setCap() && cached.seed() == s.seed()) {
            return cached.sets();
        }
        List<JlMath.NearlyOrthogonal> byDim = new ArrayList<>();
        for (int n : dims) byDim.add(JlMath.nearlyOrthogonal(n, s.setCap(), s.seed() * 7919 + n));
        corollary = new CorollaryCache(dims, s.setCap(), s.seed(), List.copyOf(byDim));
        return byDim;
    }

    /** The n points as rows: Gaussian, or the first n training images' pixels (0–1). */
    static INDArray points(JlSettings s, String[] sourceOut) {
        if (s.source().equals(JlSettings.GAUSSIAN)) {
            sourceOut[0] = "Gaussian N(0, I) in d = " + s.dim();
            return JlMath.gaussian(s.seed() * 2, s.points(), s.dim());
        }
        ImagesCache cached = images;
        // The seed matters only for the generated images that stand in when Fashion-MNIST is absent.
        if (cached == null || cached.set().size() < s.points() || cached.seed() != s.seed()) {
            try {
                DataSources.Loaded loaded = DataSources.load(DataSources.AUTO, "", Math.max(1000, s.points()), 1, s.seed());
                cached = new ImagesCache(loaded.train(), loaded.source(), s.seed());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            images = cached;
        }
        ImageSet set = cached.set().head(s.points());
        sourceOut[0] = cached.source() + " images (784 pixels)";
        return set.features(ImageSet.range(0, s.points())).reshape(s.points(), set.imageLength()).castTo(DataType.DOUBLE);
    }

    /** The corollary measured at the largest dimension (the figure against δ). */
    JlMath.NearlyOrthogonal atLargestDim() {
        return byDim.get(byDim.size() - 1);
    }
}
