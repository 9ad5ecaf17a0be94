package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LaTeX output, exactly: a booktabs table of mean ± std cells and a pgfplots line figure. */
class LatexExportTest {
    @Test
    void resultsTableAsBooktabsWithTheBestOfEachScoredColumnInBold() {
        List<String> columns = List.of("Net", "Padding", "Test acc % (mean ± std)", "Val loss", "Epochs");
        List<List<String>> rows = List.of(
                List.of("Net1", "zeros_pad", "97.1 ± 0.3", "0.081", "20"),
                List.of("Net2", "reflect & co", "98.0 ± 0.2", "0.064", "25"),
                List.of("Net3", "circular", "98.0 ± 0.4", "—", "20"));
        String expected = """
                % Needs \\usepackage{booktabs}.
                \\begin{table}[htbp]
                  \\centering
                  \\caption{Results \\#1: 50\\% of $\\times$}
                  \\begin{tabular}{llrrr}
                    \\toprule
                    Net & Padding & Test acc \\% (mean $\\pm$ std) & Val loss & Epochs \\\\
                    \\midrule
                    Net1 & zeros\\_pad & $97.1 \\pm 0.3$ & $0.081$ & $20$ \\\\
                    Net2 & reflect \\& co & $\\mathbf{98.0 \\pm 0.2}$ & $\\mathbf{0.064}$ & $25$ \\\\
                    Net3 & circular & $\\mathbf{98.0 \\pm 0.4}$ & --- & $20$ \\\\
                    \\bottomrule
                  \\end{tabular}
                \\end{table}
                """;
        assertEquals(expected, LatexTables.booktabs("Results #1: 50% of ×", columns, rows));
    }

    @Test
    void withoutTitleTheTableIsABareTabular() {
        String expected = """
                % Needs \\usepackage{booktabs}.
                \\begin{tabular}{lr}
                  \\toprule
                  a\\textasciicircum{}b & F1 \\\\
                  \\midrule
                  x\\textbackslash{}y\\{z\\} & $\\mathbf{-0.5}$ \\\\
                  \\~{} & $-1.5$ \\\\
                  \\bottomrule
                \\end{tabular}
                """.replace("\\~{}", "\\textasciitilde{}");
        assertEquals(expected, LatexTables.booktabs(List.of("a^b", "F1"), List.of(List.of("x\\y{z}", "−0.5"), List.of("~", "-1.5"))));
    }

    @Test
    void columnsWithoutAScoreOrLossHaveNoWinner() {
        assertEquals(1, LatexTables.direction("Val acc % (mean per class)"));
        assertEquals(1, LatexTables.direction("Net1 — acc % at 45°"));
        assertEquals(-1, LatexTables.direction("Train loss"));
        assertEquals(-1, LatexTables.direction("Test error %"));
        assertEquals(0, LatexTables.direction("Feature std (last layer)"));
        assertEquals(0, LatexTables.direction("s/epoch"));
        assertEquals(0, LatexTables.direction("Rounds"));
        assertEquals(0, LatexTables.direction("Mapping"), "whole words only");
    }

    @Test
    void lineFigureAsPgfplotsWithItsDataInline() {
        LineFigure f = new LineFigure("Loss & co", "epoch", "loss_value", List.of(
                new LineFigure.Series("train", new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0.125}),
                new LineFigure.Series("val 50%", new double[] {1, 2, 3}, new double[] {0.75, Double.NaN, 1e-7})), true);
        String expected = """
                % Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.16} (or newer).
                \\begin{tikzpicture}
                \\begin{axis}[
                    title={Loss \\& co},
                    xlabel={epoch},
                    ylabel={loss\\_value},
                    ymode=log,
                    xtick distance=1,
                    width=12cm, height=7.5cm,
                    grid=major,
                    unbounded coords=jump,
                    legend pos=outer north east,
                ]
                \\addplot[color={rgb,255:red,0;green,114;blue,178}, solid, thick, mark=*, mark size=1.5pt] coordinates {
                    (1,0.5) (2,0.25) (3,0.125)
                };
                \\addlegendentry{train}
                \\addplot[color={rgb,255:red,213;green,94;blue,0}, solid, thick, mark=*, mark size=1.5pt] coordinates {
                    (1,0.75) (2,nan) (3,1e-7)
                };
                \\addlegendentry{val 50\\%}
                \\end{axis}
                \\end{tikzpicture}
                """;
        assertEquals(expected, Pgfplots.of(f));
    }

    @Test
    void longSeriesWrapEightPointsALineWithoutMarkers() {
        LineFigure.Builder b = new LineFigure.Builder();
        for (int i = 0; i < 40; i++) b.add("s", i, i * 0.5);
        String tex = Pgfplots.of(b.build("", "", "", false));
        assertEquals(false, tex.contains("title="));
        assertEquals(true, tex.contains("no markers"));
        assertEquals(true, tex.contains("    (0,0) (1,0.5) (2,1) (3,1.5) (4,2) (5,2.5) (6,3) (7,3.5)\n    (8,4)"));
        assertEquals(false, tex.contains("addlegendentry"), "one series needs no legend, as in the PNG");
    }
}
