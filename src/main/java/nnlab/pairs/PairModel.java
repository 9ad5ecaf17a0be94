package nnlab.pairs;

import java.util.Arrays;
import java.util.List;

/**
 * How a model sees a pair of h×w images: CNN stacks them along the height (one channel, 2h×w),
 * CNNChannel as two channels (2×h×w), so its first layer already compares the two at each pixel.
 * Both layouts are the same floats in row-major order, so one pair array serves both.
 */
public enum PairModel {
    CNN("CNN"),
    CHANNEL("CNNChannel");

    private final String label;

    PairModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public int channels() {
        return this == CNN ? 1 : 2;
    }

    public int inputHeight(int imageHeight) {
        return this == CNN ? 2 * imageHeight : imageHeight;
    }

    /** E.g. "1×56×28". */
    public String inputShape(int imageHeight, int imageWidth) {
        return channels() + "×" + inputHeight(imageHeight) + "×" + imageWidth;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(PairModel::label).toList();
    }

    public static PairModel of(String label) {
        for (PairModel m : values()) if (m.label.equals(label)) return m;
        throw new IllegalArgumentException("unknown model '" + label + "' (expected one of " + labels() + ")");
    }
}
