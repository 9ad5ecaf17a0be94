package nnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ViewSpec;

/**
 * The files a run writes to {@code --out}, known before it starts from the views the experiment
 * declares, so that a folder holding an earlier run's files is refused up front (unless
 * {@code --force}) rather than after hours of training.
 */
final class OutFolder {
    private OutFolder() { }

    /** Every file name the run may write: the run's own files, and each saved view's. */
    static Set<String> fileNames(Experiment experiment, Config config, Set<FigureFormat> formats) {
        Set<String> names = new LinkedHashSet<>(List.of("config.json", "metrics.csv", "summary.json", "run.json"));
        for (ViewSpec v : experiment.views(config)) {
            if (!v.saved() || v.isChart()) continue;
            if (v.kind() == ViewSpec.Kind.FIGURE) {
                for (FigureFormat f : formats) names.add(f.fileName(v.id()));
            }
            names.add(v.id() + ".csv");
        }
        return names;
    }

    /** The names among {@code names} that already exist in {@code folder}, in the same order. */
    static List<String> existing(Path folder, Set<String> names) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) return found;
        for (String n : names) {
            if (Files.exists(folder.resolve(n))) found.add(n);
        }
        return found;
    }
}
