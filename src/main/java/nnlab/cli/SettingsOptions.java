package nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.SettingsFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * An experiment's settings as command-line options: {@code --KEY VALUE} (or {@code --KEY=VALUE})
 * for every setting of its schema, shown in one help section per setting group, plus
 * {@code --settings FILE}. The options are made from the schema at run time because the settings
 * are only known then. {@code run ID} and the app's start-up property share them, so both accept
 * and refuse exactly the same text.
 *
 * <p>Values are collected as text and checked by the schema afterwards, and unknown options are
 * collected rather than fatal, so that every bad option is reported at once.
 */
public final class SettingsOptions {
    private final Experiment experiment;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private Path settingsFile;

    private SettingsOptions(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * The settings given in {@code text} (the command line's option syntax, e.g.
     * {@code "--rounds 1 --epochs=3"}, or {@code --settings FILE}) on top of the defaults. Throws
     * ConfigException with one problem per bad option, each message naming the option.
     */
    public static Config parse(Experiment experiment, String text) {
        CommandSpec spec = CommandSpec.create().name("nnlab run " + experiment.id());
        SettingsOptions options = addTo(spec, experiment);
        CommandLine commandLine = new CommandLine(spec);
        String trimmed = text == null ? "" : text.trim();
        try {
            commandLine.parseArgs(trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+"));
        } catch (ParameterException e) {
            throw new ConfigException(List.of(problem(e)));
        }
        return options.toConfig(commandLine.getUnmatchedArguments(), commandLine);
    }

    /**
     * Adds the options to {@code spec}, a help section per setting group and a last one,
     * "Files and folders", with --settings and {@code fileOptions}; the values the parser meets land
     * in the returned object.
     */
    static SettingsOptions addTo(CommandSpec spec, Experiment experiment, OptionSpec... fileOptions) {
        SettingsOptions options = new SettingsOptions(experiment);
        // Unknown options are gathered (see toConfig) so that they are reported with the bad values;
        // a repeated option takes its last value and @FILE is a value like any other, as before picocli.
        spec.parser().unmatchedArgumentsAllowed(true).overwrittenOptionsAllowed(true).expandAtFiles(false);
        spec.usageMessage().sortOptions(false).longOptionsMaxWidth(30).autoWidth(true);
        Map<String, ArgGroupSpec.Builder> groups = new LinkedHashMap<>();
        for (Setting s : experiment.schema().settings()) {
            groups.computeIfAbsent(s.group(), SettingsOptions::section).addArg(options.option(s));
        }
        ArgGroupSpec.Builder files = section("Files and folders").addArg(OptionSpec.builder("--settings").paramLabel("FILE")
                .type(Path.class).description("Start from a settings file (a run's config.json works too); the options given override it.")
                .setter(new Setter<Path>(file -> options.settingsFile = file)).build());
        for (OptionSpec o : fileOptions) files.addArg(o);
        int order = 1;
        for (ArgGroupSpec.Builder group : groups.values()) spec.addArgGroup(group.order(order++).build());
        spec.addArgGroup(files.order(order).build());
        return options;
    }

    /** A group for the help only: validate(false) leaves every option optional and independent. */
    private static ArgGroupSpec.Builder section(String title) {
        return ArgGroupSpec.builder().heading("%n" + literal(title) + ":%n").exclusive(false).validate(false).multiplicity("0..*");
    }

    private OptionSpec option(Setting s) {
        List<String> description = new ArrayList<>();
        String defaultText = s.format(s.defaultValue());
        description.add(literal(s.label() + " (default: " + (defaultText.isEmpty() ? "empty" : defaultText) + ")"));
        if (!s.help().isEmpty()) description.add(literal(s.help()));
        description.add(literal("allowed: " + s.allowedDescription()));
        return OptionSpec.builder("--" + s.key()).paramLabel("VALUE").type(String.class).arity("1")
                .description(description.toArray(new String[0]))
                .setter(new Setter<String>(value -> texts.put(s.key(), value))).build();
    }

    /**
     * The settings file's values (or the defaults) with the options given on top. Throws
     * ConfigException with every problem at once: unknown options and stray words, bad values,
     * a bad settings file; each message names the option, file or field.
     */
    Config toConfig(List<String> unmatched, CommandLine commandLine) {
        ConfigSchema schema = experiment.schema();
        List<SettingException> problems = new ArrayList<>(unknownArguments(unmatched, commandLine));
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            try {
                given.put(t.getKey(), schema.setting(t.getKey()).parse(t.getValue()));
            } catch (SettingException e) {
                problems.add(namedOption(e));
            }
        }
        Config base = schema.defaults();
        if (settingsFile != null) {
            try {
                base = SettingsFiles.read(settingsFile, experiment.id(), schema);
            } catch (IOException e) {
                problems.add(new SettingException("settings", "--settings: " + e.getMessage()));
            } catch (ConfigException e) {
                for (SettingException p : e.problems()) {
                    problems.add(new SettingException(p.key(), "settings file " + settingsFile + ": " + p.key() + ": " + p.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        values.putAll(given);
        try {
            return schema.fromValues(values);
        } catch (ConfigException e) {
            // Only the rules over several settings are left to fail here.
            throw new ConfigException(e.problems().stream().map(SettingsOptions::namedOption).toList());
        }
    }

    /**
     * The unmatched arguments as problems. A word right after an unknown option is taken as its
     * value, as in {@code --epoch 3}, so it is not reported a second time.
     */
    private List<SettingException> unknownArguments(List<String> unmatched, CommandLine commandLine) {
        List<SettingException> problems = new ArrayList<>();
        for (int i = 0; i < unmatched.size(); i++) {
            String a = unmatched.get(i);
            if (looksLikeOption(a)) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                problems.add(new SettingException(name.replaceFirst("^--?", ""), "unknown option " + name + hint(name, commandLine)));
                if (!a.contains("=") && i + 1 < unmatched.size() && !looksLikeOption(unmatched.get(i + 1))) i++;
            } else {
                problems.add(new SettingException(a, "unexpected argument '" + a + "' (options start with --)"));
            }
        }
        return problems;
    }

    private String hint(String name, CommandLine commandLine) {
        List<String> similar = new CommandLine.UnmatchedArgumentException(commandLine, List.of(name)).getSuggestions();
        String see = "see nnlab run " + experiment.id() + " --help";
        return similar.isEmpty() ? " (" + see + ")" : " (did you mean " + String.join(" or ", similar) + "? " + see + ")";
    }

    /** A parse error that stops the parser (an option without its value), worded with the option's name. */
    static SettingException problem(ParameterException e) {
        CommandLine.Model.ArgSpec arg = e.getArgSpec();
        if (arg == null && e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) arg = m.getMissing().get(0);
        if (e instanceof CommandLine.MissingParameterException && arg instanceof OptionSpec option) {
            String name = option.longestName();
            return new SettingException(name.replaceFirst("^--?", ""), "option " + name + " needs a value");
        }
        return new SettingException("", e.getMessage());
    }

    private static boolean looksLikeOption(String a) {
        return a.startsWith("-") && !a.matches("-[0-9.].*");
    }

    private static SettingException namedOption(SettingException e) {
        return new SettingException(e.key(), "--" + e.key() + ": " + e.getMessage());
    }

    /** picocli reads descriptions as format strings with ${variables}; settings' texts are plain. */
    static String literal(String text) {
        return text.replace("%", "%%").replace("${", "$${");
    }

    /** A picocli setter from a lambda; picocli also hands setters the initial null, which is skipped. */
    static final class Setter<T> implements CommandLine.Model.ISetter {
        private final java.util.function.Consumer<T> target;

        Setter(java.util.function.Consumer<T> target) {
            this.target = target;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            if (value != null) target.accept((T) value);
            return null;
        }
    }
}
