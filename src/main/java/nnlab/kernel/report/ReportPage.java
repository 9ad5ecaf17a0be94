package nnlab.kernel.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.PublishedResults;
import nnlab.kernel.store.MetricCurves;

/** The report's HTML, section by section, from what {@link RunReport} read. */
final class ReportPage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final RunReport.Contents c;
    private final StringBuilder out = new StringBuilder(1 << 16);

    private ReportPage(RunReport.Contents contents) {
        this.c = contents;
    }

    static String render(RunReport.Contents contents) {
        return new ReportPage(contents).page();
    }

    private String page() {
        String experimentTitle = c.experiment() != null ? c.experiment().title() : String.valueOf(c.run().experimentId());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<meta name=\"generator\" content=\"NN Lab ").append(Html.escape(ReportEnvironment.nnlabVersion())).append("\" />\n")
                .append("<title>").append(Html.escape(c.run().name() + " — " + experimentTitle)).append("</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n<main>\n");
        header(experimentTitle);
        ReportSections tables = new ReportSections(c, out);
        tables.results();
        figures();
        curves();
        tables.summary();
        tables.settings();
        repeat();
        environment();
        files();
        out.append("<footer><p>Report written by NN Lab ").append(Html.escape(ReportEnvironment.nnlabVersion())).append(" on ")
                .append(Html.escape(when(c.written()))).append(" from the run folder ")
                .append("<code>").append(Html.escape(c.run().folder().toString())).append("</code>.</p></footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(String experimentTitle) {
        var run = c.run();
        out.append("<header class=\"report-header\">\n<p class=\"kicker\">NN Lab run report · ").append(Html.escape(experimentTitle))
                .append("</p>\n<h1 id=\"run-name\">").append(Html.escape(run.name())).append("</h1>\n<p class=\"meta\">")
                .append("<span class=\"status status-").append(run.status().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(Html.escape(run.status().label())).append("</span>");
        List<String> parts = new ArrayList<>();
        if (run.started() != null) parts.add("started " + when(run.started()));
        if (run.duration() != null) parts.add("took " + duration(run.duration()));
        parts.add("folder " + run.folder().getFileName());
        for (String p : parts) out.append(" · ").append(Html.escape(p));
        out.append("</p>\n");
        if (run.message() != null && !run.message().isBlank()) {
            out.append("<p class=\"message\">").append(Html.escape(capitalise(run.message()))).append("</p>\n");
        }
        if (run.headline() != null && !run.headline().isBlank()) {
            out.append("<p class=\"headline\" id=\"headline\">").append(Html.escape(run.headline())).append("</p>\n");
        }
        if (c.experiment() != null) {
            out.append("<p class=\"description\">").append(Html.escape(c.experiment().description())).append("</p>\n");
        } else {
            out.append("<p class=\"notice\">This NN Lab does not know the experiment '").append(Html.escape(run.experimentId()))
                    .append("': titles are made from file names and no command line can repeat the run.</p>\n");
        }
        if (run.isDamaged()) out.append("<p class=\"notice danger\">The run folder is damaged: ").append(Html.escape(run.damage())).append("</p>\n");
        if (!c.problems().isEmpty()) {
            out.append("<p class=\"notice\">Could not read: ").append(Html.escape(String.join("; ", c.problems()))).append("</p>\n");
        }
        out.append("</header>\n");
    }

    private void figures() {
        if (c.figures().isEmpty()) return;
        out.append("<section id=\"figures\">\n<h2>Figures</h2>\n");
        for (Map.Entry<String, Path> f : c.figures().entrySet()) {
            String id = f.getKey();
            out.append("<figure class=\"figure\" id=\"figure-").append(Html.slug(id)).append("\" data-figure=\"").append(Html.escape(id))
                    .append("\">\n");
            try {
                out.append(ReportFigures.savedFigure(id, f.getValue())).append('\n');
            } catch (IOException | RuntimeException e) {
                out.append("<p class=\"notice\">").append(Html.escape(f.getValue().getFileName() + " could not be read: "
                        + RunReport.describe(e))).append("</p>\n");
            }
            out.append("<figcaption>").append(Html.escape(c.title(id))).append(" <span class=\"file\">(")
                    .append(Html.escape(id)).append(".png, data in ").append(Html.escape(id)).append(".csv)</span></figcaption>\n</figure>\n");
        }
        out.append("</section>\n");
    }

    /** The metric curves of metrics.csv, drawn as History draws them: a chart per metric, a curve per variant. */
    private void curves() {
        List<MetricCurves.Chart> charts = MetricCurves.charts(c.metrics());
        if (charts.isEmpty()) return;
        out.append("<section id=\"curves\">\n<h2>Curves</h2>\n<p class=\"section-note\">From metrics.csv (")
                .append(c.metrics().rows().size()).append(" rows), one chart per metric.</p>\n<div class=\"chart-grid\">\n");
        for (MetricCurves.Chart chart : charts) {
            List<LineFigure.Series> series = new ArrayList<>();
            for (MetricCurves.Curve curve : chart.curves()) {
                series.add(new LineFigure.Series(curve.name().isEmpty() ? chart.title() : curve.name(), curve.x(), curve.y()));
            }
            LineFigure figure = new LineFigure(chart.title(), chart.xColumn(), chart.title(), series, false);
            out.append("<figure class=\"figure chart\" id=\"chart-").append(Html.slug(chart.metric())).append("\" data-chart=\"")
                    .append(Html.escape(chart.metric())).append("\">\n");
            try {
                out.append(ReportFigures.drawnFigure("metric " + chart.metric(), figure, "metrics.csv")).append('\n');
            } catch (IOException | RuntimeException e) {
                out.append("<p class=\"notice\">The chart could not be drawn: ").append(Html.escape(RunReport.describe(e))).append("</p>\n");
            }
            out.append("<figcaption>").append(Html.escape(chart.title())).append(" against ").append(Html.escape(chart.xColumn()))
                    .append("</figcaption>\n</figure>\n");
        }
        out.append("</div>\n</section>\n");
    }

    private void repeat() {
        out.append("<section id=\"repeat\">\n<h2>Repeat this run</h2>\n");
        if (c.experiment() == null || c.settings() == null) {
            out.append("<p class=\"notice\">No command line: ").append(c.experiment() == null
                    ? "this NN Lab does not know the experiment." : "the run's settings (config.json) could not be read.").append("</p>\n");
        } else {
            RepeatCommand.Line line = RepeatCommand.of(c.experiment(), c.settings());
            if (line.ok()) {
                out.append("<pre class=\"command\"><code id=\"repeat-command\">").append(Html.escape(line.command())).append("</code></pre>\n")
                        .append("<p class=\"section-note\">The settings that differ from the defaults of NN Lab ")
                        .append(Html.escape(ReportEnvironment.nnlabVersion()))
                        .append(" (every other setting is at its default; all values are listed under Settings). ")
                        .append("Add <code>--report</code> for a report of the new run, <code>--out DIR</code> for a copy of its files. ")
                        .append("The run's own config.json also repeats it: <code>java -jar nnlab.jar run ")
                        .append(Html.escape(RepeatCommand.quote(c.run().experimentId()))).append(" --settings config.json</code>.</p>\n");
            } else {
                out.append("<p class=\"notice\">").append(Html.escape(capitalise(line.problem()))).append("</p>\n");
            }
        }
        out.append("</section>\n");
    }

    private void environment() {
        out.append("<section id=\"environment\">\n<h2>Software and machine</h2>\n<dl class=\"environment\">\n");
        for (Map.Entry<String, String> e : ReportEnvironment.describe().entrySet()) {
            out.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>").append(Html.escape(e.getValue())).append("</dd>\n");
        }
        out.append("</dl>\n<p class=\"section-note\">Read when this report was written (").append(Html.escape(when(c.written())))
                .append("). A run folder does not record them: a report written by <code>--report</code> names the software and ")
                .append("machine of the run itself, one written later names those that wrote it.</p>\n</section>\n");
    }

    private void files() {
        List<String[]> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(c.run().folder())) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p) || name.equals(RunReport.FILE_NAME)) continue;
                files.add(new String[] {name, size(Files.size(p))});
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        files.sort((a, b) -> a[0].compareTo(b[0]));
        List<List<String>> rows = new ArrayList<>();
        for (String[] f : files) rows.add(List.of(f[0], f[1]));
        out.append("<section id=\"files\">\n<h2>Files in the run folder</h2>\n");
        Html.table(out, "files", List.of("File", "Size"), rows, Set.of(), Set.of());
        out.append("</section>\n");
    }

    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(ZoneId.systemDefault()));
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    private static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String css() {
        try (InputStream in = ReportPage.class.getResourceAsStream("/nnlab/report/report.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The published values an experiment offers, or none. */
    static PublishedResults.Published published(RunReport.Contents c) {
        return c.experiment() instanceof PublishedResults p ? p.published() : null;
    }
}
