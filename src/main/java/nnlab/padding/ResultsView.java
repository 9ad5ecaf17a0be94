package nnlab.padding;

import static nnlab.padding.PaddingSettings.DATA_SEED;
import static nnlab.padding.PaddingSettings.NET;
import static nnlab.padding.PaddingSettings.PADDING;
import static nnlab.padding.PaddingSettings.PUBLISHED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.RunEvent;

/**
 * The padding study's results table and bars. The table's title names the data protocol (and a
 * Data column tells the rows apart when a run has both); with "published" on, the published test
 * accuracy and the distance to it in published stds stand beside the run's own.
 */
final class ResultsView {
    static final String NET_COLUMN = "Net";
    static final String PADDING_COLUMN = "Padding";
    static final String DATA_COLUMN = "Data";
    static final String VAL_COLUMN = "Val acc % (mean ± std)";
    static final String TEST_COLUMN = "Test acc % (mean ± std)";
    static final String PUBLISHED_COLUMN = "Published test acc %";
    static final String DISTANCE_COLUMN = "Δ (published stds)";
    /**
     * Rounds train side by side, so the sum of their training times is not the time the variant
     * took on the clock; each cell's details say which it is (the run's wall time is History's
     * Duration). The header keeps its name: saved results.csv files and the golden runs use it.
     */
    static final String SECONDS_COLUMN = "Seconds";
    static final String SECONDS_DETAIL = "training seconds summed over this variant's rounds (they train side by side, "
            + "so this is not the time on the clock; the run's wall time is its Duration in History)";
    static final String ROUNDS_COLUMN = "Rounds";
    private static final String OPEN = "…";
    /** Validation accuracy (%) below which a variant is "not trained yet": within 10 points of chance. */
    static final double TRAINED_FROM = PaddingExperiment.CHANCE + 10;
    static final String NOT_TRAINED = "not trained yet";
    private static final String NOT_PUBLISHED = "—";

    private ResultsView() { }

    /** Every net × padding × protocol the settings name, in the study's order, with no rounds yet. */
    static List<VariantResult> variants(Config c) {
        List<VariantResult> variants = new ArrayList<>();
        for (String net : c.getStrings(NET)) {
            for (String p : c.getStrings(PADDING)) {
                for (DataProtocol protocol : DataProtocol.of(c)) variants.add(new VariantResult(net, PaddingMode.fromId(p), protocol));
            }
        }
        return variants;
    }

    static List<String> columns(Config c) {
        List<String> columns = new ArrayList<>(List.of(NET_COLUMN, PADDING_COLUMN));
        if (severalProtocols(c)) columns.add(DATA_COLUMN);
        columns.addAll(List.of(VAL_COLUMN, TEST_COLUMN));
        if (c.getBoolean(PUBLISHED)) columns.addAll(List.of(PUBLISHED_COLUMN, DISTANCE_COLUMN));
        columns.addAll(List.of(ROUNDS_COLUMN, "Epochs (mean)", SECONDS_COLUMN));
        return columns;
    }

    /** E.g. "Results · numpy draw, data seed 42 in every round: ± over model seeds". */
    static String title(Config c) {
        long seed = c.getInt(DATA_SEED);
        String draw = "Results · " + PaddingSettings.generator(c).id() + " draw, ";
        List<DataProtocol> protocols = DataProtocol.of(c);
        if (protocols.size() > 1) {
            return draw + "both data protocols (column " + DATA_COLUMN + "): " + DataProtocol.FIXED.describe(seed) + " in every round, or "
                    + DataProtocol.PER_ROUND.describe(seed);
        }
        return protocols.get(0) == DataProtocol.FIXED
                ? draw + DataProtocol.FIXED.describe(seed) + " in every round: ± over model seeds"
                : draw + DataProtocol.PER_ROUND.describe(seed) + ": ± over model and data seeds";
    }

