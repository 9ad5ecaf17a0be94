package nnlab.kernel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One user-facing setting of an experiment: its key (also the command-line option and the JSON
 * key), a label and tooltip for forms, a type, a default and the allowed range. The same
 * definition drives the GUI form, the command line and config validation, so the three can never
 * disagree about what a value may be.
 */
public final class Setting {

    public enum Kind { INT, DOUBLE, BOOLEAN, CHOICE, MULTI_CHOICE, INT_LIST, TEXT }

    private final String key;
    private final String label;
    private final String group;
    private final String help;
    private final Kind kind;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final boolean optional;
    private final double step;
    private final Object absentValue;

    private Setting(Builder b) {
        this.key = b.key;
        this.label = b.label == null ? b.key : b.label;
        this.group = b.group == null ? "Settings" : b.group;
        this.help = b.help == null ? "" : b.help;
        this.kind = b.kind;
        this.min = b.min;
        this.max = b.max;
        this.choices = List.copyOf(b.choices);
        this.optional = b.optional;
        this.step = b.step;
        if (!Double.isNaN(step) && !(step > 0 && (kind == Kind.DOUBLE || kind == Kind.INT && step == Math.rint(step)))) {
            throw new IllegalArgumentException(key + ": a step must be positive, and whole for a whole-number setting, got " + step);
        }
        this.defaultValue = b.defaultValue;
        if (defaultValue != null || !optional) {
            validate(defaultValue); // a schema with a bad default is a programming error
        }
        this.absentValue = b.absentSet ? validate(b.absentValue) : defaultValue;
    }

    public static Builder intSetting(String key, int defaultValue, int min, int max) {
        return new Builder(key, Kind.INT, defaultValue).range(min, max);
    }

    public static Builder doubleSetting(String key, double defaultValue, double min, double max) {
        return new Builder(key, Kind.DOUBLE, defaultValue).range(min, max);
    }

    public static Builder boolSetting(String key, boolean defaultValue) {
        return new Builder(key, Kind.BOOLEAN, defaultValue);
    }

    public static Builder choice(String key, String defaultValue, List<String> choices) {
        return new Builder(key, Kind.CHOICE, defaultValue).choices(choices);
    }

    public static Builder multiChoice(String key, List<String> defaults, List<String> choices) {
        return new Builder(key, Kind.MULTI_CHOICE, List.copyOf(defaults)).choices(choices);
    }

    /** A list of whole numbers, each within [min, max]. */
    public static Builder intList(String key, List<Integer> defaults, int min, int max) {
        return new Builder(key, Kind.INT_LIST, List.copyOf(defaults)).range(min, max);
    }

    public static Builder text(String key, String defaultValue) {
        return new Builder(key, Kind.TEXT, defaultValue);
    }

    public String key() { return key; }
    public String label() { return label; }
    public String group() { return group; }
    public String help() { return help; }
    public Kind kind() { return kind; }
    public Object defaultValue() { return defaultValue; }
    public double min() { return min; }
    public double max() { return max; }
    public List<String> choices() { return choices; }
    public boolean optional() { return optional; }

    /**
     * What a saved config without this key meant: the behaviour from before the setting existed,
     * so an old run's settings still repeat that run. The default unless the setting declares
     * otherwise (a setting whose default changes the numbers of a config saved without it).
     */
    public Object absentValue() { return absentValue; }

    /**
     * How far one notch of a slider moves this number, or NaN when the setting has none (then a
     * form shows a text field). It does not restrict typed values.
     */
    public double step() { return step; }
    public boolean hasStep() { return !Double.isNaN(step); }

    /** The allowed values in words, as used in error messages and tooltips. */
    public String allowedDescription() {
        switch (kind) {
            case INT: return "a whole number from " + fmt(min) + " to " + fmt(max);
            case DOUBLE: return "a number from " + fmt(min) + " to " + fmt(max);
            case BOOLEAN: return "true or false";
            case CHOICE: return "one of " + String.join(", ", choices);
            case MULTI_CHOICE: return "one or more of " + String.join(", ", choices) + " (comma separated)";
            case INT_LIST: return "a comma-separated list of whole numbers from " + fmt(min) + " to " + fmt(max);
            default: return optional ? "any text (may be empty)" : "any non-empty text";
        }
    }

