package nnlab.byhand;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.TableFigure;

/**
 * Everything the panel shows for one set of numbers, computed off the JavaFX thread with the same
 * code and tables as the command line's run.
 */
record ByHandComputed(Config config, List<String> refused, ConvByHand.Result conv, TableFigure convTable,
                      GraphNetByHand.Result net, TableFigure netTable, GraphMatrices.Result matrices, TableFigure a, TableFigure aPower,
                      TableFigure d, TableFigure laplacian, TableFigure lx, TableFigure messagePassing, boolean walksMatch,
                      double computeMillis) {

    static ByHandComputed of(Config c, List<String> refused) {
        long t0 = System.nanoTime();
        int digits = c.getInt("digits");
        ByHandSettings.ConvInputs ci = ByHandSettings.conv(c);
        ConvByHand.Result conv = ConvByHand.compute(ci.x(), ci.kernel(), ci.bias(), ci.padding(), ci.stride(), ci.relu());
        GraphNetByHand.Result net = GraphNetByHand.compute(ByHandSettings.graphNet(c));
        GraphMatrices.Inputs mi = ByHandSettings.matrices(c);
        GraphMatrices.Result m = GraphMatrices.compute(mi);
        return new ByHandComputed(c, List.copyOf(refused), conv, ByHandTables.conv(conv, digits), net, ByHandTables.graphNet(net, digits), m,
                ByHandTables.nodeMatrix("A (adjacency)", m.a(), digits),
                ByHandTables.nodeMatrix(ByHandTables.powerTitle(mi.power()), m.aPower(), digits),
                ByHandTables.nodeMatrix("D (degrees)", m.d(), digits),
                ByHandTables.nodeMatrix("L = D − A", m.laplacian(), digits),
                ByHandTables.featureMatrix("LX", "column ", m.lx(), digits),
                ByHandTables.messagePassing(m, digits),
                ByHandExperiment.walkCountsMatch(mi.graph(), mi.power(), m.aPower()),
                (System.nanoTime() - t0) / 1e6);
    }

    /** True when none of this view's fields (a settings group) was refused. */
    boolean accepted(String group) {
        for (String key : refused) if (config.schema().setting(key).group().equals(group)) return false;
        return true;
    }
}
