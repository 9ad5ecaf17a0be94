package nnlab.oversmoothing;

/** The oversmoothing study's "How to read this", for a student who does not know the result yet. */
final class OversmoothingReading {
    private OversmoothingReading() { }

    static final String TEXT = """
            One graph convolutional network (GCN) is trained per depth on the same graph. Each layer replaces a node's \
            features by an average over its neighbours (then a linear map and ReLU), so after many layers every node \
            has seen most of the graph and their features grow alike: oversmoothing.

            The table is the answer: validation and test accuracy per depth. Shallow nets (2 layers) do best; very \
            deep ones fall towards chance (100 % divided by the number of classes; the dashed line on the accuracy \
            bars), because nodes of different classes can no longer be told apart.

            The loss charts show one depth each; the dashed line is ln C, the loss of a uniform guess over C classes. \
            A deep net whose loss stays on that line has learned nothing. Feature std and Dirichlet energy per layer \
            (log scale) measure the collapse directly: a line that drops by orders of magnitude from layer to layer \
            means the nodes' features become the same. The PCA pictures show the last layer's node features, coloured \
            by class: separate clusters at small depth, one blob at large depth.

            Few epochs or a tiny graph give noisy numbers; compare depths within one run.""";
}
