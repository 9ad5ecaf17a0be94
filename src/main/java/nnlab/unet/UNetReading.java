package nnlab.unet;

/** "How to read this" for the U-Net study. */
final class UNetReading {
    private UNetReading() { }

    static final String TEXT = """
            Two copies of one small U-Net learn to colour every pixel of a canvas by what lies there: background or one of \
            the ten Fashion-MNIST item classes. One keeps its skip connections, which hand the full-resolution features of \
            the encoder to the decoder; the other gets zeros in their place, so everything it knows about a pixel has passed \
            through the bottleneck at a quarter of the resolution.

            Validation mean IoU (the key chart): intersection over union per class, over the whole validation set, averaged \
            over the classes that occur in the targets. 1 is a perfect segmentation; predicting background everywhere scores \
            about 0.9 on background and 0 on every item class. With skips the curve should end higher: the write-up measured \
            about 0.78 against 0.68; the defaults here (3 epochs) gave 0.43 against 0.33. Both \
            models of a seed start from the same weights and see the same canvases in the same order, so the distance \
            between their curves is the skips' doing.

            The strip shows why: the model without skips finds the items but its outlines are blurred blobs, because fine \
            boundaries need the high-resolution features the skips carry. The training loss can still look similar or even \
            lower without skips; IoU, not the loss, is the measure of the segmentation.

            The per-class table says where the skips help most (in the runs so far: thin items such as sandals). With several \
            seeds it gives mean ± std over them, and the gap paired seed by seed: with minus without of the same seed, \
            then its mean ± std, so what the seeds share (the canvases, the start) cancels out.""";
}
