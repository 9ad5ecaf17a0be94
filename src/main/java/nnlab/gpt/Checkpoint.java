package nnlab.gpt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nnlab.datasets.DataFileException;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A saved model in a folder: {@code model.sd} (the SameDiff graph with its weights, in SameDiff's
 * own format), {@code optimizer.bin} (AdamW's moments, for resuming) and {@code checkpoint.json}
 * (the architecture, the vocabulary and the step). Loading rebuilds the graph from the json and takes
 * every weight from model.sd by name, so a checkpoint whose graph does not match is refused.
 */
public final class Checkpoint {
    public static final String MODEL = "model.sd";
    public static final String OPTIMIZER = "optimizer.bin";
    public static final String INFO = "checkpoint.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What checkpoint.json holds. */
    public record Info(int step, String vocabulary, int context, int width, int heads, int layers, String positions,
                       boolean scaled, boolean tiedHead, long dataSeed, double validationLoss, double dropout) {
        GptShape shape() {
            // a checkpoint written before dropout existed reads dropout 0
            return new GptShape(vocabulary.length(), context, width, heads, layers, GptShape.Positions.of(positions), scaled, tiedHead,
                    dropout);
        }
    }

    /** A loaded checkpoint: the model, its vocabulary and what is needed to resume. */
    public record Loaded(GptModel model, Vocabulary vocab, Info info, Map<String, INDArray> first,
                         Map<String, INDArray> second) { }

    private Checkpoint() {
    }

    public static void save(Path folder, GptTraining training, long dataSeed, double valLoss) throws IOException {
        Files.createDirectories(folder);
        GptModel model = training.model();
        GptShape s = model.shape();
        Info info = new Info(training.stepsDone(), training.corpus().vocab().chars(), s.context(), s.width(), s.heads(), s.layers(),
                s.positions().key, s.scaled(), s.tiedHead(), dataSeed, valLoss, s.dropout());
        Path tmp = folder.resolve(MODEL + ".tmp");
        model.sameDiff().save(tmp.toFile(), false);
        Files.move(tmp, folder.resolve(MODEL), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (OutputStream o = Files.newOutputStream(folder.resolve(OPTIMIZER)); DataOutputStream out = new DataOutputStream(o)) {
            for (String n : model.parameterNames()) {
                INDArray m = training.optimizer().firstMoments().get(n);
                INDArray v = training.optimizer().secondMoments().get(n);
                Nd4j.write(m == null ? model.parameter(n).ulike().assign(0) : m, out);
                Nd4j.write(v == null ? model.parameter(n).ulike().assign(0) : v, out);
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(INFO).toFile(), info);
    }

    /** Opens a checkpoint folder (or a run folder holding {@code model/}); a missing or damaged file is refused naming it. */
    public static Loaded load(Path folder, boolean withOptimizer) throws DataFileException {
        if (!Files.exists(folder.resolve(INFO)) && Files.exists(folder.resolve("model").resolve(INFO))) folder = folder.resolve("model");
        Path infoFile = folder.resolve(INFO);
        if (!Files.isRegularFile(infoFile)) throw new DataFileException(infoFile, "no checkpoint here (" + INFO + " is missing)");
        Info info;
        GptShape shape;
        try {
            info = JSON.readValue(infoFile.toFile(), Info.class);
            shape = info.shape();
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(infoFile, "damaged checkpoint description (" + e.getMessage() + ")");
        }
        Path modelFile = folder.resolve(MODEL);
        if (!Files.isRegularFile(modelFile)) throw new DataFileException(modelFile, "the checkpoint's model file is missing");
        GptModel model = GptModel.build(shape, 0, DataType.FLOAT);
        try {
            SameDiff saved = SameDiff.load(modelFile.toFile(), false);
            for (String n : model.parameterNames()) {
                if (!saved.hasVariable(n) || saved.getVariable(n).getArr() == null) throw new IOException("it has no weight '" + n + "'");
                INDArray w = saved.getVariable(n).getArr();
                if (!java.util.Arrays.equals(w.shape(), model.parameter(n).shape())) throw new IOException("weight '" + n + "' has the wrong shape");
                model.parameter(n).assign(w.castTo(DataType.FLOAT));
            }
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(modelFile, "damaged or not a GPT checkpoint (" + e.getMessage() + ")");
        }
        Map<String, INDArray> first = new HashMap<>(), second = new HashMap<>();
        if (withOptimizer) {
            Path opt = folder.resolve(OPTIMIZER);
            try (InputStream i = Files.newInputStream(opt); DataInputStream in = new DataInputStream(i)) {
                for (String n : model.parameterNames()) {
                    first.put(n, Nd4j.read(in).castTo(DataType.FLOAT));
                    second.put(n, Nd4j.read(in).castTo(DataType.FLOAT));
                    if (!java.util.Arrays.equals(first.get(n).shape(), model.parameter(n).shape())) throw new IOException("moment of '" + n + "' has the wrong shape");
                }
            } catch (IOException | RuntimeException e) {
                throw new DataFileException(opt, "damaged optimizer state (" + e.getMessage() + ")");
            }
        }
        return new Loaded(model, new Vocabulary(info.vocabulary()), info, first, second);
    }
}
