package nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnlab.padding.PaddingMode;
import nnlab.padding.PaddingNets;
import org.junit.jupiter.api.Test;

class PaddingBenchmarkTest {
    @Test
    void net1FconvCostsAboutOneHundredGflopPerEpoch() {
        PaddingNets.Architecture a = new PaddingNets.Architecture("Net1", PaddingMode.FCONV, List.of(32, 32, 64, 64),
                List.of(1, 2, 2, 2), 3, 64, 32, 1, 0.9, 1e-6, 5e-5);
        // conv1 34² × 3·32·9, conv2 18² × 32·32·9, conv3 10² × 32·64·9, conv4 6² × 64·64·9, head 64·2; ×2 for multiply-add
        double expected = 2.0 * (34 * 34 * 3 * 32 * 9 + 18 * 18 * 32 * 32 * 9 + 10 * 10 * 32 * 64 * 9 + 6 * 6 * 64 * 64 * 9 + 64 * 2);
        assertEquals(expected, PaddingBenchmark.forwardFlopsPerImage(a), 1e-6);
        double epochGflop = (3 * expected * 2000 + expected * 1000) / 1e9;
        assertEquals(100, epochGflop, 2);
    }
}
