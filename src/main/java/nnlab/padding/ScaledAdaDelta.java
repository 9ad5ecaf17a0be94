package nnlab.padding;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdaDeltaUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adadelta with a learning rate, as PyTorch defines it: the Adadelta step is multiplied by lr
 * while the running average of squared steps keeps the unscaled step. DL4J's AdaDelta is the
 * lr = 1 case, so for lr = 1 this is exactly DL4J's native updater.
 */
public class ScaledAdaDelta implements IUpdater {
    private double learningRate = 1.0;
    private double rho = AdaDelta.DEFAULT_ADADELTA_RHO;
    private double epsilon = AdaDelta.DEFAULT_ADADELTA_EPSILON;

    public ScaledAdaDelta() { }

    public ScaledAdaDelta(double learningRate, double rho, double epsilon) {
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    private AdaDelta base() {
        return new AdaDelta(rho, epsilon);
    }

    @Override public long stateSize(long numParams) { return base().stateSize(numParams); }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new Updater(this, (AdaDeltaUpdater) base().instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        return new Updater(this, (AdaDeltaUpdater) base().instantiate(state, initializeStateArrays));
    }

    @Override public ScaledAdaDelta clone() { return new ScaledAdaDelta(learningRate, rho, epsilon); }
    @Override public double getLearningRate(int iteration, int epoch) { return learningRate; }
    @Override public boolean hasLearningRate() { return true; }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) throw new UnsupportedOperationException("learning-rate schedules are not supported");
        this.learningRate = lr;
    }

    public double getRho() { return rho; }
    public double getEpsilon() { return epsilon; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScaledAdaDelta)) return false;
        ScaledAdaDelta s = (ScaledAdaDelta) o;
        return s.learningRate == learningRate && s.rho == rho && s.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(learningRate, rho, epsilon);
    }

    private static final class Updater implements GradientUpdater<ScaledAdaDelta> {
        private final ScaledAdaDelta config;
        private final AdaDeltaUpdater delegate;

        Updater(ScaledAdaDelta config, AdaDeltaUpdater delegate) {
            this.config = config;
            this.delegate = delegate;
        }

        @Override public ScaledAdaDelta getConfig() { return config; }
        @Override public void setState(Map<String, INDArray> state, boolean init) { delegate.setState(state, init); }
        @Override public Map<String, INDArray> getState() { return delegate.getState(); }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char order, boolean init) {
            delegate.setStateViewArray(viewArray, gradientShape, order, init);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            delegate.applyUpdater(gradient, iteration, epoch);
            if (config.learningRate != 1.0) gradient.muli(config.learningRate);
        }
    }
}
