package nnlab.gradients;

import java.util.List;
import nnlab.datasets.DataSources;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;

/** The gradients lab's settings (one schema for the app, the command line and saved runs) and their typed view. */
record GradientsSettings(int depth, int width, Activation activation, boolean orthogonal, boolean fixSigmaMax, double weight,
                         int inputs, long seed, boolean train, List<String> variants, int trainDepth, int trainWidth, int epochs,
                         int trainSize, int testSize, int batch, double learningRate, String data) {

    static final List<String> CHAIN_KEYS = List.of("depth", "width", "activation", "weights", "scaling", "weight", "inputs", "seed");
    static final List<String> TRAIN_KEYS = List.of("variants", "train-depth", "train-width", "epochs", "train-size", "test-size",
            "batch", "learning-rate", "data");
    static final List<String> VARIANTS = List.of("sigmoid", "relu", "sigmoid+residual", "relu+residual");

    static ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.intSetting("depth", 30, 1, 200).step(1).label("Depth n").group("Chain")
                        .help("Layers of the chain x_{t+1} = act(W x_t); the figure shows every depth from 1 to n."))
                .add(Setting.intSetting("width", 16, 1, 128).step(1).label("Width").group("Chain")
                        .help("Units per layer: W is width × width."))
                .add(Setting.choice("activation", "sigmoid", List.of("sigmoid", "tanh", "relu", "linear")).label("Activation").group("Chain")
                        .help("sigmoid (|act'| ≤ 1/4), tanh and relu (|act'| ≤ 1), or none (linear: the Jacobian is W^(n−1))."))
                .add(Setting.choice("weights", "orthogonal", List.of("orthogonal", "gaussian")).label("W").group("Chain")
                        .help("orthogonal: the polar factor of a Gaussian matrix; gaussian: entries N(0, 1/width)."))
                .add(Setting.choice("scaling", "sigma-max", List.of("sigma-max", "gain")).label("Scaling").group("Chain")
                        .help("sigma-max: W rescaled so that σ_max(W) equals the value below; gain: W multiplied by it."))
                .add(Setting.doubleSetting("weight", 1, 0.01, 20).step(0.05).label("σ_max(W) or gain").group("Chain")
                        .help("σ_max(W) (scaling sigma-max) or the factor W is multiplied by (scaling gain)."))
                .add(Setting.intSetting("inputs", 4, 1, 64).step(1).label("Inputs x₁").group("Chain")
                        .help("How many inputs x_1 ~ N(0, I) are sent through the chain (the figure shows their median and largest)."))
                .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Chain")
                        .help("Seeds W, the inputs, the MLPs' weights and their batch order."))
                .add(Setting.boolSetting("train", true).label("Train the MLPs").group("Training")
                        .help("Also train the MLPs of the training view (the command line's run); false: the chain figures only."))
                .add(Setting.multiChoice("variants", VARIANTS, VARIANTS).label("MLPs").group("Training")
                        .help("The MLPs trained: activation, with or without residual connections h + act(h W + b)."))
                .add(Setting.intSetting("train-depth", 8, 1, 40).step(1).label("MLP depth").group("Training")
                        .help("Hidden layers of each MLP (each with its own W); the heatmap has one more row, the output layer."))
                .add(Setting.intSetting("train-width", 32, 2, 512).step(2).label("MLP width").group("Training")
                        .help("Units per hidden layer."))
                .add(Setting.intSetting("epochs", 5, 1, 200).step(1).label("Epochs").group("Training")
                        .help("Passes over the training images."))
                .add(Setting.intSetting("train-size", 1000, 100, 60000).label("Training images").group("Training")
                        .help("The first images of the training set."))
                .add(Setting.intSetting("test-size", 500, 100, 10000).label("Test images").group("Training")
                        .help("The first images of the test set, for the accuracy curve."))
                .add(Setting.intSetting("batch", 20, 1, 2000).label("Batch size").group("Training")
                        .help("Images per SGD step."))
                .add(Setting.doubleSetting("learning-rate", 0.1, 1e-5, 10).label("Learning rate").group("Training")
                        .help("Plain SGD step size."))
                .add(Setting.choice("data", DataSources.AUTO, List.of(DataSources.AUTO, DataSources.FASHION_MNIST, DataSources.MNIST,
                        DataSources.SYNTHETIC)).label("Data").group("Training")
                        .help("auto: Fashion-MNIST from /usr/share/datasets/fashion-mnist when present, else generated images."));
    }

    static GradientsSettings of(Config c) {
        return new GradientsSettings(c.getInt("depth"), c.getInt("width"), Activation.of(c.getString("activation")),
                c.getString("weights").equals("orthogonal"), c.getString("scaling").equals("sigma-max"), c.getDouble("weight"),
                c.getInt("inputs"), c.getLong("seed"), c.getBoolean("train"), c.getStrings("variants"), c.getInt("train-depth"),
                c.getInt("train-width"), c.getInt("epochs"), c.getInt("train-size"), c.getInt("test-size"), c.getInt("batch"),
                c.getDouble("learning-rate"), c.getString("data"));
    }

    GradientChain.Weights weights() {
        return new GradientChain.Weights(orthogonal, fixSigmaMax, weight, width, seed);
    }
}
