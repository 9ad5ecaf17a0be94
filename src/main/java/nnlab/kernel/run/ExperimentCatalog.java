package nnlab.kernel.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nnlab.kernel.Plugins;

/**
 * The experiments on the class path, found with {@link ServiceLoader}: the one list the app, the
 * command line, the benchmark and History share. A jar (or a test's class folder) that registers
 * an {@link Experiment} adds it everywhere without a change to NN Lab's code.
 */
public final class ExperimentCatalog {
    private ExperimentCatalog() { }

    /** Every experiment, in {@link Experiment#order()} (then id) order; the first of two with one id wins. */
    public static List<Experiment> all() {
        List<Experiment> found = new ArrayList<>();
        Map<String, Experiment> byId = new HashMap<>();
        for (Experiment e : Plugins.load(Experiment.class)) {
            Experiment earlier = byId.putIfAbsent(e.id(), e);
            if (earlier != null) {
                System.err.println("nnlab: two experiments have the id '" + e.id() + "' (" + earlier.getClass().getName()
                        + ", " + e.getClass().getName() + "); keeping the first");
                continue;
            }
            found.add(e);
        }
        found.sort(Comparator.comparingInt(Experiment::order).thenComparing(Experiment::id));
        return List.copyOf(found);
    }

    public static Optional<Experiment> byId(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
