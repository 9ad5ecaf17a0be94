package nnlab.kernel.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an IOException into the cause a user can act on ("No space left on device", "permission
 * denied"). NIO's file exceptions carry only the path as their message, which says nothing.
 */
public final class IoProblems {
    private IoProblems() { }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null && !reason.isBlank()) return reason;
            if (e instanceof NoSuchFileException) return "no such file or folder";
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof FileAlreadyExistsException) return "something of that name is already there";
            if (e instanceof NotDirectoryException) return "not a folder";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** "could not write metrics.csv in /x/y: No space left on device". */
    static IOException couldNotWrite(String fileName, java.nio.file.Path folder, IOException cause) {
        return new IOException("could not write " + fileName + " in " + folder + ": " + describe(cause), cause);
    }
}
