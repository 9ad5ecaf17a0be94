package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import nnlab.app.AppContext;
import nnlab.app.Fx;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The GPT panel headless: its tabs, the Generate tab's presets and refusals, and a tiny trained model streaming text and showing its attention. */
@ExtendWith(ApplicationExtension.class)
class GptPanelTest {
    @TempDir
    Path tmp;
    private RunEngine engine;
    private GptPanel panel;

    @BeforeAll
    static void initBackend() {
        NativeSetup.initNow();
    }

    @Start
    void start(Stage stage) {
        engine = new RunEngine(1, new RunStore(tmp.resolve("runs")));
        panel = new GptPanel(new AppContext(engine, stage), new GptExperiment());
        Fx.showInStage(stage, panel.view());
        panel.onBackendReady();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void selectTab(String title) {
        Fx.run(() -> {
            for (Tab t : panel.tabs().getTabs()) if (t.getText().equals(title)) panel.tabs().getSelectionModel().select(t);
        });
    }

    @Test
    void thePanelOpensWithItsThreeTabsAndThePresetsFillThePrompt(FxRobot robot) {
        assertEquals(List.of("Training", "Generate", "Attention explorer"), Fx.get(() -> panel.tabs().getTabs().stream().map(Tab::getText).toList()));
        assertNotNull(Fx.get(() -> panel.trainingTab().chart(GptExperiment.LOSS)), "the declared loss chart is in the Training tab");
        selectTab("Generate");
        List<Button> presets = Fx.get(() -> panel.generateTab().presetButtons());
        assertEquals(GenerateSettings.PRESETS, presets.stream().map(Button::getText).toList());
        for (int i : new int[] {0, 3, 1}) {
            robot.clickOn(presets.get(i));
            assertEquals(GenerateSettings.PRESETS.get(i), Fx.get(() -> panel.generateTab().form().currentConfig().getString("prompt")));
        }
        robot.clickOn((Button) Fx.get(() -> panel.generateTab().generateButton()));
        Fx.waitUntil("the no-model note", 5000, () -> panel.generateTab().statusText().startsWith("No model yet"));
    }

    @Test
    void everyTabShowsThePanelsTitleDescriptionAndReadingGuide(FxRobot robot) {
        GptExperiment e = new GptExperiment();
        for (String title : List.of("Training", "Generate", "Attention explorer")) {
            selectTab(title);
            javafx.scene.Node content = Fx.get(() -> panel.tabs().getSelectionModel().getSelectedItem().getContent());
            List<String> titles = Fx.get(() -> robot.from(content).lookup(".experiment-title").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText()).toList());
            assertEquals(List.of(e.title()), titles, "the heading on the " + title + " tab");
            List<String> descriptions = Fx.get(() -> robot.from(content).lookup(".experiment-description").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText()).toList());
            assertEquals(List.of(e.description()), descriptions, "the description on the " + title + " tab");
            assertEquals(1, Fx.get(() -> robot.from(content).lookup("#how-to-read").queryAll().stream().filter(javafx.scene.Node::isVisible).count()),
                    "one \"How to read this\" on the " + title + " tab");
        }
    }

    @Test
    void theSamplesTableShowsLineBreaksAsSymbolsAndKeepsTheRest() {
        var table = new nnlab.kernel.run.RunEvent.Table("samples", "t", List.of("step", "sample"),
                List.of(List.of("10", "There was\nonce\u0080 a king")), java.util.Map.of());
        assertEquals(List.of("10", "There was⏎once\\u0080 a king"), GptTrainingTab.oneLinePerSample(table).rows().get(0));
    }

    @Test
    void aBadTemperatureOrTopPIsRefusedNextToItsField(FxRobot robot) {
        selectTab("Generate");
        GenerateTab g = panel.generateTab();
        Fx.run(() -> g.form().setText("temperature", "0"));
        assertTrue(Fx.get(() -> g.form().errorMessage("temperature")).orElse("").contains("temperature must be > 0"),
                Fx.get(() -> g.form().errorMessage("temperature")).toString());
        assertFalse(Fx.get(() -> g.form().isValid()));
        Fx.run(g::start);
        assertEquals("Fix the highlighted settings first.", Fx.get(g::statusText));
        assertFalse(Fx.get(g::isGenerating));
        Fx.run(() -> {
            g.form().setText("temperature", "0.8");
            g.form().setText("top-p", "1.5");
        });
        assertTrue(Fx.get(() -> g.form().errorMessage("temperature")).isEmpty(), "the corrected field is no longer marked");
        assertTrue(Fx.get(() -> g.form().errorMessage("top-p")).isPresent(), "top-p outside (0, 1] is refused");
        Fx.run(() -> g.form().setText("top-p", "0"));
        assertTrue(Fx.get(() -> g.form().errorMessage("top-p")).orElse("").contains("top-p must lie in (0, 1]"));
    }

    @Test
    void aFinishedTinyRunGeneratesTextCharacterByCharacterWithProbabilitiesOnHover(FxRobot robot) throws Exception {
        Config c = new GptExperiment().schema().defaults().with("layers", 1).with("width", 32).with("heads", 2).with("context", 16)
                .with("batch", 8).with("warmup", 5).with("steps", 30).with("eval-every", 15).with("eval-windows", 4)
                .with("sample-every", 15).with("sample-length", 20).with("checkpoint-every", 30).with("generated-chars", 20000);
        assertTrue(Fx.get(() -> panel.startRun(c)));
        Run run = Fx.get(() -> panel.trainingTab().currentRun());
        assertTrue(run.await(120, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Fx.waitUntil("the finished run's model in the explorer", 30_000, () -> panel.explorerModel().current() != null);
        assertEquals(run.folder(), Fx.get(() -> panel.explorerModel().current().folder()));
        var sampleRows = Fx.get(() -> List.copyOf(panel.trainingTab().table(GptExperiment.SAMPLES).tableView().getItems()));
        assertEquals(2, sampleRows.size(), "samples at steps 15 and 30");
        assertEquals("15", sampleRows.get(0).cells().get(0));
        for (var row : sampleRows) {
            assertTrue(row.cells().get(1).startsWith("There was once"), row.cells().toString());
            assertFalse(row.cells().get(1).contains("\n"), "one line per sample on screen: " + row.cells());
        }

        selectTab("Generate");
        GenerateTab g = panel.generateTab();
        Fx.run(() -> g.form().setText("length", "80"));
        robot.clickOn(Fx.get(() -> g.presetButtons().get(2)));
        robot.clickOn((Button) Fx.get(g::generateButton));
        Fx.waitUntil("the generation's end", 60_000, () -> !g.isGenerating());
        assertTrue(Fx.get(g::statusText).startsWith("Generated 80 characters"), Fx.get(g::statusText));
        String out = Fx.get(g::outputText);
        assertTrue(out.startsWith("There was once"), out);
        assertEquals("There was once".length() + 80, out.length());
        List<TracedGeneration.Step> steps = Fx.get(g::shownSteps);
        assertEquals(80, steps.size());
        assertTrue(Fx.get(g::screenUpdates) >= 1 && Fx.get(g::screenUpdates) <= 80);
        // every step on screen is the one the model made: the same text, each probability in (0, 1]
        StringBuilder made = new StringBuilder();
        for (TracedGeneration.Step s : steps) {
            made.append(s.character());
            assertTrue(s.probability() > 0 && s.probability() <= 1);
        }
        assertEquals(out.substring("There was once".length()), made.toString());

        robot.moveTo(Fx.get(() -> g.generatedNode(3)));
        Fx.waitUntil("the hovered character's probability", 5000, () -> g.hoverText().startsWith("Character 4:"));
        String hover = Fx.get(g::hoverText);
        assertTrue(hover.contains(String.format(java.util.Locale.ROOT, "%.3f", steps.get(3).probability())), hover);
        assertTrue(hover.contains("Most likely:"), hover);
    }

    @Test
    void aSavedRunFolderOpensForTheAttentionExplorerAndALongGenerationStops(FxRobot robot) throws Exception {
        Path folder = tmp.resolve("gpt-saved");
        Corpus corpus = Corpus.split(TextCorpus.generated(20000, 1));
        Config c = new GptExperiment().schema().defaults().with("layers", 2).with("width", 32).with("heads", 2).with("context", 16)
                .with("batch", 8).with("warmup", 1).with("steps", 5).with("lr", 1e-2);
        GptTraining t = new GptTraining(GptModel.build(GptSettings.shape(c, corpus.vocab().size()), 1, DataType.FLOAT), corpus,
                GptSettings.schedule(c), GptSettings.adam(c), 1);
        for (int i = 0; i < 5; i++) t.step();
        Checkpoint.save(folder.resolve(GptExperiment.MODEL_FOLDER), t, 1, 3.0);

        Fx.run(() -> panel.explorerModel().open(folder));
        selectTab("Attention explorer");
        AttentionTab a = panel.attentionTab();
        Fx.waitUntil("the attention of the default prompt", 30_000, () -> a.redraws() >= 1);
        assertEquals(4, Fx.get(() -> a.headMaps().size()), "2 layers × 2 heads");
        assertEquals(2, Fx.get(() -> a.positionMaps().size()), "learned beside sinusoidal");
        assertEquals(5, Fx.get(a::summaryRows).size(), "a heading and one row per head");
        MatrixHeatmap first = Fx.get(() -> a.headMaps().get(0));
        double[][] m = Fx.get(a::lastAttention).matrix(0, 0);
        String text = Fx.get(a::lastAttention).text();
        Fx.run(() -> {
            double[] xy = first.centreOf(4, 2);
            first.hover(xy[0], xy[1]);
        });
        assertEquals(String.format(java.util.Locale.ROOT, "query '%s' (4) → key '%s' (2): weight %.3f",
                TracedGeneration.shown(text.charAt(4)), TracedGeneration.shown(text.charAt(2)), m[4][2]), Fx.get(first::caption));

        // the 1/√d_k toggle: the same weights evaluated without the scaling, maps and entropies beside the scaled ones
        assertEquals("Evaluate without 1/√d_k", Fx.get(() -> a.flipScalingBox().getText()));
        long before = Fx.get(a::redraws);
        Fx.run(() -> a.flipScalingBox().fire());
        Fx.waitUntil("the comparison", 30_000, () -> a.redraws() > before);
        AttentionProbe.ScalingComparison cmp = Fx.get(a::lastComparison);
        assertEquals(4, Fx.get(() -> a.flippedMaps().size()), "a second map per head");
        assertEquals(4, Fx.get(() -> a.headMaps().size()));
        List<String> rows = Fx.get(a::summaryRows);
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).contains("entropy without 1/√d_k"), rows.get(0));
        String layer1head1 = rows.get(1);
        assertTrue(layer1head1.contains(String.format(java.util.Locale.ROOT, "%.3f", cmp.entropies(true)[0][0])), layer1head1);
        assertTrue(cmp.entropies(true)[0][0] < cmp.entropies(false)[0][0], "sharper without the scaling");
        assertTrue(Fx.get(a::scalingSummaryText).contains(String.format(java.util.Locale.ROOT, "%.3f nats", cmp.meanEntropy(true))),
                Fx.get(a::scalingSummaryText));
        Fx.run(() -> a.flipScalingBox().fire());
        Fx.waitUntil("back to one map per head", 30_000, () -> a.redraws() > before + 1);
        assertTrue(Fx.get(() -> a.flippedMaps().isEmpty() && a.scalingSummaryText().isEmpty()));

        Fx.run(() -> a.promptField().setText("Hansel said to Grétel€"));
        Fx.run(() -> a.showButton().fire());
        assertTrue(Fx.get(a::promptErrorText).contains("€"), Fx.get(a::promptErrorText));

        selectTab("Generate");
        GenerateTab g = panel.generateTab();
        Fx.run(() -> g.form().setText("length", "10000"));
        Fx.run(g::start);
        Fx.waitUntil("some characters on screen", 30_000, () -> !g.shownSteps().isEmpty());
        assertTrue(Fx.get(g::isGenerating), "characters appear while the generation goes on");
        robot.clickOn((Button) Fx.get(g::stopButton));
        Fx.waitUntil("the stop", 30_000, () -> !g.isGenerating());
        assertTrue(Fx.get(g::statusText).startsWith("Stopped after"), Fx.get(g::statusText));
        assertTrue(Fx.get(() -> g.shownSteps().size()) < 10000);
    }
}
