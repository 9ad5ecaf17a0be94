package nnlab.oversmoothing;

import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;

/**
 * Switches libnd4j's oneDNN platform helpers off for a scope. SameDiff's matmul goes through the
 * oneDNN helper when it is on, and for the GCN's Â·(HW) products that path was 4–14× slower than
 * plain BLAS on this machine (depth 20, 600 nodes: 3.0 s → 0.22 s per training step, 1.0 s →
 * 0.07 s per forward pass). oneDNN stays on for everything outside the scope (the padding study's
 * convolutions need it); the setting is process-wide, so a run started concurrently merely runs
 * slower, never differently.
 */
final class OneDnn implements AutoCloseable {
    private final boolean previous;

    private OneDnn() {
        Nd4jCpu.Environment env = Nd4jCpu.Environment.getInstance();
        previous = env.isUseONEDNN();
        env.setUseONEDNN(false);
    }

    static OneDnn off() {
        return new OneDnn();
    }

    @Override
    public void close() {
        Nd4jCpu.Environment.getInstance().setUseONEDNN(previous);
    }
}
