package nnlab.kernel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;

/**
 * The command line that repeats a run: {@code java -jar nnlab.jar run ID --KEY VALUE ...} with the
 * settings whose values differ from this version's defaults, in the schema's order, quoted for a
 * POSIX shell. Only the differing ones, so that the line says what was chosen; it repeats the run
 * with the NN Lab version the report names (whose defaults it relies on), and the report lists every
 * value beside it.
 */
public final class RepeatCommand {
    static final String PREFIX = "java -jar nnlab.jar run ";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** The line, or why there is none (settings this version no longer accepts). */
    public record Line(String command, List<String> arguments, String problem) {
        public boolean ok() { return problem == null; }
    }

    private RepeatCommand() { }

    /** For the run's saved settings (config.json without "experiment"). */
    public static Line of(Experiment experiment, Map<String, Object> saved) {
        ConfigSchema schema = experiment.schema();
        Config config;
        try {
            config = schema.fromValues(saved);
        } catch (ConfigException e) {
            List<String> problems = new ArrayList<>();
            for (SettingException p : e.problems()) problems.add(p.getMessage());
            return new Line(null, List.of(), "this version of NN Lab does not accept the run's settings any more: "
                    + String.join("; ", problems));
        }
        Config defaults = schema.defaults();
        List<String> args = new ArrayList<>(List.of("run", experiment.id()));
        for (Setting s : schema.settings()) {
            Object value = config.get(s.key());
            if (Objects.equals(value, defaults.get(s.key()))) continue;
            args.add("--" + s.key());
            args.add(s.format(value));
        }
        StringBuilder line = new StringBuilder(PREFIX).append(quote(experiment.id()));
        for (String a : args.subList(2, args.size())) line.append(' ').append(quote(a));
        return new Line(line.toString(), List.copyOf(args), null);
    }

    /** A word as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Splits a line as a POSIX shell does for the quoting {@link #quote} writes (single and double
     * quotes, backslash escapes outside single quotes): the inverse that tests and users can check
     * the line with.
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else word.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) word.append(line.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
        if (inWord) words.add(word.toString());
        return words;
    }
}
