package nnlab.padding;

import java.util.List;
import java.util.Map;
import nnlab.kernel.run.PublishedResults.Published;
import nnlab.kernel.run.PublishedResults.PublishedValue;

/**
 * The test accuracies of the padding study's published write-up (10 rounds, the numpy draw of
 * seed 42; quoted in issue 22), for reports to show beside a run's. The write-up's other variants
 * are only described ("about 0 %"), so they are not quoted as numbers.
 */
final class PublishedPaddingTable {
    static final Published PUBLISHED = new Published(
            "the padding study's published write-up: test accuracy on the switched test set, mean ± population std over "
                    + "10 rounds, data drawn with numpy's RandomState(42)",
            List.of(net1("fconv", 88.85, 0.62), net1("replicate", 93.80, 2.16), net1("circular", 82.61, 2.75),
                    net1("sconv", 6.37, 0.23)));

    private PublishedPaddingTable() { }

    private static PublishedValue net1(String padding, double mean, double std) {
        return new PublishedValue(PaddingExperiment.RESULTS_TABLE.id(), Map.of("Net", "Net1", "Padding", padding),
                PaddingExperiment.RESULT_COLUMNS.get(3), mean, std);
    }
}
