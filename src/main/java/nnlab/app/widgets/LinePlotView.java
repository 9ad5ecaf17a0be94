package nnlab.app.widgets;

import nnlab.kernel.figure.NiceNumbers;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import nnlab.kernel.figure.LineFigure;

/**
 * A line plot drawn on a Canvas: cheap to redraw on every slider step, unlike a LineChart whose
 * nodes per point make 512-point redraws slow. Shows a {@link LineFigure}, which is also what it exports.
 */
public final class LinePlotView extends Region {
    private static final Color[] COLORS = {Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"),
            Color.web("#E69F00"), Color.web("#CC79A7"), Color.web("#56B4E9")};
    private final Canvas canvas = new Canvas();
    private LineFigure figure;
    private double hoverX = Double.NaN;

    public LinePlotView() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(480, 300);
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX();
            draw();
        });
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            draw();
        });
    }

    public LineFigure figure() {
        return figure;
    }

    public void show(LineFigure f) {
        figure = f;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 13);
    static final Font SMALL_TITLE_FONT = Font.font(null, FontWeight.BOLD, 11.5);
    private static final Font TICK_FONT = Font.font(11);

    /** A log axis labels its decades compactly ("1e-4", not "1.00e-04"). */
    private String yTickLabel(double t) {
        if (!figure.logY()) return NiceNumbers.format(t);
        if (t == Math.rint(t) && Math.abs(t) >= 3) return "1e" + (long) t;
        return NiceNumbers.format(Math.pow(10, t));
    }

    static double textWidth(String s, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The text, cut with "…" to fit the width. */
    static String fit(String s, Font font, double width) {
        if (textWidth(s, font) <= width) return s;
        int n = s.length();
        while (n > 1 && textWidth(s.substring(0, n) + "…", font) > width) n--;
        return s.substring(0, n).stripTrailing() + "…";
    }

    /** The title as drawn (cut with "…" when the view is too narrow for it). */
    public String drawnTitle() { return drawnTitle; }

    private String drawnTitle = "";

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (figure == null) return;
        double right = 14, top = 26, bottom = 40;
        double legendH = 16 * ((figure.series().size() + 1) / 2);
        double pw = w - 62 - right;
        double ph = h - top - bottom - legendH;
        if (pw < 20 || ph < 20) return;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (LineFigure.Series s : figure.series()) {
            for (int i = 0; i < s.x().length; i++) {
                double y = transform(s.y()[i]);
                if (!Double.isFinite(y)) continue;
                xmin = Math.min(xmin, s.x()[i]);
                xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, y);
                ymax = Math.max(ymax, y);
            }
        }
        if (!(xmax >= xmin) || !(ymax >= ymin)) return;
        if (xmax == xmin) { xmin -= 0.5; xmax += 0.5; }
        double pad = ymax == ymin ? 0.5 : 0.05 * (ymax - ymin);
        ymin -= pad;
        ymax += pad;
        double x0 = xmin, x1 = xmax, y0 = ymin, y1 = ymax;
        // The y axis title sits left of the widest tick label, never on top of it.
        double[] yTicks = NiceNumbers.ticks(y0, y1, 6);
        double widestTick = 0;
        for (double t : yTicks) widestTick = Math.max(widestTick, textWidth(yTickLabel(t), TICK_FONT));
        double left = Math.max(62, widestTick + 30);
        pw = w - left - right;
        if (pw < 20) return;

        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        // A title wider than the view shrinks a little, then ends in "…" (the export keeps the full title).
        g.setFont(TITLE_FONT);
        String title = figure.title() == null ? "" : figure.title();
        if (textWidth(title, TITLE_FONT) > w - 8) g.setFont(SMALL_TITLE_FONT);
        drawnTitle = fit(title, g.getFont(), w - 8);
        g.fillText(drawnTitle, w / 2, 4);

        double oy = top + legendH;
        g.setFont(TICK_FONT);
        g.setStroke(Color.gray(0.88));
        g.setLineWidth(1);
        for (double t : yTicks) {
            double py = oy + ph * (1 - (t - y0) / (y1 - y0));
            g.strokeLine(left, py, left + pw, py);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yTickLabel(t), left - 5, py);
        }
        for (double t : NiceNumbers.ticks(x0, x1, 8)) {
            double px = left + pw * (t - x0) / (x1 - x0);
            g.strokeLine(px, oy, px, oy + ph);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(NiceNumbers.format(t), px, oy + ph + 3);
        }
        g.setStroke(Color.gray(0.3));
        g.strokeRect(left, oy, pw, ph);
        g.fillText(figure.xLabel(), left + pw / 2, oy + ph + 20);
        g.save();
        g.translate(12, oy + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(fit(figure.yLabel() + (figure.logY() ? " (log)" : ""), g.getFont(), ph + legendH), 0, 0);
        g.restore();

        g.save();
        g.beginPath();
        g.rect(left, oy, pw, ph);
        g.clip();
        g.setLineWidth(1.8);
        int k = 0;
        for (LineFigure.Series s : figure.series()) {
            g.setStroke(COLORS[k++ % COLORS.length]);
            g.beginPath();
            boolean pen = false;
            for (int i = 0; i < s.x().length; i++) {
                double y = transform(s.y()[i]);
                if (!Double.isFinite(y)) {
                    pen = false;
                    continue;
                }
                double px = left + pw * (s.x()[i] - x0) / (x1 - x0);
                double py = oy + ph * (1 - (y - y0) / (y1 - y0));
                if (pen) g.lineTo(px, py); else g.moveTo(px, py);
                pen = true;
            }
            g.stroke();
        }
        g.restore();

        // Legend in two columns above the plot.
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        k = 0;
        for (LineFigure.Series s : figure.series()) {
            double lx = left + (k % 2) * pw / 2;
            double ly = top + 8 + 16 * (k / 2);
            g.setStroke(COLORS[k % COLORS.length]);
            g.setLineWidth(2.5);
            g.strokeLine(lx, ly, lx + 18, ly);
            g.setFill(Color.BLACK);
            g.fillText(s.name(), lx + 24, ly);
            k++;
        }

        if (Double.isFinite(hoverX) && hoverX >= left && hoverX <= left + pw && !figure.series().isEmpty()) {
            LineFigure.Series s0 = figure.series().get(0);
            double xv = x0 + (hoverX - left) / pw * (x1 - x0);
            int best = 0;
            for (int i = 1; i < s0.x().length; i++) if (Math.abs(s0.x()[i] - xv) < Math.abs(s0.x()[best] - xv)) best = i;
            double px = left + pw * (s0.x()[best] - x0) / (x1 - x0);
            g.setStroke(Color.gray(0.4));
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(px, oy, px, oy + ph);
            g.setLineDashes();
            StringBuilder sb = new StringBuilder(figure.xLabel() + " = " + NiceNumbers.format(s0.x()[best]));
            for (LineFigure.Series s : figure.series()) {
                if (best < s.y().length) sb.append("\n").append(s.name()).append(": ").append(NiceNumbers.fullFormat(s.y()[best]));
            }
            g.setFill(Color.rgb(255, 255, 255, 0.9));
            double boxW = 230, boxH = 15 * (figure.series().size() + 1) + 6;
            double bx = px + 8 + boxW > left + pw ? px - 8 - boxW : px + 8;
            g.fillRect(bx, oy + 4, boxW, boxH);
            g.setFill(Color.BLACK);
            g.setTextBaseline(VPos.TOP);
            g.fillText(sb.toString(), bx + 4, oy + 7);
        }
    }

    private double transform(double y) {
        if (!figure.logY()) return y;
        return y > 0 ? Math.log10(y) : Double.NaN;
    }
}
