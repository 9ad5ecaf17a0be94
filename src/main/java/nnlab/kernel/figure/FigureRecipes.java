package nnlab.kernel.figure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.Json;

/**
 * What a figure's CSV does not hold — its title, axis labels, log axis, range, colour map, the
 * order of its series — written into the PNG's metadata, so a saved run's figure can be drawn
 * again, in any format, exactly as it was: the CSV has the data (to six significant digits, far
 * below what a figure shows) and the recipe the rest.
 *
 * <p>Line, bar, scatter and heatmap figures have recipes. Image grids have none (their CSV drops
 * the pixels' alpha, so a redraw could differ) and neither have figures from outside the kernel.
 */
public final class FigureRecipes {
    private FigureRecipes() { }

    /** The PNG text chunk's keyword. */
    static final String KEYWORD = "nnlab-figure";

    /** The recipe as JSON, or empty when this kind of figure cannot be redrawn from its CSV. */
    public static Optional<String> recipe(Figure figure) {
        Map<String, Object> r = new LinkedHashMap<>();
        // The CSV tells series apart by name only.
        if (figure instanceof LineFigure f && !unique(f.series().stream().map(s -> Gfx.str(s.name())).toList())) return Optional.empty();
        if (figure instanceof ScatterFigure f && !unique(f.groups().stream().map(g -> Gfx.str(g.name())).toList())) return Optional.empty();
        if (figure instanceof LineFigure f) {
            r.put("kind", "line");
            axes(r, f.title(), f.xLabel(), f.yLabel());
            r.put("logY", f.logY());
            r.put("series", f.series().stream().map(s -> Gfx.str(s.name())).toList());
            aids(r, f.subtitle(), f.references());
            r.put("yMin", Double.isFinite(f.yMin()) ? f.yMin() : null);
            r.put("yMax", Double.isFinite(f.yMax()) ? f.yMax() : null);
        } else if (figure instanceof ScatterFigure f) {
            r.put("kind", "scatter");
            axes(r, f.title(), f.xLabel(), f.yLabel());
            r.put("groups", f.groups().stream().map(g -> Gfx.str(g.name())).toList());
        } else if (figure instanceof BarFigure f) {
            r.put("kind", "bar");
            axes(r, f.title(), f.xLabel(), f.yLabel());
            aids(r, f.subtitle(), f.references());
            List<String> flagged = new ArrayList<>();
            for (int g = 0; g < f.groups().size(); g++) {
                for (int c = 0; c < f.categories().size(); c++) if (f.isFlagged(g, c)) flagged.add(g + ":" + c);
            }
            r.put("flagged", flagged);
            r.put("categories", f.categories());
            r.put("groups", f.groups());
            r.put("errors", f.errors() != null);
            r.put("yMin", Double.isFinite(f.yMin()) ? f.yMin() : null);
            r.put("yMax", Double.isFinite(f.yMax()) ? f.yMax() : null);
        } else if (figure instanceof HeatmapFigure f) {
            r.put("kind", "heatmap");
            axes(r, f.title(), f.xLabel(), f.yLabel());
            r.put("colorMap", (f.colorMap() == null ? ColorMap.VIRIDIS : f.colorMap()).name());
            r.put("rows", f.values() == null ? 0 : f.values().length);
            r.put("cols", HeatmapRenderer.columns(f.values()));
        } else {
            return Optional.empty();
        }
        return Optional.of(Json.write(r));
    }

