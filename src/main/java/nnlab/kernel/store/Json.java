package nnlab.kernel.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** JSON for config.json and summary.json: pretty, key order kept. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private Json() { }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static void writeFile(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, write(value) + "\n");
    }

    public static Map<String, Object> readMap(Path file) throws IOException {
        return readMap(Files.readString(file));
    }

    /** Reads a JSON object; anything else (an array, a number, "null") is refused with an IOException. */
    public static Map<String, Object> readMap(String text) throws IOException {
        Map<String, Object> map = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        if (map == null) throw new IOException("expected a JSON object, got null");
        return map;
    }
}
