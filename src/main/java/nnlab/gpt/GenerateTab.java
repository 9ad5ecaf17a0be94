package nnlab.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import nnlab.app.SettingsForm;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.SettingException;

/**
 * The Generate tab: the prompt and sampling settings on the left (refused values are named under
 * their field), the continuation streamed character by character on the right. Generation runs
 * on the explorer's thread; the characters it makes wait in a queue that the JavaFX thread drains
 * at most 10 times a second, so a fast model never floods the window. Hovering a generated
 * character shows the probability the model gave it and its most likely alternatives.
 */
final class GenerateTab {
    /** The longest the screen waits between two updates while generating, and the shortest between two. */
    static final Duration UPDATE_EVERY = Duration.millis(100);

    private final ExplorerModel source;
    private final SettingsForm form = new SettingsForm(GenerateSettings.schema());
    private final Button generate = new Button("Generate");
    private final Button stop = new Button("Stop");
    private final Label status = new Label();
    private final Label hoverInfo = new Label("Hover a generated character to see how likely the model found it.");
    private final TextFlow output = new TextFlow();
    /** One tooltip for all generated characters, its text set by the one under the mouse. */
    private final javafx.scene.control.Tooltip hoverTip = new javafx.scene.control.Tooltip();
    private final BorderPane root = new BorderPane();
    private final List<Button> presetButtons = new ArrayList<>();
    private final ConcurrentLinkedQueue<TracedGeneration.Step> arrived = new ConcurrentLinkedQueue<>();
    private final List<TracedGeneration.Step> shown = new ArrayList<>();
    private final Timeline drain = new Timeline(new KeyFrame(UPDATE_EVERY, e -> drainArrived()));
    private AtomicBoolean cancel = new AtomicBoolean();
    private boolean generating;
    private long screenUpdates;

    GenerateTab(ExplorerModel source) {
        this.source = source;
        drain.setCycleCount(Timeline.INDEFINITE);
        // a new model waits for the explorer's thread: a long generation with the old one stops first
        source.onBeforeOpen(this::stop);
        build();
    }

    BorderPane view() { return root; }

