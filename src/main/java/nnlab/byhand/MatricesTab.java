package nnlab.byhand;

import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.ResultsTableView;
import nnlab.kernel.run.RunEvent;

/**
 * A small graph's matrices. Hovering a cell of A or Aⁿ marks nodes i and j on the drawn graph and
 * lists the walks the entry counts; a click keeps that pair (the walk-from / walk-to settings).
 */
final class MatricesTab {
    static final String HOW_TO = "A has a 1 where two nodes are joined. Aⁿ's entry (i, j) counts the walks of length n from i "
            + "to j: sequences of n steps along edges, which may revisit nodes and edges. Hover a cell of A or Aⁿ: node i turns "
            + "blue and j orange on the graph, one walk is drawn in green and all are listed below it; click a cell to keep that "
            + "pair. D holds the degrees; L = D − A, so every row of L sums to 0, and (LX)_v = deg(v)·x_v − Σ_{u ∈ N(v)} x_u, which "
            + "is 0 exactly when x_v equals the mean of its neighbours. The message-passing step takes h = X: it averages the "
            + "neighbours' rows, multiplies by W, adds B·h_v and applies σ (a node without neighbours averages to 0).";

    private final ByHandFields fields;
    private final MatrixGrid a = new MatrixGrid();
    private final MatrixGrid power = new MatrixGrid();
    private final MatrixGrid degrees = new MatrixGrid();
    private final MatrixGrid laplacian = new MatrixGrid();
    private final MatrixGrid lx = new MatrixGrid();
    private final Label powerTitle = new Label();
    private final ResultsTableView messagePassing = new ResultsTableView(ByHandExperiment.MESSAGE_PASSING.id(),
            ByHandExperiment.MESSAGE_PASSING.title());
    private final GraphImage graph = new GraphImage();
    private final Label fact = ByHandLayout.fact();
    private final Tab tab;
    private ByHandComputed shown;

    MatricesTab(ByHandFields fields) {
        this.fields = fields;
        HBox presets = new HBox(6, new Label("Presets:"));
        presets.setAlignment(Pos.CENTER_LEFT);
        for (ByHandSettings.Preset p : ByHandSettings.PRESETS) {
            Button b = new Button(p.name());
            b.setId("preset-" + p.name().replace(' ', '-'));
            b.setTooltip(new Tooltip("Edges " + p.edges().replace("-", "–") + "; features X = " + p.features()));
            b.setOnAction(e -> fields.setTexts(Map.of("graph-edges", p.edges(), "graph-x", p.features(), "walk-from",
                    String.valueOf(p.walkFrom()), "walk-to", String.valueOf(p.walkTo()))));
            presets.getChildren().add(b);
        }
        FlowPane row = ByHandLayout.fieldRow(fields.box("graph-edges"), fields.box("graph-power"), fields.box("walk-from"),
                fields.box("walk-to"), fields.box("graph-x"), fields.box("mp-w"), fields.box("mp-b"), fields.box("mp-activation"));
        a.setOnHover((i, j) -> hover(i, j, 1));
        power.setOnHover((i, j) -> hover(i, j, -1));
        a.setOnClick(this::pin);
        power.setOnClick(this::pin);
        FlowPane matrices = new FlowPane(10, 10,
                ByHandLayout.card(new Label("A (adjacency) — hover a cell"), a, a::figure),
                ByHandLayout.card(powerTitle, power, power::figure),
                ByHandLayout.card(new Label("D (degrees)"), degrees, degrees::figure),
                ByHandLayout.card(new Label("L = D − A"), laplacian, laplacian::figure),
                ByHandLayout.card(new Label("LX"), lx, lx::figure));
        VBox left = new VBox(8, ByHandLayout.card(new Label("The graph"), graph, graph::figure));
        left.setMinWidth(Region.USE_PREF_SIZE);
        VBox right = new VBox(10, fact, matrices, messagePassing);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(10, presets, row, ByHandLayout.howTo(HOW_TO), new HBox(14, left, right));
        tab = new Tab("Graph matrices", ByHandLayout.scroll(content));
        tab.setClosable(false);
    }

    Tab tab() {
        return tab;
    }

    MatrixGrid powerGrid() {
        return power;
    }

    GraphImage graph() {
        return graph;
    }

    void show(ByHandComputed c) {
        shown = c;
        a.show(c.a());
        power.show(c.aPower());
        powerTitle.setText("A" + ByHandTables.superscript(c.matrices().inputs().power()) + " (walk counts) — hover a cell");
        degrees.show(c.d());
        laplacian.show(c.laplacian());
        lx.show(c.lx());
        var t = c.messagePassing();
        messagePassing.show(new RunEvent.Table(ByHandExperiment.MESSAGE_PASSING.id(), t.title(), t.columns(), t.rows(), Map.of()));
        GraphMatrices.Result m = c.matrices();
        String power = "A" + ByHandTables.superscript(m.inputs().power());
        String walks = c.walksMatch() == null ? power + " has too many walks to try them one by one, so it is not checked here"
                : "Checked: every entry of " + power + (c.walksMatch() ? " equals" : " DIFFERS from")
                        + " the number of walks found by trying every path";
        fact.setText(walks + "; every row of L sums to " + NumberText.format(m.maxLaplacianRowSum(), 6) + "."
                + (c.accepted(ByHandSettings.MATRICES) ? "" : "   Showing the last accepted numbers: fix the field marked in red."));
        hover(-1, -1, 0);
    }

    /** Shows the walks for (i, j) of this length (−1: the power n); i = −1 goes back to the kept pair. */
    private void hover(int i, int j, int length) {
        if (shown == null) return;
        GraphMatrices.Result m = shown.matrices();
        SmallGraph g = m.inputs().graph();
        int n = length < 0 ? m.inputs().power() : length;
        if (i < 0) {
            i = shown.config().getInt("walk-from") - 1;
            j = shown.config().getInt("walk-to") - 1;
            n = m.inputs().power();
        }
        graph.show(ByHandExperiment.walkFigure(g, GraphMatrices.walks(g, i, j, n, ByHandExperiment.WALKS_LISTED), -1));
    }

    private void pin(int i, int j) {
        fields.setTexts(Map.of("walk-from", String.valueOf(i + 1), "walk-to", String.valueOf(j + 1)));
    }

    List<MatrixGrid> grids() {
        return List.of(a, power, degrees, laplacian, lx);
    }
}
