package nnlab.padding;

import java.util.List;
import java.util.Map;
import nnlab.kernel.run.PublishedResults.Published;
import nnlab.kernel.run.PublishedResults.PublishedValue;

/**
 * The published rows ({@link PublishedAccuracies}) in the form the run report shows beside a run's results table.
 */
final class PublishedPaddingTable {
    static final Published PUBLISHED = new Published(
            "the padding study's published write-up: test accuracy on the switched test set, mean ± population std over "
                    + "10 rounds, data drawn with numpy's RandomState(42)",
            PublishedAccuracies.ROWS.stream().map(PublishedPaddingTable::value).toList());

    private PublishedPaddingTable() { }

    private static PublishedValue value(PublishedAccuracies.Row r) {
        return new PublishedValue(PaddingExperiment.RESULTS_TABLE.id(),
                Map.of(ResultsView.NET_COLUMN, r.net(), ResultsView.PADDING_COLUMN, r.padding().id()),
                ResultsView.TEST_COLUMN, r.testAccuracy().mean(), r.testAccuracy().std());
    }
}
