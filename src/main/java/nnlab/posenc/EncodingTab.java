package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import nnlab.app.widgets.LinePlotView;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nnlab.kernel.figure.LineFigure;

/** The EᵀE tab: the Gram matrix of the encoding as a heatmap, and one of its rows as a line. */
final class EncodingTab implements PosEncTab {
    /** The row plot never gets narrower than this (points). */
    static final double ROW_MIN_WIDTH = 340;
    private final HeatmapView gramView = new HeatmapView();
    private final LinePlotView rowView = new LinePlotView();
    private final Tab tab;

    EncodingTab() {
        HBox gramPane = new HBox(8, PosEncLayout.withExport(gramView, gramView::figure), PosEncLayout.withExport(rowView, rowView::figure));
        // Both share the width: a row plot of 260 × 600 px read as a sliver beside the square.
        // The heatmap stays square inside its box, so it gives up width first.
        HBox.setHgrow(gramPane.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(gramPane.getChildren().get(1), Priority.ALWAYS);
        rowView.setMinWidth(ROW_MIN_WIDTH);
        rowView.setPrefWidth(440);
        gramView.setPrefWidth(560);
        VBox.setVgrow(gramPane, Priority.ALWAYS);
        tab = new Tab("EᵀE", PosEncLayout.scroll(new VBox(8, gramPane)));
    }

    LinePlotView rowView() {
        return rowView;
    }

    HeatmapView gramView() {
        return gramView;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public Shown compute(PosEncRequest r) {
        PosEncStudy.EncodingView v = PosEncStudy.encoding(r.p(), r.n(), r.base(), r.row());
        String facts = String.format(Locale.ROOT, "EᵀE: every diagonal entry is %s (p/2 = %s).%nLargest deviation from Toeplitz "
                + "(entry vs its diagonal's first entry): %.2e.", NiceNumbers.fullFormat(v.diagonalMax()),
                NiceNumbers.format(r.p() / 2.0), v.toeplitzDeviation());
        PosEncHeatmap gram = PosEncFigures.gram(v, r.p(), r.base(), r.map());
        LineFigure row = PosEncFigures.gramRow(v);
        return () -> {
            gramView.show(gram);
            rowView.show(row);
            return facts;
        };
    }
}
