package nnlab.padding;

import java.util.List;
import nnlab.kernel.config.Config;

/**
 * Which images a round trains on. The published protocol keeps one draw for every round, so its
 * ± std measures the model seeds alone; varying the data seed per round lets the spread cover the
 * draw of the images too, which moves Net1's test accuracy by about ten points (issue #22).
 */
enum DataProtocol {
    /** Every round trains on the images of the data seed (published). */
    FIXED("fixed"),
    /** Round m draws its images from data seed + m. */
    PER_ROUND("per-round");

    static final String FIXED_ID = "fixed";
    static final String BOTH_ID = "both";

    private final String id;

    DataProtocol(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The data seed of a round. */
    long seed(long dataSeed, int round) {
        return this == FIXED ? dataSeed : dataSeed + round;
    }

    /** How the results table and bars name it, e.g. "data seed 42" or "data seed 42 + round". */
    String describe(long dataSeed) {
        return this == FIXED ? "data seed " + dataSeed : "data seed " + dataSeed + " + round";
    }

    static List<String> choices() {
        return List.of(FIXED.id, PER_ROUND.id, BOTH_ID);
    }

    /** The protocols a config runs, each variant once per protocol. */
    static List<DataProtocol> of(Config c) {
        String chosen = c.getString(PaddingSettings.DATA_SEEDS);
        if (chosen.equals(BOTH_ID)) return List.of(FIXED, PER_ROUND);
        return List.of(chosen.equals(PER_ROUND.id) ? PER_ROUND : FIXED);
    }
}
