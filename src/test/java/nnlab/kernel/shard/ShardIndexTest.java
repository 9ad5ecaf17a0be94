package nnlab.kernel.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardIndexTest {

    @Test
    void explicitIndexIsCountedFromZero() {
        assertEquals(new ShardIndex(2, 4), ShardIndex.parse("2/4", Map.of()));
        assertEquals(new ShardIndex(0, 1), ShardIndex.parse(" 0/1 ", Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardIndex.parse("4/4", Map.of())).getMessage().contains("between 0 and 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardIndex.parse("1/0", Map.of())).getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardIndex.parse("x/3", Map.of())).getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardIndex.parse("3", Map.of())).getMessage().contains("i/n"));
    }

    @Test
    void slurmArrayTaskIsCountedFromTheArraysMinimumInItsSteps() {
        assertEquals(new ShardIndex(3, 4), ShardIndex.parse("auto", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4")));
        // sbatch --array=1-4: task ids 1..4 are shards 0..3
        assertEquals(new ShardIndex(0, 4), ShardIndex.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_COUNT", "4")));
        // sbatch --array=10-16:2: task 14 is the third of four
        assertEquals(new ShardIndex(2, 4), ShardIndex.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "14", "SLURM_ARRAY_TASK_MIN", "10",
                "SLURM_ARRAY_TASK_STEP", "2", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertThrows(IllegalArgumentException.class, () -> ShardIndex.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3")));
    }

    @Test
    void kubernetesIndexNeedsTheCountFromTheJob() {
        assertEquals(new ShardIndex(1, 3), ShardIndex.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1", ShardIndex.COUNT_VARIABLE, "3")));
        String message = assertThrows(IllegalArgumentException.class,
                () -> ShardIndex.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1"))).getMessage();
        assertTrue(message.contains(ShardIndex.COUNT_VARIABLE), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardIndex.fromEnvironment(Map.of())).getMessage()
                .contains("no array job"));
        assertThrows(IllegalArgumentException.class,
                () -> ShardIndex.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "3", ShardIndex.COUNT_VARIABLE, "3")));
    }
}
