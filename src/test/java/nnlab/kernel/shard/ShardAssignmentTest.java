package nnlab.kernel.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardAssignmentTest {

    private static List<WorkUnit> units(int n, long seed) {
        Random r = new Random(seed);
        List<WorkUnit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) units.add(new WorkUnit("u" + i, 1 + r.nextInt(10)));
        return units;
    }

    @Test
    void everyUnitGoesToExactlyOneShardInTheStudysOrder() {
        List<WorkUnit> units = units(23, 1);
        List<List<WorkUnit>> shards = ShardAssignment.assign(units, 4);
        Set<WorkUnit> seen = new HashSet<>();
        for (List<WorkUnit> s : shards) {
            for (WorkUnit u : s) assertTrue(seen.add(u), "twice: " + u);
            List<Integer> positions = s.stream().map(units::indexOf).toList();
            List<Integer> sorted = new ArrayList<>(positions);
            Collections.sort(sorted);
            assertEquals(sorted, positions);
        }
        assertEquals(new HashSet<>(units), seen);
    }

    @Test
    void theAssignmentDependsOnlyOnTheUnitsNotOnTheirListing() {
        List<WorkUnit> units = units(30, 2);
        List<WorkUnit> shuffled = new ArrayList<>(units);
        Collections.shuffle(shuffled, new Random(3));
        for (int n = 1; n <= 7; n++) {
            List<Set<WorkUnit>> a = ShardAssignment.assign(units, n).stream().map(l -> (Set<WorkUnit>) new HashSet<>(l)).toList();
            List<Set<WorkUnit>> b = ShardAssignment.assign(shuffled, n).stream().map(l -> (Set<WorkUnit>) new HashSet<>(l)).toList();
            assertEquals(a, b, "n = " + n);
            assertEquals(ShardAssignment.assign(units, n), ShardAssignment.assign(units, n));
        }
    }

    @Test
    void shardsAreBalancedWithinTheLargestUnit() {
        List<WorkUnit> units = units(40, 4);
        double total = units.stream().mapToDouble(WorkUnit::cost).sum();
        double largest = units.stream().mapToDouble(WorkUnit::cost).max().orElseThrow();
        for (int n = 2; n <= 8; n++) {
            double makespan = ShardAssignment.makespan(units, n);
            // Longest-first greedy: no shard exceeds the mean by more than one unit.
            assertTrue(makespan <= total / n + largest, "n = " + n + ": " + makespan);
            assertTrue(makespan >= total / n);
        }
        // Equal units spread evenly: 24 rounds on 5 shards are 5, 5, 5, 5, 4.
        List<WorkUnit> equal = new ArrayList<>();
        for (int i = 0; i < 24; i++) equal.add(new WorkUnit(String.format("r%02d", i), 1));
        assertEquals(List.of(5, 5, 5, 5, 4), ShardAssignment.assign(equal, 5).stream().map(List::size).toList());
        assertEquals(List.of(1, 1, 0), ShardAssignment.assign(equal.subList(0, 2), 3).stream().map(List::size).toList());
    }
}
