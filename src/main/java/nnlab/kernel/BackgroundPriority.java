package nnlab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs training below the window's priority. Training keeps both cores busy; at equal priority
 * the JavaFX and render threads then wait their turn and the window stalls for hundreds of
 * milliseconds whenever a chart changes. Java's thread priorities are ignored on Linux, so the
 * calling thread's nice value is raised with renice; threads it starts afterwards (parallel
 * rounds, oneDNN's OpenMP workers) inherit it. Elsewhere, or if renice is missing, this does
 * nothing and training simply shares the CPU equally.
 */
public final class BackgroundPriority {
    /** Nice value for training threads: the window wins any contest, training still gets all idle CPU. */
    public static final int NICENESS = 10;
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

    private BackgroundPriority() { }

    /** Lowers the calling thread's scheduling priority once; returns whether it is lowered. */
    public static boolean lowerCurrentThread() {
        if (LOWERED.get()) return true;
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) return false;
        try {
            String taskId = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICENESS), "-p", taskId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ok = renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
            LOWERED.set(ok);
            return ok;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value (Linux), or null where it cannot be read. */
    public static Integer currentNiceness() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
