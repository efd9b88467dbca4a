package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas of events, read from the classpath: the envelope from this kit, each event type's data from
 * {@code event-contracts} ({@code events/schemas/<type>.v<version>.json}). Plain Java: tests use it directly.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();
    private final ClassLoader loader;

    public EventSchemas(ClassLoader loader) {
        this.loader = loader;
    }

    public EventSchemas() {
        this(EventSchemas.class.getClassLoader());
    }

    /** Violations of the envelope schema, and of the data schema if the envelope names a known type. */
    public List<String> validate(JsonNode envelope) {
        List<String> errors = new java.util.ArrayList<>(messages(schema("events/envelope.v1.json"), envelope));
        if (!errors.isEmpty()) {
            return errors;
        }
        String type = envelope.get("type").asText();
        int version = envelope.get("schemaversion").asInt();
        String path = dataSchemaPath(type, version);
        if (loader.getResource(path) == null) {
            errors.add("no schema for event type " + type + " v" + version + " (" + path + ")");
            return errors;
        }
        messages(schema(path), envelope.get("data")).forEach(m -> errors.add("data: " + m));
        return errors;
    }

    /** Violations of the envelope schema alone, whatever the data. */
    public List<String> validateEnvelope(JsonNode envelope) {
        return messages(schema("events/envelope.v1.json"), envelope);
    }

    /** Violations of the data schema of {@code type} v{@code version}; the schema must exist. */
    public List<String> validateData(String type, int version, JsonNode data) {
        return messages(schema(dataSchemaPath(type, version)), data);
    }

    public static String dataSchemaPath(String type, int version) {
        return "events/schemas/" + type + ".v" + version + ".json";
    }

    private static List<String> messages(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private JsonSchema schema(String path) {
        return cache.computeIfAbsent(path, p -> {
            try (InputStream in = loader.getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("missing JSON schema on the classpath: " + p);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
