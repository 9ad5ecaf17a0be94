package nnlab.history;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import nnlab.kernel.figure.ImageDifference;

/**
 * The third card beside one saved figure of two runs: |A − B| as an image (black where they are
 * the same) and how much differs, or why it cannot be shown (sizes differ, a file is unreadable).
 * The files are read and compared off the JavaFX thread.
 */
public final class FigureDifferenceView {
    private final VBox root = new VBox(6);
    private final ImageView image = new ImageView();
    private final Label caption = new Label("Comparing…");
    private final CompletableFuture<ImageDifference> result = new CompletableFuture<>();

    FigureDifferenceView(String id, Path a, Path b, String labelA, String labelB) {
        Label title = new Label("|A − B|: " + labelA + " vs " + labelB);
        title.getStyleClass().add("card-title");
        title.setTooltip(new Tooltip("A = " + labelA + ", B = " + labelB + "; each pixel's colour is |A − B| per channel"));
        caption.getStyleClass().add("placeholder");
        caption.setWrapText(true);
        caption.setId("difference-" + id);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        root.setMinWidth(0);
        image.fitWidthProperty().bind(root.widthProperty().subtract(28));
        root.getChildren().addAll(title, image, caption);
        root.getStyleClass().addAll("card", "difference-card");
        HistoryIo.inBackground(() -> ImageDifference.of(read(a), read(b)), (difference, error) -> {
            if (error != null) {
                caption.setText("Not compared: " + HistoryIo.describe(error));
                result.completeExceptionally(error);
                return;
            }
            if (difference.sameSize()) image.setImage(SwingFXUtils.toFXImage(difference.difference(), null));
            caption.setText(RunLabels.capitalise(difference.describe()) + ".");
            result.complete(difference);
        });
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) throw new IOException(png.getFileName() + " is not a readable image");
        return image;
    }

    public Node view() { return root; }

    /** Completes on the JavaFX thread once the images are compared. */
    public CompletableFuture<ImageDifference> result() { return result; }

    public String captionText() { return caption.getText(); }

    public boolean showsImage() { return image.getImage() != null; }
}
