package nnlab.kernel;

import java.util.concurrent.CompletableFuture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Switches DL4J's oneDNN helpers on and initialises ND4J. DL4J reads the property once, when its
 * helper classes load, so {@link #configure()} must run before any DL4J layer class is touched.
 */
public final class NativeSetup {
    /** Read by DL4J's HelperUtils; its default "true" silently disables every oneDNN helper. */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static volatile CompletableFuture<Void> ready;

    private NativeSetup() { }

    public static void configure() {
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
        // Quiet JavaCPP's per-library loading chatter.
        System.setProperty("org.bytedeco.javacpp.logger.debug", "false");
    }

    /** Loads the native backend once, in the background; later calls return the same future. */
    public static synchronized CompletableFuture<Void> initAsync() {
        if (ready == null) {
            configure();
            ready = CompletableFuture.runAsync(NativeSetup::initNow);
        }
        return ready;
    }

    /** Loads the native backend on the calling thread (never call this on the JavaFX thread). */
    public static void initNow() {
        configure();
        // Before JavaCPP loads anything: a Java2D library loaded meanwhile can deadlock the process.
        nnlab.kernel.figure.Java2dNatives.load();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.create(1);
    }

    /** True when ND4J's native library was built with oneDNN and uses it. */
    public static boolean oneDnnAvailable() {
        initNow();
        return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }

    /**
     * Limits the ND4J/oneDNN work started from the calling thread to {@code threads} threads.
     * Nd4j's setMaxThreads only bounds libnd4j's own pool; oneDNN runs on OpenMP, whose thread
     * count is a per-thread setting, so a thread that trains a round next to another must set it
     * for itself: otherwise two rounds start four busy threads on two cores, which is slower and
     * starves the window's render thread.
     */
    public static void limitComputeThreadsOfThisThread(int threads) {
        // NativeOpsHolder fails for good (ExceptionInInitializerError) when touched before Nd4j has
        // loaded its backend, as a panel's worker thread can at start-up; load it first.
        initNow();
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
