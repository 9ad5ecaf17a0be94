package nnlab;

import java.util.List;
import java.util.Optional;
import nnlab.kernel.run.Experiment;

/** The experiments NN Lab ships, in the order the app lists them. */
public final class Experiments {
    private Experiments() { }

    public static List<Experiment> all() {
        return List.of(new nnlab.padding.PaddingExperiment(), new nnlab.oversmoothing.OversmoothingExperiment());
    }

    public static Optional<Experiment> byId(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
