package nnlab.kernel.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The font files behind Java's logical "SansSerif", which the renderers use. A PDF must embed a
 * real font, and the one whose glyphs the layout measured keeps centred and right-aligned text
 * where the PNG has it. Java does not say which file a logical font uses, so the known places of
 * the usual sans fonts are tried and the one whose advance widths match the logical font wins.
 */
final class SansSerifFiles {
    private SansSerifFiles() { }

    /** A font file and the family name it declares (for SVG's font-family). */
    record Face(Path file, String family) { }

    private static final String SAMPLE = "Accuracy per epoch 0123456789 ±×%";
    private static Face plain;
    private static Face bold;
    private static boolean resolved;

    /** The file for plain (bold = false) or bold text, or null when none of the known fonts is installed. */
    static synchronized Face face(boolean isBold) {
        if (!resolved) {
            plain = best(candidates(false), new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            bold = best(candidates(true), new Font(Font.SANS_SERIF, Font.BOLD, 12));
            if (bold == null) bold = plain;
            resolved = true;
        }
        return isBold ? bold : plain;
    }

    private static Face best(List<Path> files, Font logical) {
        double target = logical.getStringBounds(SAMPLE, Gfx.FRC).getWidth();
        Face best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (Path file : files) {
            Font font;
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(12f);
            } catch (IOException | FontFormatException | RuntimeException e) {
                continue; // unreadable: try the next
            }
            double error = Math.abs(font.getStringBounds(SAMPLE, Gfx.FRC).getWidth() - target);
            if (error < bestError) {
                bestError = error;
                best = new Face(file, font.getFamily());
            }
        }
        return best;
    }

    private static List<Path> candidates(boolean isBold) {
        List<String> names = new ArrayList<>();
        String javaFonts = System.getProperty("java.home") + "/lib/fonts/";
        String windows = System.getenv().getOrDefault("WINDIR", "C:\\Windows") + "\\Fonts\\";
        for (String dir : List.of(javaFonts, "/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/",
                "/usr/share/fonts/TTF/", "/usr/share/fonts/dejavu-sans-fonts/", "/usr/local/share/fonts/")) {
            names.add(dir + (isBold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"));
        }
        for (String dir : List.of("/usr/share/fonts/truetype/liberation/", "/usr/share/fonts/truetype/liberation2/",
                "/usr/share/fonts/liberation-sans/", "/usr/share/fonts/TTF/")) {
            names.add(dir + (isBold ? "LiberationSans-Bold.ttf" : "LiberationSans-Regular.ttf"));
        }
        names.add("/usr/share/fonts/truetype/noto/" + (isBold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf"));
        for (String dir : List.of("/System/Library/Fonts/Supplemental/", "/Library/Fonts/")) {
            names.add(dir + (isBold ? "Arial Bold.ttf" : "Arial.ttf"));
        }
        names.add(windows + (isBold ? "arialbd.ttf" : "arial.ttf"));
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            try {
                Path p = Path.of(n);
                if (Files.isRegularFile(p) && !files.contains(p)) files.add(p);
            } catch (RuntimeException e) {
                // a path this system cannot spell (e.g. a Windows path elsewhere)
            }
        }
        return files;
    }
}
