package nnlab.kernel.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder where every run is saved: one sub-folder per run, named
 * {@code <experiment>-<yyyyMMdd-HHmmss>[-n]}, holding config.json, metrics.csv, summary.json,
 * run.json (status) and the figures.
 */
public final class RunStore {
    /** System property that moves the runs folder (tests point it into target/). */
    public static final String DIR_PROPERTY = "nnlab.runs.dir";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The configured runs folder: -Dnnlab.runs.dir, $NNLAB_RUNS_DIR, else ~/nnlab-runs. */
    public static RunStore defaultStore() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) dir = System.getenv("NNLAB_RUNS_DIR");
        if (dir == null || dir.isBlank()) dir = Paths.get(System.getProperty("user.home"), "nnlab-runs").toString();
        return new RunStore(Paths.get(dir));
    }

    public Path root() {
        return root;
    }

    /**
     * Creates a fresh folder for a run. createDirectory fails if the name exists, so two
     * processes starting runs in the same second never share a folder.
     */
    public Path newRunFolder(String experimentId) throws IOException {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IOException("cannot create the runs folder " + root + ": " + IoProblems.describe(e), e);
        }
        String base = experimentId + "-" + LocalDateTime.now().format(STAMP);
        for (int n = 0; n < 10_000; n++) {
            Path candidate = root.resolve(n == 0 ? base : base + "-" + n);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken by another run started in the same second: try the next suffix
            } catch (IOException e) {
                throw new IOException("cannot create a run folder in " + root + ": " + IoProblems.describe(e), e);
            }
        }
        throw new IOException("no free run folder name under " + root);
    }
}
