package nnlab.kernel.train;

/** The usual validation of a classifier: mean cross-entropy and accuracy in percent. */
public record Scores(double loss, double accuracy) implements Validation { }
