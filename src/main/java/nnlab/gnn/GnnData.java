package nnlab.gnn;

import static nnlab.graph.CsbmSettings.NODES;
import static nnlab.graph.CsbmSettings.CLASSES;
import static nnlab.graph.CsbmSettings.P_IN;
import static nnlab.graph.CsbmSettings.P_OUT;
import static nnlab.graph.CsbmSettings.FEATURE_DIM;
import static nnlab.gnn.GnnSettings.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.graph.CsbmSettings;
import nnlab.graph.CoraLoader;
import nnlab.graph.Csbm;
import nnlab.graph.Graph;
import nnlab.graph.GraphFormatException;
import nnlab.graph.KarateClub;
import nnlab.graph.SparseRows;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.SettingException;

/**
 * The graph a config asks for, in the sparse forms the models use, and the checks that refuse a
 * bad folder or a graph too big for memory before anything trains (as setting problems, so the
 * app and the command line show a message, not a stack trace).
 */
final class GnnData {
    private GnnData() { }

    /** The graph and the features (row-normalised if asked), Â for the GCN and the neighbourhoods with self-loops for the GAT. */
    record Input(Graph graph, SparseRows features, SparseRows aHat, SparseRows neighbourhoods) { }

    static Graph graph(Config c) {
        int tpc = c.getInt(TRAIN_PER_CLASS), val = c.getInt(VAL_SIZE), test = c.getInt(TEST_SIZE);
        String dir = c.getString(DATA_DIR);
        if (dir != null && !dir.isBlank()) return CoraLoader.load(Path.of(dir), tpc, val, test);
        if (c.getString(GRAPH).equals(KARATE)) return KarateClub.graph(tpc, val, test);
        return Csbm.generate(CsbmSettings.spec(c), tpc, val, test);
    }

    static Input input(Graph g, boolean rowNormalise) {
        SparseRows x = SparseRows.ofDense(g.features(), g.nodes(), g.featureDim());
        return new Input(g, rowNormalise ? x.rowNormalised() : x, SparseRows.normalizedAdjacency(g.nodes(), g.edges()),
                SparseRows.neighbourhoods(g.nodes(), g.edges()));
    }

    /** Sizes that decide the memory a run needs. */
    record Size(long nodes, long directedEdges, long featureEntries, long featureDim, long classes) { }

    /**
     * Bytes of the arrays alive during one GAT or GCN step (doubles): per edge and head the raw
     * score, α, its dropout mask and the dropped α, in the training and the evaluation pass and the
     * backward pass; per node the projected, attended, activated and dropped features and their
     * gradients; the features as floats, their non-zeros and a dropped copy.
     */
    static long bytesNeeded(Size s, Config c) {
        long edges = s.directedEdges() + s.nodes();
        long heads = Math.max(Presets.intValue(c, GAT_HEADS), Presets.intValue(c, GAT_OUT_HEADS));
        long width = Math.max((long) Presets.intValue(c, GAT_HEADS) * Presets.intValue(c, GAT_HIDDEN), Presets.intValue(c, GCN_HIDDEN));
        long perEdge = c.getStrings(MODELS).contains(GAT) ? 3L * 4 * heads * 8 : 3L * 8;
        long perNode = 3L * 8 * width * 8 + s.featureDim() * 4;
        long features = s.featureEntries() * (4 + 8 * 3) + s.featureDim() * width * 8 * 4;
        return edges * perEdge + s.nodes() * perNode + features;
    }

    /** Heap still free for this run: the JVM's maximum minus what is in use now. */
    static long bytesAvailable() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Null when the graph fits in {@code available} bytes, else the problem, naming the sizes. */
    static SettingException memoryProblem(Size s, Config c, long available) {
        long need = bytesNeeded(s, c);
        if (need <= available * 0.8) return null;
        String key = s.directedEdges() > 0 && (c.getString(DATA_DIR) == null || c.getString(DATA_DIR).isBlank()) ? NODES : DATA_DIR;
        return new SettingException(key, String.format(Locale.ROOT, "the graph (%,d nodes, %,d edges, %,d feature entries) is too big "
                        + "for %s in the available memory: about %,d MB needed, %,d MB free (start Java with a larger -Xmx, or use fewer "
                        + "heads / a smaller graph)", s.nodes(), s.directedEdges() / 2, s.featureEntries(),
                c.getStrings(MODELS).contains(GAT) ? "edge-list attention" : "the GCN", need >> 20, available >> 20));
    }

    /** The folder's loading problem (file, line, reason) or its memory problem, cached per folder and file dates. */
    static SettingException folderProblem(Config c) {
        Path dir = Path.of(c.getString(DATA_DIR));
        String key;
        try {
            String stem = dir.toString() + "|" + Files.getLastModifiedTime(dir);
            for (String ext : new String[] {".content", ".cites"}) {
                Path p = dir.resolve(CoraLoader.stem(dir) + ext);
                stem += "|" + (Files.exists(p) ? Files.getLastModifiedTime(p) + ":" + Files.size(p) : "-");
            }
            key = stem;
        } catch (IOException e) {
            return new SettingException(DATA_DIR, "cannot read " + dir + ": " + e.getMessage());
        }
        Object sizeOrProblem = FOLDERS.computeIfAbsent(key, k -> {
            try {
                Graph g = CoraLoader.load(dir, 20, 0, 0);
                return new Size(g.nodes(), 2L * g.edges().length, nonZeros(g.features()), g.featureDim(), g.classes());
            } catch (GraphFormatException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                return dir + ": " + e.getMessage();
            }
        });
        if (sizeOrProblem instanceof String problem) return new SettingException(DATA_DIR, "Cora-format folder (data-dir): " + problem);
        return memoryProblem((Size) sizeOrProblem, c, bytesAvailable());
    }

    /** The expected size of the generated graph (the CSBM's expected edge count). */
    static Size generatedSize(Config c) {
        if (c.getString(GRAPH).equals(KARATE)) return new Size(KarateClub.NODES, 156, KarateClub.NODES, KarateClub.NODES, 2);
        long n = c.getInt(NODES), k = c.getInt(CLASSES);
        double pairs = n * (n - 1) / 2.0;
        double expected = pairs * (c.getDouble(P_IN) / k + c.getDouble(P_OUT) * (1 - 1.0 / k));
        return new Size(n, 2 * (long) expected, n * c.getInt(FEATURE_DIM), c.getInt(FEATURE_DIM), k);
    }

    private static final Map<String, Object> FOLDERS = new ConcurrentHashMap<>();

    private static long nonZeros(float[] a) {
        long n = 0;
        for (float v : a) if (v != 0) n++;
        return n;
    }
}
