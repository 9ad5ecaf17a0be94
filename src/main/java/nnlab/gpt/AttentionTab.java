package nnlab.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The attention explorer: for a prompt, every layer × head's attention as a heatmap (keys across,
 * queries down, the prompt's characters on both axes; causal, so zero above the diagonal), what
 * the mouse is over in words, a table of each head's mean attention distance and entropy, and the
 * learned position embeddings' cosine similarities beside the sinusoidal table's. The 1/√d_k
 * toggle evaluates the same weights with the scaling flipped ({@link AttentionProbe#compareScaling})
 * and shows each layer's maps of both, and both entropies per head, side by side. The numbers come
 * from {@link AttentionProbe} on the explorer's thread.
 */
final class AttentionTab {
    /** On-screen side of one head's matrix, in pixels. */
    static final double HEAD_SIDE = 260;
    static final double POSITION_SIDE = 300;

    private final ExplorerModel source;
    private final TextField prompt = new TextField("Hansel said to Gretel");
    private final Button show = new Button("Show attention");
    private final Label promptError = new Label();
    private final Label status = new Label();
    private final CheckBox flipScaling = new CheckBox("Evaluate without 1/√d_k");
    private final Label scalingSummary = new Label();
    private final VBox content = new VBox(16);
    private final BorderPane root = new BorderPane();
    private final List<MatrixHeatmap> headMaps = new ArrayList<>();
    private final List<MatrixHeatmap> positionMaps = new ArrayList<>();
    private final List<MatrixHeatmap> flippedMaps = new ArrayList<>();
    private final GridPane summary = new GridPane();
    private AttentionProbe.Attention last;
    private AttentionProbe.ScalingComparison lastComparison;
    private int summaryColumns;
    private long redraws;

    /** What one request computed; {@code comparison} is null unless the 1/√d_k toggle is on. */
    private record Result(AttentionProbe.Attention attention, AttentionProbe.ScalingComparison comparison, double[][] learned,
                          double[][] sinusoidal, int context) { }

    AttentionTab(ExplorerModel source) {
        this.source = source;
        build();
        source.openedProperty().addListener((o, a, b) -> {
            if (b != null) {
                flipScaling.setText(flipLabel(b.model().shape().scaled()));
                request();
            }
        });
    }

    BorderPane view() { return root; }

    private void build() {
        prompt.setPrefColumnCount(36);
        prompt.setId("attention-prompt");
        prompt.setOnAction(e -> request());
        show.setOnAction(e -> request());
        show.getStyleClass().add("start-button");
        HBox presets = new HBox(6);
        for (String p : GenerateSettings.PRESETS) {
            Button b = new Button(p);
            b.getStyleClass().add("gpt-preset");
            b.setOnAction(e -> {
                prompt.setText(p);
                request();
            });
            presets.getChildren().add(b);
        }
        promptError.getStyleClass().add("field-error");
        promptError.managedProperty().bind(promptError.textProperty().isNotEmpty());
        flipScaling.setId("attention-flip-scaling");
        flipScaling.setMnemonicParsing(false); // keep the underscore of d_k
        flipScaling.setOnAction(e -> request());
        flipScaling.setTooltip(new javafx.scene.control.Tooltip("The same trained weights with only the scaling of the scores changed: "
                + "without 1/√d_k every score is √d_k times larger and each softmax sharper."));
        scalingSummary.setWrapText(true);
        scalingSummary.getStyleClass().add("gpt-scaling-summary");
        scalingSummary.managedProperty().bind(scalingSummary.textProperty().isNotEmpty());
        HBox promptRow = new HBox(8, new Label("Prompt"), prompt, show, flipScaling);
        promptRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, source.bar(), promptRow, promptError, presets, status, scalingSummary);
        top.setPadding(new Insets(8, 12, 8, 12));
        status.setWrapText(true);
        content.setPadding(new Insets(12));
        Label empty = new Label("Open or train a model, then press Show attention.");
        empty.getStyleClass().add("empty-hint");
        content.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.setTop(top);
        root.setCenter(scroll);
        root.getStyleClass().add("gpt-attention");
    }

    TextField promptField() { return prompt; }
    Button showButton() { return show; }
    String promptErrorText() { return promptError.getText(); }
    String statusText() { return status.getText(); }
    List<MatrixHeatmap> headMaps() { return headMaps; }
    List<MatrixHeatmap> positionMaps() { return positionMaps; }
    /** The maps of the flipped scaling, in the order of {@link #headMaps}; empty while the toggle is off. */
    List<MatrixHeatmap> flippedMaps() { return flippedMaps; }
    CheckBox flipScalingBox() { return flipScaling; }
    String scalingSummaryText() { return scalingSummary.getText(); }
    AttentionProbe.Attention lastAttention() { return last; }
    AttentionProbe.ScalingComparison lastComparison() { return lastComparison; }
    long redraws() { return redraws; }

    void request() {
        ExplorerModel.Opened model = source.current();
        String text = prompt.getText();
        if (model == null) {
            status.setText("No model yet: train one in the Training tab, or open a saved run folder.");
            return;
        }
        String unknown = model.vocab().unknownIn(text);
        if (text.isEmpty()) {
            promptError.setText("prompt: give at least one character");
            return;
        }
        if (!unknown.isEmpty()) {
            promptError.setText("prompt: the model does not know the characters " + unknown);
            return;
        }
        promptError.setText("");
        status.setText("Running the model on the prompt…");
        boolean compare = flipScaling.isSelected();
        source.work(() -> {
            try {
                AttentionProbe.ScalingComparison c = compare ? AttentionProbe.compareScaling(model.model(), model.vocab(), text) : null;
                Result r = new Result(c != null ? c.asTrained() : AttentionProbe.run(model.model(), model.vocab(), text), c,
                        AttentionProbe.learnedPositionSimilarity(model.model()),
                        AttentionProbe.sinusoidalPositionSimilarity(model.model().shape()), model.model().shape().context());
                Platform.runLater(() -> show(r));
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.setText("Could not run the model: " + e.getMessage()));
            }
        });
    }

    private void show(Result r) {
        AttentionProbe.Attention a = r.attention();
        AttentionProbe.ScalingComparison c = r.comparison();
        last = a;
        lastComparison = c;
        headMaps.clear();
        flippedMaps.clear();
        positionMaps.clear();
        content.getChildren().clear();
        String[] chars = new String[a.text().length()];
        for (int i = 0; i < chars.length; i++) chars[i] = TracedGeneration.shown(a.text().charAt(i));
        String asTrained = c == null ? "" : c.trainedScaled() ? " (with 1/√d_k, as trained)" : " (without 1/√d_k, as trained)";
        for (int l = 0; l < a.layers(); l++) {
            Label layerTitle = new Label("Layer " + (l + 1) + asTrained
                    + " — keys across, queries down; weight 0 dark purple … 1 yellow; zero above the diagonal (causal)");
            layerTitle.getStyleClass().add("pane-title");
            content.getChildren().addAll(layerTitle, headRow(a, l, chars, "", headMaps));
            if (c != null) {
                Label flippedTitle = new Label("Layer " + (l + 1) + ", the same weights " + (c.trainedScaled() ? "without" : "with") + " 1/√d_k");
                flippedTitle.getStyleClass().addAll("pane-title", "gpt-flipped-title");
                content.getChildren().addAll(flippedTitle, headRow(c.flipped(), l, chars, c.trainedScaled() ? " without 1/√d_k" : " with 1/√d_k", flippedMaps));
            }
        }
        scalingSummary.setText(c == null ? "" : scalingSummary(c));
        content.getChildren().addAll(sectionTitle("Per head: how far back it looks (mean attention distance) and how spread its attention is (entropy)"),
                summaryTable(a, c));
        content.getChildren().addAll(sectionTitle("Position embeddings: cosine similarity of every two positions"), positions(r));
        status.setText(String.format(Locale.ROOT, "Attention of %d %s × %d %s on \"%s\" (%d characters%s). Hover a cell for its weight.",
                a.layers(), a.layers() == 1 ? "layer" : "layers", a.heads(), a.heads() == 1 ? "head" : "heads", a.text().replace("\n", "⏎"), a.text().length(),
                a.text().length() < prompt.getText().length() ? ", the last " + r.context() + " of the prompt" : ""));
        redraws++;
    }

    /** One layer's heads side by side, in a horizontally scrolling row; the maps are added to {@code maps}. */
    private ScrollPane headRow(AttentionProbe.Attention a, int l, String[] chars, String variant, List<MatrixHeatmap> maps) {
        HBox row = new HBox(14);
        for (int h = 0; h < a.heads(); h++) {
            double[][] m = a.matrix(l, h);
            String idle = String.format(Locale.ROOT, "mean distance %.2f characters, entropy %.2f nats",
                    AttentionProbe.meanDistance(m), AttentionProbe.meanEntropy(m));
            MatrixHeatmap map = new MatrixHeatmap("Head " + (h + 1) + variant, m, chars, chars, 0, 1, HEAD_SIDE, idle,
                    (i, j) -> String.format(Locale.ROOT, "query '%s' (%d) → key '%s' (%d): weight %.3f", chars[i], i, chars[j], j, m[i][j]));
            map.exportable(String.format(Locale.ROOT, "Attention of layer %d, head %d%s on \"%s\"", l + 1, h + 1, variant, a.text().replace("\n", "⏎")),
                    "key position", "query position");
            maps.add(map);
            row.getChildren().add(map);
        }
        ScrollPane rowScroll = new ScrollPane(row);
        rowScroll.setFitToHeight(true);
        rowScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rowScroll.getStyleClass().add("gpt-layer-row");
        return rowScroll;
    }

    static String flipLabel(boolean trainedScaled) {
        return trainedScaled ? "Evaluate without 1/√d_k" : "Evaluate with 1/√d_k";
    }

    /** One sentence of the comparison's numbers, all from the model. */
    static String scalingSummary(AttentionProbe.ScalingComparison c) {
        String on = c.trainedScaled() ? "with 1/√d_k (as trained)" : "without 1/√d_k (as trained)";
        String off = c.trainedScaled() ? "without" : "with";
        String loss = Double.isNaN(c.promptLoss()) ? ""
                : String.format(Locale.ROOT, "; the model's loss on the prompt's next characters %.3f → %.3f nats/char", c.promptLoss(), c.flippedPromptLoss());
        return String.format(Locale.ROOT, "Mean attention entropy over all heads: %.3f nats %s → %.3f nats %s it%s.",
                c.meanEntropy(false), on, c.meanEntropy(true), off, loss);
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setWrapText(true);
        return l;
    }

    private GridPane summaryTable(AttentionProbe.Attention a, AttentionProbe.ScalingComparison c) {
        summary.getChildren().clear();
        summary.setHgap(18);
        summary.setVgap(4);
        String flipped = c == null ? "" : c.trainedScaled() ? " without 1/√d_k" : " with 1/√d_k";
        String[] heads = c == null ? new String[] {"layer", "head", "mean distance (characters)", "entropy (nats)"}
                : new String[] {"layer", "head", "mean distance (characters)", "entropy (nats)", "entropy" + flipped + " (nats)",
                    "mean distance" + flipped};
        summaryColumns = heads.length;
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.getStyleClass().add("gpt-summary-heading");
            summary.add(h, col, 0);
        }
        int row = 1;
        for (int l = 0; l < a.layers(); l++) {
            for (int h = 0; h < a.heads(); h++) {
                summary.add(new Label(String.valueOf(l + 1)), 0, row);
                summary.add(new Label(String.valueOf(h + 1)), 1, row);
                summary.add(new Label(String.format(Locale.ROOT, "%.2f", AttentionProbe.meanDistance(a.matrix(l, h)))), 2, row);
                summary.add(new Label(String.format(Locale.ROOT, "%.3f", AttentionProbe.meanEntropy(a.matrix(l, h)))), 3, row);
                if (c != null) {
                    summary.add(new Label(String.format(Locale.ROOT, "%.3f", AttentionProbe.meanEntropy(c.flipped().matrix(l, h)))), 4, row);
                    summary.add(new Label(String.format(Locale.ROOT, "%.2f", AttentionProbe.meanDistance(c.flipped().matrix(l, h)))), 5, row);
                }
                row++;
            }
        }
        return summary;
    }

    /** Text of the summary table, row by row (for tests and the report). */
    List<String> summaryRows() {
        List<String> rows = new ArrayList<>();
        int cols = summaryColumns;
        List<javafx.scene.Node> cells = summary.getChildren();
        for (int i = 0; i + cols <= cells.size(); i += cols) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) sb.append(c == 0 ? "" : " | ").append(((Label) cells.get(i + c)).getText());
            rows.add(sb.toString());
        }
        return rows;
    }

    private HBox positions(Result r) {
        int t = r.context();
        String[] pos = new String[t];
        for (int i = 0; i < t; i++) pos[i] = String.valueOf(i);
        HBox row = new HBox(20);
        if (r.learned() != null) {
            row.getChildren().add(positionMap("Learned: normalised EᵀE", r.learned(), pos));
        } else {
            Label none = new Label("This model adds no learned position embeddings (" + source.current().model().shape().positions().key + ").");
            none.setWrapText(true);
            none.setMaxWidth(POSITION_SIDE);
            row.getChildren().add(none);
        }
        row.getChildren().add(positionMap("Sinusoidal, same size", r.sinusoidal(), pos));
        return row;
    }

    private MatrixHeatmap positionMap(String title, double[][] m, String[] pos) {
        MatrixHeatmap map = new MatrixHeatmap(title, m, pos, pos, -1, 1, POSITION_SIDE, "cosine from −1 (dark) to 1 (bright); hover a cell",
                (i, j) -> String.format(Locale.ROOT, "positions %d and %d: cosine %.3f", i, j, m[i][j]));
        map.exportable("Position embeddings, cosine similarity: " + title, "position j", "position i");
        positionMaps.add(map);
        return map;
    }
}
