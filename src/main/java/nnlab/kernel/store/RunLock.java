package nnlab.kernel.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Marks a run folder as being written by a live process: an exclusive lock on
 * {@code <folder>/.lock}, held from the run's start to its end. The operating system drops the
 * lock when the process dies, however it dies, so a run.json that still says "running" without
 * a held lock belongs to a run that was interrupted.
 *
 * <p>Every lock operation of this JVM goes through this class's monitor, and a folder this JVM
 * holds is answered from memory: on POSIX systems closing <em>any</em> channel to a file drops
 * all of the process's locks on it, so probing our own lock by opening the file would release it.
 */
final class RunLock implements AutoCloseable {
    static final String FILE_NAME = ".lock";

    /** Whether a live process writes the folder; UNKNOWN when the file system cannot lock. */
    enum Liveness { LIVE, DEAD, UNKNOWN }

    private static final Set<Path> HELD_BY_THIS_JVM = new HashSet<>();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks a run folder, or throws when the file system cannot (or another process holds it). */
    static RunLock acquire(Path folder) throws IOException {
        Path key = key(folder);
        synchronized (RunLock.class) {
            FileChannel channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) throw new IOException("another process holds " + key.resolve(FILE_NAME));
                HELD_BY_THIS_JVM.add(key);
                return new RunLock(key, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /** Whether some live process (this one or another) holds the folder's lock. */
    static Liveness probe(Path folder) {
        Path key = key(folder);
        synchronized (RunLock.class) {
            if (HELD_BY_THIS_JVM.contains(key)) return Liveness.LIVE;
            try (FileChannel channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) return Liveness.LIVE;
                lock.release();
                return Liveness.DEAD;
            } catch (NoSuchFileException e) {
                return Liveness.DEAD; // a run that never locked: written before locks existed, or died before
            } catch (OverlappingFileLockException e) {
                return Liveness.LIVE;
            } catch (IOException e) {
                return Liveness.UNKNOWN; // e.g. a network file system without locks
            }
        }
    }

    /** Releases the lock and removes the lock file (a leftover one would be harmless). */
    @Override
    public void close() {
        synchronized (RunLock.class) {
            HELD_BY_THIS_JVM.remove(folder);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the channel is gone either way; the OS drops the lock with it
            }
            try {
                Files.deleteIfExists(folder.resolve(FILE_NAME));
            } catch (IOException e) {
                // e.g. Windows while another process probes it; the file is only a marker
            }
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
