package nnlab.kernel.shard;

import java.util.Map;

/**
 * Which shard this process runs: {@code index} of {@code count}, counted from 0. Given as
 * {@code --shard i/n}, or {@code --shard auto} to take it from an array job's environment.
 */
public record ShardIndex(int index, int count) {
    /** Overrides the count where a scheduler does not tell it (a Kubernetes Indexed Job's completions). */
    public static final String COUNT_VARIABLE = "NNLAB_SHARD_COUNT";

    public ShardIndex {
        if (count < 1) throw new IllegalArgumentException("the number of shards must be at least 1, got " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index must be between 0 and " + (count - 1) + ", got " + index);
        }
    }

    /** "2/4" (index 2 of 4); "auto" reads {@code env} with {@link #fromEnvironment}. */
    public static ShardIndex parse(String text, Map<String, String> env) {
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) return fromEnvironment(env);
        int slash = t.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("expected i/n (e.g. 0/4, counted from 0) or auto, got '" + text + "'");
        return new ShardIndex(number(t.substring(0, slash), "the shard index"), number(t.substring(slash + 1), "the number of shards"));
    }

    /**
     * The shard of an array-job task. Slurm: {@code SLURM_ARRAY_TASK_ID} counted from
     * {@code SLURM_ARRAY_TASK_MIN} in steps of {@code SLURM_ARRAY_TASK_STEP} (so {@code --array=1-4}
     * and {@code --array=0-6:2} work too), of {@code SLURM_ARRAY_TASK_COUNT}. Kubernetes Indexed
     * Job: {@code JOB_COMPLETION_INDEX} of {@value #COUNT_VARIABLE} (set it to the completions).
     * {@value #COUNT_VARIABLE}, when set, overrides Slurm's count too.
     */
    public static ShardIndex fromEnvironment(Map<String, String> env) {
        String override = env.get(COUNT_VARIABLE);
        String slurmId = env.get("SLURM_ARRAY_TASK_ID");
        if (slurmId != null) {
            int id = number(slurmId, "SLURM_ARRAY_TASK_ID");
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env.get("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN") : 0;
            int step = env.containsKey("SLURM_ARRAY_TASK_STEP") ? number(env.get("SLURM_ARRAY_TASK_STEP"), "SLURM_ARRAY_TASK_STEP") : 1;
            String count = override != null ? override : env.get("SLURM_ARRAY_TASK_COUNT");
            if (count == null) throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT");
            if (step < 1 || (id - min) % step != 0) throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID " + id + " is not on the array's steps");
            return new ShardIndex((id - min) / step, number(count, override != null ? COUNT_VARIABLE : "SLURM_ARRAY_TASK_COUNT"));
        }
        String k8s = env.get("JOB_COMPLETION_INDEX");
        if (k8s != null) {
            if (override == null) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set but not " + COUNT_VARIABLE + " (set it to the job's completions)");
            }
            return new ShardIndex(number(k8s, "JOB_COMPLETION_INDEX"), number(override, COUNT_VARIABLE));
        }
        throw new IllegalArgumentException("--shard auto: no array job here (neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set)");
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
