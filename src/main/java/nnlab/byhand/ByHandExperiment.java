package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.TableFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;

/**
 * The course's hand calculations, each worked out step by step by ND4J/SameDiff so a student can
 * check their own: the assignment's 1-D convolution, its one-layer graph network with every
 * gradient from autodiff (checked by finite differences), and the matrices of a small graph (A,
 * Aⁿ and its walks, D, L, LX and one message-passing step). The run writes every table and
 * drawing; the panel recomputes them as the numbers are edited.
 */
public final class ByHandExperiment implements Experiment {
    public static final String ID = "by-hand";
    public static final ViewSpec CONV_STEPS = ViewSpec.figure("conv-steps", "1-D convolution, step by step");
    public static final ViewSpec GNN_STEPS = ViewSpec.figure("gnn-steps", "Graph network by hand: values and gradients");
    public static final ViewSpec GNN_GRAPH = ViewSpec.figure("gnn-graph", "The graph network's graph");
    public static final ViewSpec GRAPH = ViewSpec.figure("graph", "The graph, with the walks from i to j");
    public static final ViewSpec ADJACENCY = ViewSpec.figure("adjacency", "A (adjacency)");
    public static final ViewSpec POWER = ViewSpec.figure("adjacency-power", "Aⁿ (walk counts)");
    public static final ViewSpec DEGREES = ViewSpec.figure("degrees", "D (degrees)");
    public static final ViewSpec LAPLACIAN = ViewSpec.figure("laplacian", "L = D − A");
    public static final ViewSpec LAPLACIAN_X = ViewSpec.figure("laplacian-x", "LX");
    public static final ViewSpec MESSAGE_PASSING = ViewSpec.figure("message-passing", "One message-passing step");
    static final List<ViewSpec> VIEWS = List.of(CONV_STEPS, GNN_STEPS, GNN_GRAPH, GRAPH, ADJACENCY, POWER, DEGREES, LAPLACIAN,
            LAPLACIAN_X, MESSAGE_PASSING);
    /** How many walks a note lists before "… and k more". */
    static final int WALKS_LISTED = 12;

    private final ConfigSchema schema = ByHandSettings.schema();

    @Override public String id() { return ID; }

    @Override public String title() { return "By hand, checked by the machine"; }

    @Override
    public String description() {
        return "The assignment's 1-D convolution and graph network (every value and gradient, autodiff vs finite differences), "
                + "and a small graph's A, Aⁿ with its walks, D, L, LX and one message-passing step";
    }

    @Override
    public String howToRead() {
        return """
                Three calculations from the course, each with every intermediate number shown so you can compare it \
                with your own working: the 1-D convolution window by window; the small graph network's forward values and \
                its gradients from automatic differentiation, with a finite-difference column beside each gradient (they \
                should agree to many digits); and a small graph's matrices.

                Change any number and the tables follow. In the matrices tab, entry (i, j) of Aⁿ counts the walks of \
                length n from i to j: hover a cell to see them on the drawn graph. Every row of L = D − A sums to 0.""";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 55; }

    @Override public List<ViewSpec> views(Config config) { return VIEWS; }

