package nnlab.kernel.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.store.RunLogFile;
import nnlab.kernel.store.RunRecorder;
import nnlab.kernel.store.RunStore;

/**
 * Executes runs on a fixed pool of background threads. Queued runs wait in order and are
 * visible through {@link #runs()}; every run ends in a final status, whatever the experiment
 * throws.
 */
public final class RunEngine implements AutoCloseable {
    private final ExecutorService executor;
    private final RunStore store;
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<Consumer<Run>> engineListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean backgroundPriority;
    private volatile Set<FigureFormat> figureFormats = EnumSet.of(FigureFormat.PNG);

    /** How many of the latest finished runs keep their event history in memory. */
    static final int FINISHED_RUNS_WITH_HISTORY = 10;

    /**
     * @param workers how many runs may train at once (ND4J already uses every core for one run,
     *                so 1 is the sensible default on a laptop)
     * @param store   where runs are saved, or null to keep them in memory only
     */
    public RunEngine(int workers, RunStore store) {
        this.store = store;
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nnlab-run-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public RunStore store() { return store; }

    /**
     * Trains below the priority of everything else in this process (the app turns this on so the
     * window stays responsive; the command line leaves runs at normal priority).
     */
    public void setBackgroundPriority(boolean background) {
        this.backgroundPriority = background;
    }

    /** The formats saved figures are written in (PNG unless told otherwise; the CLI's --format). */
    public void setFigureFormats(Set<FigureFormat> formats) {
        if (formats.isEmpty()) throw new IllegalArgumentException("figures need at least one format");
        this.figureFormats = Set.copyOf(formats);
    }

    /** Called on every status change of any run (from the thread that changed it). */
    public void addEngineListener(Consumer<Run> listener) {
        engineListeners.add(listener);
    }

    public List<Run> runs() {
        return new ArrayList<>(runs);
    }

    /** Queues a run; the config must already be valid for the experiment. */
    public Run submit(Experiment experiment, Config config) {
        return submit(experiment, config, List.of());
    }

    /** Queues a run that also writes its files to the given extra folders (e.g. the CLI's --out). */
    public Run submit(Experiment experiment, Config config, List<Path> extraFolders) {
        return submit(experiment, config, extraFolders, null);
    }

    /** What a run does instead of its experiment's own {@code run} (e.g. one shard of its work units, or a merge's replay). */
    @FunctionalInterface
    public interface Body {
        RunSummary run(Config config, RunContext context) throws Exception;
    }

    /** Queues a run saved as the experiment's (its id, views and folder) whose work is {@code body}, or the experiment's own when null. */
    public Run submit(Experiment experiment, Config config, List<Path> extraFolders, Body body) {
        Run run = new Run(experiment.id() + "-" + counter.incrementAndGet(), experiment, config);
        runs.add(run);
        run.subscribe(e -> {
            if (e instanceof RunEvent.Status) engineListeners.forEach(l -> l.accept(run));
        });
        engineListeners.forEach(l -> l.accept(run));
        executor.execute(() -> execute(run, extraFolders, body));
        return run;
    }

    private void execute(Run run, List<Path> extraFolders, Body body) {
        if (backgroundPriority) nnlab.kernel.BackgroundPriority.lowerCurrentThread();
        try {
            executeAndSave(run, extraFolders, body);
        } catch (Throwable e) {
            // A bug or an Error (e.g. out of memory) outside the experiment: the run must still end.
            e.printStackTrace();
            if (!run.status().isFinal()) run.setStatus(RunStatus.FAILED, "failed: internal error: " + describe(e));
        } finally {
            releaseOldHistories();
        }
    }

    private void executeAndSave(Run run, List<Path> extraFolders, Body body) {
        if (run.isCancelRequested()) {
            run.setStatus(RunStatus.CANCELLED, "cancelled before it started");
            return;
        }
        DeclaredViews views;
        try {
            views = new DeclaredViews(run.experiment(), run.config());
        } catch (RuntimeException e) {
            run.setStatus(RunStatus.FAILED, "failed: " + describe(e));
            return;
        }
        RunRecorder recorder;
        try {
            recorder = RunRecorder.open(store, run.experiment().id(), run.config(), extraFolders);
            recorder.setFigureFormats(figureFormats);
        } catch (Exception e) {
            run.setStatus(RunStatus.FAILED, "could not create the run folder: " + describe(e));
            return;
        }
        run.setFolder(recorder.primaryFolder());
        RunLogFile logFile = RunLogFile.open(recorder.primaryFolder());
        // The run folder gets exactly the views declared as saved, and run.log every log line.
        Consumer<RunEvent> recording = event -> {
            if (views.isSaved(event)) recorder.onEvent(event);
            if (event instanceof RunEvent.Log l) logFile.line(l.line());
        };
        RunStatus finalStatus;
        String message;
        try {
            Context context = new Context(run, recorder, views);
            run.subscribe(recording);
            run.setStatus(RunStatus.RUNNING, "running");
            RunSummary summary = null;
            try {
                summary = body == null ? run.experiment().run(run.config(), context) : body.run(run.config(), context);
                finalStatus = RunStatus.FINISHED;
                message = "finished in " + formatSeconds((System.nanoTime() - context.startNanos) / 1e9);
            } catch (RunCancelledException e) {
                finalStatus = RunStatus.CANCELLED;
                message = "cancelled";
            } catch (DivergedException e) {
                finalStatus = RunStatus.DIVERGED;
                message = e.getMessage();
            } catch (Throwable e) {
                finalStatus = RunStatus.FAILED;
                message = "failed: " + describe(e);
                logFile.line("failed: " + describe(e));
                logFile.trace(e);
                // A failed write or bad input is explained by its message; anything else may be a bug worth its trace.
                if (context.storageFailure == null && !RunFailures.isExpected(e)) e.printStackTrace();
            }
            if (finalStatus == RunStatus.FINISHED) {
                run.setSummary(summary);
                String headline = headline(summary);
                run.setHeadline(headline);
                recorder.setHeadline(headline);
                try {
                    recorder.writeSummary(summary);
                } catch (IOException e) {
                    finalStatus = RunStatus.FAILED;
                    message = e.getMessage(); // already "could not write summary.json in …: cause"
                }
            }
            // The experiment may have caught the exception and carried on; the files are incomplete all the same.
            if (context.storageFailure != null) {
                finalStatus = RunStatus.FAILED;
                message = context.storageFailure.getMessage();
            }
            try {
                recorder.finish(finalStatus, message);
            } catch (Exception e) {
                if (finalStatus == RunStatus.FINISHED) {
                    finalStatus = RunStatus.FAILED;
                    message = "could not save the run: " + describe(e);
                } else {
                    message = message + " (and could not save the run: " + describe(e) + ")";
                }
                try {
                    recorder.writeRunInfo(finalStatus, message);
                } catch (Exception ignored) {
                    // the folder is unwritable; the status in the app and on the command line still says why
                }
            }
        } finally {
            run.unsubscribe(recording);
            recorder.close();
        }
        logFile.line("[" + finalStatus.label() + "] " + message);
        logFile.close();
        run.setStatus(finalStatus, message);
    }

    private static String headline(RunSummary summary) {
        if (summary == null) return "";
        try {
            String h = summary.headline();
            return h == null ? "" : h;
        } catch (RuntimeException e) {
            return ""; // a headline is a nicety; it must never fail a finished run
        }
    }

    private static String describe(Throwable e) {
        return RunFailures.describe(e);
    }

    /**
     * A finished run's events (every metric point, the last figures) stay in memory for panels
     * that replay it; beyond the last {@link #FINISHED_RUNS_WITH_HISTORY} finished runs they are
     * dropped, so a long session does not grow without bound. The Run objects stay (a few
     * hundred bytes each) for the queue counts.
     */
    private void releaseOldHistories() {
        int kept = 0;
        for (int i = runs.size() - 1; i >= 0; i--) {
            Run r = runs.get(i);
            if (!r.status().isFinal()) continue;
            if (kept < FINISHED_RUNS_WITH_HISTORY) {
                kept++;
            } else {
                r.releaseHistory();
            }
        }
    }

    public static String formatSeconds(double s) {
        if (!Double.isFinite(s)) return "–";
        long total = Math.round(s);
        if (total < 60) return total + " s";
        if (total < 3600) return String.format("%d:%02d min", total / 60, total % 60);
        return String.format("%d:%02d h", total / 3600, (total % 3600) / 60);
    }

    /** Cancels everything and stops the workers. */
    @Override
    public void close() {
        runs.forEach(Run::cancel);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Context implements RunContext {
        private final Run run;
        private final RunRecorder recorder;
        final long startNanos = System.nanoTime();
        private final EtaEstimator eta = new EtaEstimator();
        /** The first metrics.csv write that failed; it fails the run even if the experiment swallows it. */
        volatile IOException storageFailure;

        private final DeclaredViews views;

        Context(Run run, RunRecorder recorder, DeclaredViews views) {
            this.run = run;
            this.recorder = recorder;
            this.views = views;
        }

        @Override
        public void emit(RunEvent event) {
            views.check(event);
            run.emit(event);
        }

        @Override public boolean isCancelled() { return run.isCancelRequested(); }

        @Override public java.util.Optional<Path> folder() { return java.util.Optional.ofNullable(recorder.primaryFolder()); }

        @Override
        public void progress(double fraction, String message) {
            double f = Math.max(0, Math.min(1, fraction));
            emit(new RunEvent.Progress(f, eta.update(f), message));
        }

        @Override
        public void recordMetrics(Map<String, Object> row) {
            try {
                recorder.appendMetrics(row);
            } catch (IOException e) {
                if (storageFailure == null) storageFailure = e;
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }
}
