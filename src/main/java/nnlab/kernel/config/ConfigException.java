package nnlab.kernel.config;

import java.util.List;

/** A config was refused; carries one message per offending setting. */
public class ConfigException extends IllegalArgumentException {
    private final List<SettingException> problems;

    public ConfigException(List<SettingException> problems) {
        super(joined(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SettingException> problems() {
        return problems;
    }

    private static String joined(List<SettingException> problems) {
        StringBuilder sb = new StringBuilder();
        for (SettingException p : problems) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(p.getMessage());
        }
        return sb.toString();
    }
}
