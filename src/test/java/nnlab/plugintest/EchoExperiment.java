package nnlab.plugintest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.ViewSpec;

/**
 * An experiment that exists only in the tests, registered by the test class path's own
 * META-INF/services file: proof that a plug-in reaches the command line, the app and History
 * without a change to any main source file. It plots y = x² point by point on one live chart and
 * saves the same curve as a figure.
 */
public final class EchoExperiment implements Experiment {
    public static final String ID = "echo";
    public static final ViewSpec SQUARES = ViewSpec.chart("squares", "Squares", "x", "x²");
    public static final ViewSpec SQUARES_FIGURE = ViewSpec.figure("squares-figure", "Squares (saved)").savedOnly();

    private final ConfigSchema schema = new ConfigSchema()
            .add(Setting.intSetting("points", 5, 1, 1000).label("Points").group("Curve").help("How many points to plot."))
            .add(Setting.intSetting("pause-ms", 0, 0, 1000).label("Pause per point (ms)").group("Curve")
                    .help("Lets a test watch the chart fill in."));

    @Override public String id() { return ID; }
    @Override public String title() { return "Echo (test plug-in)"; }
    @Override public String description() { return "Plots y = x², point by point."; }
    @Override public ConfigSchema schema() { return schema; }
    @Override public int order() { return 9999; }

    @Override
    public List<ViewSpec> views(Config config) {
        return List.of(SQUARES, SQUARES_FIGURE);
    }

    @Override
    public Summary run(Config config, RunContext ctx) throws Exception {
        int points = config.getInt("points");
        LineFigure.Builder curve = new LineFigure.Builder();
        for (int x = 1; x <= points; x++) {
            ctx.checkCancelled();
            Thread.sleep(config.getInt("pause-ms"));
            ctx.metric(SQUARES, "x²", x, (double) x * x);
            curve.add("x²", x, (double) x * x);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", x);
            row.put("y", (double) x * x);
            ctx.recordMetrics(row);
            ctx.progress((double) x / points, "point " + x + " of " + points);
        }
        ctx.figure(SQUARES_FIGURE, curve.build(SQUARES_FIGURE.title(), "x", "x²", false));
        return new Summary(points, (double) points * points);
    }

    /** summary.json: {"points": N, "last": N²}. */
    public record Summary(int points, double last) implements RunSummary {
        @Override public String headline() { return points + " squares"; }
    }
}
