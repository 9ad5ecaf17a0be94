package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A live heatmap: one WritableImage pixel per cell, scaled up without smoothing, with index ticks,
 * axis labels, a colour bar, optional block outlines and a hover readout (i, j, value).
 */
final class HeatmapView extends Region {
    private static final double LEFT = 58, TOP = 26, BOTTOM = 44, BAR_GAP = 14, BAR_W = 14, BAR_LABELS = 58;

    private final Label title = new Label();
    private final ImageView image = new ImageView();
    private final ImageView bar = new ImageView();
    private final Text xLabel = new Text();
    private final Text yLabel = new Text();
    private final Label readout = new Label(" ");
    private final Rectangle hover = new Rectangle();
    private final List<Node> decorations = new ArrayList<>();
    private WritableImage pixels;
    private int[] buffer = new int[0];
    private PosEncHeatmap figure;
    private HeatmapColors.Range range;

    HeatmapView() {
        getStyleClass().add("posenc-heatmap");
        title.setFont(Font.font(null, FontWeight.BOLD, 13));
        image.setSmooth(false);
        image.setPreserveRatio(false);
        bar.setSmooth(true);
        yLabel.setRotate(-90);
        readout.setAlignment(Pos.CENTER_LEFT);
        readout.getStyleClass().add("heatmap-readout");
        hover.setFill(Color.TRANSPARENT);
        hover.setStroke(Color.WHITE);
        hover.setStrokeWidth(1.5);
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        getChildren().addAll(title, image, bar, xLabel, yLabel, readout, hover);
        image.setOnMouseMoved(e -> showHover(e.getX(), e.getY()));
        image.setOnMouseExited(e -> {
            hover.setVisible(false);
            readout.setText(" ");
        });
        setMinSize(220, 200);
        setPrefSize(520, 480);
    }

    PosEncHeatmap figure() {
        return figure;
    }

    /** The pixel image (cols × rows), for tests. */
    WritableImage image() {
        return pixels;
    }

    String readoutText() {
        return readout.getText();
    }

    /** Shows a new matrix; call on the JavaFX thread. Reuses the image when the size is unchanged. */
    void show(PosEncHeatmap fig) {
        Matrix m = fig.values();
        boolean resized = pixels == null || (int) pixels.getWidth() != m.cols() || (int) pixels.getHeight() != m.rows();
        if (resized) {
            pixels = new WritableImage(m.cols(), m.rows());
            image.setImage(pixels);
            buffer = new int[m.rows() * m.cols()];
        }
        boolean newMap = figure == null || figure.colorMap() != fig.colorMap();
        figure = fig;
        range = HeatmapColors.Range.of(m, fig.colorMap());
        HeatmapColors.fill(m, fig.colorMap(), range, buffer);
        pixels.getPixelWriter().setPixels(0, 0, m.cols(), m.rows(), PixelFormat.getIntArgbInstance(), buffer, 0, m.cols());
        if (newMap) bar.setImage(colorBar(fig));
        title.setText(fig.title());
        xLabel.setText(fig.xLabel());
        yLabel.setText(fig.yLabel());
        hover.setVisible(false);
        rebuildDecorations();
        requestLayout();
    }

    private static WritableImage colorBar(PosEncHeatmap fig) {
        int h = 256;
        WritableImage img = new WritableImage(1, h);
        for (int y = 0; y < h; y++) img.getPixelWriter().setArgb(0, y, fig.colorMap().argb(1 - (y + 0.5) / h));
        return img;
    }

    // Ticks, block outlines and colour-bar labels are rebuilt per update; there are only a few dozen.
    private void rebuildDecorations() {
        getChildren().removeAll(decorations);
        decorations.clear();
        Matrix m = figure.values();
        // About one tick per 45 px, so small views do not run their labels together.
        int maxTicks = (int) Math.max(2, Math.min(9, plotSide / 45));
        for (int t : NiceNumbers.indexTicks(m.cols(), maxTicks)) decorations.add(tick("x", t, String.valueOf(t)));
        for (int t : NiceNumbers.indexTicks(m.rows(), maxTicks)) decorations.add(tick("y", t, String.valueOf(t)));
        for (double v : NiceNumbers.ticks(range.lo(), range.hi(), 6)) decorations.add(tick("bar", v, NiceNumbers.format(v)));
        for (PosEncHeatmap.Block b : figure.blocks()) {
            Rectangle r = new Rectangle();
            r.setFill(Color.TRANSPARENT);
            r.setStroke(Color.WHITE);
            r.setStrokeWidth(2);
            r.setMouseTransparent(true);
            r.setUserData(b);
            Label l = new Label(b.label());
            l.getStyleClass().add("heatmap-block-label");
            l.setMouseTransparent(true);
            l.setUserData(b);
            decorations.add(r);
            decorations.add(l);
        }
        getChildren().addAll(decorations);
        hover.toFront();
    }

