package nnlab.posenc;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The attention tab: softmax(QᵀK/√p) for Q = K = E, X + E or [X | E]. */
final class AttentionTab implements PosEncTab {
    private final HeatmapView attentionView = new HeatmapView();
    private final Tab tab;

    AttentionTab() {
        Label note = PosEncLayout.note("softmax(QᵀK/√p), row by row: row i is how strongly query i attends to each key. X uses the "
                + "σ scale, seed and draw of the previous tab.");
        Node attentionBox = PosEncLayout.withExport(attentionView, attentionView::figure);
        VBox.setVgrow(attentionBox, Priority.ALWAYS);
        tab = new Tab("Attention", PosEncLayout.scroll(new VBox(8, note, attentionBox)));
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public Shown compute(PosEncRequest r) {
        Matrix a = PosEncStudy.attention(r.p(), r.n(), r.base(), r.sigma(), r.seed(), r.draw(), r.query());
        String facts = String.format(Locale.ROOT, "%s: mean weight a position gives itself = %.3f (uniform would be %.3g).",
                r.query().caption, PosEncStudy.meanDiagonal(a), 1.0 / a.cols());
        PosEncHeatmap figure = PosEncFigures.attention(a, r.query(), r.p(), r.n(), r.map());
        return () -> {
            attentionView.show(figure);
            return facts;
        };
    }
}
