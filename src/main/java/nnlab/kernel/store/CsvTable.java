package nnlab.kernel.store;

import java.util.List;

/** A CSV file read back: the header and the rows as text cells. */
public record CsvTable(List<String> columns, List<List<String>> rows) {

    public int column(String name) {
        return columns.indexOf(name);
    }
}
