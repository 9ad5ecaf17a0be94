package nnlab.gradients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;

/**
 * Lab 1 of the write-ups' derivations: vanishing and exploding gradients. The chain
 * x_{t+1} = act(W x_t) measured against the bound σ_max(∂x_n/∂x_1) ≤ (sup|act'| · σ_max(W))^{n−1},
 * and MLPs trained on images with every layer's gradient norm per epoch as a heatmap.
 */
public final class GradientsExperiment implements Experiment {
    public static final String ID = "gradients";
    public static final ViewSpec CHAIN = ViewSpec.figure("sigma-max-vs-depth", "log₁₀ σ_max(∂x_n/∂x_1) against depth");
    public static final ViewSpec DEAD = ViewSpec.figure("dead-units", "Dead units and zeroed gradients");
    public static final ViewSpec PROFILE = ViewSpec.figure("grad-norm-per-layer", "Gradient norm per layer, last epoch");
    public static final ViewSpec ACCURACY = ViewSpec.figure("test-accuracy", "Test accuracy per epoch");

    private final ConfigSchema schema = GradientsSettings.schema();

    public static ViewSpec heatmapView(String variant) {
        return ViewSpec.figure("grad-heatmap-" + variant.replace('+', '-'), "Gradient norm per layer and epoch · " + variant);
    }

    @Override public String id() { return ID; }

    @Override public String title() { return "Gradient flow"; }

    @Override
    public String description() {
        return "Vanishing and exploding gradients: σ_max of the chain's Jacobian against the bound (¼·σ_max(W))^(n−1), "
                + "and each layer's gradient norm while MLPs train";
    }

    @Override
    public String howToRead() {
        return """
                The chain multiplies a vector by W and applies the activation, n times. Its Jacobian is a product of \
                n − 1 factors, so its size (σ_max, on a log scale) changes geometrically with depth: a straight falling \
                line means vanishing gradients, a rising one exploding gradients.

                The dashed line is the proven bound (sup|act′| · σ_max(W))^(n−1): sigmoid's slope is at most ¼, so with \
                σ_max(W) = 1 the gradient must fall at least 4× per layer. The measured curve must stay below it; how far \
                below shows how loose the bound is. With ReLU, dead units (slope 0) zero whole directions.

                In the training view each column is an epoch and each row a layer (output at the top, first layer at the \
                bottom); colour is log₁₀ of the gradient norm. Dark bottom rows in the plain sigmoid net are the vanishing \
                gradient: its first layers barely learn and its accuracy stays near chance (10 %). ReLU and residual \
                connections keep the rows bright and the accuracy up.""";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 50; }

    @Override
    public List<ViewSpec> views(Config config) {
        List<ViewSpec> views = new ArrayList<>(List.of(CHAIN, DEAD));
        if (config.getBoolean("train")) {
            for (String v : config.getStrings("variants")) views.add(heatmapView(v));
            views.add(PROFILE);
            views.add(ACCURACY);
        }
        return views;
    }

    /** The chain's two figures for a config: what the panel redraws on every change. */
    public static Map<String, Figure> chainFigures(Config config) {
        GradientsSettings s = GradientsSettings.of(config);
        GradientChain.Result r = GradientChain.measure(s.weights(), s.activation(), s.depth(), s.inputs());
        Map<String, Figure> out = new LinkedHashMap<>();
        out.put(CHAIN.id(), GradientFigures.chain(r, s));
        out.put(DEAD.id(), GradientFigures.dead(r));
        return out;
    }

    @Override
    public GradientsSummary run(Config config, RunContext ctx) throws Exception {
        GradientsSettings s = GradientsSettings.of(config);
        ctx.progress(0, "the chain's Jacobians");
        GradientChain.Result r = GradientChain.measure(s.weights(), s.activation(), s.depth(), s.inputs());
        ctx.figure(CHAIN, GradientFigures.chain(r, s));
        ctx.figure(DEAD, GradientFigures.dead(r));
        // The chain's numbers are in the figure's CSV; metrics.csv holds the training's rows.
        double[] median = r.quantile(0.5);
        double[] largest = r.quantile(1);
        int last = s.depth() - 1;
        boolean holds = r.worstLogMargin() <= 1e-9;
        ctx.log(String.format(Locale.ROOT, "σ_max(W) = %.4g; at n = %d: log10 σ_max median %.3f, largest %.3f, bound %.3f; bound %s",
                r.sigmaMaxW(), s.depth(), median[last], largest[last], r.logBound()[last], holds ? "holds at every depth" : "BROKEN"));
        List<GradientTraining.VariantResult> training = List.of();
        if (s.train()) {
            ctx.checkCancelled();
            training = GradientTraining.run(s, ctx);
        }
        ctx.progress(1, "done");
        return new GradientsSummary(s.activation().id(), s.depth(), s.width(), r.sigmaMaxW(), median[last], largest[last],
                r.logBound()[last], holds, r.worstLogMargin(), r.deadPercent()[last], r.zeroJacobianPercent()[last], training);
    }
}
