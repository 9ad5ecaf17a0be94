package nnlab.rotation;

import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import static nnlab.rotation.RotationSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.ReferenceLine;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.train.BatchResult;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.Scores;
import nnlab.kernel.train.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The rotation study (spec §2): model A trains on upright images, model B on images turned by a
 * fresh random angle each time; both are tested on the test set turned by 0°, step, …, 360°.
 *
 * <p>Events (no Phases, so the live charts keep both models): points of {@link #LOSS_CHART}
 * (training loss of A and B vs epoch) and {@link #ACCURACY_CHART} (test accuracy vs angle, filled
 * in as each model is evaluated), and the declared figures and table; the two saved-only figures
 * are the live charts' twins for the run folder and the command line.
 */
public final class RotationExperiment implements Experiment, nnlab.kernel.shard.Sharded {
    public static final String ID = "rotation";
    public static final ViewSpec SAMPLES_FIGURE = ViewSpec.figure("samples", "Data samples");
    public static final ViewSpec LOSS_CHART = ViewSpec.chart("loss", "Training loss", "epoch", "cross-entropy");
    public static final ViewSpec ACCURACY_CHART =
            ViewSpec.chart("accuracy", "Accuracy vs angle", "angle (°, counter-clockwise)", "test accuracy (%)").withPercentAxis()
                    .asKeyResult();
    public static final ViewSpec STRIP_FIGURE = ViewSpec.figure("rotation-strip", "Rotation strip");
    public static final ViewSpec CLASS_TABLE = ViewSpec.table("per-class", "Per-class test accuracy");
    public static final ViewSpec ACCURACY_FIGURE = ViewSpec.figure("accuracy-vs-angle", "Test accuracy vs rotation angle").savedOnly();
    public static final ViewSpec LOSS_FIGURE = ViewSpec.figure("loss-curves", "Training loss").savedOnly();
    public static final String SERIES_A = "A: plain";
    public static final String SERIES_B = "B: rotation-augmented";

    private final ConfigSchema schema = RotationSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "Rotation robustness"; }

    @Override
    public String description() {
        return "CNNs are not rotation invariant: accuracy vs test-image rotation for a plain model and one trained with random rotations.";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 20; }

    /** The curves first (the answer is above the fold), then the strip and table, the samples last; chance as the data source has classes. */
    @Override
    public List<ViewSpec> views(Config config) {
        int classes = expectedClasses(config.getString(DATA));
        return List.of(LOSS_CHART.withReferences(List.of(ReferenceLine.uniformLoss(classes))),
                ACCURACY_CHART.withReferences(List.of(ReferenceLine.chancePercent(classes))), STRIP_FIGURE, CLASS_TABLE, SAMPLES_FIGURE,
                ACCURACY_FIGURE, LOSS_FIGURE);
    }

    /** The classes a source holds (the synthetic shapes 8, the others 10); "auto" finds Fashion-MNIST or MNIST here, 10 either way. */
    static int expectedClasses(String source) {
        return DataSources.SYNTHETIC.equals(source) ? nnlab.datasets.SyntheticShapes.CLASSES.size() : 10;
    }

    @Override
    public String howToRead() {
        return RotationReading.TEXT;
    }

    /** Both models share one architecture (B differs only in its training images): one summary, for the data's image size. */
    @Override
    public List<nnlab.kernel.run.ModelSummary> models(Config c) {
        ImageSet probe;
        try {
            probe = load(c.with(TRAIN_SIZE, 20).with(TEST_SIZE, 1).with(STRIP_IMAGE, 0)).train();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        MultiLayerNetwork net = RotationNet.build(probe.channels(), probe.height(), probe.width(), probe.classes(), c.getDouble(LR), 1);
        nnlab.kernel.run.ModelSummary m = nnlab.kernel.train.ModelSummaries.of("Models A and B", net,
                org.deeplearning4j.nn.conf.inputs.InputType.convolutional(probe.height(), probe.width(), probe.channels()));
        return List.of(new nnlab.kernel.run.ModelSummary(m.name(), m.layers(), "One architecture for both (B differs only in its "
                + "training images), for " + probe.name() + ": " + probe.channels() + " × " + probe.height() + " × " + probe.width() + " images."));
    }

    public static DataSources.Loaded load(Config c) throws java.io.IOException {
        return DataSources.load(c.getString(DATA), c.getString(DATA_DIR), c.getInt(TRAIN_SIZE), c.getInt(TEST_SIZE), c.getInt(SEED));
    }

    /** A few training images of every class, so the user sees what the data source holds. */
    public static ImageGridFigure samples(ImageSet set, int perClass) {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        for (int cls = 0; cls < set.classes(); cls++) {
            int shown = 0;
            for (int i = 0; i < set.size() && shown < perClass; i++) {
                if (set.labels()[i] != cls) continue;
                tiles.add(new ImageGridFigure.Tile(set.classNames().get(cls), set.width(), set.height(), set.argb(i)));
                shown++;
            }
        }
        return new ImageGridFigure("Samples: " + set.name(), perClass * ((set.classes() + 1) / 2), tiles);
    }

    /** What one model produced. */
    static final class ModelResult {
        final String label;
        final List<Double> epochLoss = new ArrayList<>();
        final List<Double> epochSeconds = new ArrayList<>();
        final Map<Integer, int[]> predictions = new LinkedHashMap<>();
        private final int[] labels;

        ModelResult(String label, int[] labels) {
            this.label = label;
            this.labels = labels;
        }

        double curveValue(int angle) {
            return RotationStudy.accuracy(predictions.get(angle), labels);
        }

        double secondsPerEpoch() {
            return epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    @Override
    public RotationSummary run(Config c, RunContext ctx) throws Exception {
        return run(c, ctx, nnlab.kernel.shard.UnitPlan.all());
    }

    /** Model A and model B (see {@link RotationUnits}). */
    @Override
    public List<nnlab.kernel.shard.WorkUnit> units(Config c) {
        return RotationUnits.units(c);
    }

    @Override
    public RotationSummary run(Config c, RunContext ctx, nnlab.kernel.shard.UnitPlan plan) throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        ctx.progress(0, "loading data");
        DataSources.Loaded data = load(c);
        ImageSet train = data.train();
        ImageSet test = data.test();
        if (c.getInt(STRIP_IMAGE) >= test.size()) {
            throw new nnlab.kernel.config.SettingException(STRIP_IMAGE, "Strip test image # (strip-image) must be below the "
                    + test.size() + " test images, got " + c.getInt(STRIP_IMAGE));
        }
        String usedMessage = String.format(Locale.ROOT, "data: %s (%s), %d training and %d test images of %d×%d×%d, %d classes",
                data.source(), data.location(), train.size(), test.size(), train.channels(), train.height(), train.width(), train.classes());
        ctx.log(usedMessage);
        ctx.figure(SAMPLES_FIGURE, samples(train, 2));

        int epochs = c.getInt(EPOCHS);
        int batch = c.getInt(BATCH_SIZE);
        int[] angles = RotationSettings.angles(c.getInt(ANGLE_STEP));
        int classAngle = c.getInt(CLASS_ANGLE);
        List<Integer> evalAngles = new ArrayList<>();
        for (int a : angles) evalAngles.add(a);
        if (!evalAngles.contains(classAngle)) evalAngles.add(classAngle);

        // Work in "image passes": an evaluated image costs about a third of a trained one (forward only).
        double total = 2.0 * epochs * train.size() + 2.0 * evalAngles.size() * test.size() / 3.0;
        RunProgress progress = new RunProgress(ctx, total);
        LineFigure.Builder lossCurves = new LineFigure.Builder();
        List<ModelResult> results = new ArrayList<>();
        long seed = c.getInt(SEED);

        for (boolean augment : new boolean[] {false, true}) {
            String unit = RotationUnits.id(augment);
            if (plan.skips(unit)) continue;
            String series = augment ? SERIES_B : SERIES_A;
            String tag = augment ? "model B" : "model A";
            ModelResult r = new ModelResult(series, test.labels());
            results.add(r);
            if (plan.replayed(unit) != null) {
                RotationUnits.replay(plan.replayed(unit), r, lossCurves, ctx);
                ctx.figure(LOSS_FIGURE, lossCurves.build("Training loss", "epoch", "cross-entropy", false)
                        .withReferences(List.of(ReferenceLine.uniformLoss(train.classes()))).withSubtitle(subtitle(c, data)));
                publish(ctx, c, data, angles, classAngle, results);
                continue;
            }
            List<double[]> points = RotationUnits.points();
            List<Map<String, Object>> rows = new ArrayList<>();
            // Logs, not Phases: a Phase would clear the live charts, which show both models together.
            ctx.log("training " + tag + (augment ? " (random rotations)" : " (upright images)"));
            MultiLayerNetwork net = RotationNet.build(train.channels(), train.height(), train.width(), train.classes(), c.getDouble(LR), seed);
            RotationStudy.train(net, train, epochs, batch, augment, seed, "at " + tag, new TrainingListener<>() {
                // The loss curve shows the mean over about a tenth of an epoch, so it stays readable.
                private double windowSum;
                private int window;

                @Override
                public void batchDone(BatchResult b) {
                    windowSum += b.loss();
                    window++;
                    if (window == Math.max(1, b.batches() / 10) || b.last()) {
                        double x = b.epoch() - 1 + (double) b.batch() / b.batches();
                        double loss = windowSum / window;
                        ctx.metric(LOSS_CHART, series, x, loss);
                        lossCurves.add(series, x, loss);
                        points.add(new double[] {x, loss});
                        windowSum = 0;
                        window = 0;
                    }
                }

                @Override
                public String batchMessage(BatchResult b) {
                    // After an epoch's last batch the next epoch is under way.
                    return String.format(Locale.ROOT, "training %s: epoch %d of %d", tag, b.last() ? Math.min(epochs, b.epoch() + 1) : b.epoch(),
                            epochs);
                }

                @Override
                public void epochDone(EpochResult<Scores> e) {
                    int epoch = e.epoch();
                    double loss = e.trainLoss();
                    double seconds = e.seconds();
                    r.epochLoss.add(loss);
                    r.epochSeconds.add(seconds);
                    ctx.log(String.format(Locale.ROOT, "%s, epoch %d: train loss %.4f (%.1f s/epoch)", tag, epoch, loss, seconds));
                    ctx.figure(LOSS_FIGURE, lossCurves.build("Training loss", "epoch", "cross-entropy", false)
                            .withReferences(List.of(ReferenceLine.uniformLoss(train.classes()))).withSubtitle(subtitle(c, data)));
                    rows.add(metricsRow(tag, epoch, Double.NaN, loss, Double.NaN, seconds));
                    ctx.recordMetrics(rows.get(rows.size() - 1));
                }
            }, ctx::checkCancelled, progress);

            ctx.log("testing " + tag + " at " + evalAngles.size() + " angles");
            for (int angle : evalAngles) {
                // A full turn is exactly the identity (Rotation uses exact cos/sin there): reuse 0°.
                int[] pred = angle % 360 == 0 && r.predictions.containsKey(0) ? r.predictions.get(0)
                        : RotationStudy.predict(net, test, angle, ctx::checkCancelled);
                r.predictions.put(angle, pred);
                double acc = RotationStudy.accuracy(pred, test.labels());
                progress.advance(test.size() / 3.0, String.format(Locale.ROOT, "%s at %d°: %.1f %%", tag, angle, acc));
                if (angle <= 360 && contains(angles, angle)) {
                    ctx.metric(ACCURACY_CHART, series, angle, acc);
                    rows.add(metricsRow(tag, Double.NaN, angle, Double.NaN, acc, Double.NaN));
                    ctx.recordMetrics(rows.get(rows.size() - 1));
                }
            }
            StringBuilder line = new StringBuilder(tag + " test accuracy (%) by angle:");
            for (int angle : angles) line.append(String.format(Locale.ROOT, " %d°=%.1f", angle, r.curveValue(angle)));
            ctx.log(line.toString());
            plan.record(unit, RotationUnits.result(r, points, rows));
            publish(ctx, c, data, angles, classAngle, results);
        }
        ctx.progress(1, "done");
        return summary(c, data, angles, classAngle, results);
    }

    private static void publish(RunContext ctx, Config c, DataSources.Loaded data, int[] angles, int classAngle, List<ModelResult> results) {
        ctx.figure(ACCURACY_FIGURE, accuracyFigure(results, angles, data.source()).withSubtitle(subtitle(c, data))
                .withReferences(List.of(ReferenceLine.chancePercent(data.test().classes()))));
        ctx.figure(STRIP_FIGURE, strip(data.test(), c.getInt(STRIP_IMAGE), angles, results));
        publishClassTable(ctx, data.test(), classAngle, results);
    }

    /** What a shared figure must say to be judged: data, sizes, epochs. */
    static String subtitle(Config c, DataSources.Loaded data) {
        return String.format(Locale.ROOT, "%s · %d training, %d test images · %d epochs · seed %d", data.source(), data.train().size(),
                data.test().size(), c.getInt(EPOCHS), c.getInt(SEED));
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    private static Map<String, Object> metricsRow(String model, double epoch, double angle, double loss, double acc, double seconds) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", model);
        row.put("epoch", Double.isNaN(epoch) ? "" : (int) epoch);
        row.put("angle", Double.isNaN(angle) ? "" : (int) angle);
        row.put("train_loss", Double.isNaN(loss) ? "" : loss);
        row.put("test_acc", Double.isNaN(acc) ? "" : acc);
        row.put("seconds", Double.isNaN(seconds) ? "" : seconds);
        return row;
    }

    private static LineFigure accuracyFigure(List<ModelResult> results, int[] angles, String source) {
        List<LineFigure.Series> series = new ArrayList<>();
        double[] x = new double[angles.length];
        for (int i = 0; i < angles.length; i++) x[i] = angles[i];
        for (ModelResult r : results) {
            double[] y = new double[angles.length];
            for (int i = 0; i < angles.length; i++) y[i] = r.curveValue(angles[i]);
            series.add(new LineFigure.Series(r.label, x, y));
        }
        return new LineFigure("Test accuracy vs rotation angle (" + source + ")", "rotation angle (°, counter-clockwise)",
                "test accuracy (%)", series, false).withPercentAxis();
    }

    /** At most this many angles per row, so the strip's captions stay readable at 100 % in a panel's card. */
    static final int STRIP_COLUMNS = 7;

    /**
     * The chosen test image at every angle; a row of captioned tiles per model. More than
     * {@link #STRIP_COLUMNS} angles wrap into further row pairs (A, B, A, B …), the last padded
     * with (one-pixel) blank tiles so every column keeps one angle.
     */
    private static ImageGridFigure strip(ImageSet test, int index, int[] angles, List<ModelResult> results) {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        var image = test.features(new int[] {index});
        int truth = test.labels()[index];
        int chunks = (angles.length + STRIP_COLUMNS - 1) / STRIP_COLUMNS;
        int columns = (angles.length + chunks - 1) / chunks;
        // A one-pixel white tile: the renderer frames every tile, and a full-size blank one looked like a missing image.
        int[] blank = {0xFFFFFFFF};
        for (int from = 0; from < angles.length; from += columns) {
            for (ModelResult r : results) {
                String model = r.label.substring(0, 1);
                for (int a = from; a < from + columns; a++) {
                    if (a >= angles.length) {
                        tiles.add(new ImageGridFigure.Tile("", 1, 1, blank));
                        continue;
                    }
                    int angle = angles[a];
                    int p = r.predictions.get(angle)[index];
                    String caption = angle + "° " + model + ": " + test.classNames().get(p) + (p == truth ? "" : " ✗");
                    int[] argb = ImageSet.argb(Rotation.rotate(image, angle).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)));
                    tiles.add(new ImageGridFigure.Tile(caption, test.width(), test.height(), argb));
                }
            }
        }
        return new ImageGridFigure("Test image #" + index + " (true class: " + test.classNames().get(truth)
                + ") turned by each angle; a row per model, ✗ = wrong", columns, tiles);
    }

    private static void publishClassTable(RunContext ctx, ImageSet test, int angle, List<ModelResult> results) {
        List<String> columns = new ArrayList<>(List.of("Class", "Test images"));
        List<double[]> perModel = new ArrayList<>();
        for (ModelResult r : results) {
            columns.add(r.label + " — acc % at " + angle + "°");
            perModel.add(RotationStudy.perClassAccuracy(r.predictions.get(angle), test.labels(), test.classes()));
        }
        int[] counts = new int[test.classes()];
        for (int l : test.labels()) counts[l]++;
        List<List<String>> rows = new ArrayList<>();
        for (int cls = 0; cls < test.classes(); cls++) {
            List<String> row = new ArrayList<>(List.of(test.classNames().get(cls), String.valueOf(counts[cls])));
            for (double[] acc : perModel) row.add(Double.isNaN(acc[cls]) ? "–" : String.format(Locale.ROOT, "%.1f", acc[cls]));
            rows.add(row);
        }
        ctx.table(CLASS_TABLE, "Per-class test accuracy at " + angle + "°", columns, rows, Map.of());
    }

    static RotationSummary summary(Config c, DataSources.Loaded data, int[] angles, int classAngle, List<ModelResult> results) {
        List<Integer> a = new ArrayList<>();
        for (int v : angles) a.add(v);
        Map<String, RotationSummary.Model> models = new LinkedHashMap<>();
        for (ModelResult r : results) {
            List<Double> acc = new ArrayList<>();
            for (int v : angles) acc.add(r.curveValue(v));
            double max = acc.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double min = acc.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double[] perClass = RotationStudy.perClassAccuracy(r.predictions.get(classAngle), data.test().labels(), data.test().classes());
            Map<String, Double> pc = new LinkedHashMap<>();
            for (int cls = 0; cls < perClass.length; cls++) pc.put(data.test().classNames().get(cls), Double.isNaN(perClass[cls]) ? null : perClass[cls]);
            models.put(r.label.startsWith("A") ? "A" : "B", new RotationSummary.Model(acc, max - min, List.copyOf(r.epochLoss),
                    r.secondsPerEpoch(), pc));
        }
        return new RotationSummary(ID, data.source(), data.location(), data.train().size(), data.test().size(), c.getInt(EPOCHS), a,
                classAngle, data.test().classNames(), models);
    }
}