    private void build() {
        FlowPane presets = new FlowPane(6, 6);
        for (String p : GenerateSettings.PRESETS) {
            Button b = new Button(p);
            b.getStyleClass().add("gpt-preset");
            b.setOnAction(e -> form.setText("prompt", p));
            presetButtons.add(b);
            presets.getChildren().add(b);
        }
        generate.getStyleClass().add("start-button");
        generate.setDefaultButton(false);
        generate.setOnAction(e -> start());
        stop.setOnAction(e -> stop());
        stop.setDisable(true);
        form.setOnSubmit(this::start);
        HBox buttons = new HBox(8, generate, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label presetTitle = new Label("Prompts of the write-up");
        presetTitle.getStyleClass().add("pane-title");
        status.setWrapText(true);
        // An empty status line would leave a gap under the buttons.
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        // Generate first: below the form it fell under the fold at 1280 × 800 once the panel got its header.
        VBox left = new VBox(10, buttons, status, presetTitle, presets, form);
        left.setPadding(new Insets(10));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setPrefWidth(320);
        leftScroll.setMinWidth(280);

        output.getStyleClass().add("gpt-output");
        output.setLineSpacing(3);
        output.setPadding(new Insets(12));
        ScrollPane outputScroll = new ScrollPane(output);
        outputScroll.setFitToWidth(true);
        outputScroll.getStyleClass().add("gpt-output-scroll");
        // keeps the newest characters in view while they stream in
        output.heightProperty().addListener((o, a, b) -> {
            if (generating) outputScroll.setVvalue(1);
        });
        // the white page fills the view even before there is much text on it
        outputScroll.viewportBoundsProperty().addListener((o, a, b) -> output.setMinHeight(b.getHeight()));
        Text placeholder = new Text("Press Generate to continue the prompt with the model, character by character.");
        placeholder.getStyleClass().add("gpt-placeholder");
        output.getChildren().add(placeholder);
        hoverTip.setShowDelay(Duration.millis(120));
        hoverTip.setShowDuration(Duration.seconds(30));
        hoverTip.setHideDelay(Duration.millis(80));
        hoverInfo.getStyleClass().add("gpt-hover-info");
        hoverInfo.setWrapText(true);
        hoverInfo.setPadding(new Insets(6, 12, 6, 12));
        BorderPane centre = new BorderPane(outputScroll);
        centre.setTop(padded(source.bar()));
        Label legend = new Label("Colour = the probability the model gave the character: dark ≥ 0.4, orange 0.1–0.4, red < 0.1 "
                + "(at temperature 1, before top-k/top-p). The prompt is bold blue.");
        legend.getStyleClass().add("gpt-legend");
        legend.setWrapText(true);
        legend.setPadding(new Insets(0, 12, 6, 12));
        centre.setBottom(new VBox(hoverInfo, legend));

        root.setLeft(leftScroll);
        root.setCenter(centre);
        root.getStyleClass().add("gpt-generate");
    }

    private static HBox padded(HBox row) {
        row.setPadding(new Insets(8, 12, 8, 12));
        return row;
    }

    SettingsForm form() { return form; }
    /** The write-up's prompts, in {@link GenerateSettings#PRESETS} order. */
    List<Button> presetButtons() { return List.copyOf(presetButtons); }
    Button generateButton() { return generate; }
    Button stopButton() { return stop; }
    String statusText() { return status.getText(); }
    String hoverText() { return hoverInfo.getText(); }
    boolean isGenerating() { return generating; }
    /** The text shown now, prompt included. */
    String outputText() {
        StringBuilder sb = new StringBuilder();
        for (var n : output.getChildren()) sb.append(((Text) n).getText());
        return sb.toString();
    }
    /** The generated characters on screen, in order. */
    List<TracedGeneration.Step> shownSteps() { return List.copyOf(shown); }
    /** The Text node of the i-th generated character. */
    Text generatedNode(int i) { return (Text) output.getChildren().get(output.getChildren().size() - shown.size() + i); }
    /** How many times the output was updated on screen by the current or last generation. */
    long screenUpdates() { return screenUpdates; }

    /** Validates the settings and starts generating with the current model; refusals are shown next to their field. */
    void start() {
        if (generating) return;
        Config c;
        try {
            c = form.currentConfig();
        } catch (ConfigException e) {
            form.showProblems(e);
            status.setText("Fix the highlighted settings first.");
            return;
        }
        ExplorerModel.Opened model = source.current();
        if (model == null) {
            status.setText("No model yet: train one in the Training tab, or open a saved run folder.");
            return;
        }
        String prompt = c.getString("prompt");
        String unknown = model.vocab().unknownIn(prompt);
        if (!unknown.isEmpty()) {
            form.showProblems(new ConfigException(List.of(new SettingException("prompt",
                    "the model does not know the characters " + quoted(unknown)))));
            status.setText("The prompt holds characters the model never saw.");
            return;
        }
        Sampler sampler = GenerateSettings.sampler(c);
        int length = c.getInt("length");
        long seed = c.getInt("seed");
        output.getChildren().clear();
        shown.clear();
        arrived.clear();
        screenUpdates = 0;
        Text promptText = new Text(prompt);
        promptText.getStyleClass().addAll("gpt-char", "gpt-prompt");
        output.getChildren().add(promptText);
        AtomicBoolean myCancel = new AtomicBoolean();
        cancel = myCancel;
        setGenerating(true);
        status.setText("Generating " + length + " characters…");
        drain.playFromStart();
        long t0 = System.nanoTime();
        source.work(() -> {
            String problem = null;
            int made = 0;
            try {
                made = new TracedGeneration(model.model(), model.vocab()).generate(prompt, length, sampler, seed, myCancel::get, arrived::add).size();
            } catch (RuntimeException | OutOfMemoryError e) {
                // either way the tab must leave its generating state, or Generate stays disabled for good
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String end = problem != null ? "Stopped: " + problem
                    : String.format(Locale.ROOT, "%s %d characters in %.2f s (%.1f characters/s).", myCancel.get() ? "Stopped after" : "Generated",
                    made, seconds, made / Math.max(seconds, 1e-9));
            Platform.runLater(() -> finished(end));
        });
    }

    void stop() {
        cancel.set(true);
    }

    private void finished(String message) {
        drain.stop();
        drainArrived();
        setGenerating(false);
        status.setText(message);
    }

    private void setGenerating(boolean on) {
        generating = on;
        generate.setDisable(on);
        stop.setDisable(!on);
        form.setLocked(on);
    }

    /** Moves the characters made since the last update onto the screen, in one layout pass. */
    private void drainArrived() {
        List<Text> nodes = new ArrayList<>();
        TracedGeneration.Step s;
        while ((s = arrived.poll()) != null) {
            shown.add(s);
            nodes.add(node(s));
        }
        if (nodes.isEmpty()) return;
        output.getChildren().addAll(nodes);
        screenUpdates++;
    }

    private Text node(TracedGeneration.Step s) {
        // line breaks and spaces as they are; other control characters (which fonts draw as boxes) by name
        char c = s.character();
        Text t = new Text(c == '\n' || !Character.isISOControl(c) ? String.valueOf(c) : TracedGeneration.shown(c));
        t.getStyleClass().addAll("gpt-char", s.probability() < 0.1 ? "gpt-char-unlikely" : s.probability() < 0.4 ? "gpt-char-uncertain" : "gpt-char-likely");
        t.setOnMouseEntered(e -> {
            hoverInfo.setText(describe(s));
            hoverTip.setText(describe(s).replace(". Most likely: ", ".\nMost likely: "));
            javafx.scene.control.Tooltip.install(t, hoverTip);
            t.getStyleClass().add("gpt-char-hovered");
        });
        t.setOnMouseExited(e -> {
            t.getStyleClass().remove("gpt-char-hovered");
            javafx.scene.control.Tooltip.uninstall(t, hoverTip);
        });
        return t;
    }

    static String describe(TracedGeneration.Step s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Character %d: '%s' had probability %.3f. Most likely: ",
                s.index() + 1, TracedGeneration.shown(s.character()), s.probability()));
        for (int i = 0; i < s.alternatives().size(); i++) {
            TracedGeneration.Candidate a = s.alternatives().get(i);
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "'%s' %.3f", TracedGeneration.shown(a.character()), a.probability()));
        }
        return sb.append('.').toString();
    }

    private static String quoted(String chars) {
        StringBuilder sb = new StringBuilder();
        for (char c : chars.toCharArray()) sb.append(sb.length() == 0 ? "" : " ").append('\'').append(TracedGeneration.shown(c)).append('\'');
        return sb.toString();
    }
}
