package nnlab.rotation;

/** The rotation study's "How to read this", for a student who does not know the result yet. */
final class RotationReading {
    private RotationReading() { }

    static final String TEXT = """
            Two copies of the same CNN are trained: model A on upright images only, model B on images turned by a \
            random angle every time it sees them. Both are then tested on the same test images turned by 0°, the angle \
            step, … up to 360°.

            Accuracy vs angle is the main chart. A convolution is not rotation invariant, so model A is good near 0° \
            (and again at 360°, the same picture) and falls towards chance in between; the dashed line is chance \
            (10 % for ten classes: a guess). Some classes look alike upside down (trousers, bags; 0, 1, 8), so A may \
            rise again near 180°. Model B pays a little at 0° and stays much flatter: it learned the classes at every \
            angle, not invariance for free.

            The strip shows one test image at every angle with each model's answer (✗ = wrong); the table gives the \
            accuracy per class at one angle. A short run (one or two epochs, few images) shows the shape of the curves, \
            not their final height; the training loss should fall well below ln 10 (the dashed line on the loss \
            chart, the loss of a uniform guess) before the curves mean much.""";
}
