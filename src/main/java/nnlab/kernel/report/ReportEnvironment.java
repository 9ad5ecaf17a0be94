package nnlab.kernel.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The software and machine a report is written on: NN Lab's, Java's, DL4J's and ND4J's versions and
 * the CPU. Each is looked up where it is recorded (the jar's manifest and Maven descriptors,
 * /proc/cpuinfo on Linux, sysctl on macOS, the environment on Windows); what cannot be found says
 * "unknown", never fails the report.
 */
public final class ReportEnvironment {
    static final String UNKNOWN = "unknown";

    private ReportEnvironment() { }

    /** Label → value, in the order a report lists them. */
    public static Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("NN Lab", nnlabVersion());
        out.put("Java", System.getProperty("java.vm.name", "Java") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version", UNKNOWN)) + " (" + System.getProperty("java.vendor", UNKNOWN) + ")");
        out.put("DeepLearning4J", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        out.put("ND4J", mavenVersion("org.nd4j", "nd4j-api"));
        out.put("Operating system", System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", "")
                + " (" + System.getProperty("os.arch", UNKNOWN) + ")");
        out.put("CPU", cpuModel());
        out.put("Cores available to Java", String.valueOf(Runtime.getRuntime().availableProcessors()));
        out.put("Java heap limit", String.format(Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9));
        return out;
    }

    /** The jar manifest's version, else the Maven descriptor the jar carries, else "development build". */
    static String nnlabVersion() {
        String v = ReportEnvironment.class.getPackage().getImplementationVersion();
        if (v == null) v = mavenVersionOrNull("nnlab", "nnlab");
        return v == null ? "development build (no version in the class path)" : v;
    }

    static String mavenVersion(String group, String artifact) {
        String v = mavenVersionOrNull(group, artifact);
        return v == null ? UNKNOWN : v;
    }

    private static String mavenVersionOrNull(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ReportEnvironment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? null : v.trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String cpuModel() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String model = null;
        if (os.contains("linux")) model = fromCpuInfo(Path.of("/proc/cpuinfo"));
        else if (os.contains("mac")) model = command("sysctl", "-n", "machdep.cpu.brand_string");
        else if (os.contains("win")) model = System.getenv("PROCESSOR_IDENTIFIER");
        return model == null || model.isBlank() ? UNKNOWN + " (" + System.getProperty("os.arch", "?") + ")" : model.trim();
    }

    /** "model name" on x86; ARM kernels name the chip in "Hardware" or "Model", or only its part numbers. */
    static String fromCpuInfo(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String key : List.of("model name", "Hardware", "Model", "Processor", "cpu model", "CPU part")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) return key.equals("CPU part") ? "ARM CPU part " + value : value;
                }
            }
        }
        return null;
    }

    private static String command(String... args) {
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
