package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.shard.ShardIndex;
import nnlab.kernel.shard.SweepGrid;
import nnlab.kernel.shard.SweepTable;
import nnlab.kernel.store.AtomicFiles;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code nnlab sweep ID --grid "lr=0.1,1.0 data-seed=1,2,3" --out DIR [SETTING...]}: one study per
 * grid point (DIR/point-NN), each through {@code nnlab run}, then sweep.csv with a row per point
 * and a figure per swept setting. With {@code --shard i/n} every point runs only its shard i (so
 * an array job spreads every point over its tasks); {@code --merge} then merges each point's parts.
 */
@Command(name = "sweep", sortOptions = false,
        description = "Runs a study once per point of a grid of settings and tabulates the results: sweep.csv (one row per "
                + "grid point, mean ± std over rounds or seeds) and one figure per swept setting in --out. Other "
                + "options are the study's settings, shared by every point.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The experiment, e.g. padding.")
    String id;

    @Option(names = "--grid", paramLabel = "GRID", description = "E.g. \"lr=0.1,1.0 data-seed=1,2,3\" (a list setting's alternatives "
            + "separated by '|'), or a JSON file of lists: {\"lr\": [0.1, 1.0]}.", required = true)
    String grid;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep's folder: one point-NN folder per grid point.")
    Path outDir;

    @Option(names = "--shard", paramLabel = "i/n|auto", description = "Run only shard i of n of every point (see run --shard).")
    String shard;

    @Option(names = "--merge", description = "Merge each point's parts (from earlier --shard runs), then tabulate.")
    boolean merge;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "The runs folder every point is saved in.")
    Path runsDir;

    @Unmatched
    List<String> settings = new ArrayList<>();

    private final List<Experiment> experiments;
    private final PrintStream out;
    private final PrintStream err;

    SweepCommand(List<Experiment> experiments, PrintStream out, PrintStream err) {
        this.experiments = experiments;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Experiment experiment = experiments.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        if (experiment == null) {
            err.println("nnlab sweep: unknown experiment '" + id + "' (one of " + RunCommand.ids(experiments) + ")");
            return Cli.USAGE;
        }
        SweepGrid sweep;
        try {
            sweep = Files.isRegularFile(Path.of(grid)) ? SweepGrid.read(Path.of(grid)) : SweepGrid.parse(grid);
        } catch (IOException | IllegalArgumentException e) {
            err.println("nnlab sweep: --grid: " + e.getMessage());
            return Cli.USAGE;
        }
        for (String key : sweep.axes().keySet()) {
            if (!experiment.schema().has(key)) {
                err.println("nnlab sweep: --grid: " + id + " has no setting '" + key + "' (see nnlab run " + id + " --help)");
                return Cli.USAGE;
            }
        }
        List<Map<String, String>> points = sweep.points();
        SweepTable table = new SweepTable(new ArrayList<>(sweep.axes().keySet()));
        for (int i = 0; i < points.size(); i++) {
            Path folder = outDir.resolve(SweepGrid.folderName(i, points.size()));
            err.println("== point " + (i + 1) + "/" + points.size() + ": " + points.get(i));
            int code = merge ? mergePoint(folder) : runPoint(points.get(i), folder);
            if (code != Cli.OK) return code;
            if (shard != null) continue;
            Path summary = (merge ? folder.resolve("merged") : folder).resolve("summary.json");
            try {
                table.add(points.get(i), Json.readMap(summary));
            } catch (IOException e) {
                err.println("nnlab sweep: cannot read " + summary + ": " + e.getMessage());
                return Cli.RUN_FAILED;
            }
        }
        if (shard != null) {
            err.println("shard " + shard + " of every point done; run the same sweep with --merge once every shard has");
            return Cli.OK;
        }
        return writeTable(experiment, sweep, points, table);
    }

    private int runPoint(Map<String, String> point, Path folder) {
        List<String> args = new ArrayList<>(List.of("run", id));
        args.addAll(settings);
        point.forEach((k, v) -> args.addAll(List.of("--" + k, v)));
        if (runsDir != null) args.addAll(List.of("--runs-dir", runsDir.toString()));
        Path target = folder;
        if (shard != null) {
            ShardIndex index;
            try {
                index = ShardIndex.parse(shard, System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("nnlab sweep: --shard: " + e.getMessage());
                return Cli.USAGE;
            }
            args.addAll(List.of("--shard", index.toString()));
            target = folder.resolve("part-" + index.index());
        }
        args.addAll(List.of("--out", target.toString()));
        return Cli.run(args.toArray(String[]::new), out, err);
    }

    private int mergePoint(Path folder) {
        List<String> args = new ArrayList<>(List.of("merge"));
        try (var files = Files.list(folder)) {
            files.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("part-")).sorted().forEach(p -> args.add(p.toString()));
        } catch (IOException e) {
            err.println("nnlab sweep: no parts in " + folder + ": " + e.getMessage());
            return Cli.USAGE;
        }
        args.addAll(List.of("--out", folder.resolve("merged").toString(), "--force"));
        if (runsDir != null) args.addAll(List.of("--runs-dir", runsDir.toString()));
        return Cli.run(args.toArray(String[]::new), out, err);
    }

    private int writeTable(Experiment experiment, SweepGrid sweep, List<Map<String, String>> points, SweepTable table) {
        try {
            AtomicFiles.writeString(outDir.resolve("sweep.csv"), Csv.table(table.columns(), table.rows()));
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("experiment", id);
            index.put("grid", sweep.axes());
            index.put("settings", settings);
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) list.add(Map.of("folder", SweepGrid.folderName(i, points.size()), "point", points.get(i)));
            index.put("points", list);
            Json.writeFile(outDir.resolve("sweep.json"), index);
            for (String setting : sweep.axes().keySet()) {
                if (table.plotted() == null) break;
                LineFigure figure = table.figure(setting, experiment.title());
                String name = "sweep-" + setting;
                FigureExporter.writePng(figure, outDir.resolve(name + ".png"), FigureExporter.RUN_FOLDER_PNG_SCALE);
                FigureExporter.writeCsv(figure, outDir.resolve(name + ".csv"));
            }
        } catch (IOException | RuntimeException e) {
            err.println("nnlab sweep: could not write the sweep table in " + outDir + ": " + e.getMessage());
            return Cli.RUN_FAILED;
        }
        out.println(String.join(" | ", table.columns()));
        for (List<String> row : table.rows()) out.println(String.join(" | ", row));
        err.println("sweep table: " + outDir.resolve("sweep.csv").toAbsolutePath());
        return Cli.OK;
    }
}
