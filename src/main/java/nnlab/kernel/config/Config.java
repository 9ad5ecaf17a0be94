package nnlab.kernel.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable, validated set of setting values for one experiment. */
public final class Config {
    private final ConfigSchema schema;
    private final Map<String, Object> values;

    Config(ConfigSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ConfigSchema schema() { return schema; }

    public Object get(String key) {
        schema.setting(key);
        return values.get(key);
    }

    public int getInt(String key) { return ((Number) get(key)).intValue(); }
    public long getLong(String key) { return ((Number) get(key)).longValue(); }
    public double getDouble(String key) { return ((Number) get(key)).doubleValue(); }
    public boolean getBoolean(String key) { return (Boolean) get(key); }
    public String getString(String key) { Object v = get(key); return v == null ? null : String.valueOf(v); }

    @SuppressWarnings("unchecked")
    public List<String> getStrings(String key) { return (List<String>) get(key); }

    @SuppressWarnings("unchecked")
    public List<Integer> getInts(String key) { return (List<Integer>) get(key); }

    /** A copy with one value changed (validated, including the cross-setting rules). */
    public Config with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        Setting s = schema.setting(key);
        copy.put(key, value instanceof String && s.kind() != Setting.Kind.TEXT && s.kind() != Setting.Kind.CHOICE
                ? s.parse((String) value) : s.validate(value));
        Config c = new Config(schema, copy);
        schema.validateCross(c);
        return c;
    }

    public Map<String, Object> values() { return values; }

    @Override
    public String toString() { return values.toString(); }
}
