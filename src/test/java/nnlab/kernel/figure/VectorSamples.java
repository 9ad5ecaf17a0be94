package nnlab.kernel.figure;

import java.util.List;

/** One figure of each kind, small enough to check element by element in SVG and PDF. */
final class VectorSamples {
    private VectorSamples() { }

    static LineFigure line() {
        return new LineFigure.Builder().add("train", 1, 0.5).add("train", 2, 0.25).add("train", 3, 0.2)
                .add("test & held out", 1, 0.75).add("test & held out", 2, 0.6).add("val", 1, 0.7).add("val", 3, 0.3)
                .build("Loss per epoch", "epoch", "loss", false);
    }

    static BarFigure bars() {
        return new BarFigure("Test accuracy (mean ± std)", "accuracy %", List.of("valid", "same"), List.of("Net1", "Net2"),
                new double[][] {{96.2, 97.1}, {98.1, Double.NaN}}, new double[][] {{0.4, 0.3}, {0.2, 0}}, 90, 100);
    }

    static HeatmapFigure heatmap() {
        return new HeatmapFigure("Gram matrix", "column j", "row i", new double[][] {{1, 0.5, 0}, {0.5, 1, -0.5}},
                ColorMap.DIVERGING);
    }

    static ImageGridFigure imageGrid() {
        return new ImageGridFigure("Test images", 2, List.of(
                new ImageGridFigure.Tile("cat", 2, 2, new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF}),
                new ImageGridFigure.Tile("dog", 2, 2, new int[] {0x000000, 0x808080, 0x404040, 0xC0C0C0}),
                new ImageGridFigure.Tile("✗ bird", 2, 2, new int[] {0x102030, 0x102030, 0x102030, 0x102030})));
    }

    static ScatterFigure scatter() {
        return new ScatterFigure("Embeddings", "dim 1", "dim 2", List.of(
                new ScatterFigure.Group("class A", new double[] {1, 2, 3}, new double[] {3, 1, 2}),
                new ScatterFigure.Group("class B", new double[] {0, 2.5}, new double[] {1, 1.5})));
    }

    static TableFigure table() {
        return new TableFigure("Results", List.of("Net", "Test acc %"),
                List.of(List.of("Net1", "97.1 ± 0.3"), List.of("Net2", "98.0 ± 0.2")));
    }

    static List<Figure> all() {
        return List.of(line(), bars(), heatmap(), imageGrid(), scatter(), table());
    }
}
