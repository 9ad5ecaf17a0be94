package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved and exported files are for sharing: readable by others (0644), not the temp file's 0600. */
class FileModesTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class), "no POSIX file modes here");
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void anExportedFileIsReadableByOthers() throws Exception {
        Path file = tmp.resolve("runs.csv");
        ExportFiles.writeString(file, "id\n1\n", false);
        assertEquals("rw-r--r--", mode(file));
    }

    @Test
    void aReplacedFileKeepsTheModeItHad() throws Exception {
        Path file = tmp.resolve("report.html");
        AtomicFiles.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(file, "new");
        assertEquals("rw-rw-r--", mode(file));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void everyFileOfASavedRunIsReadableByOthers() throws Exception {
        try (var engine = new nnlab.kernel.run.RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            var experiment = new nnlab.plugintest.EchoExperiment();
            var run = engine.submit(experiment, experiment.schema().defaults());
            run.await(60, java.util.concurrent.TimeUnit.SECONDS);
            try (var files = Files.walk(run.folder())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) assertEquals("rw-r--r--", mode(f), f.toString());
            }
        }
    }
}
