package nnlab.padding;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per-round results of one net × padding × data protocol, in round order whatever order they finish in. */
final class VariantResult {
    final String net;
    final PaddingMode mode;
    final DataProtocol protocol;
    private final SortedMap<Integer, VariantTrainer.RoundResult> byRound = new TreeMap<>();

    VariantResult(String net, PaddingMode mode, DataProtocol protocol) {
        this.net = net;
        this.mode = mode;
        this.protocol = protocol;
    }

    /** With the published protocol: every round on the same images. */
    VariantResult(String net, PaddingMode mode) {
        this(net, mode, DataProtocol.FIXED);
    }

    /** E.g. "Net1 · fconv", or "Net1 · fconv · per-round data" when the data seed varies. */
    String name() {
        return net + " · " + mode.id() + (protocol == DataProtocol.FIXED ? "" : " · " + protocol.id() + " data");
    }

    void add(int round, VariantTrainer.RoundResult r) {
        byRound.put(round, r);
    }

    List<Double> val() { return byRound.values().stream().map(VariantTrainer.RoundResult::lastValAccuracy).toList(); }
    List<Double> test() { return byRound.values().stream().map(VariantTrainer.RoundResult::testAccuracy).toList(); }
    List<Integer> epochs() { return byRound.values().stream().map(VariantTrainer.RoundResult::epochsRun).toList(); }

    int rounds() { return byRound.size(); }
    double valMean() { return Stats.mean(val()); }
    double valStd() { return Stats.populationStd(val()); }
    double testMean() { return Stats.mean(test()); }
    double testStd() { return Stats.populationStd(test()); }
    double epochsMean() { return epochs().stream().mapToInt(Integer::intValue).average().orElse(Double.NaN); }
    double seconds() { return byRound.values().stream().mapToDouble(VariantTrainer.RoundResult::seconds).sum(); }

    String perRound(boolean validation) {
        StringBuilder sb = new StringBuilder(validation ? "Validation accuracy per round:" : "Test accuracy per round:");
        byRound.forEach((round, r) -> sb.append(String.format(Locale.ROOT, "%n round %d: %.1f %% (%d epochs)", round + 1,
                validation ? r.lastValAccuracy() : r.testAccuracy(), r.epochsRun())));
        return sb.toString();
    }
}
