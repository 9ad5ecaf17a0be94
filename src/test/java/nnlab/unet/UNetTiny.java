package nnlab.unet;

import java.util.HashMap;
import java.util.Map;
import nnlab.kernel.config.Config;

/** Tiny study configs for the unet tests: 28 × 28 canvases of one generated shape, widths 4, a few canvases. */
final class UNetTiny {
    private UNetTiny() { }

    static Config config(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("data", "shapes", "canvas-height", "28", "canvas-width", "28", "min-items", "1",
                "max-items", "1", "train-size", "24", "val-size", "8", "test-size", "8", "epochs", "1", "batch-size", "8"));
        s.putAll(Map.of("down1", "4", "down2", "4", "bottleneck", "4", "up1", "4", "up2", "4", "strip-images", "2"));
        s.putAll(extra);
        return new UNetExperiment().schema().fromText(s);
    }
}
