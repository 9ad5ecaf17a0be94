package nnlab.rotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RotationTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    private static INDArray random(long seed, int n, int c, int h, int w) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * c * h * w];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextDouble();
        return Nd4j.create(v, new long[] {n, c, h, w}, 'c');
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @Test
    void zeroAndFullTurnsReturnTheInput() {
        INDArray x = random(1, 3, 2, 9, 9);
        assertArrayEquals(flat(x), flat(Rotation.rotate(x, 0)), 1e-6f);
        assertArrayEquals(flat(x), flat(Rotation.rotate(x, 360)), 1e-6f);
    }

    @Test
    void fourQuarterTurnsReturnTheInputEvenOnNonSquareImages() {
        INDArray x = random(2, 2, 1, 8, 8);
        INDArray y = x;
        for (int i = 0; i < 4; i++) y = Rotation.rotate(y, 90);
        assertArrayEquals(flat(x), flat(y), 1e-6f);
        // A half turn of a 3×5 image stays inside it (centre at pixel centre (1, 2)); twice gives it back.
        INDArray r = random(3, 1, 1, 3, 5);
        assertArrayEquals(flat(r), flat(Rotation.rotate(Rotation.rotate(r, 180), 180)), 1e-6f);
    }

    @Test
    void aPositiveQuarterTurnIsCounterClockwiseTransposeThenFlip() {
        // 1 2 3        3 6 9
        // 4 5 6  ->    2 5 8   (counter-clockwise on screen: the top-right corner moves to the top-left)
        // 7 8 9        1 4 7
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 1, 3, 3}, 'c');
        float[] in = flat(x);
        float[] transposed = new float[9];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) transposed[r * 3 + c] = in[c * 3 + r];
        float[] flipped = new float[9];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) flipped[r * 3 + c] = transposed[(2 - r) * 3 + c];
        INDArray expected = Nd4j.create(flipped, new long[] {1, 1, 3, 3}, 'c');
        assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, flat(expected), 0f);
        assertArrayEquals(flat(expected), flat(Rotation.rotate(x, 90)), 1e-6f);
        assertArrayEquals(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3}, flat(Rotation.rotate(x, -90)), 1e-6f);
        assertArrayEquals(flat(Rotation.rotate(x, 270)), flat(Rotation.rotate(x, -90)), 1e-6f);
    }

    @Test
    void bilinearAtFortyFiveDegreesFillsCornersWithZeroAndKeepsTheCentre() {
        INDArray ones = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1, 11, 11);
        float[] r = flat(Rotation.rotate(ones, 45));
        assertEquals(1f, r[5 * 11 + 5], 1e-6f, "the centre pixel maps to itself");
        assertEquals(0f, r[0], 0f, "a corner samples from outside the image: zero fill");
        // Bilinear blend: values strictly between 0 and 1 appear along the rotated border.
        boolean partial = false;
        for (float v : r) partial |= v > 0.01f && v < 0.99f;
        assertTrue(partial, "bilinear interpolation gives fractional values at the edge");
        for (float v : r) assertTrue(v >= 0 && v <= 1 + 1e-6f, "a convex blend of 0s and 1s stays in [0, 1]");
    }

    @Test
    void perImageAnglesMatchOneAngleAtATime() {
        INDArray x = random(4, 3, 3, 7, 7);
        double[] angles = {10, 200, 33.3};
        INDArray batch = Rotation.rotate(x, angles);
        for (int i = 0; i < 3; i++) {
            INDArray one = Rotation.rotate(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)), angles[i]);
            assertArrayEquals(flat(one), flat(batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1))), 1e-6f);
        }
    }
}
