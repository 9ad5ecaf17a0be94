package nnlab.unet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a U-Net run: mean IoU over the classes present (whole-set confusion matrix).
 *
 * @param models "with skips" and "without skips"
 * @param iouGap        mean over seeds of the paired gap (validation mean IoU with skips minus without, same seed)
 * @param iouGapPerSeed that gap of each seed
 */
public record UNetSummary(
        String experiment,
        String data,
        @JsonProperty("data_location") String dataLocation,
        @JsonProperty("train_canvases") int trainCanvases,
        @JsonProperty("val_canvases") int valCanvases,
        @JsonProperty("test_canvases") int testCanvases,
        int epochs,
        List<Integer> seeds,
        @JsonProperty("class_names") List<String> classNames,
        Map<String, Model> models,
        @JsonProperty("val_iou_gap") double iouGap,
        @JsonProperty("val_iou_gap_per_seed") List<Double> iouGapPerSeed) implements RunSummary {

    /**
     * @param valMeanIou        final validation mean IoU per seed
     * @param testMeanIou       final test mean IoU per seed
     * @param perClassValIou    per class name, mean over seeds (null: class absent)
     */
    public record Model(
            @JsonProperty("val_mean_iou") List<Double> valMeanIou,
            @JsonProperty("test_mean_iou") List<Double> testMeanIou,
            @JsonProperty("val_pixel_accuracy") List<Double> valPixelAccuracy,
            @JsonProperty("train_loss_per_epoch") List<List<Double>> trainLossPerEpoch,
            @JsonProperty("val_loss_per_epoch") List<List<Double>> valLossPerEpoch,
            @JsonProperty("seconds_per_epoch") double secondsPerEpoch,
            @JsonProperty("per_class_val_iou") Map<String, Double> perClassValIou) { }

    @Override
    public String headline() {
        Model on = models.get(UNetExperiment.WITH);
        Model off = models.get(UNetExperiment.WITHOUT);
        if (on == null || off == null) return "";
        if (iouGapPerSeed == null || iouGapPerSeed.size() < 2) {
            return String.format(Locale.ROOT, "val mIoU with skips %.3f, without %.3f (gap %+.3f)", UNetFigures.mean(on.valMeanIou()),
                    UNetFigures.mean(off.valMeanIou()), iouGap);
        }
        return "val mIoU with skips " + UNetFigures.meanStd(on.valMeanIou()) + ", without " + UNetFigures.meanStd(off.valMeanIou())
                + " (gap " + UNetFigures.signedMeanStd(iouGapPerSeed) + ", paired over " + iouGapPerSeed.size() + " seeds)";
    }
}
