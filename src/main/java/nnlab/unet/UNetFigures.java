package nnlab.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.figure.ImageGridFigure;

/** The strip of validation canvases and the class colours it is drawn in. */
public final class UNetFigures {
    /** Background black, then ten well separated colours (Tableau 10), one per item class. */
    static final int[] PALETTE = {0xFF000000, 0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD, 0xFF8C564B, 0xFFE377C2,
        0xFFBCBD22, 0xFF17BECF, 0xFFF0F0F0};

    private UNetFigures() { }

    /** The colour of a class; beyond the palette, a grey that still differs from its neighbours. */
    static int colour(int cls) {
        if (cls < PALETTE.length) return PALETTE[cls];
        int v = 60 + (cls * 37) % 180;
        return 0xFF000000 | (v << 16) | (v << 8) | v;
    }

    static int[] colourMask(int[] classes) {
        int[] out = new int[classes.length];
        for (int i = 0; i < classes.length; i++) out[i] = colour(classes[i]);
        return out;
    }

    static int[] colourMask(byte[] classes) {
        int[] out = new int[classes.length];
        for (int i = 0; i < classes.length; i++) out[i] = colour(classes[i]);
        return out;
    }

    /**
     * One row per strip canvas: input, target, the prediction with skips, the one without (a blank
     * tile until that model has a prediction); under the grid a key of the class colours.
     *
     * @param withSkips    predictions per strip canvas, or null before the first epoch of that model
     * @param withoutSkips likewise for the model without skips
     * @param state        what the predictions are from, e.g. "after epoch 3" (see {@link #state})
     */
    public static ImageGridFigure strip(SegmentationSet val, int[] indices, int[][] withSkips, int[][] withoutSkips, String state) {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        int w = val.width();
        int h = val.height();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            tiles.add(new ImageGridFigure.Tile("input #" + index, w, h, val.argb(index)));
            tiles.add(new ImageGridFigure.Tile("target", w, h, colourMask(val.mask(index))));
            tiles.add(prediction("with skips", w, h, withSkips == null ? null : withSkips[i], val.mask(index)));
            tiles.add(prediction("without skips", w, h, withoutSkips == null ? null : withoutSkips[i], val.mask(index)));
        }
        List<ImageGridFigure.KeyEntry> key = new ArrayList<>();
        for (int c = 0; c < val.classes(); c++) key.add(new ImageGridFigure.KeyEntry(val.classNames().get(c), colour(c)));
        return new ImageGridFigure("Validation strip, " + state, 4, tiles, key);
    }

    /** "after epoch 3" when both models are at the same epoch, else each model's own ("untrained" before its first). */
    static String state(int withEpoch, int withoutEpoch) {
        if (withEpoch == withoutEpoch) return withEpoch == 0 ? "untrained" : "after epoch " + withEpoch;
        return "with skips " + epochText(withEpoch) + ", without " + epochText(withoutEpoch);
    }

    private static String epochText(int epoch) {
        return epoch == 0 ? "untrained" : "after epoch " + epoch;
    }

    private static ImageGridFigure.Tile prediction(String model, int w, int h, int[] predicted, byte[] target) {
        if (predicted == null) {
            // A pale tile of the canvas's size keeps the grid's rows in place until the first prediction.
            int[] blank = new int[w * h];
            java.util.Arrays.fill(blank, 0xFFEEEEEE);
            return new ImageGridFigure.Tile(model + ": not yet", w, h, blank);
        }
        int right = 0;
        for (int p = 0; p < predicted.length; p++) if (predicted[p] == target[p]) right++;
        String caption = String.format(Locale.ROOT, "%s (%.0f %% px)", model, 100.0 * right / predicted.length);
        return new ImageGridFigure.Tile(caption, w, h, colourMask(predicted));
    }

    /** "0.781" or "0.781 ± 0.012" (sample std over seeds); "–" when no seed measured the class. */
    static String meanStd(List<Double> values) {
        return meanStd(values, "%.3f");
    }

    /** As {@link #meanStd(List)} with a sign: for gaps, "+0.098 ± 0.011". */
    static String signedMeanStd(List<Double> values) {
        return meanStd(values, "%+.3f");
    }

    private static String meanStd(List<Double> values, String meanFormat) {
        List<Double> v = values.stream().filter(d -> d != null && !Double.isNaN(d)).toList();
        if (v.isEmpty()) return "–";
        double mean = mean(v);
        if (v.size() == 1) return String.format(Locale.ROOT, meanFormat, mean);
        return String.format(Locale.ROOT, meanFormat + " ± %.3f", mean, std(v));
    }

    /** Sample standard deviation (n − 1) of the finite values; NaN for fewer than two. */
    static double std(List<Double> values) {
        List<Double> v = values.stream().filter(d -> d != null && !Double.isNaN(d)).toList();
        if (v.size() < 2) return Double.NaN;
        double mean = mean(v);
        double ss = 0;
        for (double d : v) ss += (d - mean) * (d - mean);
        return Math.sqrt(ss / (v.size() - 1));
    }

    static double mean(List<Double> values) {
        return values.stream().filter(d -> d != null && !Double.isNaN(d)).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
