package nnlab.padding;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col for NCHW input with zero padding: columns[n][c][i][j][oh][ow] =
 * x[n][c][oh·sH + i·dH − pH][ow·sW + j·dW − pW], or 0 outside the image. ND4J's im2col op took
 * 10–12 ms on one thread for the study's first layer (200 × 3 × 32², 3×3 kernel, padding 2);
 * with stride 1 every output row is one bulk copy of an input row, which takes a third of that.
 */
final class Im2col {
    private Im2col() { }

    /** x: contiguous [N, C, H, W]; columns: contiguous [N, C, kH, kW, oH, oW], every element written. */
    static void fill(INDArray x, INDArray columns, int[] kernel, int[] stride, int[] pad, int[] dilation) {
        if (columns.length() > Integer.MAX_VALUE || x.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("im2col: arrays over 2^31 elements are not supported (columns " + columns.length() + ")");
        }
        long[] s = x.shape();
        long[] o = columns.shape();
        int planes = (int) (s[0] * s[1]);
        int h = (int) s[2], w = (int) s[3], oh = (int) o[4], ow = (int) o[5];
        int kh = kernel[0], kw = kernel[1];
        Buffers b = Buffers.of(x, columns);
        int inBase = (int) x.offset();
        int outBase = (int) columns.offset();
        for (int plane = 0; plane < planes; plane++) {
            int in = inBase + plane * h * w;
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int out = outBase + ((plane * kh + i) * kw + j) * oh * ow;
                    int colShift = j * dilation[1] - pad[1];
                    // Output columns whose input column c = q·sW + colShift lies inside the image.
                    int first = Math.max(0, ceilDiv(-colShift, stride[1]));
                    int end = Math.min(ow, ceilDiv(w - colShift, stride[1]));
                    for (int r = 0; r < oh; r++) {
                        int row = out + r * ow;
                        int ir = r * stride[0] + i * dilation[0] - pad[0];
                        if (ir < 0 || ir >= h || first >= end) {
                            b.zero(row, ow);
                            continue;
                        }
                        b.zero(row, first);
                        int src = in + ir * w + first * stride[1] + colShift;
                        if (stride[1] == 1) {
                            b.copyRun(row + first, src, end - first);
                        } else {
                            for (int q = first; q < end; q++) b.copy(row + q, src + (q - first) * stride[1]);
                        }
                        b.zero(row + end, ow - end);
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private interface Buffers {
        void copyRun(int dst, int src, int length);

        void copy(int dst, int src);

        void zero(int dst, int length);

        static Buffers of(INDArray source, INDArray target) {
            if (source.dataType() == DataType.FLOAT && target.dataType() == DataType.FLOAT) {
                FloatBuffer from = source.data().asNioFloat();
                FloatBuffer to = target.data().asNioFloat();
                return new Buffers() {
                    @Override public void copyRun(int dst, int src, int length) { to.put(dst, from, src, length); }
                    @Override public void copy(int dst, int src) { to.put(dst, from.get(src)); }
                    @Override public void zero(int dst, int length) { for (int k = 0; k < length; k++) to.put(dst + k, 0f); }
                };
            }
            if (source.dataType() == DataType.DOUBLE && target.dataType() == DataType.DOUBLE) {
                DoubleBuffer from = source.data().asNioDouble();
                DoubleBuffer to = target.data().asNioDouble();
                return new Buffers() {
                    @Override public void copyRun(int dst, int src, int length) { to.put(dst, from, src, length); }
                    @Override public void copy(int dst, int src) { to.put(dst, from.get(src)); }
                    @Override public void zero(int dst, int length) { for (int k = 0; k < length; k++) to.put(dst + k, 0d); }
                };
            }
            throw new IllegalArgumentException("im2col supports FLOAT and DOUBLE arrays of one type, not "
                    + source.dataType() + " into " + target.dataType());
        }
    }
}
