package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** numpy's legacy randint, checked against values printed with numpy 1.24 (np.random.RandomState(seed).randint). */
class NumpyRandomStateTest {

    private static List<Integer> draws(int n, IntSupplier draw) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(draw.getAsInt());
        return out;
    }

    @Test
    void theStudysDrawsFromSeed42() {
        NumpyRandomState r = new NumpyRandomState(42);
        assertEquals(List.of(6, 3, 7, 4, 6), draws(5, () -> r.randint(0, 10)), "randint(10)");
        NumpyRandomState jitter = new NumpyRandomState(42);
        // randint(-28/6, 28/6): numpy truncates the float bounds to -4 and 4.
        assertEquals(List.of(2, -1, 0, 2, -2), draws(5, () -> jitter.randint(-4, 4)), "randint(-4.67, 4.67)");
    }

    @Test
    void drawsAboveTheRangeAreRejectedNotFolded() {
        // Range 0..4 is masked to 0..7; a masked 5, 6 or 7 is drawn again, so folding (modulo) would differ.
        NumpyRandomState r = new NumpyRandomState(7);
        assertEquals(List.of(4, 1, 3, 3, 4, 1, 0, 1, 2, 2, 0, 4), draws(12, () -> r.randint(0, 5)));
    }

    @Test
    void aRangeOfOneValueConsumesNoDraw() {
        NumpyRandomState r = new NumpyRandomState(7);
        assertEquals(3, r.randint(3, 4));
        assertEquals(47, r.randint(0, 100), "the same as the stream's first randint(100)");
    }

    @Test
    void wideRangesAndLargeSeeds() {
        NumpyRandomState wide = new NumpyRandomState(123456789);
        assertEquals(List.of(141016760, 2107322012, 146615602), draws(3, () -> wide.randint(Integer.MIN_VALUE, Integer.MAX_VALUE)));
        NumpyRandomState large = new NumpyRandomState((1L << 31) + 5);
        assertEquals(List.of(553, 351, 265, 113), draws(4, () -> large.randint(0, 1000)));
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1).randint(4, 4));
    }
}
