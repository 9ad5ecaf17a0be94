package nnlab.kernel.train;

/**
 * One trained batch: {@code epoch} of {@code maxEpochs} and {@code batch} of {@code batches}
 * (both counted from 1), its sample count and its data loss.
 */
public record BatchResult(int epoch, int maxEpochs, int batch, int batches, int samples, double loss) {

    /** True for the epoch's last batch. */
    public boolean last() {
        return batch == batches;
    }
}
