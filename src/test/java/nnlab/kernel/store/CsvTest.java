package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        CsvTable t = Csv.parse("name,note\r\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n");
        assertEquals(List.of("name", "note"), t.columns());
        assertEquals(List.of(List.of("a, b", "say \"hi\""), List.of("two\nlines", "")), t.rows());
    }

    @Test
    void whatCsvWritesParsesBackCellForCell() {
        List<String> columns = List.of("id", "text", "value");
        List<List<Object>> rows = List.of(Arrays.asList(1, "x,\"y\"\r\nz", 0.5), Arrays.asList(2, null, 3.0));
        CsvTable t = Csv.parse(Csv.table(columns, rows));
        assertEquals(columns, t.columns());
        assertEquals(List.of(List.of("1", "x,\"y\"\r\nz", "0.500000"), List.of("2", "", "3")), t.rows());
        assertEquals(2, t.column("value"));
    }

    @Test
    void emptyLinesAndAMissingFinalLineBreakAreFine() {
        CsvTable t = Csv.parse("a,b\n\n1,2\n,\n3,4");
        assertEquals(List.of(List.of("1", "2"), List.of("", ""), List.of("3", "4")), t.rows());
        assertEquals(new CsvTable(List.of(), List.of()), Csv.parse(""));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"open"));
    }
}
