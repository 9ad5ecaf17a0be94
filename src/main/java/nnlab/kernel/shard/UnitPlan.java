package nnlab.kernel.shard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a sharded run does with each unit: train it (and record its result), replay a result
 * recorded by another process, or leave it out. A recorded result is a JSON object (a map of
 * numbers, strings, lists and maps), so that it survives part.json unchanged.
 */
public final class UnitPlan {
    private final Set<String> toRun;
    private final Map<String, Map<String, Object>> replayed;
    private final Map<String, Map<String, Object>> recorded = Collections.synchronizedMap(new TreeMap<>());

    private UnitPlan(Set<String> toRun, Map<String, Map<String, Object>> replayed) {
        this.toRun = toRun;
        this.replayed = replayed;
    }

    /** The whole study in one process: every unit trains. */
    public static UnitPlan all() {
        return new UnitPlan(null, Map.of());
    }

    /** A shard: these units train, the others are left out. */
    public static UnitPlan only(Set<String> unitIds) {
        return new UnitPlan(Set.copyOf(unitIds), Map.of());
    }

    /** A merge: nothing trains, every unit replays its recorded result. */
    public static UnitPlan replay(Map<String, Map<String, Object>> results) {
        return new UnitPlan(Set.of(), new LinkedHashMap<>(results));
    }

    /** True when this process trains the unit. */
    public boolean runs(String unitId) {
        return !replayed.containsKey(unitId) && (toRun == null || toRun.contains(unitId));
    }

    /** The unit's result recorded by another process, or null when it has none. */
    public Map<String, Object> replayed(String unitId) {
        return replayed.get(unitId);
    }

    /** True when the unit neither trains here nor is replayed: a shard leaves it to another. */
    public boolean skips(String unitId) {
        return !runs(unitId) && replayed(unitId) == null;
    }

    /** Keeps the result of a unit trained here, for part.json. Thread-safe. */
    public void record(String unitId, Map<String, Object> result) {
        recorded.put(unitId, result);
    }

    /** The results recorded so far, by unit id. */
    public Map<String, Map<String, Object>> recorded() {
        synchronized (recorded) {
            return new TreeMap<>(recorded);
        }
    }
}
