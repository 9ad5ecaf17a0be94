package nnlab.kernel.train;

import nnlab.kernel.run.RunContext;

/**
 * A run's progress bar made of all its parts (rounds, depths, models, evaluations) in one unit of
 * work: each part adds what it did, and the run reports done / total. Parts may advance from
 * several threads, e.g. rounds trained at once.
 */
public final class RunProgress implements ProgressSink {
    private final RunContext ctx;
    private final double total;
    private double done;

    public RunProgress(RunContext ctx, double totalUnits) {
        this.ctx = ctx;
        this.total = totalUnits;
    }

    @Override
    public synchronized void advance(double units, String message) {
        done += units;
        ctx.progress(done / total, message);
    }

    /** A part whose units each count {@code weight} units of the run, e.g. a deeper net's epochs cost more. */
    public ProgressSink weighted(double weight) {
        return (units, message) -> advance(units * weight, message);
    }
}
