package nnlab.byhand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/**
 * One control per setting of the schema (a text field for numbers, lists and matrices, a check
 * box, a drop-down), each with its refusal message right under it. The values are checked by the
 * schema itself, so the panel refuses exactly what the command line refuses; a field that is
 * refused keeps its text, and the views keep showing its last accepted value.
 */
final class ByHandFields {
    private final ConfigSchema schema;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, Label> errors = new HashMap<>();
    private final Map<String, VBox> boxes = new HashMap<>();
    private Config lastGood;
    private Runnable onChange = () -> { };
    private boolean loading;

    ByHandFields(ConfigSchema schema) {
        this.schema = schema;
        this.lastGood = schema.defaults();
        for (Setting s : schema.settings()) {
            Control c = control(s);
            c.setId(s.key() + "-field");
            Tooltip tip = new Tooltip(s.help() + "\nAllowed: " + s.allowedDescription());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(300));
            c.setTooltip(tip);
            controls.put(s.key(), c);
            Label error = new Label();
            error.setId(s.key() + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMinHeight(Region.USE_PREF_SIZE);
            error.setVisible(false);
            error.setManaged(false);
            errors.put(s.key(), error);
            Label label = new Label(s.label());
            label.getStyleClass().add("setting-label");
            VBox box = new VBox(3, label, c, error);
            boxes.put(s.key(), box);
        }
    }

    private Control control(Setting s) {
        Object d = s.defaultValue();
        switch (s.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected((Boolean) d);
                box.selectedProperty().addListener(o -> changed());
                return box;
            }
            case CHOICE -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().addAll(s.choices());
                combo.setValue((String) d);
                combo.valueProperty().addListener(o -> changed());
                return combo;
            }
            default -> {
                TextField field = new TextField(s.format(d));
                field.setPrefColumnCount(s.kind() == Setting.Kind.TEXT ? 18 : 6);
                // Live: every keystroke is checked; the views follow as soon as the value is valid.
                field.textProperty().addListener(o -> changed());
                return field;
            }
        }
    }

    /** The label, control and message of one setting, for a tab's layout. */
    VBox box(String key) {
        return boxes.get(key);
    }

    TextField text(String key) {
        return (TextField) controls.get(key);
    }

    Control control(String key) {
        return controls.get(key);
    }

    /** The message next to a field ("" when it is accepted). */
    String error(String key) {
        return errors.get(key).getText();
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    private void changed() {
        if (!loading) onChange.run();
    }

    /** Shows these values (from a saved settings file, the command line's keys) and recomputes once. */
    void load(Config config) {
        loading = true;
        try {
            for (Setting s : schema.settings()) setText(s.key(), s.format(config.get(s.key())));
        } finally {
            loading = false;
        }
        changed();
    }

    /** Sets one field as the user would (e.g. a preset or a clicked cell); several in a row recompute once each. */
    void setText(String key, String text) {
        Control c = controls.get(key);
        if (c instanceof CheckBox box) box.setSelected(Boolean.parseBoolean(text));
        else if (c instanceof ComboBox<?> combo) {
            @SuppressWarnings("unchecked")
            ComboBox<String> strings = (ComboBox<String>) combo;
            strings.setValue(text);
        } else ((TextField) c).setText(text);
    }

    /** Several fields at once (a preset), recomputing once. */
    void setTexts(Map<String, String> texts) {
        loading = true;
        try {
            texts.forEach(this::setText);
        } finally {
            loading = false;
        }
        changed();
    }

    private Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        controls.forEach((key, c) -> {
            if (c instanceof CheckBox box) out.put(key, String.valueOf(box.isSelected()));
            else if (c instanceof ComboBox<?> combo) out.put(key, String.valueOf(combo.getValue()));
            else out.put(key, ((TextField) c).getText());
        });
        return out;
    }

    /**
     * Checks every field, shows each refusal next to its field, and returns the config to show:
     * the typed values, with each refused field at its last accepted value. {@code refused}
     * receives the keys that were refused.
     */
    Config validate(List<String> refused) {
        Map<String, String> texts = texts();
        Map<String, String> messages = new LinkedHashMap<>();
        Config config = null;
        // Each pass puts the refused fields back to their last accepted value, so the other fields still count.
        for (int pass = 0; pass <= controls.size() && config == null; pass++) {
            try {
                config = schema.fromText(texts);
            } catch (ConfigException e) {
                for (SettingException p : e.problems()) {
                    boolean again = messages.putIfAbsent(p.key(), shortMessage(p)) != null;
                    // Refused again with its own last value: the misfit is with another field of its view
                    // (6 nodes, X still 5 rows), so that whole view goes back to its last accepted values.
                    String group = schema.setting(p.key()).group();
                    for (Setting other : schema.settings()) {
                        if (other.key().equals(p.key()) || again && other.group().equals(group)) {
                            texts.put(other.key(), other.format(lastGood.get(other.key())));
                        }
                    }
                }
            }
        }
        if (config == null) config = lastGood;
        for (Map.Entry<String, Label> e : errors.entrySet()) show(e.getKey(), messages.get(e.getKey()));
        refused.addAll(new ArrayList<>(messages.keySet()));
        if (messages.isEmpty()) lastGood = config;
        return config;
    }

    /** The typed values when every one is accepted; throws ConfigException naming the refused fields otherwise. */
    Config current() {
        return schema.fromText(texts());
    }

    private void show(String key, String message) {
        Label label = errors.get(key);
        boolean bad = message != null;
        label.setText(bad ? message : "");
        label.setVisible(bad);
        label.setManaged(bad);
        Control c = controls.get(key);
        c.getStyleClass().remove("invalid");
        if (bad) c.getStyleClass().add("invalid");
    }

    /** "Input x (conv-input) entry 3: …" → "entry 3: …": the field's label is right above the message. */
    private String shortMessage(SettingException p) {
        Setting s = schema.setting(p.key());
        String prefix = s.label() + " (" + s.key() + ") ";
        String m = p.getMessage();
        return m.startsWith(prefix) ? capitalise(m.substring(prefix.length())) : m;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
