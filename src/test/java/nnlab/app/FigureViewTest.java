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
