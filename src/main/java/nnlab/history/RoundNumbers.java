package nnlab.history;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.store.CsvTable;

/**
 * Rounds are counted from 1 everywhere (live, in tables, in History), but runs saved before that
 * fix wrote "round" from 0 in their metrics.csv. Such a file is read 1-based: a round column that
 * holds a 0 has every round shifted up by one, so an old run's curves read "round 1 … n" like a
 * new run's.
 */
final class RoundNumbers {
    private RoundNumbers() { }

    static CsvTable oneBased(CsvTable table) {
        if (table == null) return null;
        int c = table.column("round");
        if (c < 0) return table;
        boolean zeroBased = false;
        for (List<String> row : table.rows()) {
            if (c < row.size() && row.get(c).trim().equals("0")) zeroBased = true;
        }
        if (!zeroBased) return table;
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String> copy = new ArrayList<>(row);
            if (c < copy.size()) {
                try {
                    copy.set(c, Integer.toString(Integer.parseInt(copy.get(c).trim()) + 1));
                } catch (NumberFormatException notARound) {
                    // an empty or non-integer cell stays as it is
                }
            }
            rows.add(copy);
        }
        return new CsvTable(table.columns(), rows);
    }
}
