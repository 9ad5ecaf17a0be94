package nnlab.kernel.figure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The file formats a figure is drawn in: PNG (pixels) and the vector formats SVG and PDF. */
public enum FigureFormat {
    PNG, SVG, PDF;

    /** "png", "svg", "pdf": the file extension without its dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name for a figure id: "loss" → "loss.svg". */
    public String fileName(String figureId) {
        return figureId + "." + extension();
    }

    /**
     * "png,svg,pdf" (any case, spaces allowed) → the formats, in this enum's order, each once.
     *
     * @throws IllegalArgumentException naming the word that is not a format
     */
    public static Set<FigureFormat> parseList(String text) {
        Set<FigureFormat> formats = EnumSet.noneOf(FigureFormat.class);
        for (String word : text.split(",")) {
            String w = word.trim();
            if (w.isEmpty()) continue;
            try {
                formats.add(valueOf(w.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + w + "' is not a figure format (choose from " + choices() + ")");
            }
        }
        if (formats.isEmpty()) throw new IllegalArgumentException("name at least one figure format (" + choices() + ")");
        return formats;
    }

    public static String choices() {
        List<String> names = new ArrayList<>();
        for (FigureFormat f : values()) names.add(f.extension());
        return String.join(", ", names);
    }
}
