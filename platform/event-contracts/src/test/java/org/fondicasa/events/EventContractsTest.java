package org.fondicasa.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.fondicasa.events.allocation.AllocationEvent;
import org.fondicasa.events.application.ApplicationEvent;
import org.fondicasa.events.reporting.DashboardEvent;
import org.fondicasa.events.reporting.ReportingEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records and the JSON Schemas are two spellings of one contract: each record is checked against its schema both
 * ways (the same properties, required or not, of the same shape), and a sample of each serialises to JSON its schema
 * accepts, with every optional component filled and with none.
 */
class EventContractsTest {

    private static final List<EventCatalog<?>> TOPICS = List.of(AllocationEvent.CATALOG, ApplicationEvent.CATALOG,
            ReportingEvent.CATALOG, DashboardEvent.CATALOG);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final ObjectMapper mapper = new ObjectMapper();

    private static Stream<Class<? extends DomainEvent>> records() {
        return TOPICS.stream().flatMap(topic -> topic.records().stream());
    }

    @Test
    void everySchemaOnTheClasspathHasItsRecordAndEveryRecordASample() throws Exception {
        Set<String> schemas = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                EventContractsTest.class.getClassLoader().getResource("events/schemas").toURI()))) {
            files.forEach(f -> schemas.add(f.getFileName().toString()));
        }
        assertThat(records().map(r -> schemaPath(r).substring("events/schemas/".length())).toList())
                .containsExactlyInAnyOrderElementsOf(schemas);
        assertThat(Samples.all().stream().map(Object::getClass).toList()).containsExactlyInAnyOrderElementsOf(records().toList());
    }

    @TestFactory
    Stream<DynamicTest> everySchemaPropertyIsAComponentAndEveryComponentAProperty() {
        return records().map(record -> DynamicTest.dynamicTest(record.getSimpleName(), () -> {
            JsonNode schema = read(schemaPath(record));
            assertThat(schema.path("additionalProperties").asBoolean(true)).as("closed schema").isFalse();
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            Arrays.stream(record.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(components.keySet()).as("record components").containsExactlyInAnyOrderElementsOf(properties);

            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (RecordComponent c : components.values()) {
                assertThat(c.isAnnotationPresent(NotRequired.class)).as(c.getName() + " not required")
                        .isEqualTo(!required.contains(c.getName()));
                JsonNode property = resolve(schema, schema.get("properties").get(c.getName()));
                assertThat(javaShape(c)).as(c.getName() + " shape").isEqualTo(jsonShape(property));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aSampleOfEveryRecordMatchesItsSchemaFilledAndBare() {
        return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.eventType(), () -> {
            JsonSchema schema = FACTORY.getSchema(read(schemaPath(sample.getClass())));
            JsonNode full = mapper.valueToTree(sample);
            assertThat(messages(schema, full)).as(full.toString()).isEmpty();
            JsonNode bare = mapper.valueToTree(withoutOptionals(sample));
            assertThat(messages(schema, bare)).as(bare.toString()).isEmpty();
            // what the consumers rely on: nothing but the components, money as text
            assertThat(iterable(full.fieldNames())).containsExactlyElementsOf(
                    Arrays.stream(sample.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
        }));
    }

    @Test
    void typesAreKnownByTypeAndVersionOnlyOnTheirOwnTopic() {
        assertThat(AllocationEvent.CATALOG.recordOf("SplitPublished", 1)).contains(org.fondicasa.events.allocation.SplitPublished.class);
        assertThat(AllocationEvent.CATALOG.recordOf("SplitPublished", 2)).isEmpty();
        assertThat(AllocationEvent.CATALOG.recordOf("CallClosed", 1)).isEmpty();
        assertThat(ApplicationEvent.CATALOG.recordOf("CallClosed", 1)).contains(org.fondicasa.events.application.CallClosed.class);
    }

    @Test
    void keysAndSubjectsComeFromTheEvent() {
        Map<String, DomainEvent> byType = new LinkedHashMap<>();
        Samples.all().forEach(e -> byType.put(e.eventType(), e));
        assertThat(byType.get("SplitPublished").subject()).isEqualTo(Samples.BARI);
        assertThat(byType.get("SplitPublished").eventKey()).isEqualTo(Samples.BARI);
        assertThat(byType.get("FundCreated").subject()).isNull();
        assertThat(byType.get("FundCreated").eventKey()).isEqualTo(Samples.FUND);
        assertThat(byType.get("DashboardFundUpdated").eventKey()).isEqualTo(Samples.FUND);
        assertThat(byType.get("CallOpened").eventKey()).isEqualTo(Samples.BARI);
        var regional = new org.fondicasa.events.application.CallOpened(Samples.CALL, "SOCIAL_MICROCREDIT", null, null,
                "DGR 1/2026", "Microcredito", "2026-01-01T09:00+01:00", "2026-12-31T12:00+01:00", "1000.00");
        assertThat(regional.subject()).isNull();
        assertThat(regional.eventKey()).isEqualTo(Samples.CALL);
    }

    private static String schemaPath(Class<?> record) {
        try {
            return "events/schemas/" + record.getField("TYPE").get(null) + ".v" + record.getField("VERSION").get(null) + ".json";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaShape(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == List.class) {
            return "array";
        }
        return "unexpected " + type; // primitives too: a consumer could not tell absent from zero
    }

    private static String jsonShape(JsonNode property) {
        if (property.has("enum")) {
            return allTextual(property.get("enum")) ? "string" : "enum of " + property.get("enum");
        }
        JsonNode type = property.get("type");
        if (type == null) {
            return "untyped";
        }
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            types.remove("null"); // nullable: a record component is a reference anyway
            return types.size() == 1 ? types.get(0) : types.toString();
        }
        return type.asText();
    }

    private static boolean allTextual(JsonNode values) {
        for (JsonNode v : values) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        if (property.has("$ref")) {
            String ref = property.get("$ref").asText();
            assertThat(ref).startsWith("#/$defs/");
            return schema.get("$defs").get(ref.substring("#/$defs/".length()));
        }
        return property;
    }

    private static DomainEvent withoutOptionals(DomainEvent sample) throws ReflectiveOperationException {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].isAnnotationPresent(NotRequired.class) ? null : components[i].getAccessor().invoke(sample);
        }
        return (DomainEvent) sample.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    private static List<String> messages(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private JsonNode read(String path) {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
