package nnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.store.RunRecorder;

/**
 * summary.json as a run writes it, against the files the map-based summaries wrote for the same
 * values (src/test/resources/summaries-v1, captured from that code before it was replaced).
 */
public final class SummaryJson {
    private SummaryJson() { }

    /** The exact text of a summaries-v1 file. */
    public static String v1(String name) {
        try (InputStream in = SummaryJson.class.getResourceAsStream("/summaries-v1/" + name)) {
            assertNotNull(in, "no test resource summaries-v1/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary.json a run's recorder writes for this summary. */
    public static String written(RunSummary summary) {
        try {
            Path folder = Files.createTempDirectory("summary-json");
            try (RunRecorder recorder = RunRecorder.open(null, "test", new ConfigSchema().defaults(), List.of(folder))) {
                recorder.writeSummary(summary);
            }
            return Files.readString(folder.resolve("summary.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same keys in the same order, the same kinds of value, equal text, integers and
     * booleans, and doubles equal to within {@code relative} (for studies whose numbers come from
     * Math.sin and the like, which may differ in the last bit between machines).
     */
    public static void assertSameJson(String expected, String actual, double relative) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            assertSame(mapper.readTree(expected), mapper.readTree(actual), relative, "$");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSame(JsonNode expected, JsonNode actual, double relative, String path) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isObject()) {
            assertEquals(names(expected), names(actual), path + ": keys and their order");
            expected.fields().forEachRemaining(e -> assertSame(e.getValue(), actual.get(e.getKey()), relative, path + "." + e.getKey()));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + ": length");
            for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), actual.get(i), relative, path + "[" + i + "]");
        } else if (expected.isDouble() && actual.isDouble()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            assertTrue(Math.abs(e - a) <= relative * Math.max(Math.abs(e), Math.abs(a)), path + ": " + e + " vs " + a);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
