package nnlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.kernel.store.MetricCurves;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundNumbersTest {
    private static Path runFolder(Path root, String name, String metrics) throws Exception {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("config.json"), "{\"experiment\": \"padding\"}");
        Files.writeString(folder.resolve("run.json"), "{\"experiment\": \"padding\", \"status\": \"finished\", \"message\": \"ok\", "
                + "\"started\": \"2026-12-01T00:00:00Z\", \"ended\": \"2026-12-01T00:01:00Z\"}");
        Files.writeString(folder.resolve("metrics.csv"), metrics);
        return folder;
    }

    private static List<String> curveNames(RunHistory history, Path folder) {
        RunDetails d = RunDetails.load(history, history.load(folder));
        return MetricCurves.charts(d.metrics()).get(0).curves().stream().map(MetricCurves.Curve::name).toList();
    }

    @Test
    void aRunSavedWithRoundsFromZeroReadsOneBasedAndANewRunIsLeftAlone(@TempDir Path tmp) throws Exception {
        RunStore store = new RunStore(tmp);
        RunHistory history = new RunHistory(store);
        Path old = runFolder(tmp, "padding-20261201-000000", "net,padding,round,epoch,val_acc\n"
                + "CNN,zero,0,1,0.5\nCNN,zero,0,2,0.6\nCNN,zero,1,1,0.55\n");
        Path current = runFolder(tmp, "padding-20261202-000000", "net,padding,round,epoch,val_acc\n"
                + "CNN,zero,1,1,0.5\nCNN,zero,2,1,0.6\n");
        List<String> oldNames = curveNames(history, old);
        assertEquals(2, oldNames.size(), oldNames.toString());
        assertEquals(true, oldNames.get(0).contains("1") && !oldNames.get(0).contains("0"), oldNames.toString());
        assertEquals(true, oldNames.get(1).contains("2"), oldNames.toString());
        RunDetails d = RunDetails.load(history, history.load(old));
        int round = d.metrics().column("round");
        assertEquals(List.of("1", "1", "2"), d.metrics().rows().stream().map(r -> r.get(round)).toList());
        RunDetails n = RunDetails.load(history, history.load(current));
        assertEquals(List.of("1", "2"), n.metrics().rows().stream().map(r -> r.get(round)).toList());
    }
}
