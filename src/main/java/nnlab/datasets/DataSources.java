package nnlab.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the study's real data sets: MNIST-format IDX files (gzip or plain) and the CIFAR-10
 * binary version. Every problem is a {@link DataFileException} naming the file.
 */
public final class DataSources {
    public static final String AUTO = "auto";
    public static final String SYNTHETIC = "synthetic";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";
    public static final String CIFAR10 = "cifar10";
    public static final List<String> IDS = List.of(AUTO, SYNTHETIC, FASHION_MNIST, MNIST, CIFAR10);

    /** Where Debian's dataset-fashion-mnist package installs the files. */
    public static final Path DEBIAN_FASHION_MNIST = Paths.get("/usr/share/datasets/fashion-mnist");
    public static final Path DEBIAN_MNIST = Paths.get("/usr/share/datasets/mnist");

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> CIFAR_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private static final int IDX_IMAGES = 0x00000803;
    private static final int IDX_LABELS = 0x00000801;
    private static final int CIFAR_RECORD = 1 + 3 * 32 * 32;

    private DataSources() { }

    /** Train and test sets of one source, with how they were found (for logs and summary.json). */
    public record Loaded(String source, String location, ImageSet train, ImageSet test) { }

    /**
     * Loads a source; {@code auto} means Fashion-MNIST when its files are in dataDir or the
     * Debian location, else the generated set. Sizes of 0 mean "all"; the generated set has no
     * "all", so 0 there means 10 000 training or 2 000 test images.
     */
    public static Loaded load(String source, String dataDir, int trainSize, int testSize, long seed) throws IOException {
        Path dir = dataDir == null || dataDir.isBlank() ? null : Paths.get(dataDir.trim());
        switch (source) {
            case AUTO -> {
                Path found = findIdxDir(dir, DEBIAN_FASHION_MNIST);
                if (found != null) return loadIdx(FASHION_MNIST, found, FASHION_CLASSES, trainSize, testSize);
                return synthetic(trainSize, testSize, seed);
            }
            case SYNTHETIC -> {
                return synthetic(trainSize, testSize, seed);
            }
            case FASHION_MNIST, MNIST -> {
                Path fallback = source.equals(MNIST) ? DEBIAN_MNIST : DEBIAN_FASHION_MNIST;
                Path found = findIdxDir(dir, fallback);
                if (found == null) {
                    Path where = dir != null ? dir : fallback;
                    throw new DataFileException(where, "no " + source + " IDX files here (expected train-images-idx3-ubyte"
                            + "[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])"
                            + (source.equals(FASHION_MNIST) ? "; on Debian/Ubuntu: apt install dataset-fashion-mnist" : ""));
                }
                return loadIdx(source, found, source.equals(MNIST) ? DIGITS : FASHION_CLASSES, trainSize, testSize);
            }
            case CIFAR10 -> {
                if (dir == null) {
                    throw DataFileException.withoutFile("CIFAR-10 needs a data folder: set Data folder (--data-dir DIR) to the folder "
                            + "holding data_batch_1..5.bin and test_batch.bin (the binary version)");
                }
                return loadCifar(dir, trainSize, testSize);
            }
            default -> throw new IllegalArgumentException("unknown data source '" + source + "' (expected one of " + IDS + ")");
        }
    }

    private static Loaded synthetic(int trainSize, int testSize, long seed) {
        int nTrain = trainSize > 0 ? trainSize : 10_000;
        int nTest = testSize > 0 ? testSize : 2_000;
        return new Loaded(SYNTHETIC, "generated in code",
                SyntheticShapes.generate(nTrain, seed, "synthetic train"),
                SyntheticShapes.generate(nTest, seed + 1_000_003L, "synthetic test"));
    }

    /** The first of dir (when given) and fallback (only when dir is not given) that has all four IDX files. */
    public static Path findIdxDir(Path dir, Path fallback) {
        if (dir != null) return idxFile(dir, "train-images-idx3-ubyte") != null ? dir : null;
        return idxFile(fallback, "train-images-idx3-ubyte") != null ? fallback : null;
    }

    /** The file of a base name, gzipped or plain, with "-" or "." before "idx" (both spellings circulate). */
    static Path idxFile(Path dir, String base) {
        List<String> names = List.of(base, base + ".gz", base.replace("-idx", ".idx"), base.replace("-idx", ".idx") + ".gz");
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Path requireIdx(Path dir, String base) throws DataFileException {
        Path p = idxFile(dir, base);
        if (p == null) throw new DataFileException(dir.resolve(base + ".gz"), "missing (neither gzipped nor plain " + base + " found)");
        return p;
    }

    public static Loaded loadIdx(String source, Path dir, List<String> classes, int trainSize, int testSize) throws IOException {
        ImageSet train = readIdxPair(source + " train", requireIdx(dir, "train-images-idx3-ubyte"),
                requireIdx(dir, "train-labels-idx1-ubyte"), classes, trainSize);
        ImageSet test = readIdxPair(source + " test", requireIdx(dir, "t10k-images-idx3-ubyte"),
                requireIdx(dir, "t10k-labels-idx1-ubyte"), classes, testSize);
        return new Loaded(source, dir.toString(), train, test);
    }

    /** Images and labels of one split; limit 0 = all. */
    public static ImageSet readIdxPair(String name, Path imagesFile, Path labelsFile, List<String> classes, int limit) throws IOException {
        Idx images = readIdx(imagesFile, IDX_IMAGES, 3, limit);
        Idx labels = readIdx(labelsFile, IDX_LABELS, 1, limit);
        if (images.dims[0] != labels.dims[0]) {
            throw new DataFileException(labelsFile, labels.dims[0] + " labels but " + imagesFile.getFileName() + " holds "
                    + images.dims[0] + " images");
        }
        int n = images.data.length / (images.dims[1] * images.dims[2]);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data[i] & 0xFF;
            if (y[i] >= classes.size()) {
                throw new DataFileException(labelsFile, "label " + y[i] + " of item " + i + " is not a class 0.." + (classes.size() - 1));
            }
        }
        return new ImageSet(name, scale(images.data), y, 1, images.dims[1], images.dims[2], classes);
    }