    private Text tick(String axis, double at, String text) {
        Text t = new Text(text);
        t.setFont(Font.font(11));
        t.setUserData(new double[] {axis.equals("x") ? 0 : axis.equals("y") ? 1 : 2, at});
        return t;
    }

    private double plotX, plotY, cellW, cellH;
    private double plotSide = 300;

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        title.setAlignment(Pos.CENTER);
        title.resizeRelocate(0, 2, w, 20);
        double readoutH = 20;
        readout.resizeRelocate(LEFT, h - readoutH, Math.max(0, w - LEFT), readoutH);
        if (figure == null) return;
        Matrix m = figure.values();
        double availW = w - LEFT - BAR_GAP - BAR_W - BAR_LABELS;
        double availH = h - TOP - BOTTOM - readoutH;
        // Square cells: the matrix keeps its aspect ratio.
        double cell = Math.max(0.1, Math.min(availW / m.cols(), availH / m.rows()));
        cellW = cell;
        cellH = cell;
        double pw = cell * m.cols();
        double ph = cell * m.rows();
        double side = Math.min(pw, ph);
        if (Math.abs(side - plotSide) > 40) {
            // Tick density depends on the size; rebuild (once) when the size changed noticeably.
            plotSide = side;
            rebuildDecorations();
        }
        plotX = LEFT;
        plotY = TOP;
        image.setFitWidth(pw);
        image.setFitHeight(ph);
        image.relocate(plotX, plotY);
        bar.setFitWidth(BAR_W);
        bar.setFitHeight(ph);
        bar.relocate(plotX + pw + BAR_GAP, plotY);
        xLabel.relocate(plotX + pw / 2 - xLabel.getLayoutBounds().getWidth() / 2, plotY + ph + 20);
        double yw = yLabel.getLayoutBounds().getWidth();
        yLabel.relocate(8 - yw / 2 + 6, plotY + ph / 2 - yLabel.getLayoutBounds().getHeight() / 2);
        for (Node n : decorations) {
            if (n instanceof Text t && t.getUserData() instanceof double[] d) {
                double tw = t.getLayoutBounds().getWidth();
                double th = t.getLayoutBounds().getHeight();
                if (d[0] == 0) t.relocate(plotX + (d[1] + 0.5) * cell - tw / 2, plotY + ph + 3);
                else if (d[0] == 1) t.relocate(plotX - 5 - tw, plotY + (d[1] + 0.5) * cell - th / 2);
                else t.relocate(plotX + pw + BAR_GAP + BAR_W + 4, plotY + ph * (1 - range.fraction(d[1])) - th / 2);
            } else if (n.getUserData() instanceof PosEncHeatmap.Block b) {
                double bx = plotX + b.col() * cell;
                double by = plotY + b.row() * cell;
                if (n instanceof Rectangle r) {
                    r.setX(bx);
                    r.setY(by);
                    r.setWidth(b.cols() * cell);
                    r.setHeight(b.rows() * cell);
                } else {
                    n.autosize();
                    n.relocate(bx + 4, by + 4);
                }
            }
        }
    }

    private void showHover(double x, double y) {
        if (figure == null || cellW <= 0) return;
        Matrix m = figure.values();
        int j = (int) Math.floor(x / cellW);
        int i = (int) Math.floor(y / cellH);
        if (i < 0 || j < 0 || i >= m.rows() || j >= m.cols()) {
            hover.setVisible(false);
            return;
        }
        String block = figure.blockAt(i, j);
        readout.setText(String.format(java.util.Locale.ROOT, "i = %d, j = %d: %s%s", i, j, NiceNumbers.fullFormat(m.get(i, j)),
                block.isEmpty() ? "" : "   (" + block + ")"));
        hover.setX(plotX + j * cellW - 0.5);
        hover.setY(plotY + i * cellH - 0.5);
        hover.setWidth(Math.max(3, cellW + 1));
        hover.setHeight(Math.max(3, cellH + 1));
        hover.setVisible(true);
    }

    /** Hover value for a cell, as shown to the user. */
    String describeCell(int i, int j) {
        return NiceNumbers.fullFormat(figure.values().get(i, j));
    }

}
