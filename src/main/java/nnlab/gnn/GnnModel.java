package nnlab.gnn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A node classifier with a hand-written backward pass (checked against finite differences in
 * GradientCheckTest): {@link #forward} caches what {@link #backward} needs in a {@link Pass}.
 */
interface GnnModel {

    /** What one forward pass computed: class scores (n × classes), the hidden features (n × hiddenWidth) and the model's caches. */
    interface Pass {
        double[] scores();

        double[] hidden();
    }

    /** Training passes draw fresh dropout masks from the model's seeded generator; evaluation passes use none. */
    Pass forward(boolean training);

    /** A pass whose dropout masks come from {@code masks}, so that a gradient check can repeat it exactly. */
    Pass forward(boolean training, SplittableRandom masks);

    /** Adds ∂loss/∂parameters to every parameter's gradient, given ∂loss/∂scores of that pass. */
    void backward(Pass pass, double[] scoreGradient);

    List<Param> params();

    int hiddenWidth();
}
