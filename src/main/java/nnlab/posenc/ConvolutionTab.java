package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import nnlab.app.widgets.LinePlotView;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.figure.LineFigure;

/**
 * The "attention as conv / max pool" tab: Conv1D and max pooling written as attention, each
 * beside its exact counterpart, and the max-pool error as c grows. Its facts line sits in the
 * tab, under its note: the encoding settings do not apply here.
 */
final class ConvolutionTab implements PosEncTab {
    private final HeatmapView convAttentionView = new HeatmapView();
    private final LinePlotView convOutputView = new LinePlotView();
    private final HeatmapView poolAttentionView = new HeatmapView();
    private final LinePlotView poolOutputView = new LinePlotView();
    private final LinePlotView errorView = new LinePlotView();
    private final Label convFacts = new Label();
    private final Tab tab;

    ConvolutionTab() {
        Label note = PosEncLayout.note("Conv1D y(i) = 2·x(i−1) + x(i+1) is attention with w_Q = w_K = 0, w_V = 3 and relative-position "
                + "bias b(+1) = ln 2, b(−1) = 0, b = −∞ elsewhere (weights 2/3, 1/3). Borders: at i = 0 and i = n−1 one neighbour does "
                + "not exist. Conv1D pads it with 0; softmax instead renormalises over the one neighbour left, so attention gives "
                + "3·x(1) instead of x(1) and 3·x(n−2) instead of 2·x(n−2) — the only two places they differ. Max pooling: b = 0 "
                + "inside |i−j| ≤ k, −∞ outside, w_V = 1, w_Q = w_K = c; the window is cut at the ends for both, so borders agree. "
                + "For positive x the error shrinks as c grows.");
        convFacts.getStyleClass().add("posenc-emphasis");
        convFacts.setWrapText(true);
        convFacts.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(PosEncLayout.withExport(convAttentionView, convAttentionView::figure), 0, 0);
        grid.add(PosEncLayout.withExport(convOutputView, convOutputView::figure), 1, 0, 2, 1);
        grid.add(PosEncLayout.withExport(poolAttentionView, poolAttentionView::figure), 0, 1);
        grid.add(PosEncLayout.withExport(poolOutputView, poolOutputView::figure), 1, 1);
        grid.add(PosEncLayout.withExport(errorView, errorView::figure), 2, 1);
        for (double pct : new double[] {32, 34, 34}) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(pct);
            grid.getColumnConstraints().add(cc);
        }
        // Two rows of equal height within the tab: without row constraints the lower row ran past
        // the bottom of the tab at 1280 × 800, its x axis cut off.
        for (int row = 0; row < 2; row++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(javafx.scene.layout.Priority.ALWAYS);
            rc.setFillHeight(true);
            grid.getRowConstraints().add(rc);
        }
        VBox.setVgrow(grid, javafx.scene.layout.Priority.ALWAYS);
        for (HeatmapView v : List.of(convAttentionView, poolAttentionView)) {
            v.setPrefSize(340, 330);
            // Small 32 × 32 maps: a lower minimum lets both rows fit a 1280 × 800 window.
            v.setMinSize(180, 150);
        }
        for (LinePlotView v : List.of(convOutputView, poolOutputView, errorView)) v.setPrefSize(360, 330);
        tab = new Tab("Attention as conv / max pool", PosEncLayout.scroll(new VBox(8, note, convFacts, grid)));
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public Shown compute(PosEncRequest r) {
        double[] x = r.signal();
        AttentionAsConvolution.Result conv = AttentionAsConvolution.convolution(x);
        AttentionAsConvolution.Result pool = AttentionAsConvolution.maxPool(x, r.k(), r.c());
        double[] sweep = PosEncExperiment.sweepWith(r.c());
        double[] errors = new double[sweep.length];
        for (int i = 0; i < sweep.length; i++) errors[i] = AttentionAsConvolution.maxPool(x, r.k(), sweep[i]).maxAbsError();
        boolean positive = true;
        for (double v : x) positive &= v > 0;
        String facts = String.format(Locale.ROOT, "Conv1D: max |error| %.2e away from the borders, %.3g at the borders.   "
                + "Max pool (k = %d, c = %s): max |error| %.3g%s", conv.maxAbs(1, x.length - 1), conv.maxAbsError(), r.k(),
                NiceNumbers.format(r.c()), pool.maxAbsError(),
                positive ? "" : "   (the signal has values ≤ 0: the approximation needs positive inputs)");
        PosEncHeatmap convAttention = PosEncFigures.convAttention(conv, r.map());
        PosEncHeatmap poolAttention = PosEncFigures.poolAttention(pool, r.k(), r.c(), r.map());
        LineFigure convOutput = PosEncFigures.convOutput(x, conv);
        LineFigure poolOutput = PosEncFigures.poolOutput(x, pool, r.k(), r.c());
        LineFigure errorVsC = PosEncFigures.errorVsC(sweep, errors, r.k(), r.c());
        return () -> {
            convAttentionView.show(convAttention);
            poolAttentionView.show(poolAttention);
            convOutputView.show(convOutput);
            poolOutputView.show(poolOutput);
            errorView.show(errorVsC);
            convFacts.setText(facts);
            return "";
        };
    }
}
