package nnlab.kernel.shard;

/**
 * One independent piece of a study (e.g. padding's "Net1/fconv/round-3"): it draws its seeds from
 * the settings alone, so it gives the same numbers in whichever process or shard it runs.
 *
 * @param id   stable within a config, safe in file names and on a command line
 * @param cost expected cost in any unit the study likes (e.g. epochs × images), used only to
 *             balance shards; must be positive
 */
public record WorkUnit(String id, double cost) {
    public WorkUnit {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a work unit needs an id");
        if (!(cost > 0) || Double.isInfinite(cost)) throw new IllegalArgumentException("unit " + id + ": cost must be positive, got " + cost);
    }
}
