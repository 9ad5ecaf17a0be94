package nnlab.kernel.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ordered settings of one experiment, plus the checks that involve more than one setting
 * (e.g. "validation size must not exceed train size").
 */
public final class ConfigSchema {
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final List<Function<Config, SettingException>> crossChecks = new ArrayList<>();

    public ConfigSchema add(Setting setting) {
        if (settings.put(setting.key(), setting) != null) {
            throw new IllegalStateException("duplicate setting " + setting.key());
        }
        return this;
    }

    public ConfigSchema add(Setting.Builder builder) {
        return add(builder.build());
    }

    /** A rule over several settings; returns null when the config satisfies it. */
    public ConfigSchema check(Function<Config, SettingException> rule) {
        crossChecks.add(rule);
        return this;
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    public Setting setting(String key) {
        Setting s = settings.get(key);
        if (s == null) throw new SettingException(key, "unknown setting '" + key + "'");
        return s;
    }

    public boolean has(String key) {
        return settings.containsKey(key);
    }

    public Config defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : settings.values()) values.put(s.key(), s.defaultValue());
        return new Config(this, values);
    }

    /**
     * Builds a config from typed values (e.g. read from JSON); unknown keys and bad values are
     * refused. A key the values lack takes the setting's {@link Setting#absentValue()}: a config
     * saved before a setting existed keeps meaning what it meant then.
     */
    public Config fromValues(Map<String, ?> values) {
        List<SettingException> problems = new ArrayList<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Setting s : settings.values()) merged.put(s.key(), s.absentValue());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Setting s = settings.get(e.getKey());
            if (s == null) {
                problems.add(new SettingException(e.getKey(), "unknown setting '" + e.getKey() + "'"));
                continue;
            }
            try {
                Object v = e.getValue();
                merged.put(s.key(), v instanceof String && s.kind() != Setting.Kind.TEXT && s.kind() != Setting.Kind.CHOICE
                        ? s.parse((String) v) : s.validate(v));
            } catch (SettingException ex) {
                problems.add(ex);
            }
        }
        return finish(merged, problems);
    }

    /** Builds a config from text values (command line, form fields). */
    public Config fromText(Map<String, String> texts) {
        List<SettingException> problems = new ArrayList<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Setting s : settings.values()) merged.put(s.key(), s.defaultValue());
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Setting s = settings.get(e.getKey());
            if (s == null) {
                problems.add(new SettingException(e.getKey(), "unknown setting '" + e.getKey() + "'"));
                continue;
            }
            try {
                merged.put(s.key(), s.parse(e.getValue()));
            } catch (SettingException ex) {
                problems.add(ex);
            }
        }
        return finish(merged, problems);
    }

    private Config finish(Map<String, Object> merged, List<SettingException> problems) {
        if (!problems.isEmpty()) throw new ConfigException(problems);
        Config config = new Config(this, merged);
        validateCross(config);
        return config;
    }

    void validateCross(Config config) {
        List<SettingException> problems = new ArrayList<>();
        for (Function<Config, SettingException> rule : crossChecks) {
            SettingException p = rule.apply(config);
            if (p != null) problems.add(p);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }
}
