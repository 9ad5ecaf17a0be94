package nnlab.kernel.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The time a run has left, from its progress fractions. Not elapsed × (1 − f) / f since the run
 * started: a run's first seconds (loading data, building models, the first oneDNN epoch that
 * compiles its kernels) make no progress at full cost, so that estimate ran three times too
 * long early on (a 47 s padding run showed "ETA 2:21") and only met the truth at the very end.
 * Here the rate is measured from the first report of progress on (work before it, at zero
 * progress, is not counted), over the more recent half of the time since then, so a slow start
 * stops counting as soon as the work runs at its steady speed.
 */
public final class EtaEstimator {
    /** Below this much progress since the first report, no estimate (NaN) rather than a wild one. */
    static final double MIN_PROGRESS = 0.01;
    /** And not before this many seconds of measured work. */
    static final double MIN_SECONDS = 1.0;

    private final LongSupplier nanos;
    private final Deque<double[]> samples = new ArrayDeque<>();
    private double firstT = Double.NaN;
    private double firstF;
    private boolean started;

    public EtaEstimator(LongSupplier nanoClock) {
        this.nanos = nanoClock;
    }

    public EtaEstimator() {
        this(System::nanoTime);
    }

    /** Records progress f (0..1) now and returns the seconds left, NaN while unknown. */
    public synchronized double update(double f) {
        double t = nanos.getAsLong() / 1e9;
        if (Double.isNaN(firstT) || f <= firstF || !started) {
            // Until the first progress, and at it: what came before (loading, building, the first
            // epoch's warm-up) ran at no measurable rate, so the measurement starts here.
            started = !Double.isNaN(firstT) && f > firstF;
            firstT = t;
            firstF = f;
            samples.clear();
        }
        samples.addLast(new double[] {t, f});
        if (f >= 1) return 0;
        double since = t - firstT;
        // The reference point: the newest sample at least half of the measured time ago.
        double cutoff = t - since / 2;
        while (samples.size() > 2 && samples.peekFirst()[0] < cutoff && second()[0] <= cutoff) samples.removeFirst();
        double[] ref = samples.peekFirst();
        double df = f - ref[1];
        double dt = t - ref[0];
        if (f - firstF < MIN_PROGRESS || since < MIN_SECONDS || df <= 0 || dt <= 0) return Double.NaN;
        return (1 - f) * dt / df;
    }

    private double[] second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
