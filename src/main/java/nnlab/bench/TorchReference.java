package nnlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.Json;

/** Runs ../shared/bench/torch_padding_reference.py for one variant and reads its timing. */
final class TorchReference {
    private TorchReference() { }

    /** Seconds per epoch of one round of {@code epochs} epochs (the script prints total seconds). */
    static double secondsPerEpoch(String python, Path script, String net, String padding, int epochs)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(python, script.toString(), net, padding, "1", String.valueOf(epochs)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IOException("the PyTorch reference failed for " + net + " " + padding + ": " + output);
        String last = output.substring(output.lastIndexOf('\n') + 1);
        Map<String, Object> result = Json.readMap(last);
        @SuppressWarnings("unchecked")
        List<Number> epochsRun = (List<Number>) result.get("epochs_run");
        return ((Number) result.get("seconds")).doubleValue() / epochsRun.get(0).doubleValue();
    }
}
