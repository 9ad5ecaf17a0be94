package nnlab.kernel.run;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a finished run returns, saved as summary.json. Implementations are records written by
 * Jackson: each component is a key, in declaration order, named by {@code @JsonProperty} where the
 * key is not the component's name. Saved runs are read back as plain JSON, so a summary's keys
 * are a file format: rename none.
 */
public interface RunSummary {

    /**
     * One short result line for lists of runs, e.g. "test acc 90.5 % (Net1 replicate)"; saved in
     * run.json, not in summary.json. "" when there is nothing to say.
     */
    @JsonIgnore
    String headline();
}
