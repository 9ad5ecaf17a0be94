package nnlab.gpt;

/** The sinusoidal position table of "Attention is all you need": PE[p, 2i] = sin(p/10000^(2i/C)), PE[p, 2i+1] = cos(…). */
public final class Sinusoids {
    private Sinusoids() {
    }

    public static double[][] table(int positions, int width) {
        double[][] pe = new double[positions][width];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < width; i++) {
                double angle = p / Math.pow(10000, (i - i % 2) / (double) width);
                pe[p][i] = i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return pe;
    }
}
