package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an event's data the same strict way in every consumer: a missing or mistyped field makes the event
 * unprocessable (dead letter), never a silent zero or null. Events are read into their records by {@link #read};
 * a consumer then requires what it uses with {@link #requireText}, {@link #requireInteger} and {@link #requireEuro}.
 */
public final class EventData {

    private static final Pattern EURO = Pattern.compile("-?[0-9]+\\.[0-9]{2}");

    private EventData() {
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new UnprocessableEventException("field " + field + " missing or not a string");
        }
        return node.asText();
    }

    private static int integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new UnprocessableEventException("field " + field + " missing or not an integer");
        }
        return node.asInt();
    }

    /**
     * An event's data as its record. A field of the wrong JSON type is unprocessable; an absent (or null) one is a null
     * component, for the consumer to require if it needs it: what it does not use may be missing, as before records.
     */
    public static <R> R read(JsonNode data, Class<R> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode node = data == null ? null : data.get(components[i].getName());
            values[i] = node == null || node.isNull() ? null : value(data, components[i].getName(), types[i]);
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new UnprocessableEventException("cannot read " + record.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + record.getName(), e);
        }
    }

    private static Object value(JsonNode data, String field, Class<?> type) {
        if (type == String.class) {
            return text(data, field);
        }
        if (type == Integer.class) {
            return integer(data, field);
        }
        if (type == Long.class) {
            JsonNode node = data.get(field);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new UnprocessableEventException("field " + field + " missing or not an integer");
            }
            return node.asLong();
        }
        if (type == Boolean.class) {
            JsonNode node = data.get(field);
            if (!node.isBoolean()) {
                throw new UnprocessableEventException("field " + field + " missing or not a boolean");
            }
            return node.asBoolean();
        }
        if (type == List.class) {
            JsonNode node = data.get(field);
            if (!node.isArray()) {
                throw new UnprocessableEventException("field " + field + " missing or not an array");
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new UnprocessableEventException("field " + field + " holds something else than strings");
                }
                items.add(item.asText());
            }
            return List.copyOf(items);
        }
        throw new IllegalStateException("event records hold strings, integers, booleans and lists of strings, not " + type);
    }

    public static String requireText(String value, String field) {
        if (value == null) {
            throw new UnprocessableEventException("field " + field + " missing or not a string");
        }
        return value;
    }

    public static int requireInteger(Integer value, String field) {
        if (value == null) {
            throw new UnprocessableEventException("field " + field + " missing or not an integer");
        }
        return value;
    }

    /** Euro as events carry it: a decimal string with exactly two decimals, read without rounding. */
    public static BigDecimal requireEuro(String value, String field) {
        if (!EURO.matcher(requireText(value, field)).matches()) {
            throw new UnprocessableEventException("field " + field + " is not euro with two decimals: " + value);
        }
        return new BigDecimal(value);
    }

    /** Null for an absent amount, otherwise as {@link #requireEuro}. */
    public static BigDecimal optionalEuro(String value, String field) {
        return value == null ? null : requireEuro(value, field);
    }
}
