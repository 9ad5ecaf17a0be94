package nnlab.kernel.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.SettingsFiles;

/**
 * A padding run folder as the recorder leaves one, written by hand so that no model is trained:
 * config.json (Net1 × fconv, valid; 2 rounds of 3 epochs), run.json, summary.json, metrics.csv,
 * the results table and two figures (PNG + CSV).
 */
public final class ReportFixtures {
    public static final List<String> RESULT_COLUMNS =
            List.of("Net", "Padding", "Val acc % (mean ± std)", "Test acc % (mean ± std)", "Rounds", "Epochs (mean)", "Seconds");

    private ReportFixtures() { }

    /** The run folders of each experiment as saved before the plug-in refactor (src/test/resources/fixtures/runs-v1). */
    public static List<Path> preRefactorRuns() throws Exception {
        Path root = Path.of(ReportFixtures.class.getResource("/fixtures/runs-v1").toURI());
        try (var s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    public static Experiment padding() {
        return ExperimentCatalog.byId("padding").orElseThrow();
    }

    /** The settings of the fixture run: the defaults with four changed. */
    public static Config paddingConfig() {
        Map<String, String> changed = new LinkedHashMap<>();
        changed.put("net", "Net1");
        changed.put("padding", "fconv,valid");
        changed.put("rounds", "2");
        changed.put("epochs", "3");
        return padding().schema().fromText(changed);
    }

    public static Path paddingRun(Path runsFolder) throws IOException {
        Path folder = Files.createDirectories(runsFolder.resolve("padding-20240301-120000"));
        SettingsFiles.write(folder.resolve("config.json"), "padding", paddingConfig());
        Files.writeString(folder.resolve("run.json"), "{\"experiment\": \"padding\", \"status\": \"finished\", \"message\": "
                + "\"finished in 42 s\", \"started\": \"2024-03-01T12:00:00Z\", \"ended\": \"2024-03-01T12:00:42Z\", "
                + "\"headline\": \"test acc 90.4 ± 0.2 % (Net1 fconv)\"}");
        try (InputStream in = ReportFixtures.class.getResourceAsStream("/summaries-v1/padding.json")) {
            Files.write(folder.resolve("summary.json"), in.readAllBytes());
        }
        Files.writeString(folder.resolve("metrics.csv"), "net,padding,round,epoch,train_loss,val_loss,val_acc\n"
                + "Net1,fconv,0,1,0.69,0.68,55\nNet1,fconv,0,2,0.5,0.52,80\nNet1,valid,0,1,0.7,0.69,50\nNet1,valid,0,2,0.4,0.45,90\n");
        Files.writeString(folder.resolve("results.csv"), Csv.table(RESULT_COLUMNS, List.of(
                List.of("Net1", "fconv", "89.8 ± 1.1", "90.4 ± 0.2", "2", "3.0", "15"),
                List.of("Net1", "valid", "100.0 ± 0.0", "0.1 ± 0.1", "2", "3.0", "12"))));
        BarFigure bars = new BarFigure("Test accuracy on the switched test set (mean ± std over rounds)", "test accuracy (%)",
                List.of("fconv", "valid"), List.of("Net1"), new double[][] {{90.4, 0.1}}, new double[][] {{0.2, 0.1}}, 0, 100);
        FigureExporter.writePng(bars, folder.resolve("test-accuracy.png"), 2.0);
        FigureExporter.writeCsv(bars, folder.resolve("test-accuracy.csv"));
        LineFigure loss = new LineFigure("Loss — Net1 · valid · round 1/2", "epoch", "cross-entropy",
                List.of(new LineFigure.Series("train loss", new double[] {1, 2}, new double[] {0.7, 0.4})), false);
        FigureExporter.writePng(loss, folder.resolve("loss-curves.png"), 2.0);
        FigureExporter.writeCsv(loss, folder.resolve("loss-curves.csv"));
        return folder;
    }
}
