package nnlab.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;

/**
 * A panel's cards, built from the experiment's declared views: one live chart, table or figure
 * per declared live view, in declaration order, titled and labelled by the declaration. Views
 * declared saved-only are never shown. Cards of the previous run stay (faded) until the new run
 * updates them; those it never updates go when it ends.
 */
final class ViewBoard {
    /**
     * Marks the title of a view left from the previous run. Set on the title only: a style class
     * on the card re-applied CSS to its whole subtree (a table's every cell) at the start of each
     * run and again at each view's first update.
     */
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final ResponsiveGrid grid;
    private final Label emptyHint;
    private final Map<String, LiveLineChart> charts = new LinkedHashMap<>();
    private final Map<String, ResultsTableView> tables = new LinkedHashMap<>();
    private final Map<String, FigureView> figures = new LinkedHashMap<>();
    /** Views created up front (e.g. a settings preview); they stay whatever a run produces. */
    private final List<Node> permanentViews = new ArrayList<>();
    private final Set<Node> staleViews = new HashSet<>();
    private final Map<Node, String> viewIds = new HashMap<>();
    private Map<String, ViewSpec> declared = Map.of();
    private List<String> order = List.of();
    private String currentPhase;
    /** Brings a card to the top of the visible area. */
    private final java.util.function.Consumer<Node> reveal;

    ViewBoard(ResponsiveGrid grid, Label emptyHint, java.util.function.Consumer<Node> reveal) {
        this.grid = grid;
        this.emptyHint = emptyHint;
        this.reveal = reveal;
        grid.setOrder((a, b) -> Integer.compare(rank(a), rank(b)));
    }

    /** The views of the settings about to run (or shown): their order, titles and axes. */
    void declare(List<ViewSpec> views) {
        Map<String, ViewSpec> byId = new LinkedHashMap<>();
        for (ViewSpec v : views) byId.putIfAbsent(v.id(), v);
        if (byId.equals(declared)) return;
        declared = byId;
        order = List.copyOf(byId.keySet());
        for (LiveLineChart c : charts.values()) {
            ViewSpec v = declared.get(c.chartId());
            if (v != null) {
                c.setTitle(v.title());
                c.setAxisLabels(v.xLabel(), v.yLabel());
                c.setReadingAids(v.references(), v.yMin(), v.yMax());
            }
        }
        grid.setOrder((a, b) -> Integer.compare(rank(a), rank(b)));
    }

    List<ViewSpec> declaredViews() {
        return List.copyOf(declared.values());
    }

    LiveLineChart chart(String id) { return charts.get(id); }
    ResultsTableView table(String id) { return tables.get(id); }
    FigureView figure(String id) { return figures.get(id); }
    List<Node> items() { return grid.items(); }

    /** The card of the first view declared as the study's answer, or null. */
    Node keyResult() {
        for (ViewSpec v : declared.values()) if (v.keyResult()) return node(v.id());
        return null;
    }

    private boolean isKeyResult(String id) {
        ViewSpec v = declared.get(id);
        return v != null && v.keyResult();
    }

