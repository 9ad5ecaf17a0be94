package nnlab.posenc;

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
import javafx.scene.layout.VBox;

/**
 * A labelled slider with a text field for exact values. Dragging snaps to the step; typed values
 * are checked by the validator, and a refused value is reported (not applied) so the view keeps
 * showing the last valid setting.
 */
final class SliderField extends VBox {
    private final Slider slider;
    private final TextField field = new TextField();
    private final double step;
    private final boolean integer;
    private final DoubleFunction<String> validator;
    private final ReadOnlyDoubleWrapper value;
    private Consumer<String> onRefused = m -> { };
    private boolean updating;

    SliderField(String id, String label, String help, double min, double max, double initial, double step, boolean integer,
                DoubleFunction<String> validator) {
        this.step = step;
        this.integer = integer;
        this.validator = validator;
        this.value = new ReadOnlyDoubleWrapper(initial);
        slider = new Slider(min, max, initial);
        slider.setId(id + "-slider");
        slider.setBlockIncrement(step);
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(false);
        field.setId(id + "-field");
        field.setPrefColumnCount(6);
        field.setText(format(initial));
        Label l = new Label(label);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        l.setTooltip(tip);
        slider.setTooltip(tip);
        field.setTooltip(tip);
        HBox top = new HBox(6, l, new javafx.scene.layout.Region(), field);
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

    ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    double value() {
        return value.get();
    }

    int intValue() {
        return (int) Math.round(value.get());
    }

    Slider slider() {
        return slider;
    }

    TextField field() {
        return field;
    }

    void setOnRefused(Consumer<String> onRefused) {
        this.onRefused = onRefused;
    }

    /** Changes the allowed maximum (e.g. the plotted row follows N), clamping the value. */
    void setMax(double max) {
        slider.setMax(max);
        if (value.get() > max) setValue(max);
    }

    void setValue(double v) {
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
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            refuse("'" + text + "' is not a number");
            return;
        }
        if (integer && v != Math.rint(v)) {
            refuse("'" + text + "' must be a whole number");
            return;
        }
        String problem = validator.apply(v);
        if (problem == null && (v < slider.getMin() || v > slider.getMax())) {
            problem = "must be from " + format(slider.getMin()) + " to " + format(slider.getMax()) + ", got " + text;
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
        double s = slider.getMin() + Math.round((v - slider.getMin()) / step) * step;
        return Math.max(slider.getMin(), Math.min(slider.getMax(), s));
    }

    private String format(double v) {
        if (integer) return String.valueOf(Math.round(v));
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
