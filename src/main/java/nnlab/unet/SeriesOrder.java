package nnlab.unet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;

/**
 * Sends chart points so that every chart's curves first appear in a fixed order (with skips
 * before without, seed by seed): a live chart gives colours and legend places by first
 * appearance, and the rounds train side by side, so whichever finished its first epoch first
 * would otherwise take the first colour. A point of a curve whose predecessors have not appeared
 * yet waits for them; once a curve has appeared, its points pass at once.
 */
final class SeriesOrder {
    private final RunContext ctx;
    private final List<String> order;
    private final Map<String, Set<String>> appeared = new HashMap<>();
    private final Map<String, List<RunEvent.Metric>> waiting = new HashMap<>();

    SeriesOrder(RunContext ctx, List<String> order) {
        this.ctx = ctx;
        this.order = List.copyOf(order);
    }

    synchronized void metric(ViewSpec chart, String series, double x, double y) {
        String id = chart.id();
        Set<String> seen = appeared.computeIfAbsent(id, k -> new HashSet<>());
        List<RunEvent.Metric> queue = waiting.computeIfAbsent(id, k -> new ArrayList<>());
        queue.add(new RunEvent.Metric(id, series, x, y));
        boolean sent = true;
        while (sent) {
            sent = false;
            for (int i = 0; i < queue.size(); i++) {
                RunEvent.Metric m = queue.get(i);
                if (seen.contains(m.series()) || predecessorsAppeared(m.series(), seen)) {
                    ctx.emit(m);
                    seen.add(m.series());
                    queue.remove(i);
                    sent = true;
                    break;
                }
            }
        }
    }

    private boolean predecessorsAppeared(String series, Set<String> seen) {
        int at = order.indexOf(series);
        if (at < 0) return true;
        for (int i = 0; i < at; i++) if (!seen.contains(order.get(i))) return false;
        return true;
    }
}
