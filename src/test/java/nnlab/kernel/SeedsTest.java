package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SeedsTest {
    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    private static double drawAfterSeed(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, 8).sumNumber().doubleValue();
    }

    @Test
    void mixedSeedsReproduceDrawsEvenForSeedZero() {
        for (long userSeed : new long[] {0, 1, 2, 42}) {
            long s = Seeds.nd4jSeed(userSeed);
            assertNotEquals(0, s);
            assertEquals(drawAfterSeed(s), drawAfterSeed(s), "seed " + userSeed);
        }
    }

    @Test
    void distinctUserSeedsStayDistinct() {
        Set<Long> seen = new HashSet<>();
        for (long s = 0; s < 10_000; s++) seen.add(Seeds.nd4jSeed(s));
        assertEquals(10_000, seen.size());
    }
}
