package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.SettingsFiles;

/**
 * The headless command line. Exit codes: 0 finished, 1 the run failed, diverged or was
 * cancelled, 2 bad usage (unknown option, bad value), with a message naming it.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    private Cli() { }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            printUsage(out);
            return OK;
        }
        switch (args[0]) {
            case "list":
                for (Experiment e : ExperimentCatalog.all()) {
                    out.printf(Locale.ROOT, "%-14s %s — %s%n", e.id(), e.title(), e.description());
                }
                return OK;
            case "run":
                return runExperiment(List.of(args).subList(1, args.length), out, err);
            case "bench":
                return nnlab.bench.BenchCommand.run(List.of(args).subList(1, args.length), out, err);
            default:
                err.println("nnlab: unknown command '" + args[0] + "' (expected list, run or bench; see --help)");
                return USAGE;
        }
    }

    private static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }

    private static void printUsage(PrintStream out) {
        out.println("NN Lab — classic deep-learning experiments, live.");
        out.println();
        out.println("usage:");
        out.println("  java -jar nnlab.jar                      open the app");
        out.println("  java -jar nnlab.jar list                 list the experiments");
        out.println("  java -jar nnlab.jar run ID [--settings FILE] [--SETTING VALUE ...] [--out DIR] [--runs-dir DIR]");
        out.println("  java -jar nnlab.jar run ID --help        the settings of one experiment, with defaults");
        out.println("  java -jar nnlab.jar bench [--quick] [--out DIR]   measure training speed (writes DIR/bench.json)");
        out.println();
        out.println("--settings FILE starts from a saved settings file (a run's config.json works too);");
        out.println("options given on the command line override it.");
        out.println("Every run is also saved under the runs folder (" + RunStore.defaultStore().root() + ";");
        out.println("change it with --runs-dir, -Dnnlab.runs.dir or $NNLAB_RUNS_DIR).");
    }

    private static int runExperiment(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("nnlab run: name an experiment (one of " + ids() + ")");
            return USAGE;
        }
        Optional<Experiment> found = ExperimentCatalog.byId(args.get(0));
        if (found.isEmpty()) {
            err.println("nnlab run: unknown experiment '" + args.get(0) + "' (one of " + ids() + ")");
            return USAGE;
        }
        Experiment experiment = found.get();
        Map<String, String> texts = new LinkedHashMap<>();
        Path outDir = null;
        Path settingsFile = null;
        RunStore store = RunStore.defaultStore();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (isHelp(a)) {
                printSettings(experiment, out);
                return OK;
            }
            if (!a.startsWith("--")) {
                err.println("nnlab run " + experiment.id() + ": unexpected argument '" + a + "' (options start with --)");
                return USAGE;
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                err.println("nnlab run " + experiment.id() + ": option --" + key + " needs a value");
                return USAGE;
            }
            if (key.equals("out")) {
                outDir = Paths.get(value);
            } else if (key.equals("settings")) {
                settingsFile = Paths.get(value);
            } else if (key.equals("runs-dir")) {
                store = new RunStore(Paths.get(value));
            } else if (!experiment.schema().has(key)) {
                err.println("nnlab run " + experiment.id() + ": unknown option --" + key + " (see run " + experiment.id() + " --help)");
                return USAGE;
            } else {
                texts.put(key, value);
            }
        }
        String prefix = "nnlab run " + experiment.id() + ": ";
        Config base = null;
        if (settingsFile != null) {
            try {
                base = SettingsFiles.read(settingsFile, experiment.id(), experiment.schema());
            } catch (IOException e) {
                err.println(prefix + "--settings: " + e.getMessage());
                return USAGE;
            } catch (ConfigException e) {
                for (var p : e.problems()) err.println(prefix + "settings file " + settingsFile + ": " + p.key() + ": " + p.getMessage());
                return USAGE;
            }
        }
        Config config;
        try {
            config = base == null ? experiment.schema().fromText(texts) : override(base, texts);
        } catch (ConfigException e) {
            for (var p : e.problems()) err.println(prefix + "--" + p.key() + ": " + p.getMessage());
            return USAGE;
        }
        return execute(experiment, config, outDir, store, err);
    }

    /** The file's settings with the command-line options on top; every bad option reported at once. */
    private static Config override(Config base, Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        List<SettingException> problems = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            try {
                values.put(t.getKey(), base.schema().setting(t.getKey()).parse(t.getValue()));
            } catch (SettingException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return base.schema().fromValues(values);
    }

    private static int execute(Experiment experiment, Config config, Path outDir, RunStore store, PrintStream err) {
        NativeSetup.initNow();
        try (RunEngine engine = new RunEngine(1, store)) {
            Run run = engine.submit(experiment, config, outDir == null ? List.of() : List.of(outDir));
            ProgressPrinter printer = new ProgressPrinter(err);
            run.subscribe(printer);
            try {
                while (!run.await(1, TimeUnit.SECONDS)) {
                    // waiting; progress is printed by the listener
                }
            } catch (InterruptedException e) {
                run.cancel();
                Thread.currentThread().interrupt();
            }
            err.println("[" + run.status().label() + "] " + run.statusMessage());
            if (run.folder() != null) err.println("saved in " + run.folder());
            if (outDir != null) err.println("written to " + outDir.toAbsolutePath());
            return run.status() == RunStatus.FINISHED ? OK : RUN_FAILED;
        }
    }

    private static void printSettings(Experiment e, PrintStream out) {
        out.println("nnlab run " + e.id() + " — " + e.title());
        out.println(e.description());
        out.println();
        String group = null;
        for (Setting s : e.schema().settings()) {
            if (!s.group().equals(group)) {
                group = s.group();
                out.println(group + ":");
            }
            out.printf(Locale.ROOT, "  --%-22s %s (default: %s)%n", s.key() + " VALUE", s.label(), s.format(s.defaultValue()));
            if (!s.help().isEmpty()) out.println("      " + s.help());
            out.println("      allowed: " + s.allowedDescription());
        }
        out.println();
        out.println("  --settings FILE            start from a settings file (or a run's config.json); options override it");
        out.println("  --out DIR                  also write config.json, metrics.csv, summary.json and figures to DIR");
        out.println("  --runs-dir DIR             the runs folder (default " + RunStore.defaultStore().root() + ")");
    }

    private static String ids() {
        List<String> ids = new ArrayList<>();
        for (Experiment e : ExperimentCatalog.all()) ids.add(e.id());
        return String.join(", ", ids);
    }

    /** Prints log lines as they come and progress at most once a second, to stderr. */
    private static final class ProgressPrinter implements java.util.function.Consumer<RunEvent> {
        private final PrintStream err;
        private long lastPrint;

        ProgressPrinter(PrintStream err) {
            this.err = err;
        }

        @Override
        public void accept(RunEvent event) {
            if (event instanceof RunEvent.Log) {
                err.println(((RunEvent.Log) event).line());
            } else if (event instanceof RunEvent.Phase) {
                err.println("== " + ((RunEvent.Phase) event).title());
            } else if (event instanceof RunEvent.Progress) {
                RunEvent.Progress p = (RunEvent.Progress) event;
                long now = System.nanoTime();
                if (now - lastPrint > 1_000_000_000L || p.fraction() >= 1) {
                    lastPrint = now;
                    err.printf(Locale.ROOT, "%5.1f%%  ETA %-8s %s%n", 100 * p.fraction(), RunEngine.formatSeconds(p.etaSeconds()), p.message());
                }
            }
        }
    }
}
