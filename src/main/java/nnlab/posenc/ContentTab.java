package nnlab.posenc;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "added vs concatenated" tab: (X+E)ᵀ(X+E) beside [X|E]ᵀ[X|E], and optionally the four terms of the first. */
final class ContentTab implements PosEncTab {
    private final HeatmapView addedView = new HeatmapView();
    private final HeatmapView concatView = new HeatmapView();
    private final HeatmapView[] termViews = {new HeatmapView(), new HeatmapView(), new HeatmapView(), new HeatmapView()};
    private final Tab tab;

    ContentTab(PosEncControls controls) {
        HBox pair = new HBox(8, PosEncLayout.withExport(addedView, addedView::figure), PosEncLayout.withExport(concatView, concatView::figure));
        pair.getChildren().forEach(nd -> HBox.setHgrow(nd, Priority.ALWAYS));
        VBox.setVgrow(pair, Priority.ALWAYS);
        HBox termsRow = new HBox(4);
        for (int t = 0; t < 4; t++) {
            HeatmapView v = termViews[t];
            v.setPrefSize(300, 280);
            if (t > 0) termsRow.getChildren().add(PosEncLayout.bigSymbol("+"));
            termsRow.getChildren().add(PosEncLayout.withExport(v, v::figure));
            HBox.setHgrow(termsRow.getChildren().get(termsRow.getChildren().size() - 1), Priority.ALWAYS);
        }
        termsRow.setAlignment(Pos.CENTER);
        termsRow.visibleProperty().bind(controls.decomposition.selectedProperty());
        termsRow.managedProperty().bind(controls.decomposition.selectedProperty());
        Label note = PosEncLayout.note("Adding puts content and position in the same coordinates: (X+E)ᵀ(X+E) mixes in the cross terms "
                + "XᵀE + EᵀX and loses the Toeplitz structure. Concatenating keeps them apart: EᵀE survives untouched as the "
                + "bottom-right block.");
        tab = new Tab("Added vs concatenated", PosEncLayout.scroll(new VBox(8, note, pair, termsRow)));
    }

    HeatmapView concatView() {
        return concatView;
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public Shown compute(PosEncRequest r) {
        PosEncStudy.ContentView v = PosEncStudy.content(r.p(), r.n(), r.base(), r.sigma(), r.seed(), r.draw(), r.terms());
        PosEncHeatmap added = PosEncFigures.added(v, r.draw(), r.map());
        PosEncHeatmap concatenated = PosEncFigures.concatenated(v, r.n(), r.draw(), r.map());
        PosEncHeatmap[] terms = new PosEncHeatmap[r.terms() ? 4 : 0];
        for (int t = 0; t < terms.length; t++) terms[t] = PosEncFigures.term(v, t, r.map());
        String facts = String.format(Locale.ROOT, "Draw %d: ‖XᵀE + EᵀX‖ / ‖EᵀE‖ = %.3f; correlation of (X+E)ᵀ(X+E) with EᵀE = %.3f; "
                + "its largest deviation from Toeplitz = %.3g (EᵀE's is ~0).", r.draw(), v.crossRatio(), v.correlationWithEtE(),
                v.addedToeplitzDeviation());
        return () -> {
            addedView.show(added);
            concatView.show(concatenated);
            for (int t = 0; t < terms.length; t++) termViews[t].show(terms[t]);
            return facts;
        };
    }
}
