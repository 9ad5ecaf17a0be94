package nnlab.attncost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's two tables: fitted slopes with the largest n in 1 GiB, and every measured point beside its counted costs. */
final class CostTables {
    static final List<String> COST_COLUMNS = List.of("method", "n", "time per call (ms)", "multiply-adds (counted)",
            "G multiply-adds / s", "working memory (counted)", "peak RSS rise (measured)");

    private CostTables() { }

    record Fits(List<String> columns, List<List<String>> rows, List<AttentionCostSummary.MethodResult> results) { }

    static Fits fits(CostSettings s, Map<CostModel.Method, List<CostSweep.Point>> points) {
        List<String> columns = List.of("method", "time slope", "time slope, larger half of n", "counted memory slope",
                "measured memory slope", "multiply-add slope", "largest n in 1 GiB (model)");
        List<List<String>> rows = new ArrayList<>();
        List<AttentionCostSummary.MethodResult> results = new ArrayList<>();
        for (CostModel.Method m : CostModel.Method.values()) {
            List<CostSweep.Point> pts = points.getOrDefault(m, List.of());
            double[] n = pts.stream().mapToDouble(CostSweep.Point::n).toArray();
            double[] t = pts.stream().mapToDouble(CostSweep.Point::seconds).toArray();
            double[] counted = pts.stream().mapToDouble(CostSweep.Point::modelBytes).toArray();
            double[] measured = pts.stream().mapToDouble(CostSweep.Point::measuredBytes).toArray();
            double[] madds = pts.stream().mapToDouble(CostSweep.Point::multiplyAdds).toArray();
            long largest = CostModel.largestN(m, s.shape(s.nMax()), CostSweep.BYTES, CostModel.GIB);
            var r = new AttentionCostSummary.MethodResult(m.id(), LogLogFit.of(n, t).slope(), LogLogFit.ofUpperHalf(n, t).slope(),
                    LogLogFit.of(n, counted).slope(), LogLogFit.of(n, measured).slope(), LogLogFit.of(n, madds).slope(),
                    t.length == 0 ? Double.NaN : t[t.length - 1], largest);
            results.add(r);
            rows.add(List.of(m.label(), f2(r.timeSlope()), f2(r.timeSlopeUpperHalf()), f2(r.countedMemorySlope()),
                    f2(r.measuredMemorySlope()), f2(r.multiplyAddSlope()), String.format(Locale.ROOT, "%,d", largest)));
        }
        return new Fits(columns, rows, results);
    }

    static List<List<String>> costRows(Map<CostModel.Method, List<CostSweep.Point>> points) {
        List<List<String>> rows = new ArrayList<>();
        for (CostModel.Method m : CostModel.Method.values()) {
            for (CostSweep.Point p : points.getOrDefault(m, List.of())) {
                rows.add(List.of(m.label(), String.valueOf(p.n()), String.format(Locale.ROOT, "%.3g", p.seconds() * 1e3),
                        String.format(Locale.ROOT, "%.3g", p.multiplyAdds()),
                        String.format(Locale.ROOT, "%.3g", p.multiplyAdds() / p.seconds() / 1e9),
                        CostModel.bytes(p.modelBytes()), Double.isNaN(p.measuredBytes()) ? "n/a" : CostModel.bytes(p.measuredBytes())));
            }
        }
        return rows;
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
