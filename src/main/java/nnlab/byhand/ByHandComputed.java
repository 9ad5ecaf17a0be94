package nnlab.byhand;

import java.util.List;
import java.util.Objects;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.TableFigure;

/**
 * Everything the panel shows for one set of numbers, computed off the JavaFX thread with the same
 * code and tables as the command line's run.
 */
record ByHandComputed(Config config, List<String> refused, ConvByHand.Result conv, TableFigure convTable,
                      GraphNetByHand.Result net, TableFigure netTable, GraphMatrices.Result matrices, TableFigure a, TableFigure aPower,
                      TableFigure d, TableFigure laplacian, TableFigure lx, TableFigure messagePassing, Boolean walksMatch,
                      double computeMillis) {

    /**
     * Computes the three views for these numbers; a view whose numbers (and the digits) are the
     * same as in {@code previous} is taken from it, so an edit recomputes only its own view (the
     * graph network's SameDiff graph is the slow one).
     */
    static ByHandComputed of(Config c, List<String> refused, ByHandComputed previous) {
        long t0 = System.nanoTime();
        int digits = c.getInt("digits");
        ConvByHand.Result conv;
        TableFigure convTable;
        if (same(previous, c, ByHandSettings.CONV)) {
            conv = previous.conv;
            convTable = previous.convTable;
        } else {
            ByHandSettings.ConvInputs ci = ByHandSettings.conv(c);
            conv = ConvByHand.compute(ci.x(), ci.kernel(), ci.bias(), ci.padding(), ci.stride(), ci.relu());
            convTable = ByHandTables.conv(conv, digits);
        }
        GraphNetByHand.Result net;
        TableFigure netTable;
        if (same(previous, c, ByHandSettings.GNN)) {
            net = previous.net;
            netTable = previous.netTable;
        } else {
            net = GraphNetByHand.compute(ByHandSettings.graphNet(c));
            netTable = ByHandTables.graphNet(net, digits);
        }
        if (same(previous, c, ByHandSettings.MATRICES)) {
            return new ByHandComputed(c, List.copyOf(refused), conv, convTable, net, netTable, previous.matrices, previous.a,
                    previous.aPower, previous.d, previous.laplacian, previous.lx, previous.messagePassing, previous.walksMatch,
                    (System.nanoTime() - t0) / 1e6);
        }
        GraphMatrices.Inputs mi = ByHandSettings.matrices(c);
        GraphMatrices.Result m = GraphMatrices.compute(mi);
        return new ByHandComputed(c, List.copyOf(refused), conv, convTable, net, netTable, m,
                ByHandTables.nodeMatrix("A (adjacency)", m.a(), digits),
                ByHandTables.nodeMatrix(ByHandTables.powerTitle(mi.power()), m.aPower(), digits),
                ByHandTables.nodeMatrix("D (degrees)", m.d(), digits),
                ByHandTables.nodeMatrix("L = D − A", m.laplacian(), digits),
                ByHandTables.featureMatrix("LX", "column ", m.lx(), digits),
                ByHandTables.messagePassing(m, digits),
                ByHandExperiment.walkCountsMatch(mi.graph(), mi.power(), m.aPower()),
                (System.nanoTime() - t0) / 1e6);
    }

    /** True when the previous computation had the same values for this group's settings and the digits. */
    private static boolean same(ByHandComputed previous, Config c, String group) {
        if (previous == null) return false;
        for (Setting s : c.schema().settings()) {
            if ((s.group().equals(group) || s.key().equals("digits"))
                    && !Objects.equals(previous.config.get(s.key()), c.get(s.key()))) return false;
        }
        return true;
    }

    /** True when none of this view's fields (a settings group) was refused. */
    boolean accepted(String group) {
        for (String key : refused) if (config.schema().setting(key).group().equals(group)) return false;
        return true;
    }
}
