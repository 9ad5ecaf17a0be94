package nnlab.bench;

import java.lang.management.ManagementFactory;
import nnlab.app.Shell;
import nnlab.app.ShellExtension;

/**
 * With {@code -Dnnlab.timing=true}, prints to stderr how long after the JVM's start the window
 * appeared and its first panel was built (used by assets/screenshot.sh and start-up measurements).
 */
public final class StartupTimer implements ShellExtension {
    public static final String PROPERTY = "nnlab.timing";

    @Override
    public void windowShown(Shell shell) {
        if (Boolean.getBoolean(PROPERTY)) System.err.println("nnlab: window shown " + sinceJvmStart() + " ms after JVM start");
    }

    @Override
    public void firstPanelBuilt(Shell shell) {
        if (Boolean.getBoolean(PROPERTY)) System.err.println("nnlab: first panel built " + sinceJvmStart() + " ms after JVM start");
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
