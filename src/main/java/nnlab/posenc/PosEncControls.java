package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import nnlab.app.widgets.SliderField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.DoubleFunction;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;

/**
 * The panel's controls, generated from the experiment's schema: a {@link SliderField} for every
 * setting with a step, a drop-down for a choice, a text field for the rest. Labels, help and
 * ranges therefore come from one place, the same the command line and saved settings use.
 * Also the two view options that are not settings (the attention query, the decomposition).
 */
final class PosEncControls {
    /** The summary averages over several draws; the panel draws one X at a time, so it keeps this from loaded settings. */
    private static final Set<String> NOT_SHOWN = Set.of("draws");

    private final ConfigSchema schema;
    private final Map<String, SliderField> sliders = new LinkedHashMap<>();
    private final Map<String, Control> others = new LinkedHashMap<>();
    final SliderField p, n, row, sigma, draw, length, k, c;
    final TextField base, seed, signal;
    final ComboBox<String> colorMap;
    final ComboBox<String> query = new ComboBox<>();
    final CheckBox decomposition = new CheckBox("Show (X+E)ᵀ(X+E) = XᵀX + XᵀE + EᵀX + EᵀE");
    private int draws;
    private double[] signalValues;

    PosEncControls(ConfigSchema schema) {
        this.schema = schema;
        Map<String, DoubleFunction<String>> rules = Map.of(
                "p", v -> ((int) v) % 2 != 0 ? "p must be even (sin and cos come in pairs), got " + (int) v : null,
                "row", v -> v >= sliders.get("n").intValue()
                        ? "the plotted row must be below N = " + sliders.get("n").intValue() + ", got " + (int) v : null);
        for (Setting s : schema.settings()) {
            if (NOT_SHOWN.contains(s.key())) continue;
            if (s.hasStep()) sliders.put(s.key(), new SliderField(s, rules.get(s.key())));
            else others.put(s.key(), control(s));
        }
        p = slider("p");
        n = slider("n");
        row = slider("row");
        sigma = slider("sigma-scale");
        draw = slider("draw");
        length = slider("length");
        k = slider("k");
        c = slider("c");
        base = (TextField) others.get("base");
        seed = (TextField) others.get("seed");
        signal = (TextField) others.get("signal");
        @SuppressWarnings("unchecked")
        ComboBox<String> map = (ComboBox<String>) others.get("colormap");
        colorMap = map;
        row.setMax(n.intValue() - 1);
        draws = schema.defaults().getInt("draws");

        seed.setPrefColumnCount(6);
        signal.setPromptText("comma-separated values");
        // Unlike the command line, the panel has no "empty = random": the button makes one.
        signal.setTooltip(new Tooltip("The input signal x; edit and press Enter. At least 2 values."));
        signal.setPrefColumnCount(12);
        signalValues = Signals.random(schema.defaults().getInt("length"), schema.defaults().getInt("seed"));
        signal.setText(Signals.format(signalValues));
        query.getItems().addAll("E", "X+E", "[X|E]");
        query.setValue("E");
        query.setTooltip(new Tooltip("Q = K = E: position only; X + E: content added; [X | E]: content and position side by side."));
    }

    private static Control control(Setting s) {
        Control control;
        if (s.kind() == Setting.Kind.CHOICE) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().addAll(s.choices());
            box.setValue(String.valueOf(s.defaultValue()));
            control = box;
        } else {
            control = new TextField(s.format(s.defaultValue()));
        }
        control.setId(s.key() + "-field");
        Tooltip tip = new Tooltip(s.help());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        control.setTooltip(tip);
        return control;
    }

    private SliderField slider(String key) {
        SliderField f = sliders.get(key);
        if (f == null) throw new IllegalStateException("the schema has no step for '" + key + "', so no slider");
        return f;
    }

    /** Every slider, by setting key, in schema order. */
    Map<String, SliderField> sliders() {
        return Collections.unmodifiableMap(sliders);
    }

    /** The label a setting's control is shown with. */
    String label(String key) {
        return schema.setting(key).label();
    }

    double[] signalValues() {
        return signalValues;
    }

    /** Puts a config's values into the controls (each change asks for a redraw); the signal is left to the caller. */
    void load(Config config) {
        draws = config.getInt("draws");
        // The text fields first: each slider change below redraws with whatever they hold.
        base.setText(NiceNumbers.format(config.getDouble("base")));
        seed.setText(String.valueOf(config.getInt("seed")));
        colorMap.setValue(config.getString("colormap"));
        // Schema order: N comes before the plotted row it bounds.
        for (SliderField f : sliders.values()) f.setValue(config.getDouble(f.setting().key()));
    }

    /** The values as a config would hold them (text fields as typed), under the schema's keys. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : schema.settings()) {
            String key = s.key();
            if (sliders.containsKey(key)) values.put(key, sliders.get(key).typedValue());
            else if (others.get(key) instanceof TextField t) values.put(key, t.getText().trim());
            else if (others.get(key) instanceof ComboBox<?> box) values.put(key, box.getValue());
        }
        values.put("draws", Math.max(draws, draw.intValue() + 1));
        return values;
    }

    /** Parses the signal field; on a bad entry marks it and reports why (refuse takes the setting's key and the message). */
    boolean commitSignal(BiConsumer<String, String> refuse) {
        try {
            signalValues = Signals.parse(signal.getText());
            PosEncLayout.markInvalid(signal, false);
            return true;
        } catch (IllegalArgumentException e) {
            PosEncLayout.markInvalid(signal, true);
            refuse.accept("signal", e.getMessage());
            return false;
        }
    }

    void showSignal(double[] x) {
        signalValues = x;
        signal.setText(Signals.format(x));
        PosEncLayout.markInvalid(signal, false);
    }

    /** The seed, or null after reporting why the field's text is not one. */
    Long seed(BiConsumer<String, String> refuse) {
        try {
            long s = Long.parseLong(seed.getText().trim());
            if (s < 0) throw new NumberFormatException();
            PosEncLayout.markInvalid(seed, false);
            return s;
        } catch (NumberFormatException e) {
            PosEncLayout.markInvalid(seed, true);
            refuse.accept("seed", "seed must be a whole number ≥ 0, got '" + seed.getText() + "'");
            return null;
        }
    }

    /** A snapshot of every value for the given tab, or null after reporting the first one that is refused. */
    PosEncRequest snapshot(int tab, BiConsumer<String, String> refuse) {
        double b;
        try {
            b = Double.parseDouble(base.getText().trim());
        } catch (NumberFormatException e) {
            PosEncLayout.markInvalid(base, true);
            refuse.accept("base", "base must be a positive number, got '" + base.getText() + "'");
            return null;
        }
        String problem = SinusoidalEncoding.problem(p.intValue(), n.intValue(), b);
        if (problem != null) {
            String key = problem.startsWith("base") ? "base" : problem.startsWith("p ") ? "p" : "n";
            if (key.equals("base")) PosEncLayout.markInvalid(base, true);
            refuse.accept(key, problem);
            return null;
        }
        PosEncLayout.markInvalid(base, false);
        Long s = seed(refuse);
        if (s == null) return null;
        return new PosEncRequest(System.nanoTime(), tab, p.intValue(), n.intValue(), b, Math.min(row.intValue(), n.intValue() - 1),
                PosEncExperiment.colorMap(colorMap.getValue()), sigma.value(), s, draw.intValue(), decomposition.isSelected(),
                PosEncStudy.Query.of(query.getValue()), signalValues, k.intValue(), c.value());
    }
}
