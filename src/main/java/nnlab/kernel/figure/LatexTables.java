package nnlab.kernel.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Results tables as LaTeX {@code booktabs} tables: numbers in math mode, "m ± s" cells as
 * {@code $m \pm s$}, the best value of each column in bold, text escaped.
 *
 * <p>Which value is best depends on what the column measures, read from its header: columns
 * named like a score (accuracy, acc, F1, AUC, precision, recall, score, IoU) are best at their
 * highest mean, columns named like a loss or error (loss, error, err, MSE, RMSE, MAE, NLL,
 * perplexity) at their lowest. Other columns (epochs, seconds, depth, counts, a spread such as
 * "feature std") have no "best", so nothing in them is bold: bold there would claim a winner where
 * there is none. Ties at the printed precision are all bold; a column with fewer than two numbers
 * has no bold.
 */
public final class LatexTables {
    private LatexTables() { }

    private static final Set<String> HIGHER_IS_BETTER =
            Set.of("accuracy", "acc", "f1", "auc", "precision", "recall", "score", "iou");
    private static final Set<String> LOWER_IS_BETTER =
            Set.of("loss", "error", "err", "mse", "rmse", "mae", "nll", "perplexity");
    private static final String NUMBER = "[-+−]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern MEAN_STD =
            Pattern.compile("(" + NUMBER + ")\\s*(%?)\\s*(?:±|\\+/-|\\+-)\\s*(" + NUMBER + ")\\s*(%?)");
    private static final Pattern PLAIN = Pattern.compile("(" + NUMBER + ")\\s*(%?)");
    /** Cells that mean "no value" and do not make a column textual. */
    private static final Set<String> BLANKS = Set.of("", "-", "–", "—", "…", "n/a");

    /** A cell read as a number: its mean (for ranking) and its LaTeX math. */
    private record Numeric(double mean, String math) { }

    /** The table as a bare {@code tabular} (no float, no caption). */
    public static String booktabs(List<String> columns, List<List<String>> rows) {
        return tabular(columns, rows, "");
    }

    /** The table in a {@code table} float with the title as its caption (none when blank). */
    public static String booktabs(String title, List<String> columns, List<List<String>> rows) {
        if (title == null || title.isBlank()) return booktabs(columns, rows);
        StringBuilder sb = new StringBuilder();
        sb.append("% Needs \\usepackage{booktabs}.\n");
        sb.append("\\begin{table}[htbp]\n");
        sb.append("  \\centering\n");
        sb.append("  \\caption{").append(Latex.escape(title.strip())).append("}\n");
        sb.append(tabular(columns, rows, "  "));
        sb.append("\\end{table}\n");
        return sb.toString();
    }

    public static String of(TableFigure table) {
        return booktabs(table.title(), table.columns(), table.rows());
    }

    private static String tabular(List<String> columns, List<List<String>> rows, String indent) {
        int n = columns.size();
        for (List<String> r : rows) n = Math.max(n, r.size());
        Numeric[][] numbers = new Numeric[rows.size()][n];
        StringBuilder spec = new StringBuilder();
        boolean[][] bold = new boolean[rows.size()][n];
        for (int c = 0; c < n; c++) {
            boolean text = false;
            int count = 0;
            for (int r = 0; r < rows.size(); r++) {
                String cell = cell(rows.get(r), c).strip();
                numbers[r][c] = parse(cell);
                if (numbers[r][c] != null) count++;
                else if (!BLANKS.contains(cell.toLowerCase(Locale.ROOT))) text = true;
            }
            spec.append(count > 0 && !text ? 'r' : 'l');
            int direction = c < columns.size() ? direction(columns.get(c)) : 0;
            if (direction != 0 && count >= 2) markBest(numbers, bold, c, direction);
        }
        StringBuilder sb = new StringBuilder();
        if (indent.isEmpty()) sb.append("% Needs \\usepackage{booktabs}.\n");
        sb.append(indent).append("\\begin{tabular}{").append(spec).append("}\n");
        sb.append(indent).append("  \\toprule\n");
        List<String> header = new ArrayList<>();
        for (int c = 0; c < n; c++) header.add(Latex.escape(c < columns.size() ? columns.get(c) : ""));
        sb.append(indent).append("  ").append(String.join(" & ", header)).append(" \\\\\n");
        sb.append(indent).append("  \\midrule\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                Numeric num = numbers[r][c];
                if (num == null) cells.add(Latex.escape(cell(rows.get(r), c).strip()));
                else cells.add(bold[r][c] ? "$\\mathbf{" + num.math() + "}$" : "$" + num.math() + "$");
            }
            sb.append(indent).append("  ").append(String.join(" & ", cells)).append(" \\\\\n");
        }
        sb.append(indent).append("  \\bottomrule\n");
        sb.append(indent).append("\\end{tabular}\n");
        return sb.toString();
    }

    /** +1 when higher is better in this column, -1 when lower is, 0 when neither (see the class comment). */
    static int direction(String header) {
        int found = 0;
        for (String word : header.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (LOWER_IS_BETTER.contains(word)) return -1;
            if (HIGHER_IS_BETTER.contains(word)) found = 1;
        }
        return found;
    }

    private static void markBest(Numeric[][] numbers, boolean[][] bold, int c, int direction) {
        double best = direction > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (Numeric[] row : numbers) {
            if (row[c] == null || Double.isNaN(row[c].mean())) continue;
            best = direction > 0 ? Math.max(best, row[c].mean()) : Math.min(best, row[c].mean());
        }
        for (int r = 0; r < numbers.length; r++) bold[r][c] = numbers[r][c] != null && numbers[r][c].mean() == best;
    }

    private static String cell(List<String> row, int c) {
        return c < row.size() && row.get(c) != null ? row.get(c) : "";
    }

    private static Numeric parse(String cell) {
        Matcher m = MEAN_STD.matcher(cell);
        if (m.matches()) {
            String percent = m.group(2).isEmpty() && m.group(4).isEmpty() ? "" : "\\%";
            return new Numeric(value(m.group(1)), math(m.group(1)) + " \\pm " + math(m.group(3)) + percent);
        }
        m = PLAIN.matcher(cell);
        if (m.matches()) return new Numeric(value(m.group(1)), math(m.group(1)) + (m.group(2).isEmpty() ? "" : "\\%"));
        return null;
    }

    private static double value(String number) {
        return Double.parseDouble(number.replace('−', '-'));
    }

    private static String math(String number) {
        return number.replace('−', '-');
    }
}
