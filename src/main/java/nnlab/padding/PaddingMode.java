package nnlab.padding;

import java.util.ArrayList;
import java.util.List;

/** The "conv types" of the padding study (spec §1): how every conv layer treats the border. */
public enum PaddingMode {
    VALID("valid", 0, Kind.ZERO, "no padding"),
    SCONV("sconv", 1, Kind.ZERO, "zero padding 1 ('same' size)"),
    FCONV("fconv", 2, Kind.ZERO, "zero padding 2 ('full' convolution)"),
    REFLECT("reflect", 2, Kind.REFLECT, "mirror without repeating the edge pixel, padding 2"),
    REPLICATE("replicate", 2, Kind.REPLICATE, "repeat the edge pixel, padding 2"),
    CIRCULAR("circular", 2, Kind.CIRCULAR, "wrap around, padding 2");

    /** How the padded border is filled. */
    public enum Kind { ZERO, REFLECT, REPLICATE, CIRCULAR }

    private final String id;
    private final int amount;
    private final Kind kind;
    private final String description;

    PaddingMode(String id, int amount, Kind kind, String description) {
        this.id = id;
        this.amount = amount;
        this.kind = kind;
        this.description = description;
    }

    public String id() { return id; }
    public int amount() { return amount; }
    public Kind kind() { return kind; }
    public String description() { return description; }

    /**
     * Which input index a padded position copies, along one axis of length n padded by p on both
     * sides: padded index j (0 ≤ j &lt; n + 2p) shows input index sourceIndex(kind, j, n, p). This
     * one map defines the forward pass and, read backwards, the gradient.
     */
    public static int sourceIndex(Kind kind, int j, int n, int p) {
        int i = j - p;
        if (i >= 0 && i < n) return i;
        switch (kind) {
            case REPLICATE:
                return i < 0 ? 0 : n - 1;
            case CIRCULAR:
                return Math.floorMod(i, n);
            case REFLECT:
                return i < 0 ? -i : 2 * (n - 1) - i;
            default:
                throw new IllegalArgumentException(kind + " padding copies no input values");
        }
    }

    public static PaddingMode fromId(String id) {
        for (PaddingMode m : values()) {
            if (m.id.equals(id)) return m;
        }
        throw new IllegalArgumentException("unknown padding '" + id + "'");
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (PaddingMode m : values()) ids.add(m.id);
        return ids;
    }
}
