package nnlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Label;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;

/** The status bar's run queue: "Runs: 1 running · 2 queued · 5 finished · 0 failed", kept current. */
final class QueueLabel extends Label {
    private final RunEngine engine;
    private final AtomicBoolean queueUpdatePending = new AtomicBoolean();

    QueueLabel(RunEngine engine) {
        this.engine = engine;
        getStyleClass().add("queue-status");
        engine.addEngineListener(run -> scheduleQueueUpdate());
        updateQueue();
    }

    /** Engine listeners fire on worker threads, often in bursts; one pending update is enough. */
    private void scheduleQueueUpdate() {
        if (queueUpdatePending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queueUpdatePending.set(false);
                updateQueue();
            });
        }
    }

    private void updateQueue() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("running", "queued", "finished", "failed", "cancelled")) counts.put(k, 0);
        for (Run r : engine.runs()) {
            String k = switch (r.status()) {
                case RUNNING -> "running";
                case QUEUED -> "queued";
                case FINISHED -> "finished";
                case CANCELLED -> "cancelled";
                default -> "failed";
            };
            counts.merge(k, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getKey().equals("cancelled") && e.getValue() == 0) continue;
            parts.add(e.getValue() + " " + e.getKey());
        }
        setText("Runs: " + String.join(" · ", parts));
        getStyleClass().remove("queue-busy");
        if (counts.get("running") + counts.get("queued") > 0) getStyleClass().add("queue-busy");
    }
}
