package nnlab.byhand;

import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import nnlab.app.ResultsTableView;
import nnlab.kernel.run.RunEvent;

/** The assignment's 1-D convolution, window by window. */
final class ConvTab {
    static final String HOW_TO = "The kernel w slides along x, one stride at a time. For each window, multiply the numbers "
            + "that line up (column \"Term by term\"), add the products and the bias b (\"Sum + b\"), then apply the activation "
            + "(ReLU turns negatives into 0). The last row adds the activated outputs. The kernel is not flipped: what deep-learning "
            + "libraries call convolution is cross-correlation. The last column is ND4J's own conv1d op on the same numbers and must "
            + "equal \"Sum + b\". Edit any field: the table follows as you type; a refused entry is explained under its field.";

    private final ResultsTableView table = new ResultsTableView(ByHandExperiment.CONV_STEPS.id(), ByHandExperiment.CONV_STEPS.title());
    private final Label fact = ByHandLayout.fact();
    private final Tab tab;

    ConvTab(ByHandFields fields) {
        VBox content = new VBox(10,
                ByHandLayout.fieldRow(fields.box("conv-input"), fields.box("conv-kernel"), fields.box("conv-bias"),
                        fields.box("conv-padding"), fields.box("conv-stride"), fields.box("conv-activation")),
                ByHandLayout.howTo(HOW_TO), fact, table);
        tab = new Tab("1-D convolution", ByHandLayout.scroll(content));
        tab.setClosable(false);
    }

    Tab tab() {
        return tab;
    }

    ResultsTableView table() {
        return table;
    }

    String factText() {
        return fact.getText();
    }

    void show(ByHandComputed c) {
        var t = c.convTable();
        table.show(new RunEvent.Table(ByHandExperiment.CONV_STEPS.id(), t.title(), t.columns(), t.rows(), Map.of()));
        ConvByHand.Result r = c.conv();
        int digits = c.config().getInt("digits");
        fact.setText("Sum of the " + (r.relu() ? "ReLU outputs" : "outputs") + " = " + NumberText.format(r.total(), digits) + ".   "
                + (r.opMaxDiff() < 1e-9 ? "Checked: ND4J's conv1d gives the same outputs" : "ND4J's conv1d differs")
                + String.format(Locale.ROOT, " (largest difference %.1g).", r.opMaxDiff())
                + (c.accepted(ByHandSettings.CONV) ? "" : "   Showing the last accepted numbers: fix the field marked in red."));
    }
}
