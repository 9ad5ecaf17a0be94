package nnlab.pairs;

import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.Experiment;

/**
 * The same-pair study's panel: the generic run view, plus the receptive-field region and the
 * calculator computed from the settings before any run, so changing the model, layer, kernel or
 * the calculator's k, s and d redraws them at once (the probe needs no training).
 */
public final class PairsPanel extends GenericExperimentPanel {

    public PairsPanel(AppContext context, Experiment experiment) {
        super(context, experiment);
        setSettingsPreview(PairsExperiment.FIELD_REGION_FIGURE, ReceptiveFieldViews::regionFigure);
        setSettingsPreview(PairsExperiment.CALCULATOR_FIGURE, ReceptiveFieldViews::calculator);
    }

    public PairsPanel(AppContext context) {
        this(context, new PairsExperiment());
    }
}
