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
            before = settledResidentSize();
            Files.writeString(CLEAR_REFS, "5");
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

    /**
     * Garbage from earlier calls is released first: ND4J frees an array's native memory on a
     * deallocator thread some time after the GC found it, and memory freed during the measured
     * call would hide as much of the call's own (measured: a 258 MiB score matrix showed as 16 MiB).
     * So: collect, wait, and repeat until the resident size stops falling (at most ~1 s).
     */
    private static long settledResidentSize() throws IOException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = field("VmRSS:");
            if (previous - now < (1 << 20)) return now;
            previous = now;
        }
        return field("VmRSS:");
    }

    private static long field(String name) throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IOException(name + " missing in " + STATUS);
    }
}