    /** Parses the text form (command line, text field) and validates it. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            switch (kind) {
                case INT: return validate(Integer.parseInt(t));
                case DOUBLE: return validate(Double.parseDouble(t));
                case BOOLEAN:
                    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes")) return true;
                    if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no")) return false;
                    throw invalid("'" + t + "'");
                case CHOICE: return validate(t);
                case MULTI_CHOICE: return validate(splitList(t));
                case INT_LIST: {
                    List<Integer> values = new ArrayList<>();
                    for (String part : splitList(t)) values.add(Integer.parseInt(part));
                    return validate(values);
                }
                default: return validate(t);
            }
        } catch (NumberFormatException e) {
            throw invalid("'" + t + "'");
        }
    }

    /** Checks a value of this setting's type and returns it in canonical form. */
    public Object validate(Object value) {
        if (value == null) {
            if (optional) return null;
            throw invalid("nothing");
        }
        switch (kind) {
            case INT: {
                if (!(value instanceof Number) || ((Number) value).doubleValue() != Math.rint(((Number) value).doubleValue())) {
                    throw invalid(String.valueOf(value));
                }
                int v = ((Number) value).intValue();
                if (v < min || v > max) throw invalid(String.valueOf(v));
                return v;
            }
            case DOUBLE: {
                if (!(value instanceof Number)) throw invalid(String.valueOf(value));
                double v = ((Number) value).doubleValue();
                if (!Double.isFinite(v) || v < min || v > max) throw invalid(String.valueOf(v));
                return v;
            }
            case BOOLEAN:
                if (!(value instanceof Boolean)) throw invalid(String.valueOf(value));
                return value;
            case CHOICE:
                if (!choices.contains(String.valueOf(value))) throw invalid("'" + value + "'");
                return String.valueOf(value);
            case MULTI_CHOICE: {
                if (!(value instanceof List)) throw invalid(String.valueOf(value));
                List<String> out = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    String s = String.valueOf(o);
                    if (!choices.contains(s)) throw invalid("'" + s + "'");
                    if (!out.contains(s)) out.add(s);
                }
                if (out.isEmpty()) throw invalid("an empty selection");
                return List.copyOf(out);
            }
            case INT_LIST: {
                if (!(value instanceof List)) throw invalid(String.valueOf(value));
                List<Integer> out = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    if (!(o instanceof Number)) throw invalid(String.valueOf(o));
                    int v = ((Number) o).intValue();
                    if (v < min || v > max) throw invalid(String.valueOf(v));
                    out.add(v);
                }
                if (out.isEmpty()) throw invalid("an empty list");
                return List.copyOf(out);
            }
            default: {
                String s = String.valueOf(value);
                if (s.isBlank() && !optional) throw invalid("an empty value");
                return s;
            }
        }
    }

    /** The text form of a value, the inverse of {@link #parse(String)}. */
    public String format(Object value) {
        if (value == null) return "";
        if (value instanceof List) {
            List<String> parts = new ArrayList<>();
            for (Object o : (List<?>) value) parts.add(String.valueOf(o));
            return String.join(",", parts);
        }
        if (value instanceof Double) return fmt((Double) value);
        return String.valueOf(value);
    }

    private SettingException invalid(String got) {
        return new SettingException(key, label + " (" + key + ") must be " + allowedDescription() + ", got " + got);
    }

    private static List<String> splitList(String t) {
        List<String> out = new ArrayList<>();
        for (String part : t.split(",")) {
            if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public String toString() {
        return key;
    }

    public static final class Builder {
        private final String key;
        private final Kind kind;
        private final Object defaultValue;
        private String label;
        private String group;
        private String help;
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private List<String> choices = List.of();
        private boolean optional;
        private double step = Double.NaN;
        private Object absentValue;
        private boolean absentSet;

        private Builder(String key, Kind kind, Object defaultValue) {
            this.key = Objects.requireNonNull(key);
            this.kind = kind;
            this.defaultValue = defaultValue;
        }

        public Builder label(String label) { this.label = label; return this; }
        public Builder group(String group) { this.group = group; return this; }
        public Builder help(String help) { this.help = help; return this; }
        public Builder range(double min, double max) { this.min = min; this.max = max; return this; }
        public Builder choices(List<String> choices) { this.choices = List.copyOf(choices); return this; }
        public Builder optional() { this.optional = true; return this; }
        /** Marks a number as slider-worthy: one slider notch (also the arrow keys' increment). */
        public Builder step(double step) { this.step = step; return this; }
        /** The value a saved config without this key stands for; see {@link Setting#absentValue()}. */
        public Builder absentMeans(Object value) { this.absentValue = value; this.absentSet = true; return this; }
        public Setting build() { return new Setting(this); }
    }
}