    @Override
    public ByHandSummary run(Config config, RunContext ctx) {
        int digits = config.getInt("digits");
        ctx.progress(0, "1-D convolution");
        ByHandSettings.ConvInputs ci = ByHandSettings.conv(config);
        ConvByHand.Result conv = ConvByHand.compute(ci.x(), ci.kernel(), ci.bias(), ci.padding(), ci.stride(), ci.relu());
        ctx.figure(CONV_STEPS, ByHandTables.conv(conv, digits));
        ctx.log("1-D convolution: sum = " + NumberText.format(conv.total(), digits) + "; windows vs ND4J conv1d differ by at most "
                + String.format(Locale.ROOT, "%.2g", conv.opMaxDiff()));

        ctx.checkCancelled();
        ctx.progress(0.3, "graph network");
        GraphNetByHand.Inputs gi = ByHandSettings.graphNet(config);
        GraphNetByHand.Result net = GraphNetByHand.compute(gi);
        ctx.figure(GNN_STEPS, ByHandTables.graphNet(net, digits));
        ctx.figure(GNN_GRAPH, GraphFigure.plain("Graph: " + gi.graph().describe(), gi.graph()));
        ctx.log(String.format(Locale.ROOT, "graph network: y = %s, L = %s; largest |autodiff − finite difference| %.2g",
                NumberText.format(net.y(), digits), NumberText.format(net.loss(), digits), net.maxGradientDifference()));

        ctx.checkCancelled();
        ctx.progress(0.6, "graph matrices");
        GraphMatrices.Inputs mi = ByHandSettings.matrices(config);
        GraphMatrices.Result m = GraphMatrices.compute(mi);
        int from = config.getInt("walk-from") - 1, to = config.getInt("walk-to") - 1;
        GraphMatrices.Walks walks = GraphMatrices.walks(mi.graph(), from, to, mi.power(), WALKS_LISTED);
        ctx.figure(GRAPH, walkFigure(mi.graph(), walks, -1));
        ctx.figure(ADJACENCY, ByHandTables.nodeMatrix("A: entry (i, j) is 1 when i and j are joined", m.a(), digits));
        ctx.figure(POWER, ByHandTables.nodeMatrix(ByHandTables.powerTitle(mi.power()), m.aPower(), digits));
        ctx.figure(DEGREES, ByHandTables.nodeMatrix("D: the degrees on the diagonal", m.d(), digits));
        ctx.figure(LAPLACIAN, ByHandTables.nodeMatrix("L = D − A (every row sums to 0)", m.laplacian(), digits));
        ctx.figure(LAPLACIAN_X, ByHandTables.featureMatrix("LX: row v is deg(v)·x_v − Σ_{u ∈ N(v)} x_u", "column ", m.lx(), digits));
        ctx.figure(MESSAGE_PASSING, ByHandTables.messagePassing(m, digits));
        Boolean walksMatch = walkCountsMatch(mi.graph(), mi.power(), m.aPower());
        ctx.log("graph: A" + ByHandTables.superscript(mi.power()) + " equals the brute-force walk counts: "
                + (walksMatch == null ? "not checked (too many walks to try one by one)" : walksMatch)
                + "; largest |row sum of L| " + NumberText.format(m.maxLaplacianRowSum(), digits));
        ctx.progress(1, "done");
        return new ByHandSummary(conv.total(), outputs(conv), conv.opMaxDiff(), net.y(), net.loss(), net.dW(), net.dQ(), net.dH0(),
                net.maxGradientDifference(), mi.graph().nodes(), mi.graph().edges().size(), mi.power(), m.aPower(), walksMatch,
                m.maxLaplacianRowSum(), m.next());
    }

    private static List<Double> outputs(ConvByHand.Result conv) {
        List<Double> out = new ArrayList<>();
        for (ConvByHand.Window w : conv.windows()) out.add(w.output());
        return out;
    }

    /** Beyond this many walks in all, Aⁿ is not checked by brute force (it would take minutes). */
    static final double BRUTE_FORCE_WALKS = 2e6;

    /**
     * True when every entry of Aⁿ equals the number of walks found by trying every sequence of
     * steps; null when there are too many walks to try them all.
     */
    static Boolean walkCountsMatch(SmallGraph g, int power, double[][] aPower) {
        double total = 0;
        for (double[] row : aPower) for (double v : row) total += v;
        if (total > BRUTE_FORCE_WALKS) return null;
        for (int i = 0; i < g.nodes(); i++) {
            long[] counts = GraphMatrices.bruteForceCounts(g, i, power);
            for (int j = 0; j < g.nodes(); j++) if (counts[j] != aPower[i][j]) return false;
        }
        return true;
    }

    /**
     * The graph with nodes i and j marked and the first walk between them traced; the notes list
     * the walks. {@code shownWalk} picks which listed walk is traced (−1: the first).
     */
    public static GraphFigure walkFigure(SmallGraph g, GraphMatrices.Walks walks, int shownWalk) {
        List<String> notes = new ArrayList<>();
        String pair = "from " + (walks.from() + 1) + " to " + (walks.to() + 1);
        notes.add(walks.count() + (walks.count() == 1 ? " walk" : " walks") + " of length " + walks.length() + " " + pair
                + (walks.count() == 1 ? " (drawn in green):" : walks.count() > 1 ? " (the first drawn in green):" : ""));
        List<String> listed = walks.describe();
        for (int k = 0; k < listed.size(); k += 3) notes.add("   " + String.join("    ", listed.subList(k, Math.min(listed.size(), k + 3))));
        List<Integer> traced = walks.listed().isEmpty() ? List.of() : walks.listed().get(Math.max(0, shownWalk));
        return new GraphFigure("Walks of length " + walks.length() + " " + pair, g, walks.from(), walks.to(), traced, notes);
    }
}
