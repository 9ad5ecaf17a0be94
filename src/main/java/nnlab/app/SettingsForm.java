package nnlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/**
 * The form for a {@link ConfigSchema}: one section per setting group, one control per setting,
 * checked as you type with the same messages the command line prints. Each control's id is
 * "setting-" + the setting's key.
 */
public class SettingsForm extends VBox {
    private final ConfigSchema schema;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final List<Consumer<Config>> configListeners = new CopyOnWriteArrayList<>();
    private final Label formError = new Label();
    private final Button reset = new Button("Reset to defaults");
    private Runnable onSubmit;
    /** True while setConfig fills the fields, so listeners see one change, not one per field. */
    private boolean filling;

    public SettingsForm(ConfigSchema schema) {
        this.schema = schema;
        getStyleClass().add("settings-form");
        formError.getStyleClass().add("field-error");
        formError.setWrapText(true);
        formError.managedProperty().bind(formError.textProperty().isNotEmpty());
        formError.visibleProperty().bind(formError.managedProperty());

        Map<String, VBox> groups = new LinkedHashMap<>();
        for (Setting s : schema.settings()) {
            Field field = createField(s);
            fields.put(s.key(), field);
            groups.computeIfAbsent(s.group(), g -> {
                VBox box = new VBox();
                box.getStyleClass().add("settings-group");
                return box;
            }).getChildren().add(field.box);
        }
        for (Map.Entry<String, VBox> g : groups.entrySet()) {
            TitledPane pane = new TitledPane(g.getKey(), g.getValue());
            pane.setAnimated(false);
            pane.getStyleClass().add("settings-section");
            getChildren().add(pane);
        }
        reset.getStyleClass().add("reset-button");
        reset.setId("reset-settings");
        reset.setOnAction(e -> resetToDefaults());
        HBox footer = new HBox(reset);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("settings-footer");
        getChildren().addAll(formError, footer);

        // Enter anywhere in the form starts the run: text fields without an onAction pass the key on.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && onSubmit != null) {
                e.consume();
                onSubmit.run();
            }
        });
        setConfig(schema.defaults());
    }

    public ConfigSchema schema() { return schema; }

    /** The config the form holds; throws with one problem per bad setting (and broken cross-checks). */
    public Config currentConfig() {
        Map<String, Object> values = new LinkedHashMap<>();
        List<SettingException> problems = new ArrayList<>();
        for (Field f : fields.values()) {
            try {
                values.put(f.setting.key(), f.value());
            } catch (SettingException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return schema.fromValues(values);
    }

    /** Fills every control from the config. */
    public void setConfig(Config config) {
        List<String> before = texts();
        filling = true;
        try {
            for (Field f : fields.values()) f.set(config.get(f.setting.key()));
        } finally {
            filling = false;
        }
        // Unchanged settings: their errors and the config listeners' views are already current.
        if (!texts().equals(before)) validate();
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Field f : fields.values()) texts.add(f.text());
        return texts;
    }

    public void resetToDefaults() {
        setConfig(schema.defaults());
    }

    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    public boolean isValid() { return valid.get(); }

    /** Run when the user presses Enter in the form. */
    public void setOnSubmit(Runnable action) { this.onSubmit = action; }

    /** Called with every new valid config the user makes (e.g. to refresh a data preview). */
    public void addConfigListener(Consumer<Config> listener) { configListeners.add(listener); }

    /** The control of a setting (TextField, CheckBox, ComboBox, or a FlowPane of ToggleButtons). */
    public Node control(String key) {
        return field(key).control;
    }

    /** The message shown under a setting, if it is invalid. */
    public Optional<String> errorMessage(String key) {
        Label l = field(key).error;
        return l.getText().isEmpty() ? Optional.empty() : Optional.of(l.getText());
    }

    /** The form message for problems that belong to no single setting. */
    public String formErrorText() { return formError.getText(); }

    /**
     * Enters a setting's text form as the user would: text fields take it as typed (even if it is
     * invalid, to be flagged); other controls take the parsed value.
     */
    public void setText(String key, String text) {
        Field f = field(key);
        if (f.control instanceof TextField tf) tf.setText(text);
        else f.set(text.isBlank() && f.setting.optional() ? null : f.setting.parse(text));
    }

    /** Greys the form out while a run uses it; the values stay readable. */
    public void setLocked(boolean locked) {
        for (Field f : fields.values()) f.control.setDisable(locked);
        reset.setDisable(locked);
    }

    /** Marks the settings a refused config names (e.g. after a failed start). */
    public void showProblems(ConfigException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (SettingException p : e.problems()) errors.putIfAbsent(p.key(), p.getMessage());
        display(errors);
    }

    private Field field(String key) {
        Field f = fields.get(key);
        if (f == null) throw new IllegalArgumentException("no setting '" + key + "' in this form");
        return f;
    }

    private void validate() {
        if (filling) return;
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            try {
                values.put(f.setting.key(), f.value());
            } catch (SettingException e) {
                errors.put(f.setting.key(), e.getMessage());
            }
        }
        Config config = null;
        if (errors.isEmpty()) {
            try {
                config = schema.fromValues(values);
            } catch (ConfigException e) {
                for (SettingException p : e.problems()) errors.putIfAbsent(p.key(), p.getMessage());
            }
        }
        display(errors);
        valid.set(errors.isEmpty());
        if (config != null) {
            for (Consumer<Config> l : configListeners) l.accept(config);
        }
    }

    private void display(Map<String, String> errors) {
        List<String> unplaced = new ArrayList<>();
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (!fields.containsKey(e.getKey())) unplaced.add(e.getValue());
        }
        for (Field f : fields.values()) f.showError(errors.get(f.setting.key()));
        formError.setText(String.join("\n", unplaced));
    }

    private Field createField(Setting s) {
        return switch (s.kind()) {
            case BOOLEAN -> new BooleanField(s);
            case CHOICE -> new ChoiceField(s);
            case MULTI_CHOICE -> new MultiChoiceField(s);
            default -> new TextInputField(s);
        };
    }

    private Tooltip tooltip(Setting s) {
        StringBuilder text = new StringBuilder();
        if (!s.help().isEmpty()) text.append(s.help()).append("\n\n");
        text.append("Allowed: ").append(s.allowedDescription());
        text.append("\nDefault: ").append(s.defaultValue() == null ? "(none)" : s.format(s.defaultValue()));
        text.append("\nCommand line: --").append(s.key());
        Tooltip t = new Tooltip(text.toString());
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /** One setting's label, control and error line. */
    private abstract class Field {
        final Setting setting;
        final Node control;
        final Label error = new Label();
        final VBox box = new VBox();

        Field(Setting setting, Node control, boolean ownLabel) {
            this.setting = setting;
            this.control = control;
            control.setId("setting-" + setting.key());
            Tooltip tip = tooltip(setting);
            if (control instanceof Control c) c.setTooltip(tip);
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.managedProperty().bind(error.textProperty().isNotEmpty());
            error.visibleProperty().bind(error.managedProperty());
            box.getStyleClass().add("setting-field");
            if (ownLabel) {
                Label label = new Label(setting.label());
                label.getStyleClass().add("setting-label");
                label.setLabelFor(control);
                label.setTooltip(tip);
                label.setWrapText(true);
                box.getChildren().add(label);
            }
            box.getChildren().addAll(control, error);
        }

        /** The typed value; blank means "none" for an optional setting. */
        Object value() {
            String text = text();
            if (text.isBlank() && setting.optional() && setting.kind() != Setting.Kind.TEXT) return null;
            return setting.parse(text);
        }

        abstract String text();

        abstract void set(Object value);

        void showError(String message) {
            // Next to its field the setting needs no "(key)": the tooltip gives the command-line name.
            if (message != null) message = message.replace(setting.label() + " (" + setting.key() + ")", setting.label());
            error.setText(message == null ? "" : message);
            Node target = control;
            if (message == null) target.getStyleClass().remove("invalid");
            else if (!target.getStyleClass().contains("invalid")) target.getStyleClass().add("invalid");
        }
    }

    private final class TextInputField extends Field {
        TextInputField(Setting s) {
            super(s, new TextField(), true);
            TextField tf = (TextField) control;
            tf.setPromptText(s.kind() == Setting.Kind.INT_LIST ? "e.g. 1, 2, 3" : s.optional() ? "(optional)" : "");
            tf.textProperty().addListener((o, a, b) -> validate());
        }

        @Override String text() { return ((TextField) control).getText(); }

        @Override void set(Object value) {
            // A text field re-lays out its text on every setText, even to the same text; a run's
            // start puts its config (usually the one shown) back into the form.
            String text = setting.format(value);
            TextField tf = (TextField) control;
            if (!text.equals(tf.getText())) tf.setText(text);
        }
    }

    private final class BooleanField extends Field {
        BooleanField(Setting s) {
            super(s, new CheckBox(s.label()), false);
            ((CheckBox) control).selectedProperty().addListener((o, a, b) -> validate());
        }

        @Override String text() { return String.valueOf(((CheckBox) control).isSelected()); }

        @Override void set(Object value) { ((CheckBox) control).setSelected(Boolean.TRUE.equals(value)); }
    }

    private final class ChoiceField extends Field {
        ChoiceField(Setting s) {
            super(s, new ComboBox<>(FXCollections.observableArrayList(s.choices())), true);
            ComboBox<?> box = (ComboBox<?>) control;
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().addListener((o, a, b) -> validate());
        }

        @SuppressWarnings("unchecked")
        private ComboBox<String> combo() { return (ComboBox<String>) control; }

        @Override String text() { return combo().getValue() == null ? "" : combo().getValue(); }

        @Override void set(Object value) { combo().setValue(value == null ? null : String.valueOf(value)); }
    }

    /** Several of the choices at once, as toggle chips in the schema's order. */
    private final class MultiChoiceField extends Field {
        private final List<ToggleButton> toggles = new ArrayList<>();

        MultiChoiceField(Setting s) {
            super(s, new FlowPane(6, 6), true);
            FlowPane pane = (FlowPane) control;
            pane.getStyleClass().add("multi-choice");
            for (String choice : s.choices()) {
                ToggleButton t = new ToggleButton(choice);
                t.getStyleClass().add("chip");
                t.setId("setting-" + s.key() + "-" + choice);
                t.setTooltip(tooltip(s));
                t.selectedProperty().addListener((o, a, b) -> validate());
                toggles.add(t);
            }
            pane.getChildren().addAll(toggles);
        }

        @Override String text() {
            List<String> on = new ArrayList<>();
            for (ToggleButton t : toggles) if (t.isSelected()) on.add(t.getText());
            return String.join(",", on);
        }

        @Override void set(Object value) {
            List<?> selected = value instanceof List<?> l ? l : List.of();
            for (ToggleButton t : toggles) t.setSelected(selected.contains(t.getText()));
        }
    }
}
