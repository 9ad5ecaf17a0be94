package nnlab.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Cora in its common LINQS text format from a folder (Citeseer and PubMed in the same format
 * load too, from citeseer.content/.cites etc.):
 * <ul>
 *   <li>cora.content: per line, a paper id, its binary word features and its class label, separated by
 *   whitespace (tabs in the distributed file);</li>
 *   <li>cora.cites: per line, "cited-id citing-id".</li>
 * </ul>
 * Citations become undirected edges (a pair cited both ways counts once; self-citations are
 * dropped because the GCN adds its own self-loops). Classes are numbered in sorted label order.
 * Anything else is refused with the file, the line and the reason.
 */
public final class CoraLoader {
    private CoraLoader() { }

    public static final String CONTENT = "cora.content";
    public static final String CITES = "cora.cites";

    public static Graph load(Path dir, int trainPerClass, int valSize, int testSize) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GraphFormatException(dir == null ? Path.of("") : dir, 0, "not a folder (expected one holding "
                    + CONTENT + " and " + CITES + ")");
        }
        Path content = dir.resolve(stem(dir) + ".content");
        Path cites = dir.resolve(stem(dir) + ".cites");
        for (Path p : List.of(content, cites)) {
            if (!Files.isRegularFile(p)) throw new GraphFormatException(p, 0, "file not found");
        }
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<float[]> rows = new ArrayList<>();
        List<String> labelNames = new ArrayList<>();
        // dim[0]: features per paper, fixed by the first row (dim[1] is that row's line number).
        int[] dim = {-1, 0};
        forEachRecord(content, (no, parts) -> {
            if (parts.length < 3) {
                throw new GraphFormatException(content, no, "expected an id, at least one feature and a label, found "
                        + parts.length + " field" + (parts.length == 1 ? "" : "s"));
            }
            int d = parts.length - 2;
            if (dim[0] < 0) {
                dim[0] = d;
                dim[1] = no;
            } else if (d != dim[0]) {
                throw new GraphFormatException(content, no, "has " + d + " features but line " + dim[1] + " has " + dim[0]);
            }
            String id = parts[0];
            if (index.containsKey(id)) {
                throw new GraphFormatException(content, no, "paper id '" + id + "' appears twice (first on an earlier line)");
            }
            float[] f = new float[d];
            for (int k = 0; k < d; k++) {
                String v = parts[k + 1];
                if (v.equals("0")) f[k] = 0;
                else if (v.equals("1")) f[k] = 1;
                else throw new GraphFormatException(content, no, "feature " + (k + 1) + " is '" + v + "', expected 0 or 1");
            }
            index.put(id, ids.size());
            ids.add(id);
            rows.add(f);
            labelNames.add(parts[parts.length - 1]);
        });
        if (ids.isEmpty()) throw new GraphFormatException(content, 0, "no papers (the file is empty)");
        List<String> classes = new ArrayList<>(new TreeSet<>(labelNames));
        if (classes.size() < 2) throw new GraphFormatException(content, 0, "only one class label ('" + classes.get(0) + "')");

        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> edges = new ArrayList<>();
        forEachRecord(cites, (no, parts) -> {
            if (parts.length != 2) {
                throw new GraphFormatException(cites, no, "expected 'cited-id citing-id', found " + parts.length + " field"
                        + (parts.length == 1 ? "" : "s"));
            }
            Integer a = index.get(parts[0]);
            Integer b = index.get(parts[1]);
            if (a == null || b == null) {
                throw new GraphFormatException(cites, no, "paper id '" + (a == null ? parts[0] : parts[1]) + "' is not in " + content.getFileName());
            }
            if (a.equals(b)) return;
            int lo = Math.min(a, b), hi = Math.max(a, b);
            if (seen.add((long) lo * ids.size() + hi)) edges.add(new int[] {lo, hi});
        });

        int n = ids.size();
        int featureDim = dim[0];
        float[] features = new float[n * featureDim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, features, i * featureDim, featureDim);
            labels[i] = classes.indexOf(labelNames.get(i));
        }
        return new Graph("Cora (" + dir.getFileName() + ")", n, edges.toArray(new int[0][]), featureDim, features, labels, classes,
                Graph.planetoidSplit(labels, classes.size(), trainPerClass, valSize, testSize));
    }

    /**
     * "cora", or the name of the folder's only other *.content file (citeseer.content,
     * pubmed.content in the same format), so that any LINQS-format folder loads.
     */
    public static String stem(Path dir) {
        if (Files.isRegularFile(dir.resolve(CONTENT))) return "cora";
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> stems = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".content"))
                    .map(n -> n.substring(0, n.length() - ".content".length())).toList();
            return stems.size() == 1 ? stems.get(0) : "cora";
        } catch (IOException e) {
            return "cora";
        }
    }

    private interface RecordHandler {
        void accept(int lineNumber, String[] fields);
    }

    /** Calls the handler with the whitespace-separated fields of every non-blank line, numbered from 1. */
    private static void forEachRecord(Path file, RecordHandler handler) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (!line.isBlank()) handler.accept(no, line.trim().split("\\s+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