    /**
     * "Next view ↓": the key result is brought to the top when a run ends, and the view after it
     * (padding's bars below its table) is often just below the fold at 800–900 px; one click shows it.
     */
    private javafx.scene.control.Hyperlink jumpBelow(String id) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink();
        link.setId(id + "-next-view");
        link.setFocusTraversable(true);
        Runnable refresh = () -> {
            Node next = nextShown(id);
            link.setVisible(next != null);
            link.setManaged(next != null);
            String title = next == null ? "" : viewTitle(next);
            link.setText(shortTitle(title) + " ↓");
            link.setTooltip(new javafx.scene.control.Tooltip("Scroll to " + title));
        };
        grid.itemsChanged(refresh);
        refresh.run();
        link.setOnAction(e -> {
            Node next = nextShown(id);
            if (next != null) reveal.accept(next);
        });
        return link;
    }

    /** The first card declared after the view that is on the board, or null. */
    private Node nextShown(String id) {
        int i = order.indexOf(id);
        if (i < 0) return null;
        // By the cards' own ids: a card being added is on the grid before its map entry is written.
        Map<String, Node> onBoard = new HashMap<>();
        for (Node n : grid.items()) if (viewIds.containsKey(n)) onBoard.put(viewIds.get(n), n);
        for (String later : order.subList(i + 1, order.size())) {
            if (onBoard.containsKey(later)) return onBoard.get(later);
        }
        return null;
    }

    private String viewTitle(Node card) {
        ViewSpec v = declared.get(viewIds.get(card));
        if (v != null && v.title() != null && !v.title().isBlank()) return v.title();
        Node title = card.lookup(".card-title");
        return title instanceof Label l ? l.getText() : "next view";
    }

    /** The title's first two words (before any " · settings" or ": detail" part), so the link leaves room for the table's title. */
    static String shortTitle(String title) {
        String[] words = title.split(" · |: | — ")[0].trim().split("\\s+");
        String t = words.length <= 2 ? String.join(" ", words) : words[0] + " " + words[1];
        return t.length() <= 20 ? t : t.substring(0, 19).trim() + "…";
    }

    /** The card of a view id (chart, table or figure), or null. */
    Node node(String id) {
        if (charts.containsKey(id)) return charts.get(id);
        if (tables.containsKey(id)) return tables.get(id);
        return figures.get(id);
    }

    /** A figure card in place before any run sends it (e.g. a preview); it stays across runs. */
    FigureView addPermanentFigure(ViewSpec view) {
        FigureView v = figures.get(view.id());
        if (v == null) {
            v = new FigureView(view.id(), view.title());
            figures.put(view.id(), v);
            permanentViews.add(v);
            add(view.id(), v, true);
        }
        return v;
    }

    /**
     * Creates the declared live charts (empty) as this run's: their first points then only add
     * data instead of building and styling chart nodes while training takes the CPU.
     */
    void prepareCharts() {
        for (ViewSpec v : declared.values()) {
            if (v.isChart() && v.live()) markCurrent(chartFor(v.id()));
        }
    }

    void phase(RunEvent.Phase p) {
        currentPhase = p.title();
        if (p.restart()) charts.values().forEach(c -> c.startPhase(p.title()));
        else charts.values().forEach(c -> c.setPhaseTitle(p.title()));
    }

    void retire(RunEvent.RetireCurves r) {
        charts.values().forEach(c -> c.retire(r.seriesSuffix()));
    }

    void show(RunEvent.Table t) {
        if (!shown(t.id())) return;
        ResultsTableView table = tables.computeIfAbsent(t.id(), id -> {
            ResultsTableView created = new ResultsTableView(id, t.title());
            if (isKeyResult(id)) created.addHeaderAction(jumpBelow(id));
            return add(id, created, true);
        });
        table.show(t);
        markCurrent(table);
    }

    void show(RunEvent.FigureUpdate f) {
        if (!shown(f.id())) return;
        FigureView figure = figures.computeIfAbsent(f.id(),
                id -> add(id, new FigureView(id, title(id, f.figure().title())), !memberOfASeries(id)));
        figure.setFigure(f.figure());
        markCurrent(figure);
    }

    /**
     * One of several declared figures that differ only in a trailing number ("pca-depth-2",
     * "pca-depth-4", …): such small multiples share the grid's columns instead of taking a row each.
     */
    private boolean memberOfASeries(String id) {
        java.util.regex.Matcher m = SERIES_ID.matcher(id);
        if (!m.matches()) return false;
        long siblings = declared.keySet().stream().map(SERIES_ID::matcher)
                .filter(o -> o.matches() && o.group(1).equals(m.group(1))).count();
        return siblings > 1;
    }

    private static final java.util.regex.Pattern SERIES_ID = java.util.regex.Pattern.compile("(.*[-_ ])\\d+");

    /** A batch's metrics, grouped so each chart takes all its new points at once. */
    void addMetrics(List<RunEvent.Metric> metrics) {
        Map<String, List<RunEvent.Metric>> byChart = new LinkedHashMap<>();
        for (RunEvent.Metric m : metrics) {
            if (shown(m.chart())) byChart.computeIfAbsent(m.chart(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<RunEvent.Metric>> e : byChart.entrySet()) {
            LiveLineChart chart = chartFor(e.getKey());
            chart.addMetrics(e.getValue());
            markCurrent(chart);
        }
    }

    /** A run starts: every card but the permanent ones is faded until the run updates it. */
    void fadeForNewRun() {
        for (Node n : grid.items()) {
            if (permanentViews.contains(n)) continue;
            staleViews.add(n);
            setStale(n, true);
        }
        charts.values().forEach(LiveLineChart::clear);
        currentPhase = null;
        emptyHint.setVisible(grid.items().isEmpty());
    }

    /** A run ended: the cards it never updated go. */
    void removeStaleViews() {
        for (Node n : staleViews) {
            setStale(n, false);
            grid.removeItem(n);
            String id = viewIds.remove(n);
            charts.remove(id, n);
            tables.remove(id, n);
            figures.remove(id, n);
        }
        staleViews.clear();
        emptyHint.setVisible(grid.items().isEmpty());
    }

    /** Fades every card (or none), as a run's start does; for rehearsing those styles. */
    void setAllStale(boolean stale) {
        for (Node n : grid.items()) setStale(n, stale);
    }

    /** True while the view shows the previous run's content (its title is faded). */
    static boolean isStale(Node view) {
        Node title = view.lookup(".card-title");
        return title != null && title.getPseudoClassStates().contains(STALE);
    }

    private static void setStale(Node view, boolean stale) {
        Node title = view.lookup(".card-title");
        if (title != null) title.pseudoClassStateChanged(STALE, stale);
    }

    /** Declared saved-only views are not for the panel; undeclared ones (a replay of an old run) are shown as they come. */
    private boolean shown(String id) {
        ViewSpec v = declared.get(id);
        return v == null || v.live();
    }

    private String title(String id, String fallback) {
        ViewSpec v = declared.get(id);
        return v != null ? v.title() : fallback;
    }

    private LiveLineChart chartFor(String id) {
        LiveLineChart c = charts.get(id);
        if (c == null) {
            ViewSpec v = declared.get(id);
            c = v != null ? new LiveLineChart(id, v.title(), v.xLabel(), v.yLabel()) : new LiveLineChart(id, ViewSpec.titleFromId(id), "", "");
            if (v != null) c.setReadingAids(v.references(), v.yMin(), v.yMax());
            if (currentPhase != null) c.startPhase(currentPhase);
            charts.put(id, c);
            add(id, c, false);
        }
        return c;
    }

    private void markCurrent(Node view) {
        if (staleViews.remove(view)) setStale(view, false);
    }

    /** Figures and tables take a whole row: a 640-px figure squeezed into half a row has unreadable text. */
    private <T extends Node> T add(String id, T view, boolean wide) {
        viewIds.put(view, id);
        grid.addItem(view, wide);
        emptyHint.setVisible(false);
        return view;
    }

    private int rank(Node view) {
        int i = order.indexOf(viewIds.get(view));
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
