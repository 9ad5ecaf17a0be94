package nnlab.gpt;

import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a GPT run.
 *
 * @param tokensPerSecond training tokens per second of optimiser steps (evaluation and sampling excluded)
 * @param modelFolder     the checkpoint the run ended with (empty when the run was not stored)
 */
public record GptSummary(int steps, long parameters, int vocabulary, double validationLoss, double bestValidationLoss,
                         double validationBits, double tokensPerSecond, String modelFolder, String lastSample) implements RunSummary {
    @Override
    public String headline() {
        return String.format(java.util.Locale.ROOT, "validation %.3f nats/char (%.3f bits) after %d steps", validationLoss, validationBits, steps);
    }
}
