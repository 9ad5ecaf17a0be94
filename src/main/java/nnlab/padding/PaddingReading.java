package nnlab.padding;

/** The padding study's "How to read this", for a student who does not know the result yet. */
final class PaddingReading {
    private PaddingReading() { }

    static final String TEXT = """
            The task: each image holds a red and a green box; which one is on the left gives the class (two classes, so \
            guessing scores 50 %). In the training images class 0 sits near the top and class 1 near the bottom, so the \
            height of the boxes also tells the class. The switched test set swaps the heights: only the colour order \
            still gives the right answer.

            Validation accuracy (same heights as training) says whether a variant learned the task at all. Test \
            accuracy on the switched set says what it learned: near 100 % means it reads the colour order; near 0 % means \
            it answers by height (top vs bottom), which is always wrong after the switch; 50 % is a guess.

            A CNN can only tell top from bottom if its padding lets position leak in: zero padding (sconv, fconv) marks \
            the image border, so even a network with global max pooling (Net1) can learn where a box is. Without \
            padding (valid) Net1 cannot see position; Net2's dense layer always can. Compare the bars per net: the \
            paddings that leak position fall towards 0 %.

            The dashed lines are chance (50 %) on the accuracy charts and ln 2, the loss of a 50/50 guess, on the loss \
            charts. Hatched bars and "not trained yet" in the table mark variants whose validation accuracy ended near \
            chance: train longer (more epochs) before reading their test accuracy. With one or two rounds the ± is not \
            yet meaningful; the published study used 10 rounds.""";
}
