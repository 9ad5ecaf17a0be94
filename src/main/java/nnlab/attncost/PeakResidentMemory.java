package nnlab.attncost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures how far one call raises the process's peak resident memory: Linux keeps the peak in
 * /proc/self/status (VmHWM) and resets it to the current size when "5" is written to
 * /proc/self/clear_refs. This sees every byte the call touches, ND4J's own temporaries and
 * oneDNN/BLAS scratch included, but also the JVM heap; small results are therefore noisy, and
 * memory freed by an earlier call and reused is not seen. NaN where /proc is not available.
 */
final class PeakResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakResidentMemory() { }

    static boolean available() {
        return Files.isReadable(STATUS) && Files.isWritable(CLEAR_REFS);
    }

    /** Bytes by which the peak resident size rose above the size at the start of the call. */
    static double measure(Runnable call) {
        if (!available()) {
            call.run();
            return Double.NaN;
        }
        long before;
        try {
            // Garbage from earlier calls is released first, so that it is not what the call reuses.
            System.gc();
            Files.writeString(CLEAR_REFS, "5");
            before = field("VmRSS:");
        } catch (IOException e) {
            call.run();
            return Double.NaN;
        }
        call.run();
        try {
            return Math.max(0, field("VmHWM:") - before);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long field(String name) throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IOException(name + " missing in " + STATUS);
    }
}
