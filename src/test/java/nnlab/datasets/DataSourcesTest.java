package nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    private static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) b.put((byte) (i * 7));
        return b.array();
    }

    private static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) (i % 10));
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        }
        return bos.toByteArray();
    }

    private void writeIdxSet(boolean gz, int nTrain, int nTest) throws IOException {
        String ext = gz ? ".gz" : "";
        Files.write(dir.resolve("train-images-idx3-ubyte" + ext), gz ? gzip(idxImages(nTrain, 4, 3)) : idxImages(nTrain, 4, 3));
        Files.write(dir.resolve("train-labels-idx1-ubyte" + ext), gz ? gzip(idxLabels(nTrain)) : idxLabels(nTrain));
        Files.write(dir.resolve("t10k-images-idx3-ubyte" + ext), gz ? gzip(idxImages(nTest, 4, 3)) : idxImages(nTest, 4, 3));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte" + ext), gz ? gzip(idxLabels(nTest)) : idxLabels(nTest));
    }

    @Test
    void gzippedAndPlainIdxFilesReadTheSamePixelsScaledToUnitRange() throws IOException {
        writeIdxSet(true, 12, 5);
        DataSources.Loaded gz = DataSources.load(DataSources.MNIST, dir.toString(), 0, 0, 0);
        Path plainDir = Files.createDirectory(dir.resolve("plain"));
        Path keep = dir;
        dir = plainDir;
        writeIdxSet(false, 12, 5);
        DataSources.Loaded plain = DataSources.load(DataSources.MNIST, plainDir.toString(), 7, 3, 0);
        dir = keep;

        assertEquals(12, gz.train().size());
        assertEquals(5, gz.test().size());
        assertEquals(7, plain.train().size(), "train-size takes the first images");
        assertEquals(3, plain.test().size());
        assertEquals(1, gz.train().channels());
        assertEquals(4, gz.train().height());
        assertEquals(3, gz.train().width());
        assertArrayEquals(Arrays.copyOf(gz.train().pixels(), 7 * 12), plain.train().pixels());
        assertEquals((byte) (5 * 7) & 0xFF, Math.round(gz.train().pixels()[5] * 255));
        assertEquals(3, gz.train().labels()[3]);
        assertEquals(DataSources.DIGITS, gz.train().classNames());
    }

    @Test
    void aBadMagicNumberIsRefusedNamingTheFile() throws IOException {
        writeIdxSet(false, 4, 2);
        byte[] labels = idxLabels(4);
        Path bad = dir.resolve("train-images-idx3-ubyte");
        Files.write(bad, labels); // a labels file where images are expected
        DataFileException e = assertThrows(DataFileException.class, () -> DataSources.load(DataSources.MNIST, dir.toString(), 0, 0, 0));
        assertEquals(bad, e.file());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("bad magic number 0x00000801"),
                e.getMessage());
    }

    @Test
    void truncatedFilesAreRefusedEvenWhenASubsetWouldFit() throws IOException {
        writeIdxSet(false, 10, 2);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] full = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(full, full.length - 5));
        DataFileException e = assertThrows(DataFileException.class, () -> DataSources.load(DataSources.MNIST, dir.toString(), 2, 0, 0));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("wrong length"), e.getMessage());

        // A gzip stream cut in the middle.
        Files.delete(images);
        byte[] gz = gzip(full);
        Path gzFile = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(gzFile, Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DataFileException.class, () -> DataSources.load(DataSources.MNIST, dir.toString(), 0, 0, 0));
        assertEquals(gzFile, e.file());
    }

    @Test
    void missingFilesAndFoldersAreNamed() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> DataSources.load(DataSources.FASHION_MNIST, empty.toString(), 0, 0, 0));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        writeIdxSet(true, 4, 2);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        e = assertThrows(DataFileException.class, () -> DataSources.load(DataSources.MNIST, dir.toString(), 0, 0, 0));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("missing"), e.getMessage());
    }

    private static byte[] cifarRecords(int n, int labelOffset) {
        byte[] b = new byte[n * 3073];
        for (int r = 0; r < n; r++) {
            b[r * 3073] = (byte) ((r + labelOffset) % 10);
            for (int p = 0; p < 3072; p++) b[r * 3073 + 1 + p] = (byte) (p / 1024 * 100 + r);
        }
        return b;
    }

    @Test
    void cifarBinaryRecordsBecomeChannelPlanarImagesAcrossBatches() throws IOException {
        for (int i = 1; i <= 5; i++) Files.write(dir.resolve("data_batch_" + i + ".bin"), cifarRecords(2, i));
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(3, 0));
        DataSources.Loaded d = DataSources.load(DataSources.CIFAR10, dir.toString(), 5, 0, 0);
        assertEquals(5, d.train().size(), "takes records from the first batches in order");
        assertEquals(3, d.test().size());
        assertEquals(3, d.train().channels());
        assertEquals(32, d.train().height());
        assertArrayEquals(new int[] {1, 2, 2, 3, 3}, d.train().labels());
        ImageSet t = d.test();
        // Record 1's green plane is 101 everywhere: channel-planar, as the format stores it.
        assertEquals(101, Math.round(t.pixels()[3072 + 1024 + 17] * 255));
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"), t.classNames());

        Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(cifarRecords(3, 0), 3 * 3073 - 10));
        DataFileException e = assertThrows(DataFileException.class, () -> DataSources.load(DataSources.CIFAR10, dir.toString(), 5, 0, 0));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("wrong length"), e.getMessage());
    }

    @Test
    void theGeneratedSetIsReproducibleBalancedAndOrientationDependent() {
        ImageSet a = SyntheticShapes.generate(80, 5, "a");
        ImageSet b = SyntheticShapes.generate(80, 5, "b");
        ImageSet c = SyntheticShapes.generate(80, 6, "c");
        assertArrayEquals(a.pixels(), b.pixels());
        assertNotEquals(Arrays.hashCode(a.pixels()), Arrays.hashCode(c.pixels()));
        int[] counts = new int[a.classes()];
        for (int l : a.labels()) counts[l]++;
        for (int n : counts) assertEquals(10, n);
        for (float v : a.pixels()) assertTrue(v >= 0 && v <= 1);
        // Every image has ink, centred enough that a rotation keeps most of it inside the frame.
        for (int i = 0; i < a.size(); i++) {
            double ink = 0;
            for (int p = 0; p < 784; p++) ink += a.pixels()[i * 784 + p];
            assertTrue(ink > 20, "image " + i + " has ink " + ink);
        }
    }

    @Test
    void autoFindsTheDebianFashionMnistOrFallsBackToTheGeneratedSet() throws IOException {
        DataSources.Loaded d = DataSources.load(DataSources.AUTO, "", 30, 20, 0);
        if (DataSources.findIdxDir(null, DataSources.DEBIAN_FASHION_MNIST) != null) {
            assertEquals(DataSources.FASHION_MNIST, d.source());
            assertEquals(28, d.train().height());
            assertEquals(DataSources.FASHION_CLASSES, d.train().classNames());
        } else {
            assertEquals(DataSources.SYNTHETIC, d.source());
        }
        assertEquals(30, d.train().size());
        assertEquals(20, d.test().size());
    }

    @Test
    void theRealFashionMnistFilesPassTheLengthChecks() throws IOException {
        assumeTrue(DataSources.findIdxDir(null, DataSources.DEBIAN_FASHION_MNIST) != null, "dataset-fashion-mnist not installed");
        DataSources.Loaded d = DataSources.load(DataSources.FASHION_MNIST, "", 1, 1, 0);
        assertEquals(9, d.train().labels()[0], "the first Fashion-MNIST training image is an ankle boot");
    }
}
