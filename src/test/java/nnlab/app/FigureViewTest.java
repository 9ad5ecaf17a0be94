package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FigureViewTest {
    @TempDir
    Path dir;
    private FigureView view;
    private final DemoFigure figure = new DemoFigure("Accuracy", List.of("zero", "reflect"), new double[] {0.91, 0.93});

    @Start
    void start(Stage stage) {
        view = new FigureView("acc", "Accuracy");
        stage.setScene(new Scene(new StackPane(view), 700, 500));
        stage.show();
    }

    @Test
    void showsTheFigureAndExportsAPngThatDecodes() throws Exception {
        Fx.run(() -> view.setFigure(figure));
        Fx.waitUntil("the figure on screen", 5000, () -> view.image() != null);

        Path png = dir.resolve("accuracy@2x.png");
        assertEquals(png, Fx.get(() -> view.exportPng(png, 2)).get(10, TimeUnit.SECONDS));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a decodable PNG");
        assertEquals(2 * DemoFigure.WIDTH, img.getWidth());
        assertEquals(2 * DemoFigure.HEIGHT, img.getHeight());

        Path csv = dir.resolve("accuracy.csv");
        Fx.get(() -> view.exportCsv(csv)).get(10, TimeUnit.SECONDS);
        assertTrue(Files.readString(csv).startsWith("label,value\nzero,0.91"));
    }

    @Test
    void exportsTheRealRenderersFigures() throws Exception {
        LineFigure curves = new LineFigure.Builder().add("train", 1, 0.9).add("train", 2, 0.5).add("val", 1, 1.0).add("val", 2, 0.7)
                .build("Loss", "epoch", "loss", false);
        Fx.run(() -> view.setFigure(curves));
        Fx.waitUntil("the line figure on screen", 5000, () -> view.image() != null);
        Path one = dir.resolve("loss.png");
        Path three = dir.resolve("loss@3x.png");
        Fx.get(() -> view.exportPng(one, 1)).get(10, TimeUnit.SECONDS);
        Fx.get(() -> view.exportPng(three, 3)).get(10, TimeUnit.SECONDS);
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(three.toFile());
        assertNotNull(a);
        assertNotNull(b);
        assertTrue(Math.abs(b.getWidth() - 3 * a.getWidth()) <= 3, a.getWidth() + " vs " + b.getWidth());
    }

    @Test
    void aLiveChartExportsWhatItShows() throws Exception {
        LiveLineChart chart = Fx.get(() -> new LiveLineChart("loss", "Loss", "epoch", "loss"));
        Fx.run(() -> {
            chart.startPhase("round 1");
            chart.addMetrics(List.of(new RunEvent.Metric("loss", "train", 1, 0.8), new RunEvent.Metric("loss", "train", 2, 0.4),
                    new RunEvent.Metric("other", "train", 1, 5)));
        });
        LineFigure f = Fx.get(chart::toFigure);
        assertEquals("Loss — round 1", f.title());
        assertEquals(1, f.series().size());
        assertEquals(2, f.series().get(0).x().length);
        Path png = dir.resolve("chart.png");
        Exports.writePng(f, png, 2).get(10, TimeUnit.SECONDS);
        assertNotNull(ImageIO.read(png.toFile()));
    }

    @Test
    void aFailedExportReportsTheCauseAndLeavesNoFile() throws Exception {
        Fx.run(() -> view.setFigure(figure));
        Path missing = dir.resolve("no-such-folder").resolve("f.png");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Fx.get(() -> view.exportPng(missing, 1)).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("folder does not exist"), e.getCause().getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aFigureThatCannotBeDrawnSaysSo() {
        nnlab.kernel.figure.Figure broken = new nnlab.kernel.figure.Figure() {
            @Override public String title() { return "Broken"; }
            @Override public String toCsv() { return ""; }
            @Override public BufferedImage render(double scale) { throw new IllegalStateException("no renderer"); }
        };
        Fx.run(() -> view.setFigure(broken));
        Fx.waitUntil("the error text", 5000, () -> view.lookupAll(".placeholder").stream()
                .anyMatch(n -> n.isVisible() && ((javafx.scene.control.Label) n).getText().contains("no renderer")));
    }
}