    /** An IDX file's dimensions and its first {@code limit} items (limit 0 = all). */
    record Idx(int[] dims, byte[] data) { }

    static Idx readIdx(Path file, int expectedMagic, int rank, int limit) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataFileException(file, "missing");
        try (InputStream raw = open(file); DataInputStream in = new DataInputStream(raw)) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                throw new DataFileException(file, "wrong length: shorter than the 4-byte IDX header");
            }
            if (magic != expectedMagic) {
                throw new DataFileException(file, String.format(Locale.ROOT, "bad magic number 0x%08X (expected 0x%08X, IDX %s)",
                        magic, expectedMagic, rank == 1 ? "labels" : "images"));
            }
            int[] dims = new int[rank];
            long itemBytes = 1;
            try {
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readInt();
                    if (dims[d] <= 0) throw new DataFileException(file, "bad dimension " + dims[d] + " in the header");
                    if (d > 0) itemBytes *= dims[d];
                }
            } catch (EOFException e) {
                throw new DataFileException(file, "wrong length: the IDX header ends early");
            }
            long items = dims[0];
            long wanted = limit > 0 ? Math.min(limit, items) : items;
            long expected = 4L * (rank + 1) + items * itemBytes;
            byte[] data = new byte[Math.toIntExact(wanted * itemBytes)];
            int got = in.readNBytes(data, 0, data.length);
            // Read the rest too: a truncated or overlong file is refused even when a subset suffices.
            long rest = got + in.transferTo(java.io.OutputStream.nullOutputStream());
            long total = 4L * (rank + 1) + rest;
            if (total != expected) {
                throw new DataFileException(file, "wrong length: " + total + " bytes" + (isGzip(file) ? " after gunzip" : "")
                        + ", but the header's " + items + " items need " + expected);
            }
            return new Idx(dims, data);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Gzip is recognised by its magic bytes, not the name, so renamed files still work. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (isGzip(file)) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException | EOFException e) {
                in.close();
                throw new DataFileException(file, "corrupt gzip header (" + e.getMessage() + ")");
            }
        }
        return in;
    }

    private static float[] scale(byte[] bytes) {
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (bytes[i] & 0xFF) / 255f;
        return out;
    }

    /** CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin, here or in cifar-10-batches-bin/. */
    public static Loaded loadCifar(Path dir, int trainSize, int testSize) throws IOException {
        Path base = dir;
        if (!Files.isRegularFile(base.resolve("test_batch.bin")) && Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            base = dir.resolve("cifar-10-batches-bin");
        }
        List<Path> trainFiles = new ArrayList<>();
        for (int b = 1; b <= 5; b++) trainFiles.add(base.resolve("data_batch_" + b + ".bin"));
        ImageSet train = readCifar("cifar10 train", trainFiles, trainSize);
        ImageSet test = readCifar("cifar10 test", List.of(base.resolve("test_batch.bin")), testSize);
        return new Loaded(CIFAR10, base.toString(), train, test);
    }

    /** Records of the files in order, the first {@code limit} (0 = all); every file's length is checked. */
    static ImageSet readCifar(String name, List<Path> files, int limit) throws IOException {
        long available = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new DataFileException(f, "missing (CIFAR-10 binary version expected)");
            long len = Files.size(f);
            if (len == 0 || len % CIFAR_RECORD != 0) {
                throw new DataFileException(f, "wrong length: " + len + " bytes is not a whole number of " + CIFAR_RECORD
                        + "-byte records (1 label + 3072 pixels)");
            }
            available += len / CIFAR_RECORD;
        }
        int n = (int) (limit > 0 ? Math.min(limit, available) : available);
        float[] pixels = new float[n * 3072];
        int[] labels = new int[n];
        int i = 0;
        byte[] rec = new byte[CIFAR_RECORD];
        for (Path f : files) {
            if (i >= n) break;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                long records = Files.size(f) / CIFAR_RECORD;
                for (long r = 0; r < records && i < n; r++, i++) {
                    if (in.readNBytes(rec, 0, CIFAR_RECORD) != CIFAR_RECORD) throw new DataFileException(f, "wrong length: ends inside record " + r);
                    int label = rec[0] & 0xFF;
                    if (label > 9) throw new DataFileException(f, "label " + label + " of record " + r + " is not a class 0..9 (is this the binary version?)");
                    labels[i] = label;
                    // Records are channel-planar (1024 red, 1024 green, 1024 blue), which is already CHW.
                    for (int p = 0; p < 3072; p++) pixels[i * 3072 + p] = (rec[1 + p] & 0xFF) / 255f;
                }
            }
        }
        return new ImageSet(name, pixels, labels, 3, 32, 32, CIFAR_CLASSES);
    }
}
