package nnlab.kernel.figure;

/**
 * A labelled horizontal line across a plot, e.g. "chance 50 %" or "ln 7 = loss of a uniform
 * guess": the level a reader compares the data with. Line and bar figures draw it dashed, with
 * its label at the right end, and widen an automatic y axis so the line is always in view.
 */
public record ReferenceLine(double y, String label) {
    public ReferenceLine {
        if (!Double.isFinite(y)) throw new IllegalArgumentException("a reference line needs a finite y, got " + y);
        label = label == null ? "" : label;
    }

    /** Chance level of a classifier with this many equally frequent classes, in %. */
    public static ReferenceLine chancePercent(int classes) {
        double p = 100.0 / classes;
        return new ReferenceLine(p, "chance " + Axis.sig(p, 3) + " %");
    }

    /** The cross-entropy of a uniform guess over this many classes: ln C. */
    public static ReferenceLine uniformLoss(int classes) {
        return new ReferenceLine(Math.log(classes), "ln " + classes + " = " + Axis.sig(Math.log(classes), 3) + " (uniform guess)");
    }
}
