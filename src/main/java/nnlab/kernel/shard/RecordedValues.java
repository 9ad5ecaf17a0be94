package nnlab.kernel.shard;

import java.util.List;

/**
 * Reads back the numbers a unit recorded ({@link UnitPlan#record}): as part.json gives them (JSON
 * lists; NaN and infinities as strings, since JSON has no such numbers) or, in the process that
 * recorded them, as the arrays themselves.
 */
public final class RecordedValues {
    private RecordedValues() { }

    public static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble((String) v);
    }

    @SuppressWarnings("unchecked")
    public static double[] doubles(Object list) {
        if (list instanceof double[] d) return d;
        List<Object> values = (List<Object>) list;
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(values.get(i));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static double[][] matrix(Object rows) {
        if (rows instanceof double[][] d) return d;
        List<Object> list = (List<Object>) rows;
        double[][] out = new double[list.size()][];
        for (int i = 0; i < out.length; i++) out[i] = doubles(list.get(i));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static int[] ints(Object list) {
        if (list instanceof int[] a) return a;
        List<Object> values = (List<Object>) list;
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) values.get(i)).intValue();
        return out;
    }

    @SuppressWarnings("unchecked")
    public static int[][] intRows(Object rows) {
        if (rows instanceof int[][] a) return a;
        List<Object> list = (List<Object>) rows;
        int[][] out = new int[list.size()][];
        for (int i = 0; i < out.length; i++) out[i] = ints(list.get(i));
        return out;
    }
}
