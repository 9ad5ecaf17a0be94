package nnlab.kernel.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * JSON for config.json and summary.json: pretty, key order kept (a map's insertion order, a
 * record's component order). NaN and infinities are written as the strings "NaN", "Infinity".
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setAnnotationIntrospector(new RecordComponentOrder());

    /**
     * Writes a record's components in declaration order, as they read in the source. Left to
     * itself, Jackson 2.17 moves the components renamed by {@code @JsonProperty} after the others.
     */
    private static final class RecordComponentOrder extends JacksonAnnotationIntrospector {
        @Override
        public String[] findSerializationPropertyOrder(AnnotatedClass type) {
            String[] explicit = super.findSerializationPropertyOrder(type);
            if (explicit != null || !type.getRawType().isRecord()) return explicit;
            // Component names are the properties' internal names, which Jackson's ordering accepts.
            return Arrays.stream(type.getRawType().getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
        }
    }

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
