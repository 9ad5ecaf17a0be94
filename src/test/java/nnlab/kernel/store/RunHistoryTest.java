package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.FakeExperiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private final FakeExperiment fake = new FakeExperiment();

    @TempDir
    Path root;

    private Run runToTheEnd(RunEngine engine, Map<String, String> settings) throws InterruptedException {
        Run run = engine.submit(fake, fake.schema().fromText(settings));
        assertTrue(run.await(10, TimeUnit.SECONDS));
        return run;
    }

    @Test
    void finishedRunsAreListedNewestFirstWithTheirFiles() throws Exception {
        RunStore store = new RunStore(root);
        Run first;
        Run second;
        try (RunEngine engine = new RunEngine(1, store)) {
            first = runToTheEnd(engine, Map.of("epochs", "2"));
            Thread.sleep(20); // distinct start times
            second = runToTheEnd(engine, Map.of("epochs", "3", "fail", "true"));
        }
        RunHistory history = new RunHistory(store);
        List<SavedRun> runs = history.list();
        assertEquals(List.of(second.folder(), first.folder()), runs.stream().map(SavedRun::folder).toList());

        SavedRun ok = runs.get(1);
        assertFalse(ok.isDamaged());
        assertEquals("fake", ok.experimentId());
        assertEquals(RunStatus.FINISHED, ok.status());
        assertEquals(first.folder().getFileName().toString(), ok.name());
        assertTrue(ok.duration() != null && !ok.duration().isNegative());
        assertEquals(Map.of("epochs", 2, "millis", 10, "nan-at", 0, "fail", false), history.settings(ok));
        CsvTable metrics = history.metrics(ok);
        assertEquals(List.of("epoch", "loss"), metrics.columns());
        assertEquals(List.of(List.of("1", "1"), List.of("2", "0.500000")), metrics.rows());

        SavedRun failed = runs.get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.message().contains("scripted failure"), failed.message());
        assertNull(failed.damage());
    }

    @Test
    void figuresAndTablesAreToldApart() throws Exception {
        Path folder = Files.createDirectory(root.resolve("fake-20260101-000000"));
        Files.writeString(folder.resolve("run.json"), "{\"experiment\":\"fake\",\"status\":\"finished\",\"message\":\"ok\"}");
        Files.writeString(folder.resolve("config.json"), "{\"experiment\":\"fake\"}");
        Files.write(folder.resolve("loss.png"), new byte[] {1});
        Files.writeString(folder.resolve("loss.csv"), "x,y\n1,2\n");
        Files.writeString(folder.resolve("results.csv"), "variant,acc\n\"a,b\",0.9\n");
        Files.writeString(folder.resolve("metrics.csv"), "epoch,loss\n1,0.5\n");
        Files.writeString(folder.resolve(".results.csv123.tmp"), "half");
        RunHistory history = new RunHistory(new RunStore(root));
        SavedRun run = history.load(folder);
        assertEquals(Map.of("loss", folder.resolve("loss.png")), history.figures(run));
        Map<String, CsvTable> tables = history.tables(run);
        assertEquals(List.of("results"), List.copyOf(tables.keySet()));
        assertEquals(List.of(List.of("a,b", "0.9")), tables.get("results").rows());
    }

    @Test
    void renameKeepsTheFolderAndDeleteRemovesIt() throws Exception {
        RunStore store = new RunStore(root);
        Run run;
        try (RunEngine engine = new RunEngine(1, store)) {
            run = runToTheEnd(engine, Map.of("epochs", "1"));
        }
        RunHistory history = new RunHistory(store);
        SavedRun saved = history.load(run.folder());
        SavedRun renamed = history.rename(saved, "  baseline  ");
        assertEquals("baseline", renamed.name());
        assertEquals(run.folder(), renamed.folder());
        assertEquals("baseline", history.list().get(0).name());
        assertEquals(RunStatus.FINISHED, renamed.status());
        assertEquals(saved.folder().getFileName().toString(), history.rename(renamed, "").name());

        history.delete(saved);
        assertFalse(Files.exists(run.folder()));
        assertEquals(List.of(), history.list());
    }
}
