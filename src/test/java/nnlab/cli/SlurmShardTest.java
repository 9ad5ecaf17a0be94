package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real scheduler: launchers/slurm/submit.sh runs a 12-variant × 2-round padding study as a
 * Slurm array of 6 tasks and merges it; the merge equals the same study run in one process.
 * Needs a running Slurm (sbatch on the PATH, SLURM_CONF if not /etc/slurm) that sees this folder:
 * {@code ./mvnw -o test -Dtest=SlurmShardTest -Dnnlab.slurm=true} (see docs/SCALING.md).
 */
@Tag("slurm")
@Tag("slow")
@EnabledIfSystemProperty(named = "nnlab.slurm", matches = "true")
class SlurmShardTest {
    private static final List<String> STUDY = List.of("padding", "--net", "Net1,Net2", "--padding",
            "valid,sconv,fconv,reflect,replicate,circular", "--rounds", "2", "--epochs", "1", "--train-size", "200",
            "--val-size", "100", "--test-size", "100");

    @TempDir
    Path tmp;

    private static String nnlab() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -Dorg.eclipse.deeplearning4j.helpers.disable=false -cp "
                + System.getProperty("java.class.path") + " nnlab.Main";
    }

    private int exec(Path log, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NNLAB", nnlab());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.MINUTES), command + " did not end");
        return p.exitValue();
    }

    @Test
    void anArrayJobMergedEqualsTheStudyInOneProcess() throws Exception {
        Path out = tmp.resolve("study");
        List<String> submit = new ArrayList<>(List.of("bash", Path.of("launchers/slurm/submit.sh").toAbsolutePath().toString(), "6",
                out.toString()));
        submit.addAll(STUDY);
        assertEquals(0, exec(tmp.resolve("submit.log"), submit), Files.readString(tmp.resolve("submit.log")));
        Path merged = out.resolve("merged").resolve("run.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (!(Files.exists(merged) && Json.readMap(merged).containsKey("parts"))) {
            assertTrue(System.nanoTime() < deadline, "no merged run in " + out);
            Thread.sleep(2000);
        }
        List<String> whole = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-cp", System.getProperty("java.class.path"), "nnlab.Main", "run"));
        whole.addAll(STUDY);
        whole.addAll(List.of("--out", tmp.resolve("whole").toString(), "--runs-dir", tmp.resolve("runs").toString()));
        assertEquals(0, exec(tmp.resolve("whole.log"), whole), Files.readString(tmp.resolve("whole.log")));
        List<Map<String, Object>> a = variants(out.resolve("merged"));
        List<Map<String, Object>> b = variants(tmp.resolve("whole"));
        assertEquals(12, a.size());
        for (int v = 0; v < a.size(); v++) {
            for (String key : List.of("net", "padding", "val_acc", "test_acc", "epochs_run")) {
                assertEquals(b.get(v).get(key), a.get(v).get(key), key + " of variant " + v);
            }
        }
        assertEquals(6, ((List<?>) Json.readMap(merged).get("parts")).size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(Path folder) throws IOException {
        return (List<Map<String, Object>>) Json.readMap(folder.resolve("summary.json")).get("variants");
    }
}
