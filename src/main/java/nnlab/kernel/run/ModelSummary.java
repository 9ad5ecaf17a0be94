package nnlab.kernel.run;

import java.util.List;
import java.util.Locale;

/**
 * A network as built for a run, layer by layer: what the model view of a panel shows before and
 * during a run. Made from the built model (DL4J's layers, a SameDiff graph's variables), never
 * written by hand, so it cannot drift from what trains.
 *
 * @param name   e.g. "Net1" or "model A (plain)"
 * @param layers in the order data flows through them
 * @param note   anything the rows do not say (e.g. "Â is a fixed n × n matrix, not a parameter"); may be empty
 */
public record ModelSummary(String name, List<Layer> layers, String note) {

    /** One layer: its name, kind, the shape of one example's output ("16 × 30 × 30") and its trainable parameters. */
    public record Layer(String name, String type, String outputShape, long parameters) { }

    public ModelSummary {
        layers = List.copyOf(layers);
        note = note == null ? "" : note;
    }

    public long totalParameters() {
        return layers.stream().mapToLong(Layer::parameters).sum();
    }

    /** E.g. "Net1: 4 layers, 12 610 parameters". */
    public String caption() {
        return name + ": " + layers.size() + (layers.size() == 1 ? " layer, " : " layers, ") + grouped(totalParameters()) + " parameters";
    }

    /** 12610 → "12 610": digits in groups of three, the way the tables print counts. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202F');
    }
}
