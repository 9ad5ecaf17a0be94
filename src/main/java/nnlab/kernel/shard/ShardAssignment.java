package nnlab.kernel.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deals a study's units to {@code n} shards, balanced by expected cost: longest first (ties by
 * id) to the least loaded shard (ties to the lowest index). It depends only on the units, so
 * every task of an array job computes the same assignment without talking to the others.
 */
public final class ShardAssignment {
    private ShardAssignment() { }

    /** The units of each shard, each list in the study's own order. */
    public static List<List<WorkUnit>> assign(List<WorkUnit> units, int shards) {
        if (shards < 1) throw new IllegalArgumentException("the number of shards must be at least 1, got " + shards);
        List<WorkUnit> byCost = new ArrayList<>(units);
        byCost.sort(Comparator.comparingDouble(WorkUnit::cost).reversed().thenComparing(WorkUnit::id));
        double[] load = new double[shards];
        int[] owner = new int[units.size()];
        for (WorkUnit u : byCost) {
            int best = 0;
            for (int s = 1; s < shards; s++) if (load[s] < load[best]) best = s;
            load[best] += u.cost();
            owner[units.indexOf(u)] = best;
        }
        List<List<WorkUnit>> out = new ArrayList<>();
        for (int s = 0; s < shards; s++) out.add(new ArrayList<>());
        for (int i = 0; i < units.size(); i++) out.get(owner[i]).add(units.get(i));
        return out;
    }

    /** The units of shard {@code index} (0-based) of {@code shards}. */
    public static List<WorkUnit> of(List<WorkUnit> units, ShardIndex shard) {
        return assign(units, shard.count()).get(shard.index());
    }

    /** The expected cost of the most loaded shard: the study's wall time on that many workers, in cost units. */
    public static double makespan(List<WorkUnit> units, int shards) {
        return assign(units, shards).stream().mapToDouble(l -> l.stream().mapToDouble(WorkUnit::cost).sum()).max().orElse(0);
    }
}
