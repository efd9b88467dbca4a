package org.fondicasa.events;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event types of one topic, read from the records its sealed interface permits (their {@code TYPE} and
 * {@code VERSION} constants): adding a record to the interface is all it takes to make it known to consumers.
 */
public final class EventCatalog<E extends DomainEvent> {

    private final Map<String, Class<? extends E>> records;

    private EventCatalog(Map<String, Class<? extends E>> records) {
        this.records = records;
    }

    public static <E extends DomainEvent> EventCatalog<E> of(Class<E> sealedFamily) {
        if (!sealedFamily.isSealed()) {
            throw new IllegalArgumentException(sealedFamily + " is not sealed");
        }
        Map<String, Class<? extends E>> records = new LinkedHashMap<>();
        for (Class<?> permitted : sealedFamily.getPermittedSubclasses()) {
            Class<? extends E> record = permitted.asSubclass(sealedFamily);
            if (records.put(key(constant(record, "TYPE"), (Integer) constant(record, "VERSION")), record) != null) {
                throw new IllegalStateException("two records for the type and version of " + record);
            }
        }
        return new EventCatalog<>(Collections.unmodifiableMap(records));
    }

    /** The record of a type and schema version, or empty for a type this topic's contract does not know. */
    public Optional<Class<? extends E>> recordOf(String type, int version) {
        return Optional.ofNullable(records.get(key(type, version)));
    }

    public Collection<Class<? extends E>> records() {
        return records.values();
    }

    private static String key(Object type, int version) {
        return type + ".v" + version;
    }

    private static Object constant(Class<?> record, String name) {
        try {
            Field field = record.getField(name);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " has no public constant " + name, e);
        }
    }
}