    private static void aids(Map<String, Object> r, String subtitle, List<ReferenceLine> references) {
        r.put("subtitle", Gfx.str(subtitle));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ReferenceLine l : references) lines.add(Map.of("y", l.y(), "label", l.label()));
        r.put("references", lines);
    }

    private static List<ReferenceLine> references(Map<String, Object> r) {
        List<ReferenceLine> out = new ArrayList<>();
        if (r.get("references") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("y") instanceof Number y) out.add(new ReferenceLine(y.doubleValue(), String.valueOf(m.get("label"))));
            }
        }
        return out;
    }

    private static double bound(Map<String, Object> r, String key) {
        return r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static boolean unique(List<String> names) {
        return new java.util.HashSet<>(names).size() == names.size();
    }

    private static void axes(Map<String, Object> r, String title, String xLabel, String yLabel) {
        r.put("title", Gfx.str(title));
        r.put("xLabel", Gfx.str(xLabel));
        r.put("yLabel", Gfx.str(yLabel));
    }

    /**
     * The figure again, from its recipe and its CSV's text.
     *
     * @throws IOException when the recipe or the CSV is not what a figure of that kind writes
     */
    public static Figure rebuild(String recipe, String csv) throws IOException {
        Map<String, Object> r = Json.readMap(recipe);
        CsvTable data;
        try {
            data = Csv.parse(csv);
            return switch (String.valueOf(r.get("kind"))) {
                case "line" -> line(r, data);
                case "scatter" -> scatter(r, data);
                case "bar" -> bar(r, data);
                case "heatmap" -> heatmap(r, data);
                default -> throw new IOException("no figure of kind '" + r.get("kind") + "'");
            };
        } catch (RuntimeException e) {
            throw new IOException("the figure's CSV does not match its recipe: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v instanceof List<?> l ? ((List<Object>) l).stream().map(String::valueOf).toList() : List.of();
    }

    private static double number(String cell) {
        return cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** Points per named series (first column), in the recipe's order, then any others in the CSV's. */
    private static Map<String, List<double[]>> points(List<String> order, CsvTable data) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (String name : order) points.put(name, new ArrayList<>());
        for (List<String> row : data.rows()) {
            points.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(new double[] {number(row.get(1)), number(row.get(2))});
        }
        return points;
    }

    private static double[] column(List<double[]> pts, int i) {
        return pts.stream().mapToDouble(p -> p[i]).toArray();
    }

    private static LineFigure line(Map<String, Object> r, CsvTable data) {
        List<LineFigure.Series> series = new ArrayList<>();
        points(names(r, "series"), data).forEach((name, pts) -> series.add(new LineFigure.Series(name, column(pts, 0), column(pts, 1))));
        return new LineFigure(text(r, "title"), text(r, "xLabel"), text(r, "yLabel"), series, Boolean.TRUE.equals(r.get("logY")),
                text(r, "subtitle"), references(r), bound(r, "yMin"), bound(r, "yMax"));
    }

    private static ScatterFigure scatter(Map<String, Object> r, CsvTable data) {
        List<ScatterFigure.Group> groups = new ArrayList<>();
        points(names(r, "groups"), data).forEach((name, pts) -> groups.add(new ScatterFigure.Group(name, column(pts, 0), column(pts, 1))));
        return new ScatterFigure(text(r, "title"), text(r, "xLabel"), text(r, "yLabel"), groups);
    }

    private static BarFigure bar(Map<String, Object> r, CsvTable data) {
        List<String> categories = names(r, "categories");
        List<String> groups = names(r, "groups");
        double[][] values = filled(groups.size(), categories.size());
        double[][] errors = Boolean.TRUE.equals(r.get("errors")) ? filled(groups.size(), categories.size()) : null;
        for (List<String> row : data.rows()) {
            int c = categories.indexOf(row.get(0)), g = groups.indexOf(row.get(1));
            if (c < 0 || g < 0) throw new IllegalArgumentException("bar " + row.get(0) + "/" + row.get(1) + " is not in the recipe");
            values[g][c] = number(row.get(2));
            if (errors != null) errors[g][c] = number(row.get(3));
        }
        boolean[][] flagged = new boolean[groups.size()][categories.size()];
        for (String gc : names(r, "flagged")) {
            String[] p = gc.split(":");
            flagged[Integer.parseInt(p[0])][Integer.parseInt(p[1])] = true;
        }
        return new BarFigure(text(r, "title"), text(r, "yLabel"), categories, groups, values, errors, bound(r, "yMin"), bound(r, "yMax"),
                text(r, "xLabel"), text(r, "subtitle"), references(r), flagged);
    }

    private static HeatmapFigure heatmap(Map<String, Object> r, CsvTable data) {
        int rows = ((Number) r.get("rows")).intValue(), cols = ((Number) r.get("cols")).intValue();
        double[][] values = filled(rows, cols);
        for (List<String> row : data.rows()) values[Integer.parseInt(row.get(0))][Integer.parseInt(row.get(1))] = number(row.get(2));
        return new HeatmapFigure(text(r, "title"), text(r, "xLabel"), text(r, "yLabel"), values, ColorMap.valueOf(text(r, "colorMap")));
    }

    private static double[][] filled(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) java.util.Arrays.fill(row, Double.NaN);
        return a;
    }
}
