package nnlab.kernel.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers a published write-up reports for a study, which an {@link Experiment} may offer so that
 * a run's report can show them beside the run's own (marked "published, not computed"). They are
 * quoted, never computed, and never shown as if the run had produced them.
 */
public interface PublishedResults {

    /** The write-up's numbers for a run of this study. */
    Published published();

    /**
     * @param source where the numbers come from and under which protocol, said once beside them,
     *               e.g. "course write-up, 10 rounds"
     * @param values each placed beside one cell of one of the run's saved tables
     */
    record Published(String source, List<PublishedValue> values) {
        public Published {
            Objects.requireNonNull(source, "source");
            values = List.copyOf(values);
        }
    }

    /**
     * One published mean ± std, placed beside a cell of a saved results table.
     *
     * @param table  the id of the saved table (its CSV file name without .csv)
     * @param row    the cells that identify the row, by column name (e.g. Net = Net1, Padding = fconv)
     * @param column the column the run's own value is in
     * @param std    NaN when the write-up gives no spread
     */
    record PublishedValue(String table, Map<String, String> row, String column, double mean, double std) {
        public PublishedValue {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            row = Map.copyOf(row);
        }

        /** True when this row of a table with these columns is the one the value belongs to. */
        public boolean matches(List<String> columns, List<String> cells) {
            for (Map.Entry<String, String> e : row.entrySet()) {
                int c = columns.indexOf(e.getKey());
                if (c < 0 || c >= cells.size() || !cells.get(c).trim().equals(e.getValue())) return false;
            }
            return true;
        }
    }
}
