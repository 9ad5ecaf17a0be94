package nnlab.app.widgets;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/**
 * A labelled slider with a text field for exact values, made from one {@link Setting}: its label,
 * help, range and step come from the schema, so the panel cannot offer another range than the
 * command line. Dragging snaps to the step; a typed value is checked by the setting (and the
 * optional extra rule), and a refused value is reported, not applied, so the view keeps showing
 * the last valid setting.
 */
public final class SliderField extends VBox {
    private final Setting setting;
    private final Slider slider;
    private final TextField field = new TextField();
    private final DoubleFunction<String> extraRule;
    private final ReadOnlyDoubleWrapper value;
    private Consumer<String> onRefused = m -> { };
    private boolean updating;

    /** @param extraRule a rule the setting alone cannot state (e.g. "p is even"): null when v is fine, else the message */
    public SliderField(Setting setting, DoubleFunction<String> extraRule) {
        if (!setting.hasStep() || !Double.isFinite(setting.min()) || !Double.isFinite(setting.max())) {
            throw new IllegalArgumentException(setting.key() + " needs a finite range and a step to be a slider");
        }
        this.setting = setting;
        this.extraRule = extraRule;
        double initial = ((Number) setting.defaultValue()).doubleValue();
        this.value = new ReadOnlyDoubleWrapper(initial);
        slider = new Slider(setting.min(), setting.max(), initial);
        slider.setId(setting.key() + "-slider");
        slider.setBlockIncrement(setting.step());
        slider.setMajorTickUnit(setting.step());
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(false);
        field.setId(setting.key() + "-field");
        field.setPrefColumnCount(6);
        field.setText(format(initial));
        Label label = new Label(setting.label());
        // The schema's labels are the long ones ("Pool half-width k"): the value field gives way, not the label.
        label.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(setting.help() + "\n" + capitalised(setting.allowedDescription()) + ".");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        label.setTooltip(tip);
        slider.setTooltip(tip);
        field.setTooltip(tip);
        HBox top = new HBox(6, label, new Region(), field);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
        getChildren().addAll(top, slider);

        slider.valueProperty().addListener((obs, o, n) -> {
            if (updating) return;
            double snapped = snap(n.doubleValue());
            if (snapped != n.doubleValue()) {
                updating = true;
                slider.setValue(snapped);
                updating = false;
            }
            apply(snapped);
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) commitText();
        });
    }

    public Setting setting() {
        return setting;
    }

    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public double value() {
        return value.get();
    }

    public int intValue() {
        return (int) Math.round(value.get());
    }

    /** The value in the setting's type (Integer or Double), as a config holds it. */
    public Object typedValue() {
        return setting.kind() == Setting.Kind.INT ? (Object) intValue() : (Object) value();
    }

    public Slider slider() {
        return slider;
    }

    public TextField field() {
        return field;
    }

    public void setOnRefused(Consumer<String> onRefused) {
        this.onRefused = onRefused;
    }

    /**
     * Lowers the maximum below the setting's when another setting bounds this one (the plotted
     * row follows N), clamping the value; never beyond the setting's own maximum.
     */
    public void setMax(double max) {
        slider.setMax(Math.min(max, setting.max()));
        if (value.get() > slider.getMax()) setValue(slider.getMax());
    }

    public void setValue(double v) {
        updating = true;
        slider.setValue(v);
        updating = false;
        apply(v);
    }

    private void apply(double v) {
        field.setText(format(v));
        field.getStyleClass().remove("invalid");
        value.set(v);
    }

    private void commitText() {
        String text = field.getText().trim();
        double v;
        try {
            v = ((Number) setting.parse(text)).doubleValue();
        } catch (SettingException e) {
            refuse(e.getMessage());
            return;
        }
        String problem = extraRule == null ? null : extraRule.apply(v);
        if (problem == null && v > slider.getMax()) {
            problem = setting.label() + " must be at most " + format(slider.getMax()) + " here, got " + text;
        }
        if (problem != null) {
            refuse(problem);
            return;
        }
        if (v != value.get()) setValue(v);
        else field.getStyleClass().remove("invalid");
    }

    private void refuse(String message) {
        if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
        onRefused.accept(message);
    }

    private double snap(double v) {
        double step = setting.step();
        double s = slider.getMin() + Math.round((v - slider.getMin()) / step) * step;
        return Math.max(slider.getMin(), Math.min(slider.getMax(), s));
    }

    private String format(double v) {
        if (setting.kind() == Setting.Kind.INT) return String.valueOf(Math.round(v));
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