    static RunEvent.Table table(Config c, String id, List<VariantResult> results) {
        List<String> columns = columns(c);
        long seed = c.getInt(DATA_SEED);
        boolean published = c.getBoolean(PUBLISHED);
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            VariantResult v = results.get(i);
            boolean open = v.rounds() == 0;
            List<String> row = new ArrayList<>(List.of(v.net, v.mode.id()));
            if (columns.contains(DATA_COLUMN)) row.add(v.protocol.describe(seed));
            row.add(open ? OPEN : pm(v.valMean(), v.valStd()) + (notTrained(v) ? " · " + NOT_TRAINED : ""));
            row.add(open ? OPEN : pm(v.testMean(), v.testStd()));
            if (published) {
                Optional<PublishedAccuracies.Accuracy> p = PublishedAccuracies.testAccuracy(v.net, v.mode);
                row.add(p.map(a -> String.format(Locale.ROOT, "%.2f ± %.2f", a.mean(), a.std())).orElse(NOT_PUBLISHED));
                row.add(p.map(a -> open ? OPEN : String.format(Locale.ROOT, "%+.1f", a.distance(v.testMean()))).orElse(NOT_PUBLISHED));
            }
            row.add(String.valueOf(v.rounds()));
            row.add(open ? "" : String.format(Locale.ROOT, "%.1f", v.epochsMean()));
            row.add(open ? "" : String.format(Locale.ROOT, "%.0f", v.seconds()));
            rows.add(row);
            if (open) continue;
            details.put(i + ":" + columns.indexOf(VAL_COLUMN), v.perRound(true));
            details.put(i + ":" + columns.indexOf(TEST_COLUMN), v.perRound(false));
            details.put(i + ":" + columns.indexOf(SECONDS_COLUMN), SECONDS_DETAIL);
        }
        return new RunEvent.Table(id, title(c), columns, rows, details);
    }

    /** True when a variant's validation accuracy ended near chance: its test accuracy says nothing yet. */
    static boolean notTrained(VariantResult v) {
        return v.rounds() > 0 && v.valMean() < TRAINED_FROM;
    }

    /**
     * Paddings along x; per net and protocol (named by the protocol only when the run has both) a
     * validation bar beside the test bar, then with "published" on one group per net the
     * write-up gives numbers for. Variants not trained yet are hatched.
     */
    static BarFigure bars(Config c, String title, List<VariantResult> results) {
        List<String> nets = c.getStrings(NET);
        List<String> paddings = c.getStrings(PADDING);
        List<DataProtocol> protocols = DataProtocol.of(c);
        long seed = c.getInt(DATA_SEED);
        List<String> groups = new ArrayList<>();
        for (String net : nets) {
            for (DataProtocol p : protocols) {
                String name = protocols.size() > 1 ? net + " · " + p.describe(seed) : net;
                groups.add(name + " · validation");
                groups.add(name + " · test");
            }
        }
        List<String> publishedNets = c.getBoolean(PUBLISHED) ? nets.stream().filter(n -> paddings.stream()
                .anyMatch(p -> PublishedAccuracies.testAccuracy(n, PaddingMode.fromId(p)).isPresent())).toList() : List.of();
        for (String net : publishedNets) groups.add(net + " · published");
        double[][] values = new double[groups.size()][paddings.size()];
        double[][] errors = new double[groups.size()][paddings.size()];
        boolean[][] flagged = new boolean[groups.size()][paddings.size()];
        for (VariantResult v : results) {
            int g = 2 * (nets.indexOf(v.net) * protocols.size() + protocols.indexOf(v.protocol));
            int k = paddings.indexOf(v.mode.id());
            boolean open = v.rounds() == 0;
            values[g][k] = open ? Double.NaN : v.valMean();
            errors[g][k] = open ? Double.NaN : v.valStd();
            values[g + 1][k] = open ? Double.NaN : v.testMean();
            errors[g + 1][k] = open ? Double.NaN : v.testStd();
            flagged[g][k] = notTrained(v);
            flagged[g + 1][k] = notTrained(v);
        }
        for (int i = 0; i < publishedNets.size(); i++) {
            int g = 2 * nets.size() * protocols.size() + i;
            for (int k = 0; k < paddings.size(); k++) {
                Optional<PublishedAccuracies.Accuracy> p = PublishedAccuracies.testAccuracy(publishedNets.get(i), PaddingMode.fromId(paddings.get(k)));
                values[g][k] = p.map(PublishedAccuracies.Accuracy::mean).orElse(Double.NaN);
                errors[g][k] = p.map(PublishedAccuracies.Accuracy::std).orElse(Double.NaN);
            }
        }
        return new BarFigure(title, "accuracy (%)", paddings, groups, values, errors, 0, 100).withXLabel("padding")
                .withSubtitle(subtitle(c)).withReferences(List.of(nnlab.kernel.figure.ReferenceLine.chancePercent(2)))
                .withFlagged(flagged);
    }

    /** The settings a reader needs to judge the bars, and what the extremes mean. */
    static String subtitle(Config c) {
        int rounds = c.getInt(PaddingSettings.ROUNDS);
        int epochs = c.getInt(PaddingSettings.EPOCHS);
        String settings = String.format(Locale.ROOT, "up to %d epoch%s (patience %d) · %d round%s · %d training images, %s draw, data seed %d",
                epochs, epochs == 1 ? "" : "s", c.getInt(PaddingSettings.PATIENCE), rounds, rounds == 1 ? "" : "s",
                c.getInt(PaddingSettings.TRAIN_SIZE), PaddingSettings.generator(c).id(), c.getInt(DATA_SEED));
        return settings + "\ntest 0 % = the net answers by height (top vs bottom), not by colour order\nhatched = " + NOT_TRAINED
                + " (validation < " + (int) TRAINED_FROM + " %): train longer before reading its test bar";
    }

    private static boolean severalProtocols(Config c) {
        return DataProtocol.of(c).size() > 1;
    }

    private static String pm(double mean, double std) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", mean, std);
    }
}
