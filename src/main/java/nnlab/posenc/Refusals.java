package nnlab.posenc;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The refusal under each setting of the panel: a typed value the panel will not use is explained
 * right below its field (as the other panels' forms do), and the message goes once the field
 * holds a value that is used.
 */
final class Refusals {
    private final Map<String, Label> labels = new LinkedHashMap<>();

    /** The (initially empty) message label for a setting, created on first use. */
    Label label(String key) {
        return labels.computeIfAbsent(key, k -> {
            Label l = new Label();
            l.setId(k + "-error");
            l.getStyleClass().add("field-error");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            return l;
        });
    }

    void show(String key, String message) {
        label(key).setText(message);
    }

    void clear(String key) {
        label(key).setText("");
    }

    /** The message shown under a setting, "" when none. */
    String text(String key) {
        Label l = labels.get(key);
        return l == null ? "" : l.getText();
    }

    /** Every message shown now, by setting. */
    Map<String, String> shown() {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, l) -> {
            if (!l.getText().isEmpty()) out.put(k, l.getText());
        });
        return out;
    }
}
