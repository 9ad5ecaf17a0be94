package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * DL4J trains about 7× slower when its oneDNN helpers silently switch off (two separate causes
 * in M2.1, see PLATFORM-FACTS.md). This guards both fixes: the helper property and the
 * Nd4jCpu compatibility shim.
 */
class OneDnnPathTest {

    @Test
    void convolutionLayersUseTheOneDnnHelper() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the oneDNN build of ND4J is only selected on Linux x86-64");
        NativeSetup.configure();
        assertTrue(NativeSetup.oneDnnAvailable(), "ND4J's native library reports oneDNN off");
        assertTrue(org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled(),
                "DL4J cannot see oneDNN (the org.nd4j.nativeblas.Nd4jCpu shim is missing or broken)");
        for (PaddingMode mode : List.of(PaddingMode.FCONV, PaddingMode.REPLICATE)) {
            PaddingNets.Architecture a = new PaddingNets.Architecture("Net1", mode, List.of(4, 4), List.of(1, 2), 3, 8, 16,
                    1.0, 0.9, 1e-6, 5e-5);
            MultiLayerNetwork net = PaddingNets.build(a, 1, DataType.FLOAT);
            for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
                if (layer instanceof ConvolutionLayer) {
                    assertInstanceOf(MKLDNNConvHelper.class, ((ConvolutionLayer) layer).getHelper(),
                            "conv layer " + layer.getIndex() + " of " + mode.id() + " has no oneDNN helper");
                }
            }
        }
    }
}
