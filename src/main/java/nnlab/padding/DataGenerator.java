package nnlab.padding;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The random stream the box images are drawn from. The same seed gives other images with each
 * generator; one draw of the 2 000 training images moves Net1's test accuracy by about ten points
 * (issue #22), so only the published generator reproduces the published table.
 */
public enum DataGenerator {
    /** numpy's legacy RandomState(seed), which the published study used. */
    NUMPY("numpy") {
        @Override
        Draws open(long seed) {
            return new NumpyRandomState(seed)::randint;
        }
    },
    /** java.util.Random(seed): NN Lab's draw before issue #22, kept so that earlier runs can be repeated. */
    JAVA("java") {
        @Override
        Draws open(long seed) {
            Random random = new Random(seed);
            return (low, high) -> low + random.nextInt(high - low);
        }
    };

    private final String id;

    DataGenerator(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A fresh stream from this seed. */
    abstract Draws open(long seed);

    public static List<String> ids() {
        return Arrays.stream(values()).map(DataGenerator::id).toList();
    }

    public static DataGenerator fromId(String id) {
        for (DataGenerator g : values()) {
            if (g.id.equals(id)) return g;
        }
        throw new IllegalArgumentException("unknown data generator '" + id + "'");
    }

    /** Integer draws in numpy's {@code randint(low, high)} form: low inclusive, high exclusive. */
    @FunctionalInterface
    interface Draws {
        int randint(int low, int high);
    }
}
