package nnlab.kernel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Writes an exported file (a report, a CSV of many runs) the one way every export does: atomically
 * ({@link AtomicFiles}: a failure leaves the old file or none, never half of one), an existing file
 * only replaced when the caller says so, and every failure worded as "could not write NAME in
 * FOLDER: cause".
 */
public final class ExportFiles {
    private ExportFiles() { }

    /** Thrown when the file exists and replacing it was not allowed; the app asks, the command line refuses. */
    public static final class AlreadyThere extends FileAlreadyExistsException {
        public AlreadyThere(Path file) {
            super(file.toString(), null, file.getFileName() + " already exists in " + file.toAbsolutePath().getParent());
        }

        @Override
        public String getMessage() {
            return getReason();
        }
    }

    /** The file in the folder, or an IOException naming both when the file system refuses the name. */
    public static Path resolve(Path folder, String fileName) throws IOException {
        try {
            return folder.resolve(fileName);
        } catch (InvalidPathException e) {
            throw new IOException("could not write " + fileName + " in " + folder + ": the file system does not accept that name ("
                    + e.getReason() + ")", e);
        }
    }

    public static void writeString(Path file, String text, boolean replace) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, replace, out -> out.write(bytes));
    }

    public static void write(Path file, boolean replace, AtomicFiles.Writer writer) throws IOException {
        if (!replace && Files.exists(file)) throw new AlreadyThere(file);
        Path folder = file.toAbsolutePath().getParent();
        try {
            AtomicFiles.write(file, writer);
        } catch (IOException e) {
            throw IoProblems.couldNotWrite(file.getFileName().toString(), folder, e);
        }
    }
}
