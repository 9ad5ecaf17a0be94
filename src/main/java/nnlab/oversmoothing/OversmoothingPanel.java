package nnlab.oversmoothing;

import static nnlab.oversmoothing.OversmoothingExperiment.ACCURACY_FIGURE;
import static nnlab.oversmoothing.OversmoothingExperiment.ACCURACY_TABLE;
import static nnlab.oversmoothing.OversmoothingExperiment.ENERGY_FIGURE;
import static nnlab.oversmoothing.OversmoothingExperiment.PCA_PREFIX;
import static nnlab.oversmoothing.OversmoothingExperiment.STD_FIGURE;
import static nnlab.oversmoothing.OversmoothingExperiment.TRAIN_LOSS;
import static nnlab.oversmoothing.OversmoothingExperiment.VAL_LOSS;

import java.util.ArrayList;
import java.util.List;
import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.Run;

/**
 * The generic run view, arranged for the study: the accuracy table, then the small per-depth
 * loss charts side by side as a grid, then the collapse (feature std and Dirichlet energy per
 * layer), the PCA pictures and the overlaid curves.
 */
public final class OversmoothingPanel extends GenericExperimentPanel {

    public OversmoothingPanel(AppContext context) {
        super(context, new OversmoothingExperiment());
    }

    @Override
    protected void onRunStarted(Run run) {
        List<Integer> depths = run.config().getInts(OversmoothingSettings.DEPTHS);
        List<String> order = new ArrayList<>(List.of(ACCURACY_TABLE));
        for (int d : depths) {
            String chart = "loss · depth " + d;
            order.add(chart);
            describeChart(chart, "Loss · depth " + d, "epoch", "NLL");
        }
        order.addAll(List.of(STD_FIGURE, ENERGY_FIGURE));
        for (int d : depths) order.add(PCA_PREFIX + d);
        order.addAll(List.of(ACCURACY_FIGURE, TRAIN_LOSS, VAL_LOSS));
        setViewOrder(order);
    }
}
