package nnlab.padding;

import java.util.Map;
import java.util.Optional;

/**
 * The published test accuracies of the padding study (course write-up; issue #22): 10 rounds,
 * numpy's draw with data seed 42, the spec's defaults. Only the variants the write-up gives a
 * number for are here; the others stay blank rather than guessed.
 */
final class PublishedAccuracies {
    /** A published mean and population std over rounds, in %. */
    record Accuracy(double mean, double std) {
        /** How far a computed mean lies from this one, in units of this std. */
        double distance(double computedMean) {
            return (computedMean - mean) / std;
        }
    }

    /** One published row: net, padding and its test accuracy. */
    record Row(String net, PaddingMode padding, Accuracy testAccuracy) { }

    /** The write-up's numbers, the one place they are written down (the results table and the run report use them). */
    static final java.util.List<Row> ROWS = java.util.List.of(
            new Row("Net1", PaddingMode.FCONV, new Accuracy(88.85, 0.62)),
            new Row("Net1", PaddingMode.REPLICATE, new Accuracy(93.80, 2.16)),
            new Row("Net1", PaddingMode.CIRCULAR, new Accuracy(82.61, 2.75)),
            new Row("Net1", PaddingMode.SCONV, new Accuracy(6.37, 0.23)));

    private static final Map<String, Accuracy> TEST_ACCURACY = byKey();

    private PublishedAccuracies() { }

    private static Map<String, Accuracy> byKey() {
        Map<String, Accuracy> out = new java.util.HashMap<>();
        for (Row r : ROWS) out.put(key(r.net(), r.padding()), r.testAccuracy());
        return Map.copyOf(out);
    }

    static Optional<Accuracy> testAccuracy(String net, PaddingMode padding) {
        return Optional.ofNullable(TEST_ACCURACY.get(key(net, padding)));
    }

    private static String key(String net, PaddingMode padding) {
        return net + " " + padding.id();
    }
}
