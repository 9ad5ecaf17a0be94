package nnlab;

import java.util.List;
import java.util.Optional;
import nnlab.kernel.run.Experiment;
import nnlab.oversmoothing.OversmoothingExperiment;
import nnlab.padding.PaddingExperiment;
import nnlab.posenc.PosEncExperiment;
import nnlab.rotation.RotationExperiment;

/** The experiments NN Lab ships, in the order the app lists them. */
public final class Experiments {
    private Experiments() { }

    public static List<Experiment> all() {
        return List.of(new PaddingExperiment(), new RotationExperiment(), new PosEncExperiment(), new OversmoothingExperiment());
    }

    public static Optional<Experiment> byId(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
