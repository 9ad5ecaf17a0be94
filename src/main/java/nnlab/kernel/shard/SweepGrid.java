package nnlab.kernel.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.Json;

/**
 * A sweep's grid: each swept setting with its values (as command-line text), expanded into every
 * combination, the first setting varying slowest. Written {@code "lr=0.1,1.0 data-seed=1,2,3"}
 * (a list-valued setting separates its alternatives with '|': {@code "padding=valid|valid,fconv"})
 * or as a JSON object of lists, {@code {"lr": [0.1, 1.0], "padding": [["valid"], ["valid", "fconv"]]}}.
 */
public record SweepGrid(Map<String, List<String>> axes) {

    public SweepGrid {
        if (axes.isEmpty()) throw new IllegalArgumentException("the grid names no setting");
        for (Map.Entry<String, List<String>> e : axes.entrySet()) {
            if (e.getValue().isEmpty()) throw new IllegalArgumentException("the grid gives no value for " + e.getKey());
        }
    }

    public static SweepGrid parse(String text) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String term : text.strip().split("\\s+")) {
            if (term.isEmpty()) continue;
            int eq = term.indexOf('=');
            if (eq <= 0 || eq == term.length() - 1) throw new IllegalArgumentException("expected SETTING=V1,V2,… in the grid, got '" + term + "'");
            String key = term.substring(0, eq).replaceFirst("^--", "");
            String values = term.substring(eq + 1);
            List<String> list = List.of(values.contains("|") ? values.split("\\|") : values.split(","));
            if (axes.put(key, list) != null) throw new IllegalArgumentException("the grid names " + key + " twice");
        }
        return new SweepGrid(axes);
    }

    public static SweepGrid read(Path json) throws IOException {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.readMap(json).entrySet()) {
            if (!(e.getValue() instanceof List<?> values)) throw new IOException(json + ": " + e.getKey() + " must be a list of values");
            List<String> texts = new ArrayList<>();
            for (Object v : values) texts.add(v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
            axes.put(e.getKey(), texts);
        }
        return new SweepGrid(axes);
    }

    /** Every combination, each a setting → value text map in the grid's order. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** The point's folder name: "point-03", numbered from 1 (at least two digits, so the folders sort in order) in {@link #points()} order. */
    public static String folderName(int index, int count) {
        return String.format("point-%0" + Math.max(2, String.valueOf(count).length()) + "d", index + 1);
    }
}
