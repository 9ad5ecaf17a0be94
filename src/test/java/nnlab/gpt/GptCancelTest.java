package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunCancelledException;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue #16: cancel ends a training run within one step (counted in step progress events, no clock). */
class GptCancelTest {

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    @Test
    void cancelStopsTrainingWithinOneStep() {
        GptExperiment gpt = new GptExperiment();
        Config config = gpt.schema().fromText(Map.ofEntries(Map.entry("layers", "1"), Map.entry("heads", "2"),
                Map.entry("width", "16"), Map.entry("context", "16"), Map.entry("batch", "4"), Map.entry("steps", "400"),
                Map.entry("warmup", "2"), Map.entry("eval-every", "1000"), Map.entry("sample-every", "1000"),
                Map.entry("checkpoint-every", "1000"), Map.entry("generated-chars", "6000")));
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> stepsAfterCancel = new ArrayList<>();
        int[] steps = {0};
        RunContext ctx = new RunContext() {
            @Override public void emit(RunEvent event) { }
            @Override public boolean isCancelled() { return cancelled.get(); }
            @Override public void recordMetrics(Map<String, Object> row) { }

            @Override
            public void progress(double fraction, String message) {
                if (!message.startsWith("step ")) return;
                // the user presses Cancel after the fifth step
                if (cancelled.get()) stepsAfterCancel.add(message);
                else if (++steps[0] == 5) cancelled.set(true);
            }
        };
        assertThrows(RunCancelledException.class, () -> gpt.run(config, ctx));
        assertTrue(cancelled.get(), "the run reached the fifth step");
        // 395 steps were left: the step under way when Cancel came may finish, and no more
        assertTrue(stepsAfterCancel.size() <= 1, "steps after cancel: " + stepsAfterCancel);
    }
}
