package nnlab.app;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nnlab.app.widgets.NewestOnlyWorker;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.ModelSummary;

/**
 * The networks a run with the current settings trains, layer by layer (type, one example's
 * output shape, parameters), from the models the experiment builds for the settings: a
 * collapsed card whose title already gives the sizes, there before and during a run.
 */
public final class ModelView extends TitledPane {
    private final NewestOnlyWorker<Config, List<ModelSummary>> worker;
    private final VBox body = new VBox(10);
    private List<ModelSummary> models = List.of();

    public ModelView(Function<Config, List<ModelSummary>> models) {
        getStyleClass().addAll("card", "model-view");
        setId("model-view");
        setExpanded(false);
        setAnimated(false);
        setText("Model: built once ND4J is ready");
        setContent(body);
        worker = new NewestOnlyWorker<>("nnlab-model-summary", models, this::show, this::showProblem);
        managedProperty().bind(visibleProperty());
        // A long title is cut with an ellipsis instead of widening the page (the rows inside give it whole).
        setMinWidth(0);
        setPrefWidth(200);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** Builds the summaries of this config in the background (newest request only). */
    public void refresh(Config config) {
        if (config != null) worker.submit(config);
    }

    public List<ModelSummary> models() {
        return models;
    }

    private void show(List<ModelSummary> summaries) {
        models = List.copyOf(summaries);
        setVisible(!models.isEmpty());
        setText("Model: " + String.join("; ", models.stream().map(ModelSummary::caption).toList()));
        setTooltip(new Tooltip("Layers, output shapes and parameter counts of the networks these settings build"));
        body.getChildren().clear();
        for (ModelSummary m : models) body.getChildren().add(table(m));
    }

    private void showProblem(String message) {
        models = List.of();
        setText("Model: cannot be built with these settings");
        body.getChildren().setAll(new Label(message));
    }

    private static VBox table(ModelSummary m) {
        Label name = new Label(m.caption());
        name.getStyleClass().add("model-name");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("model-table");
        grid.setHgap(18);
        grid.setVgap(3);
        String[] header = {"Layer", "Type", "Output (one example)", "Parameters"};
        for (int c = 0; c < header.length; c++) {
            Label h = new Label(header[c]);
            h.getStyleClass().add("model-header");
            grid.add(h, c, 0);
        }
        int row = 1;
        for (ModelSummary.Layer l : m.layers()) {
            grid.add(new Label(l.name()), 0, row);
            Label type = new Label(l.type());
            type.setWrapText(true);
            grid.add(type, 1, row);
            grid.add(new Label(l.outputShape()), 2, row);
            grid.add(new Label(ModelSummary.grouped(l.parameters())), 3, row);
            row++;
        }
        Label total = new Label("total " + ModelSummary.grouped(m.totalParameters()));
        total.getStyleClass().add("model-header");
        grid.add(total, 3, row);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(), right);
        VBox box = new VBox(4, name, grid);
        if (!m.note().isEmpty()) {
            Label note = new Label(m.note());
            note.setWrapText(true);
            note.getStyleClass().add("model-note");
            box.getChildren().add(note);
        }
        return box;
    }
}
