package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many runs as two tidy CSV files: summaries one row per run × variant, metrics with a leading run column. */
class RunsCsvTest {
    @TempDir
    Path tmp;
    private RunHistory history;
    private SavedRun padding;
    private SavedRun rotation;
    private SavedRun unfinished;

    @BeforeEach
    void makeRuns() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        history = new RunHistory(store);
        padding = run(store, "padding-20240101-000000", "padding", "2024-01-01T00:00:00Z", true,
                "net,padding,round,epoch,val_acc\nNet1,valid,0,1,50\nNet1,valid,0,2,75\n");
        rotation = run(store, "rotation-20240102-000000", "rotation", "2024-01-02T00:00:00Z", true,
                "model,epoch,train_loss\nA,1,1.25\n");
        unfinished = run(store, "padding-20240103-000000", "padding", "2024-01-03T00:00:00Z", false,
                "net,padding,round,epoch,val_acc\nNet2,fconv,0,1,40\n");
    }

    private SavedRun run(RunStore store, String name, String experiment, String started, boolean withSummary, String metrics)
            throws IOException {
        Path folder = Files.createDirectories(store.root().resolve(name));
        Files.writeString(folder.resolve("config.json"), "{\"experiment\": \"" + experiment + "\"}");
        Files.writeString(folder.resolve("run.json"), "{\"experiment\": \"" + experiment + "\", \"status\": \""
                + (withSummary ? "finished" : "cancelled") + "\", \"message\": \"m\", \"started\": \"" + started + "\", \"ended\": \"" + started + "\"}");
        Files.writeString(folder.resolve("metrics.csv"), metrics);
        if (withSummary) {
            try (InputStream in = getClass().getResourceAsStream("/summaries-v1/" + experiment + ".json")) {
                Files.write(folder.resolve("summary.json"), in.readAllBytes());
            }
        }
        return history.load(folder);
    }

    @Test
    void summariesHaveTheRunColumnsFirstThenOneRowPerVariantOrModel() {
        RunsCsv.Tables t = RunsCsv.tables(history, List.of(padding, rotation, unfinished));
        CsvTable summaries = Csv.parse(t.summaries());
        assertEquals(List.of("run", "experiment", "started"), summaries.columns().subList(0, 3));
        assertFalse(summaries.columns().contains("summary.experiment"), "summary.json's experiment is the run's: not repeated");
        assertEquals(5, t.summaryRows(), "3 padding variants + 2 rotation models; the cancelled run has no summary");
        assertEquals(5, summaries.rows().size());
        int run = summaries.column("run");
        int net = summaries.column("net");
        int model = summaries.column("model");
        List<String> first = summaries.rows().get(0);
        assertEquals("padding-20240101-000000", first.get(run));
        assertEquals("padding", first.get(summaries.column("experiment")));
        assertEquals("2024-01-01T00:00:00Z", first.get(summaries.column("started")));
        assertEquals("Net1", first.get(net));
        assertEquals("99;97.5", first.get(summaries.column("val_acc")));
        assertEquals("", first.get(model), "a column of another experiment stays empty");
        List<String> modelB = summaries.rows().get(4);
        assertEquals("rotation-20240102-000000", modelB.get(run));
        assertEquals("B", modelB.get(model));
        assertEquals("", modelB.get(net));
        assertEquals(List.of("padding-20240103-000000: no summary.json (cancelled)"), t.leftOut());
    }

    @Test
    void metricsAreEveryRowOfEveryRunWithALeadingRunColumn() {
        RunsCsv.Tables t = RunsCsv.tables(history, List.of(padding, rotation, unfinished));
        CsvTable metrics = Csv.parse(t.metrics());
        assertEquals(List.of("run", "net", "padding", "round", "epoch", "val_acc", "model", "train_loss"), metrics.columns());
        assertEquals(4, t.metricRows());
        assertEquals(List.of("padding-20240101-000000", "Net1", "valid", "0", "2", "75", "", ""), metrics.rows().get(1));
        assertEquals(List.of("rotation-20240102-000000", "", "", "", "1", "", "A", "1.25"), metrics.rows().get(2));
        assertEquals(List.of("padding-20240103-000000", "Net2", "fconv", "0", "1", "40", "", ""), metrics.rows().get(3));
    }

    @Test
    void writingRefusesAnExistingFileUnlessToldToReplaceIt() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<SavedRun> runs = List.of(padding, unfinished);
        assertEquals("padding-runs", RunsCsv.stem(runs));
        RunsCsv.Written w = RunsCsv.write(history, runs, out, RunsCsv.stem(runs), false);
        assertEquals(out.resolve("padding-runs-summaries.csv"), w.summaries());
        assertEquals(w.tables().summaries(), Files.readString(w.summaries(), StandardCharsets.UTF_8));
        assertEquals(w.tables().metrics(), Files.readString(w.metrics(), StandardCharsets.UTF_8));

        Files.writeString(w.metrics(), "keep me");
        Files.delete(w.summaries());
        IOException refused = assertThrows(ExportFiles.AlreadyThere.class, () -> RunsCsv.write(history, runs, out, "padding-runs", false));
        assertEquals("padding-runs-metrics.csv already exists in " + out, refused.getMessage());
        assertFalse(Files.exists(w.summaries()), "refused before writing either file");
        assertEquals("keep me", Files.readString(w.metrics()));

        RunsCsv.write(history, runs, out, "padding-runs", true);
        assertTrue(Files.readString(w.metrics()).startsWith("run,net,padding"));
        assertEquals("runs", RunsCsv.stem(List.of(padding, rotation)));
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAMessageNamingTheFileAndLeavesNothing() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
        IOException e = assertThrows(IOException.class, () -> RunsCsv.write(history, List.of(padding), notAFolder, "padding-runs", false));
        assertTrue(e.getMessage().startsWith("could not write padding-runs-summaries.csv in " + notAFolder + ": "), e.getMessage());
        Path missing = tmp.resolve("no-such-folder");
        e = assertThrows(IOException.class, () -> RunsCsv.write(history, List.of(padding), missing, "padding-runs", false));
        assertTrue(e.getMessage().contains("padding-runs-summaries.csv") && e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(missing));
        IOException badName = assertThrows(IOException.class, () -> ExportFiles.resolve(tmp, "bad\u0000name.csv"));
        assertTrue(badName.getMessage().startsWith("could not write bad"), badName.getMessage());
    }
}
