package nnlab.padding;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Reflect, replicate and circular padding of an NCHW tensor, built in SameDiff from slices and
 * concatenation only. ND4J's own pad op is not used on purpose: its gradient for REFLECT and
 * SYMMETRIC silently drops the mirrored contributions (see shared/notes/PLATFORM-FACTS.md),
 * while slice/concat/reverse have exact gradients, so autodiff through this graph is exact.
 */
public final class SpatialPadding {
    private SpatialPadding() { }

    /** Pads dimensions 2 (height) and 3 (width) of x, whose spatial size is height × width. */
    public static SDVariable pad(SameDiff sd, SDVariable x, PaddingMode.Kind kind, int amount, long height, long width) {
        if (amount == 0) return x;
        if (kind == PaddingMode.Kind.ZERO) {
            throw new IllegalArgumentException("zero padding belongs in the convolution layer itself");
        }
        SDVariable rows = padAxis(sd, x, 2, kind, amount, height);
        return padAxis(sd, rows, 3, kind, amount, width);
    }

    private static SDVariable padAxis(SameDiff sd, SDVariable x, int axis, PaddingMode.Kind kind, int p, long n) {
        if (kind == PaddingMode.Kind.REFLECT && p >= n) {
            throw new IllegalArgumentException("reflect padding " + p + " needs a size above " + p + ", got " + n);
        }
        if ((kind == PaddingMode.Kind.CIRCULAR) && p > n) {
            throw new IllegalArgumentException("circular padding " + p + " needs a size of at least " + p + ", got " + n);
        }
        SDVariable before;
        SDVariable after;
        switch (kind) {
            case CIRCULAR:
                before = slice(x, axis, n - p, n);
                after = slice(x, axis, 0, p);
                break;
            case REPLICATE: {
                SDVariable first = slice(x, axis, 0, 1);
                SDVariable last = slice(x, axis, n - 1, n);
                before = p == 1 ? first : sd.concat(axis, repeat(first, p));
                after = p == 1 ? last : sd.concat(axis, repeat(last, p));
                break;
            }
            case REFLECT:
                before = sd.reverse(slice(x, axis, 1, p + 1), axis);
                after = sd.reverse(slice(x, axis, n - p - 1, n - 1), axis);
                break;
            default:
                throw new IllegalArgumentException("not a copying padding: " + kind);
        }
        return sd.concat(axis, before, x, after);
    }

    private static SDVariable[] repeat(SDVariable v, int times) {
        SDVariable[] out = new SDVariable[times];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static SDVariable slice(SDVariable x, int axis, long from, long to) {
        SDIndex[] idx = {SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.all()};
        idx[axis] = SDIndex.interval(from, to);
        return x.get(idx);
    }
}
