package nnlab.app.widgets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;

/**
 * Controls for some settings of a schema, generated from it: a {@link SliderField} for a number
 * with a step, a drop-down for a choice, a check box for a flag, a row of check boxes for a
 * multi-choice and a text field for the rest. Labels, help and ranges come from the schema, the
 * same the command line validates against; {@link #values()} hands back the typed values for
 * {@link ConfigSchema#fromValues}, which names a refused field.
 */
public final class SchemaControls {
    private final ConfigSchema schema;
    private final Map<String, Node> controls = new LinkedHashMap<>();
    private final Map<String, SliderField> sliders = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();

    public SchemaControls(ConfigSchema schema, Collection<String> keys) {
        this.schema = schema;
        for (String key : keys) {
            Setting s = schema.setting(key);
            Node control = control(s);
            controls.put(key, control);
        }
    }

    private Node control(Setting s) {
        switch (s.kind()) {
            case INT, DOUBLE -> {
                if (s.hasStep()) {
                    SliderField f = new SliderField(s, null);
                    sliders.put(s.key(), f);
                    f.valueProperty().addListener(o -> changed());
                    return f;
                }
                return textField(s);
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().addAll(s.choices());
                box.setValue(String.valueOf(s.defaultValue()));
                box.valueProperty().addListener(o -> changed());
                return withTip(box, s);
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox(s.label());
                box.setSelected((Boolean) s.defaultValue());
                box.selectedProperty().addListener(o -> changed());
                return withTip(box, s);
            }
            case MULTI_CHOICE -> {
                FlowPane row = new FlowPane(10, 4);
                @SuppressWarnings("unchecked")
                List<String> defaults = (List<String>) s.defaultValue();
                for (String c : s.choices()) {
                    CheckBox box = new CheckBox(c);
                    box.setSelected(defaults.contains(c));
                    box.selectedProperty().addListener(o -> changed());
                    withTip(box, s);
                    row.getChildren().add(box);
                }
                row.setId(s.key() + "-field");
                return row;
            }
            default -> {
                return textField(s);
            }
        }
    }

    private TextField textField(Setting s) {
        TextField t = new TextField(s.format(s.defaultValue()));
        t.setPrefColumnCount(7);
        t.setOnAction(e -> changed());
        t.focusedProperty().addListener((o, was, is) -> { if (!is) changed(); });
        return withTip(t, s);
    }

    private static <C extends Control> C withTip(C control, Setting s) {
        control.setId(s.key() + "-field");
        Tooltip tip = new Tooltip(s.help() + "\n" + s.allowedDescription() + ".");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        control.setTooltip(tip);
        return control;
    }

    /** Runs after any control's value changes (a slider moves, a field is committed, a box ticked). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    /** Tells every slider where to report a typed value it refuses. */
    public void setOnRefused(Consumer<String> onRefused) {
        sliders.values().forEach(f -> f.setOnRefused(onRefused));
    }

    public SliderField slider(String key) {
        SliderField f = sliders.get(key);
        if (f == null) throw new IllegalArgumentException("no slider for '" + key + "'");
        return f;
    }

    public Node control(String key) {
        Node n = controls.get(key);
        if (n == null) throw new IllegalArgumentException("no control for '" + key + "'");
        return n;
    }

    /** The controls stacked, each labelled (sliders and check boxes carry their own label). */
    public VBox layout() {
        VBox box = new VBox(10);
        for (Map.Entry<String, Node> e : controls.entrySet()) {
            Node c = e.getValue();
            if (c instanceof SliderField || c instanceof CheckBox) {
                box.getChildren().add(c);
            } else if (c instanceof FlowPane) {
                box.getChildren().add(new VBox(4, new Label(schema.setting(e.getKey()).label()), c));
            } else {
                HBox row = new HBox(6, new Label(schema.setting(e.getKey()).label()), new Region(), c);
                HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(row);
            }
        }
        return box;
    }

    /** The values shown, typed as a config holds them (text fields as typed, for the schema to check). */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : controls.entrySet()) {
            Node c = e.getValue();
            String key = e.getKey();
            if (c instanceof SliderField f) values.put(key, f.typedValue());
            else if (c instanceof ComboBox<?> box) values.put(key, box.getValue());
            else if (c instanceof CheckBox box) values.put(key, box.isSelected());
            else if (c instanceof TextField t) values.put(key, t.getText().trim());
            else if (c instanceof FlowPane row) {
                List<String> picked = new ArrayList<>();
                for (Node n : row.getChildren()) if (n instanceof CheckBox b && b.isSelected()) picked.add(b.getText());
                values.put(key, picked);
            }
        }
        return values;
    }

    /** Shows a config's values (each change notifies the listeners). */
    public void load(Config config) {
        for (Map.Entry<String, Node> e : controls.entrySet()) {
            Node c = e.getValue();
            String key = e.getKey();
            Setting s = schema.setting(key);
            Object v = config.get(key);
            if (c instanceof SliderField f) f.setValue(((Number) v).doubleValue());
            else if (c instanceof ComboBox<?> box) {
                @SuppressWarnings("unchecked")
                ComboBox<String> b = (ComboBox<String>) box;
                b.setValue(String.valueOf(v));
            } else if (c instanceof CheckBox box) box.setSelected((Boolean) v);
            else if (c instanceof TextField t) t.setText(s.format(v));
            else if (c instanceof FlowPane row) {
                for (Node n : row.getChildren()) if (n instanceof CheckBox b) b.setSelected(((List<?>) v).contains(b.getText()));
            }
        }
    }

    /** Marks the control of a refused setting (or clears every mark with null). */
    public void markInvalid(String key) {
        for (Map.Entry<String, Node> e : controls.entrySet()) {
            Node target = e.getValue() instanceof SliderField f ? f.field() : e.getValue();
            target.getStyleClass().remove("invalid");
            if (e.getKey().equals(key)) target.getStyleClass().add("invalid");
        }
    }
}
