package nnlab.byhand;

import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.ResultsTableView;
import nnlab.kernel.run.RunEvent;

/** The assignment's graph network: every value of the forward pass and every gradient, autodiff beside finite differences. */
final class GraphNetTab {
    static final String HOW_TO = "Forward: node v adds up W h_u⁽⁰⁾ over the nodes u named in the Rule column (its neighbours, "
            + "and v itself when \"v counts itself\" is ticked) to get z_v; then h_v⁽¹⁾ = ReLU(z_v). The graph's score is "
            + "s = qᵀ Σ_v h_v⁽¹⁾, its output y = σ(s), and L the cross-entropy with the target t. Backward, by the chain rule from "
            + "the bottom up: ∂L/∂s = y − t, and each gradient below follows from the ones above it (the Rule column says how). "
            + "\"Autodiff\" is SameDiff's gradient; \"Finite difference\" nudges each input by ±10⁻⁶ and measures how L changes, "
            + "so the two must agree. With the defaults s = 20 and y = σ(20) = 1 − 2·10⁻⁹, shown as 1.00000: the gradients are the "
            + "whole numbers of a hand computation times y − t ≈ 1.";

    private final ResultsTableView table = new ResultsTableView(ByHandExperiment.GNN_STEPS.id(), ByHandExperiment.GNN_STEPS.title());
    private final GraphImage graph = new GraphImage();
    private final Label fact = ByHandLayout.fact();
    private final Tab tab;

    GraphNetTab(ByHandFields fields) {
        // The fields and the note above, the drawn graph beside them, and the table below at full width: its autodiff and
        // finite-difference columns must both be in view to be compared.
        VBox top = new VBox(10, ByHandLayout.fieldRow(fields.box("gnn-edges"), fields.box("gnn-h0"), fields.box("gnn-w"),
                fields.box("gnn-q"), fields.box("gnn-target"), fields.box("gnn-self")), ByHandLayout.howTo(HOW_TO), fact);
        HBox.setHgrow(top, Priority.ALWAYS);
        VBox graphCard = ByHandLayout.card(new Label("The graph"), graph, graph::figure);
        graphCard.setMinWidth(Region.USE_PREF_SIZE);
        tab = new Tab("Graph network by hand", ByHandLayout.scroll(new VBox(10, new HBox(14, top, graphCard), table)));
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
        var t = c.netTable();
        table.show(new RunEvent.Table(ByHandExperiment.GNN_STEPS.id(), t.title(), t.columns(), t.rows(), Map.of()));
        // Every row visible: a student compares them one by one, and a scroll bar inside the page hides half of them.
        double h = 40 + 28 * t.rows().size();
        table.tableView().setMinHeight(h);
        table.tableView().setPrefHeight(h);
        GraphNetByHand.Result r = c.net();
        SmallGraph g = r.inputs().graph();
        graph.show(GraphFigure.plain("Graph: " + g.describe(), g));
        int digits = c.config().getInt("digits");
        double diff = r.maxGradientDifference();
        fact.setText("y = " + NumberText.format(r.y(), digits) + ", L = " + NumberText.format(r.loss(), digits) + ".   "
                + String.format(Locale.ROOT, "Largest |autodiff − finite difference| over ∂L/∂W, ∂L/∂q, ∂L/∂h⁽⁰⁾: %.1g", diff)
                + (diff < 1e-5 ? " — they agree." : " — they differ!")
                + (r.reluAtZero() ? "   Some z is exactly 0, where ReLU has no derivative: autodiff takes 0 there, "
                        + "a finite difference ½." : "")
                + (c.accepted(ByHandSettings.GNN) ? "" : "   Showing the last accepted numbers: fix the field marked in red."));
    }
}
