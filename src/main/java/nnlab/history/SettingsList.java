package nnlab.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;

/**
 * A run's settings, read-only: grouped and labelled as in the experiment's form when the
 * experiment is known (keys the experiment no longer has are listed under "Other"), else as
 * saved. Each row's tooltip gives the command-line option.
 */
public class SettingsList extends VBox {
    private final Map<String, String> shown = new LinkedHashMap<>();

    public SettingsList(Map<String, Object> settings, ConfigSchema schema) {
        getStyleClass().add("settings-list");
        if (settings == null) {
            Label none = new Label("The settings could not be read.");
            none.getStyleClass().add("placeholder");
            getChildren().add(none);
            return;
        }
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        List<String> placed = new ArrayList<>();
        if (schema != null) {
            for (Setting s : schema.settings()) {
                if (!settings.containsKey(s.key())) continue;
                groups.computeIfAbsent(s.group(), g -> new ArrayList<>())
                        .add(new String[] {s.key(), s.label(), RunComparison.format(settings.get(s.key()))});
                placed.add(s.key());
            }
        }
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (placed.contains(e.getKey())) continue;
            groups.computeIfAbsent(schema == null ? "Settings" : "Other", g -> new ArrayList<>())
                    .add(new String[] {e.getKey(), e.getKey(), RunComparison.format(e.getValue())});
        }
        for (Map.Entry<String, List<String[]>> g : groups.entrySet()) {
            Label heading = new Label(g.getKey());
            heading.getStyleClass().add("settings-list-group");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("settings-list-grid");
            ColumnConstraints labels = new ColumnConstraints();
            labels.setPercentWidth(55);
            ColumnConstraints values = new ColumnConstraints();
            values.setPercentWidth(45);
            values.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().setAll(labels, values);
            int row = 0;
            for (String[] s : g.getValue()) {
                Label name = new Label(s[1]);
                name.getStyleClass().add("settings-list-label");
                name.setWrapText(true);
                Label value = new Label(s[2].isEmpty() ? "(none)" : s[2]);
                value.getStyleClass().add("settings-list-value");
                value.setWrapText(true);
                value.setId("saved-setting-" + s[0]);
                Tooltip tip = new Tooltip(s[1] + "\nCommand line: --" + s[0] + " " + s[2]);
                name.setTooltip(tip);
                value.setTooltip(tip);
                grid.addRow(row++, name, value);
                shown.put(s[0], s[2]);
            }
            getChildren().addAll(heading, grid);
        }
    }

    /** The value text shown for a setting key, or null. */
    public String value(String key) {
        return shown.get(key);
    }
}
