package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nnlab.kernel.store.RunLogFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupt or truncated data file is an expected error: the command line ends the run with one
 * message naming the file and the problem, no stack trace on the terminal (neither the CLI's
 * stream nor the engine's System.err), and the trace kept in the run folder's run.log.
 */
class CorruptDataCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureSystemErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreSystemErr() {
        System.setErr(originalErr);
    }

    private int cli(String... args) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Cli.run(args, new PrintStream(OutputStream.nullOutputStream()), errStream);
    }

    /** Every byte the terminal would show: the CLI's stderr and whatever went to System.err. */
    private String terminal() {
        return err.toString(StandardCharsets.UTF_8) + systemErr.toString(StandardCharsets.UTF_8);
    }

    private void assertMessageWithoutTrace(Path file, String problem) throws IOException {
        String text = terminal();
        assertTrue(text.contains("[Failed] failed: " + file), text);
        assertTrue(text.contains(problem), text);
        assertFalse(text.contains("\tat "), "no stack trace on the terminal:\n" + text);
        assertFalse(text.contains("Exception"), "no exception class names on the terminal:\n" + text);
        Path log = runLog();
        String logText = Files.readString(log);
        assertTrue(logText.contains(problem) && logText.contains("\tat "), "run.log keeps the trace for a bug report:\n" + logText);
    }

    private Path runLog() throws IOException {
        try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
            Path folder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            return folder.resolve(RunLogFile.FILE_NAME);
        }
    }

    private static void idxHeader(Path file, int magic, int... dims) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int d : dims) out.writeInt(d);
            out.write(new byte[100]); // far fewer than the header promises
        }
    }

    @Test
    void truncatedIdxFileEndsTheRunWithItsNameAndLength() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        for (String prefix : new String[] {"train", "t10k"}) {
            idxHeader(dir.resolve(prefix + "-images-idx3-ubyte"), 0x803, 1000, 28, 28);
            idxHeader(dir.resolve(prefix + "-labels-idx1-ubyte"), 0x801, 1000);
        }
        int code = cli("run", "rotation", "--data", "fashion-mnist", "--data-dir", dir.toString(), "--epochs", "1",
                "--train-size", "10", "--test-size", "10", "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(Cli.RUN_FAILED, code, terminal());
        assertMessageWithoutTrace(dir.resolve("train-images-idx3-ubyte"), "wrong length");
    }

    @Test
    void cifarFileOfAnotherFormatEndsTheRunWithItsNameAndTheBadLabel() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        byte[] record = new byte[3073];
        record[0] = (byte) 200; // labels are 0..9 in the binary version
        for (String name : new String[] {"data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"}) {
            Files.write(dir.resolve(name + ".bin"), record);
        }
        int code = cli("run", "rotation", "--data", "cifar10", "--data-dir", dir.toString(), "--epochs", "1",
                "--train-size", "1", "--test-size", "1", "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(Cli.RUN_FAILED, code, terminal());
        assertMessageWithoutTrace(dir.resolve("data_batch_1.bin"), "label 200");
    }

    @Test
    void malformedCoraFolderEndsTheOversmoothingRunWithTheFileAndLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cora"));
        Files.writeString(dir.resolve("cora.content"), "31336\t0\t1\tNeural_Networks\n1061127\t1\t0\n");
        Files.writeString(dir.resolve("cora.cites"), "35\t1033\n");
        int code = cli("run", "oversmoothing", "--graph", "cora", "--data-dir", dir.toString(), "--depths", "1", "--epochs", "1",
                "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(Cli.RUN_FAILED, code, terminal());
        assertMessageWithoutTrace(dir.resolve("cora.content"), "line 2");
    }
}
