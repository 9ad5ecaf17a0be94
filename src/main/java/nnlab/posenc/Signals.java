package nnlab.posenc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Input signals for the attention-as-convolution study: typed in, or random and seeded. */
public final class Signals {
    public static final int MAX_LENGTH = 512;
    /**
     * Random signals are uniform on [LOW, HIGH]: positive, because attention only approximates max
     * pooling for positive inputs (the score c²·x_i·x_j favours the largest x_j only when x_i > 0).
     */
    public static final double LOW = 0.5;
    public static final double HIGH = 2.0;

    private Signals() { }

    public static double[] random(int n, long seed) {
        if (n < 2 || n > MAX_LENGTH) throw new IllegalArgumentException("the signal length must be from 2 to " + MAX_LENGTH + ", got " + n);
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(GramMatrices.drawSeed(seed, -1));
        INDArray x = Nd4j.rand(Nd4j.create(DataType.DOUBLE, n), LOW, HIGH, rng);
        return x.toDoubleVector();
    }

    /** Parses "1, 2.5 3" (commas, semicolons or spaces); the message names the first bad entry. */
    public static double[] parse(String text) {
        List<Double> values = new ArrayList<>();
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty()) {
            for (String part : t.split("[,;\\s]+")) {
                if (part.isEmpty()) continue;
                double v;
                try {
                    v = Double.parseDouble(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part + "' is not a number");
                }
                if (!Double.isFinite(v)) throw new IllegalArgumentException("'" + part + "' is not a finite number");
                values.add(v);
            }
        }
        if (values.size() < 2) throw new IllegalArgumentException("the signal needs at least 2 values, got " + values.size());
        if (values.size() > MAX_LENGTH) throw new IllegalArgumentException("the signal may have at most " + MAX_LENGTH + " values, got " + values.size());
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    public static String format(double[] x) {
        StringBuilder sb = new StringBuilder();
        for (double v : x) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.3g", v));
        }
        return sb.toString();
    }
}
