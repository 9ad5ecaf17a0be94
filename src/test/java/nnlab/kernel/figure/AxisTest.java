package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void unitRangeGetsStepsOfTwoTenths() {
        Axis a = Axis.fixed(0, 1, 7);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, a.ticks, 1e-12);
        assertArrayEquals(new String[] {"0", "0.2", "0.4", "0.6", "0.8", "1.0"}, a.labels);
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTenAndTicksStayInRange() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double lo = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
            double hi = lo + r.nextDouble() * Math.pow(10, r.nextInt(12) - 6) + 1e-9;
            int max = 2 + r.nextInt(9);
            Axis a = Axis.fixed(lo, hi, max);
            assertTrue(a.ticks.length >= 1 && a.ticks.length <= max, lo + ".." + hi + " max " + max + ": " + Arrays.toString(a.ticks));
            double eps = (a.hi - a.lo) * 1e-6;
            for (double t : a.ticks) assertTrue(t >= a.lo - eps && t <= a.hi + eps, t + " outside " + a.lo + ".." + a.hi);
            if (a.ticks.length >= 2) {
                double step = a.ticks[1] - a.ticks[0];
                // Tick differences carry rounding noise, so the mantissa may come out as 9.9999999.
                double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
                boolean nice = false;
                for (double m : new double[] {1, 2, 5, 10}) nice |= Math.abs(mantissa - m) < 1e-3 * m;
                assertTrue(nice,
                        "step " + step + " for " + lo + ".." + hi);
            }
            // Distinct ticks must never share a label (too few decimals).
            assertEquals(a.labels.length, Arrays.stream(a.labels).distinct().count(), Arrays.toString(a.labels));
        }
    }

    @Test
    void labelsHaveNoFloatingPointNoise() {
        Axis a = Axis.fixed(0.1, 0.75, 10);
        for (String l : a.labels) assertTrue(l.length() <= 5, l);
        assertEquals("0.3", a.labels[Arrays.asList(a.labels).indexOf("0.3")]);
        assertEquals("0", Axis.fixed(-1, 1, 5).labels[2]);
    }

    @Test
    void hugeValuesUseScientificNotation() {
        Axis a = Axis.fixed(0, 3e7, 4);
        assertArrayEquals(new String[] {"0", "1e7", "2e7", "3e7"}, a.labels);
        assertArrayEquals(new String[] {"1.5e6", "2.0e6", "2.5e6"}, Axis.fixed(1.5e6, 2.5e6, 3).labels);
    }

    @Test
    void flatRangeIsWidenedInsteadOfDividingByZero() {
        Axis a = Axis.linear(0.7, 0.7, 0.04, 7);
        assertTrue(a.hi > a.lo);
        assertEquals(0.5, a.frac(0.7), 1e-9);
        Axis zero = Axis.linear(0, 0, 0, 7);
        assertTrue(zero.lo < 0 && zero.hi > 0);
        Axis none = Axis.linear(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 7);
        assertTrue(Double.isFinite(none.lo) && none.hi > none.lo);
    }

    @Test
    void logAxisHasDecadeTicksAndMapsThemEvenly() {
        Axis a = Axis.log(1e-4, 10, 8);
        assertTrue(a.log);
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1, 10}, a.ticks, 1e-15);
        double d = a.frac(1e-3) - a.frac(1e-4);
        assertEquals(d, a.frac(1) - a.frac(0.1), 1e-9);
        assertEquals("10" + Gfx.SUP + "-4", a.labels[0]);
        assertTrue(a.minor.length > 0, "2..9 multiples as minor grid");
    }

    @Test
    void shortLogRangeGetsIntermediateTicks() {
        Axis a = Axis.log(0.07, 2.3, 8);
        assertTrue(a.ticks.length >= 3, Arrays.toString(a.ticks));
        assertTrue(Arrays.asList(a.labels).containsAll(java.util.List.of("0.1", "1", "0.2", "0.5", "2")), Arrays.toString(a.labels));
        assertTrue(a.lo < 0.07 && a.hi > 2.3);
        Axis tiny = Axis.log(0.31, 0.44, 8);
        assertTrue(tiny.ticks.length >= 2, Arrays.toString(tiny.ticks));
    }

    @Test
    void logAxisWithoutPositiveDataFallsBack() {
        Axis a = Axis.log(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 8);
        assertTrue(a.hi > a.lo && a.lo > 0);
        assertTrue(a.ticks.length >= 2);
    }

    @Test
    void indexTicksAreIntegersWithNiceSteps() {
        assertArrayEquals(new double[] {0, 1, 2, 3}, Axis.indices(4, 10).ticks);
        Axis big = Axis.indices(1024, 6);
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, big.ticks);
        assertEquals(0, Axis.indices(0, 5).ticks.length);
    }

    @Test
    void significantDigits() {
        assertEquals("0.987", Axis.sig(0.98712, 3));
        assertEquals("39", Axis.sig(39.0, 3));
        assertEquals("-0.12", Axis.sig(-0.12, 3));
        assertEquals("1.23e-5", Axis.sig(1.2345e-5, 3));
        assertEquals("2e7", Axis.sig(2e7, 3));
    }
}
