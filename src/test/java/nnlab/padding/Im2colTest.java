package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

class Im2colTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** Against ND4J's im2col op, element for element, including the zeros of the padding. */
    @ParameterizedTest
    @CsvSource({
        "32, 32, 3, 3, 1, 1, 2, 2, 1, 1, FLOAT",   // the study's first layer, fconv
        "36, 36, 3, 3, 1, 1, 0, 0, 1, 1, FLOAT",   // after border padding
        "9, 7, 3, 2, 2, 1, 1, 0, 1, 1, DOUBLE",    // strides, non-square kernel and padding
        "7, 8, 2, 3, 3, 2, 2, 1, 1, 1, FLOAT",     // padding wider than the stride reaches
        "9, 9, 3, 3, 1, 2, 1, 2, 2, 1, DOUBLE",    // dilation
        "4, 4, 3, 3, 1, 1, 3, 3, 1, 1, FLOAT",     // padding as wide as the kernel: whole rows of zeros
    })
    void matchesNd4jsIm2col(int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, DataType type) {
        Nd4j.getRandom().setSeed(h * 31L + w);
        INDArray x = Nd4j.rand(type, 2, 3, h, w).addi(1);   // no zeros in the image: a missed copy shows
        int oh = (h + 2 * ph - (dh * (kh - 1) + 1)) / sh + 1;
        int ow = (w + 2 * pw - (dw * (kw - 1) + 1)) / sw + 1;
        INDArray expected = Nd4j.create(type, 2, 3, kh, kw, oh, ow);
        Convolution.im2col(x, kh, kw, sh, sw, ph, pw, dh, dw, false, expected);
        INDArray actual = Nd4j.create(type, 2, 3, kh, kw, oh, ow).assign(-7);   // every element must be written
        Im2col.fill(x, actual, new int[] {kh, kw}, new int[] {sh, sw}, new int[] {ph, pw}, new int[] {dh, dw});
        assertEquals(expected, actual);
    }
}
