package nnlab.unet;

/**
 * Intersection over union from a confusion matrix accumulated over a whole set (not averaged per
 * image): IoU of class c = TP / (TP + FP + FN). The mean is over the classes present in the
 * targets (TP + FN > 0); a class absent from the targets has no IoU (NaN) and stays out of the
 * mean, though its false positives still lower the IoU of the classes they were taken from.
 */
public final class Iou {
    private final long[][] confusion;

    public Iou(int classes) {
        confusion = new long[classes][classes];
    }

    public int classes() {
        return confusion.length;
    }

    public void add(int target, int predicted) {
        confusion[target][predicted]++;
    }

    /** Adds every pixel of one image (or a batch laid out alike). */
    public void add(byte[] targets, int[] predicted) {
        for (int i = 0; i < targets.length; i++) confusion[targets[i]][predicted[i]]++;
    }

    public double[] perClass() {
        int n = confusion.length;
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            long tp = confusion[c][c];
            long fn = 0;
            long fp = 0;
            for (int k = 0; k < n; k++) {
                if (k == c) continue;
                fn += confusion[c][k];
                fp += confusion[k][c];
            }
            out[c] = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fp + fn);
        }
        return out;
    }

    /** Mean IoU over the classes present in the targets; NaN when nothing was added. */
    public double mean() {
        return meanOfPresent(perClass());
    }

    public static double meanOfPresent(double[] perClass) {
        double sum = 0;
        int present = 0;
        for (double v : perClass) {
            if (Double.isNaN(v)) continue;
            sum += v;
            present++;
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** Fraction of pixels classified right. */
    public double pixelAccuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                all += confusion[t][p];
                if (t == p) right += confusion[t][p];
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
