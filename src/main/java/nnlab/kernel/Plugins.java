package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Loads the plug-ins of one kind ({@link ServiceLoader}); a broken one is reported and skipped, never fatal. */
public final class Plugins {
    private Plugins() { }

    public static <T> List<T> load(Class<T> kind) {
        List<T> out = new ArrayList<>();
        var it = ServiceLoader.load(kind, Plugins.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                System.err.println("nnlab: a " + kind.getSimpleName() + " plug-in could not be loaded: " + e.getMessage());
            }
        }
        return out;
    }
}
